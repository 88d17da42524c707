# Every file of dts-examples/: compiles with dtc without a warning, and boots
# (merged over QEMU's virt platform) doing what the example promises.
# shellcheck shell=bash

EX=dts-examples

# dtc: each example alone, warnings are failures.
dtc_clean() {
	local f out
	for f in "$EX"/*.dts; do
		out=$(dtc -I dts -O dtb -o /dev/null "$f" 2>&1)
		if [ -z "$out" ]; then
			echo "ok - $f"
		else
			echo "not ok - $f"
			sed 's/^/  # /' <<< "$out"
		fi
	done
}
gates dtc dtc_clean

scenario example-psci-1.0-hvc DTS=$EX/psci-1.0-hvc.dts ACTION=hotplug -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' "$ALL4" "$HOTPLUG_OK" 'reboot: Power down'
scenario example-psci-0.2-legacy-fallback DTS=$EX/psci-0.2-legacy-fallback.dts ACTION=hotplug -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-0\.2' "$ALL4" "$HOTPLUG_OK" 'reboot: Power down'
scenario example-psci-0.2-only DTS=$EX/psci-0.2-only.dts ACTION=hotplug -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-0\.2' "$ALL4" "$HOTPLUG_OK" 'reboot: Power down'
scenario example-psci-0.1-kvm DTS=$EX/psci-0.1-kvm.dts ACTION=hotplug END=halt -- \
	'psci: PSCIv0\.1 over hvc from /psci' "$ALL4" "$HOTPLUG_OK" '!PSCI 0\.1 offers no' \
	'System halted'
scenario example-psci-1.0-smc DTS=$EX/psci-1.0-smc.dts MACHINE=virt,virtualization=on ACTION=hotplug -- \
	'psci: PSCIv1\.1 over smc from arm,psci-1\.0' "$ALL4" 'started at EL2' "$HOTPLUG_OK" \
	'reboot: Power down'
scenario example-psci-idle-states DTS=$EX/psci-idle-states.dts \
	CMD='idle_check cpu-ret-light; idle_check cpu-ret-deep' -- \
	"$ALL4" 'idle check cpu-ret-light done, 0 failed' \
	'idle check cpu-ret-deep done, 0 failed' 'reboot: Power down'
scenario example-psci-power-domains DTS=$EX/psci-power-domains.dts \
	CMD='idle_check cpu-retention; ls /sys/kernel/debug/pm_genpd/ | sed "s/^/PSCI-TEST: genpd /"' -- \
	"$ALL4" 'Initialized CPU PM domain topology using PC mode' 'PSCI-TEST: genpd power-domain-cluster' \
	'idle check cpu-retention done, 0 failed' 'reboot: Power down'
scenario example-psci-under-firmware DTS=$EX/psci-under-firmware.dts ACTION=hotplug -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' "$ALL4" "$HOTPLUG_OK" 'reboot: Power down'

# The binding document's worked examples are these files.
gates doc python3 qemu-tests/check-doc-examples.py
