# The bad-input matrix: malformed or hostile psci nodes. Each boots, draws
# its one-line diagnostic, shows no WARN/BUG/oops, reaches userspace and
# keeps what still works. psci-lint, run by boot.sh on the merged tree
# first, must draw its finding too ("LINT:" lines).
# shellcheck shell=bash

BAD=qemu-tests/dts/bad
UP='PSCI-TEST: userspace up'
ONE_CPU=('smp: Brought up 1 node, 1 CPU' "$UP")
# Offer CPU1 for offline: not hotpluggable (no online file), refused, or gone.
OFFLINE_CPU1='if [ ! -e /sys/devices/system/cpu/cpu1/online ]; then echo "PSCI-TEST: cpu1 not hotpluggable"
elif echo 0 > /sys/devices/system/cpu/cpu1/online; then echo "PSCI-TEST: cpu1 went offline"
else echo "PSCI-TEST: cpu1 offline refused"; fi'
NOT_STRING='psci: /psci: "method" is not a string \([0-9]+ bytes\), expected "smc" or "hvc"; PSCI disabled'

# BAD_PART=i BAD_PARTS=n: run only every n-th tree, from the i-th (0-based),
# so that the slow debug kernel can run the matrix as parallel halves.
BAD_INDEX=0
bad() { # bad NAME [VAR=VALUE ...] -- PATTERN...
	local name=$1
	shift
	BAD_INDEX=$((BAD_INDEX + 1))
	[ $(((BAD_INDEX - 1) % ${BAD_PARTS:-1})) = "${BAD_PART:-0}" ] || return 0
	scenario "bad-$name" DTS="$BAD/$name.dts" "$@"
}

bad method-empty END=halt -- 'LINT: .*/psci: error: invalid method ""' 'psci: /psci: invalid "method" "", expected "smc" or "hvc"; PSCI disabled' "${ONE_CPU[@]}"
bad method-uppercase END=halt -- 'LINT: .*/psci: error: invalid method "HVC"' 'psci: /psci: invalid "method" "HVC", expected "smc" or "hvc"; PSCI disabled' \
	"${ONE_CPU[@]}"
bad method-cell END=halt -- 'LINT: .*/psci: error: "method" is not one string' "$NOT_STRING" "${ONE_CPU[@]}"
bad method-trailing-space END=halt -- 'LINT: .*/psci: error: invalid method "hvc "' 'psci: /psci: invalid "method" "hvc ", expected' \
	"${ONE_CPU[@]}"
# Accepted as the stock driver accepts it (the first string), told by psci-lint.
bad method-two-strings ACTION=hotplug CYCLES=1 -- 'LINT: .*/psci: error: "method" is not one string' \
	'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' "$ALL4" 'hotplug done, 0 failed' '!\] psci: /psci:' \
	'reboot: Power down'
bad status-disabled END=halt -- 'LINT: .*/psci: info: psci node is disabled' 'psci: /psci: psci node is disabled \(status is not "okay"\); no PSCI' \
	"${ONE_CPU[@]}"
bad disabled-then-okay ACTION=hotplug CYCLES=1 -- 'LINT: .*/firmware/psci: info: psci node is disabled' 'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' \
	"$ALL4" 'hotplug done, 0 failed' 'reboot: Power down'
bad two-psci-nodes -- 'LINT: .*/firmware/psci: error: second psci node' 'psci: /firmware/psci: a second psci node, ignored; using /psci' \
	'psci: PSCIv1\.1 over hvc' "$ALL4" 'reboot: Power down'
bad legacy-no-ids END=halt -- 'LINT: .*/psci: error: "arm,psci" node without cpu_suspend' 'psci: /psci: "arm,psci" node without a usable cpu_suspend, cpu_off, cpu_on or migrate ID; no PSCI' \
	"${ONE_CPU[@]}"
# Without CPU_OFF a CPU is still offered for hotplug, as arm64 always did;
# the offline itself is refused.
bad legacy-only-cpu-on END=halt CMD="$OFFLINE_CPU1" -- 'LINT: .*/psci: info: PSCI 0\.1 node without cpu_off' \
	'psci: PSCIv0\.1 over hvc from /psci: cpu_suspend no, cpu_off no, cpu_on yes, migrate no' \
	"$ALL4" 'PSCI-TEST: cpu1 offline refused' '!PSCI 0\.1 offers no'
