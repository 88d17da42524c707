# Foundation scenarios: QEMU's own PSCI over both conduits, the legacy
# 0.1 interface, the mixed 0.2 + legacy compatible, and broken nodes.
# shellcheck shell=bash

scenario qemu-dt-hvc-hotplug-poweroff ACTION=hotplug CYCLES=3 -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' "$ALL4" \
	'PSCI-TEST: hotplug cpu1 ok 3 cycles' 'PSCI-TEST: hotplug cpu3 ok 3 cycles' \
	"$HOTPLUG_OK" 'reboot: Power down'

scenario qemu-dt-hvc-reboot ACTION=reboot -- \
	'psci: PSCIv1\.1 over hvc' "$ALL4" 'reboot: Restarting system' \
	'!SYSTEM_RESET.*failed'

scenario qemu-dt-smc-el2-hotplug-poweroff MACHINE=virt,virtualization=on ACTION=hotplug -- \
	'psci: PSCIv1\.1 over smc from arm,psci-1\.0' "$ALL4" 'CPU: All CPU\(s\) started at EL2' \
	"$HOTPLUG_OK" 'reboot: Power down'

scenario legacy-0.1-only DTS=qemu-tests/dts/legacy-0.1.dts ACTION=hotplug -- \
	'psci: PSCIv0\.1 over hvc from /psci: cpu_suspend yes, cpu_off yes, cpu_on yes, migrate yes' \
	"$ALL4" "$HOTPLUG_OK" \
	'psci: PSCI 0\.1 offers no SYSTEM_OFF' 'System halted'

scenario legacy-0.1-reboot DTS=qemu-tests/dts/legacy-0.1.dts ACTION=reboot -- \
	'psci: PSCI 0\.1 offers no SYSTEM_RESET' 'System halted'

scenario psci-0.2-bad-legacy-ids DTS=qemu-tests/dts/psci-0.2-bad-legacy.dts ACTION=hotplug -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-0\.2' "$ALL4" "$HOTPLUG_OK" \
	'reboot: Power down' '!falling back'

ONE_CPU=('smp: Brought up 1 node, 1 CPU' 'PSCI-TEST: userspace up, online CPUs 0'
	 'psci: no PSCI CPU_ON: secondary CPUs stay off')

scenario method-missing DTS=qemu-tests/dts/no-method.dts -- 'LINT: .*/psci: error: missing "method"' \
	'psci: /psci: missing "method" property, expected "smc" or "hvc"; PSCI disabled' \
	"${ONE_CPU[@]}"

scenario method-foo DTS=qemu-tests/dts/bad-method.dts -- 'LINT: .*/psci: error: invalid method "foo"' \
	'psci: /psci: invalid "method" "foo", expected "smc" or "hvc"; PSCI disabled' \
	"${ONE_CPU[@]}"

scenario no-psci-node DTS=qemu-tests/dts/no-psci.dts -- 'LINT: .*error: enable-method = "psci" but no usable psci node' \
	'!psci: no psci node' "${ONE_CPU[@]}"
