# 32-bit ARM guests (qemu-system-arm -M virt -cpu cortex-a15): the same
# driver, the SMC32 function IDs, arch/arm's PSCI SMP operations.
# shellcheck shell=bash

IDS='for f in /sys/firmware/psci/functions/*; do echo "PSCI-SYSFS: ${f##*/}: $(cat "$f")"; done'

scenario arm32-qemu-dt-hotplug-poweroff GUEST_ARCH=arm32 ACTION=hotplug CMD="$IDS" -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' "$ALL4" \
	'PSCI-SYSFS: CPU_ON: 0x84000003' 'PSCI-SYSFS: CPU_SUSPEND: 0x84000001' \
	'PSCI-SYSFS: AFFINITY_INFO: 0x84000004' "$HOTPLUG_OK" 'reboot: Power down'
scenario arm32-qemu-dt-reboot GUEST_ARCH=arm32 ACTION=reboot -- \
	'psci: PSCIv1\.1 over hvc' "$ALL4" 'reboot: Restarting system'
scenario arm32-legacy-0.1-only GUEST_ARCH=arm32 DTS=qemu-tests/dts/legacy-0.1.dts ACTION=hotplug -- \
	'psci: PSCIv0\.1 over hvc from /psci: cpu_suspend yes, cpu_off yes, cpu_on yes, migrate yes' \
	"$ALL4" "$HOTPLUG_OK" 'PSCI 0\.1 offers no SYSTEM_OFF' 'System halted'
kunit arm32-kunit-fake-firmware GUEST_ARCH=arm32 SMP=4
