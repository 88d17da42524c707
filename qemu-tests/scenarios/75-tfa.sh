# Trusted Firmware-A 2.8 (Debian's source, built by scripts/build-tfa.sh) as
# the PSCI firmware at EL3: conduit SMC, kernel at EL1 or EL2. TF-A answers
# differently from QEMU's built-in PSCI (SMCCC 1.2, no MIGRATE_INFO_TYPE).
# shellcheck shell=bash

TFA_SYSFS='for f in /sys/firmware/psci/*; do [ -f "$f" ] && echo "PSCI-SYSFS: ${f##*/}: $(cat "$f")"; done'

# TF-A is built before the suite (make tfa). One that could not be built
# (a mirror mid-sync, say) still reports each of its scenarios, as failed
# with the reason.
if [ ! -f "$BUILD/tfa/flash.bin" ] || [ ! -f "$BUILD/tfa/flash-off2-notype.bin" ]; then
	SCENARIO_BROKEN="TF-A was not built: $(tail -n1 "$BUILD/logs/build-tfa.log" 2>/dev/null) (see $BUILD/logs/build-tfa.log)"
fi
scenario tfa-el1-hotplug-poweroff FIRMWARE=tfa MACHINE=virt,secure=on ACTION=hotplug \
	CMD="$TFA_SYSFS" -- \
	'psci: PSCIv1\.1 over smc from arm,psci-1\.0; SMCCC v1\.2' "$ALL4" 'started at EL1' \
	'PSCI-SYSFS: smccc_version: 1\.2' 'PSCI-SYSFS: trusted_os: none' \
	'PSCI-SYSFS: features: CPU_SUSPEND' "$HOTPLUG_OK" 'reboot: Power down'
scenario tfa-el2-hotplug-poweroff FIRMWARE=tfa MACHINE=virt,secure=on,virtualization=on \
	ACTION=hotplug -- \
	'psci: PSCIv1\.1 over smc from arm,psci-1\.0' "$ALL4" 'started at EL2' "$HOTPLUG_OK" \
	'reboot: Power down'
scenario tfa-el1-reboot FIRMWARE=tfa MACHINE=virt,secure=on ACTION=reboot -- \
	'psci: PSCIv1\.1 over smc' "$ALL4" 'reboot: Restarting system'
# Real power-down idle states (TF-A with scripts/tfa/01-qemu-suspend.patch):
# retention entered; core and cluster power-down entered and resumed
# through the resume entry point many times while every secondary is
# hotplugged; then the usual hotplug.
scenario tfa-el1-idle-power-down FIRMWARE=tfa MACHINE=virt,secure=on \
	DTS=dts-examples/psci-tfa-power-down.dts ACTION=hotplug TIMEOUT=240 \
	CMD='idle_check cpu-retention; idle_soak cpu-power-down 20; idle_soak cluster-pwr-dn 10' -- \
	'psci: PSCIv1\.1 over smc from arm,psci-1\.0' "$ALL4" 'started at EL1' \
	'idle check cpu-retention done, 0 failed' 'idle soak cpu-power-down done, 0 failed' \
	'idle soak cluster-pwr-dn done, 0 failed' "$HOTPLUG_OK" 'reboot: Power down'
scenario tfa-el2-idle-power-down FIRMWARE=tfa MACHINE=virt,secure=on,virtualization=on \
	DTS=dts-examples/psci-tfa-power-down.dts \
	CMD='idle_soak cpu-power-down 10' -- \
	'psci: PSCIv1\.1 over smc from arm,psci-1\.0' "$ALL4" 'started at EL2' \
	'idle soak cpu-power-down done, 0 failed' 'reboot: Power down'
# Suspend to RAM: our TF-A's SYSTEM_SUSPEND (scripts/tfa/01-qemu-suspend.patch)
# with mem_sleep "deep". The last CPU waits in TF-A for an interrupt, the
# PL031's alarm wakes it (its interrupt count goes up, the RTC has moved
# on), and it comes back through the warm boot entry point; every CPU is
# back, then hotplug and poweroff as usual.
scenario tfa-el1-suspend-to-ram FIRMWARE=tfa MACHINE=virt,secure=on ACTION=hotplug \
	CMD='suspend_mem 3' -- \
	'psci: PSCIv1\.1 over smc from arm,psci-1\.0; SMCCC v1\.2, SYSTEM_SUSPEND' \
	'PSCI-TEST: mem_sleep: s2idle \[deep\]' 'PM: suspend entry \(deep\)' \
	'>NOTICE: +QEMU: system suspend, until the next interrupt' '>NOTICE: +QEMU: system resumed' \
	'>PM: suspend exit' \
	'>PSCI-TEST: suspend to RAM done: successes 0 -> 1, RTC [3-9] s later, its interrupts 0 -> 1, CPUs 0-3 online' \
	"$HOTPLUG_OK" 'reboot: Power down'

# SYSTEM_OFF2 advertised without its HIBERNATE_OFF type (our PSCI 1.3 TF-A
# build with PSCI_OFF2_TYPES=0): one line says so and the driver leaves
# the function alone (not in the features it lists); the rest boots.
scenario tfa-off2-without-hibernate-type FIRMWARE=tfa TFA=off2-notype MACHINE=virt,secure=on \
	CMD="$TFA_SYSFS" -- \
	'psci: SYSTEM_OFF2 \(0xc4000015\) offers no HIBERNATE_OFF type \(PSCI_FEATURES: 0x0\): hibernation ends in SYSTEM_OFF' \
	'psci: PSCIv1\.3 over smc from arm,psci-1\.0' "$ALL4" \
	'PSCI-SYSFS: features: CPU_SUSPEND SYSTEM_SUSPEND.?$' 'reboot: Power down'
# The same build with the type: SYSTEM_OFF2 is kept, and listed.
scenario tfa-off2-hibernate-type FIRMWARE=tfa TFA=off2 MACHINE=virt,secure=on \
	CMD="$TFA_SYSFS" -- \
	'psci: PSCIv1\.3 over smc from arm,psci-1\.0' '!offers no HIBERNATE_OFF' "$ALL4" \
	'PSCI-SYSFS: features: CPU_SUSPEND SYSTEM_SUSPEND SYSTEM_OFF2.?$' 'reboot: Power down'
SCENARIO_BROKEN=

# The control for the power-down soak above: QEMU's built-in PSCI answers a
# power-down CPU_SUSPEND with a WFI and a return, so the same state is never
# counted as entered (every entry is "rejected" by arm64's cpu_suspend()).
sed 's/method = "smc"/method = "hvc"/' dts-examples/psci-tfa-power-down.dts > "$LOGDIR/power-down-hvc.dts"
scenario qemu-power-down-only-returns DTS="$LOGDIR/power-down-hvc.dts" \
	CMD='idle_soak cpu-power-down 5' -- \
	'soak cpu1 cpu-power-down FAILED: entered 0 times, rejected [1-9]' \
	'idle soak cpu-power-down done, 4 failed' 'reboot: Power down'

# /sys/kernel/debug/psci is the stock driver's file, word for word, on a
# firmware that answers otherwise than QEMU's (SMCCC 1.2, no Trusted OS
# answer, no optional function).
view_vs_stock debugfs-vs-stock-tfa PSCI-DEBUGFS FIRMWARE=tfa MACHINE=virt,secure=on \
	CMD=debugfs_view -- \
	'^PSCI-DEBUGFS: PSCIv1\.1$' '^PSCI-DEBUGFS: SMC Calling Convention v1\.2$' \
	'^PSCI-DEBUGFS: Original StateID format is used$'
