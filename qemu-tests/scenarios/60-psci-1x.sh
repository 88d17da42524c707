# PSCI 1.x on QEMU's firmware: the sysfs view, what PSCI_FEATURES told us,
# the warm-reset fallback, and no platform suspend where there is none.
# shellcheck shell=bash

SHOW_SYSFS='for f in /sys/firmware/psci/*; do [ -f "$f" ] && echo "PSCI-SYSFS: ${f##*/}: $(cat "$f")"; done
for f in /sys/firmware/psci/functions/* /sys/firmware/psci/calls/*; do echo "PSCI-SYSFS: ${f#/sys/firmware/psci/}: $(cat "$f")"; done
echo "PSCI-SYSFS: mem_sleep: $(cat /sys/power/mem_sleep)"'

scenario sysfs-qemu-hvc CMD="$SHOW_SYSFS" -- \
	'PSCI-SYSFS: version: 1\.1' 'PSCI-SYSFS: conduit: hvc' 'PSCI-SYSFS: source: arm,psci-1\.0' \
	'PSCI-SYSFS: smccc_version: 1\.0' 'PSCI-SYSFS: power_state_format: original' \
	'PSCI-SYSFS: suspend_mode: platform-coordinated' 'PSCI-SYSFS: trusted_os: mp' \
	'PSCI-SYSFS: features: CPU_SUSPEND.?$' \
	'PSCI-SYSFS: functions/CPU_ON: 0xc4000003' 'PSCI-SYSFS: functions/CPU_OFF: 0x84000002' \
	'PSCI-SYSFS: functions/SYSTEM_OFF: 0x84000008' 'PSCI-SYSFS: calls/CPU_ON: 3' \
	'PSCI-SYSFS: calls/PSCI_VERSION: 1' '!PSCI-SYSFS: functions/SYSTEM_SUSPEND' \
	'!PSCI-SYSFS: functions/SET_SUSPEND_MODE' \
	'PSCI-SYSFS: mem_sleep: \[?s2idle\]?.?$' '!PSCI-SYSFS: mem_sleep:.*deep' \
	'reboot: Power down'

scenario sysfs-qemu-smc-el2 MACHINE=virt,virtualization=on CMD="$SHOW_SYSFS" -- \
	'PSCI-SYSFS: conduit: smc' 'PSCI-SYSFS: version: 1\.1' 'reboot: Power down'

scenario sysfs-legacy-0.1 DTS=qemu-tests/dts/legacy-0.1.dts CMD="$SHOW_SYSFS" -- \
	'PSCI-SYSFS: version: 0\.1' 'PSCI-SYSFS: source: arm,psci' \
	'PSCI-SYSFS: functions/CPU_ON: 0x95c1ba60' '!PSCI-SYSFS: functions/SYSTEM_OFF' \
	'!PSCI-SYSFS: functions/PSCI_VERSION' 'System halted'

scenario reboot-warm-falls-back ACTION=reboot APPEND=reboot=warm -- \
	'psci: no SYSTEM_RESET2 for a warm reset, using SYSTEM_RESET' 'reboot: Restarting system'

scenario hotplug-counts-calls ACTION=none \
	CMD='a=$(cat /sys/firmware/psci/calls/CPU_ON); echo 0 > /sys/devices/system/cpu/cpu2/online; echo 1 > /sys/devices/system/cpu/cpu2/online; echo "PSCI-TEST: CPU_ON calls $a -> $(cat /sys/firmware/psci/calls/CPU_ON), CPU_OFF calls $(cat /sys/firmware/psci/calls/CPU_OFF)"; poweroff' -- \
	'PSCI-TEST: CPU_ON calls 3 -> 4, CPU_OFF calls 1'

# /sys/kernel/debug/psci is the stock driver's file, word for word.
view_vs_stock debugfs-vs-stock-qemu PSCI-DEBUGFS CMD=debugfs_view -- \
	'^PSCI-DEBUGFS: PSCIv1\.1$' '^PSCI-DEBUGFS: OSI is not supported$' \
	'^PSCI-DEBUGFS: Original StateID format is used$'

# Vendor reboot modes on a firmware without SYSTEM_RESET2 (QEMU's): the
# modes are read and listed, and "reboot edl" says it falls back to
# SYSTEM_RESET, naming the mode and its reset_type.
scenario reboot-mode-no-reset2 DTS=qemu-tests/dts/reboot-modes.dts ACTION=reboot \
	CMD='reboot_modes_show; reboot-cmd edl' -- \
	'PSCI-TEST: reboot mode edl 0x80000000 0x1 reboot-mode' \
	"reboot: Restarting system with command 'edl'" \
	'>psci: no SYSTEM_RESET2 for reboot mode "edl" \(reset_type 0x80000000\), using SYSTEM_RESET'