bad legacy-id-2-bytes END=halt -- 'LINT: .*/psci: error: "cpu_on" is 2 bytes' 'psci: /psci: "cpu_on" is 2 bytes, expected one 32-bit cell; CPU_ON disabled' \
	"${ONE_CPU[@]}"
# A longer property: its first cell, as of_property_read_u32() reads it
# for the stock driver; here that is 0 (a 64-bit value's top half).
bad legacy-id-8-bytes END=halt -- 'LINT: .*/psci: error: "cpu_on" is 8 bytes' 'psci: /psci: "cpu_on" is 0, not a function ID; CPU_ON disabled' \
	'psci: no cpu_on method, not booting CPU1' "${ONE_CPU[@]}"
bad legacy-id-zero END=halt ACTION=none CMD="$OFFLINE_CPU1; poweroff" -- 'LINT: .*/psci: error: "cpu_off" is 0' \
	'psci: /psci: "cpu_off" is 0, not a function ID; CPU_OFF disabled' "$ALL4" \
	'PSCI-TEST: cpu1 offline refused'
bad legacy-id-clash END=halt ACTION=hotplug CYCLES=1 -- 'LINT: .*/psci: info: "cpu_suspend" = 0x84000002 is the standard ID of CPU_OFF' \
	'psci: PSCIv0\.1 over hvc from /psci: cpu_suspend yes, cpu_off yes, cpu_on yes' \
	"$ALL4" 'hotplug done, 0 failed' '!\] psci: .*standard ID of'
bad legacy-listed-first ACTION=hotplug CYCLES=1 -- \
	'LINT: .*/psci: warning: "cpu_on" = 0x95c1ba60 differs from the standard CPU_ON ID .* "arm,psci" comes first' \
	'psci: PSCIv1\.1 over hvc from arm,psci-0\.2' "$ALL4" 'hotplug done, 0 failed' 'reboot: Power down'
# Two operations with one ID: used as the stock driver uses them (CPU_ON
# works here), told by psci-lint.
bad legacy-id-duplicate END=halt -- 'LINT: .*/psci: error: "cpu_off" and "cpu_on" share ID' \
	'psci: PSCIv0\.1 over hvc from /psci: cpu_suspend no, cpu_off yes, cpu_on yes' '!\] psci: .*share ID' "$ALL4" "$UP"
bad psci-1.0-alone ACTION=hotplug CYCLES=1 -- 'LINT: .*/psci: info: "arm,psci-1\.0" without "arm,psci-0\.2"' 'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' \
	"$ALL4" 'hotplug done, 0 failed' 'reboot: Power down'
bad unknown-compatible END=halt -- 'LINT: .*/cpus/cpu@1: error: enable-method = "psci" but no usable psci node' 'psci: no cpu_on method, not booting CPU1' \
	'!psci: no psci node' "${ONE_CPU[@]}"
bad cpus-no-enable-method -- 'LINT: .*/cpus/cpu@1: warning: CPU without enable-method' 'cpu@1: missing enable-method property' 'psci: PSCIv1\.1 over hvc' \
	"${ONE_CPU[@]}" 'reboot: Power down'
bad cpus-spin-table -- 'LINT: .*/cpus/cpu@1: info: enable-method "vendor,magic" is a 32-bit platform' 'Unsupported enable-method: vendor,magic' \
	'smp: Brought up 1 node, 3 CPUs' "$UP" 'reboot: Power down'
bad idle-state-reserved-bits -- 'LINT: .*cpu-retention: info: arm,psci-suspend-param 0x00020000 is in the extended format' 'Invalid PSCI power state 0x20000' \
	"$ALL4" "$UP" 'reboot: Power down'
bad idle-state-no-param -- 'LINT: .*cpu-retention: error: idle state without arm,psci-suspend-param' 'cpu-retention missing arm,psci-suspend-param property' \
	"$ALL4" "$UP" 'reboot: Power down'
