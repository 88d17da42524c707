# Trusted Firmware-A 2.8 (Debian's source, built by scripts/build-tfa.sh) as
# the PSCI firmware at EL3: conduit SMC, kernel at EL1 or EL2. TF-A answers
# differently from QEMU's built-in PSCI (SMCCC 1.2, no MIGRATE_INFO_TYPE).
# shellcheck shell=bash

NO_REPORT=('!Oops|BUG:|WARNING:|Call trace:|Unable to handle|Kernel panic|may not have powered off')
ALL4='smp: Brought up 1 node, 4 CPUs'
HOTPLUG_OK='hotplug done, 0 failed, online CPUs 0-3'
TFA_SYSFS='for f in /sys/firmware/psci/*; do [ -f "$f" ] && echo "PSCI-SYSFS: ${f##*/}: $(cat "$f")"; done'

if bash scripts/build-tfa.sh > "$LOGDIR/build-tfa.log" 2>&1; then
	scenario tfa-el1-hotplug-poweroff FIRMWARE=tfa MACHINE=virt,secure=on ACTION=hotplug \
		CMD="$TFA_SYSFS" -- \
		'psci: PSCIv1\.1 over smc from arm,psci-1\.0; SMCCC v1\.2' "$ALL4" 'started at EL1' \
		'PSCI-SYSFS: smccc_version: 1\.2' 'PSCI-SYSFS: trusted_os: none' \
		'PSCI-SYSFS: features: CPU_SUSPEND' "$HOTPLUG_OK" 'reboot: Power down' "${NO_REPORT[@]}"
	scenario tfa-el2-hotplug-poweroff FIRMWARE=tfa MACHINE=virt,secure=on,virtualization=on \
		ACTION=hotplug -- \
		'psci: PSCIv1\.1 over smc from arm,psci-1\.0' "$ALL4" 'started at EL2' "$HOTPLUG_OK" \
		'reboot: Power down' "${NO_REPORT[@]}"
	scenario tfa-el1-reboot FIRMWARE=tfa MACHINE=virt,secure=on ACTION=reboot -- \
		'psci: PSCIv1\.1 over smc' "$ALL4" 'reboot: Restarting system' "${NO_REPORT[@]}"
else
	n=$((n + 1)); failed=$((failed + 1))
	echo "not ok $n - tfa: build TF-A (see $LOGDIR/build-tfa.log)"
fi
