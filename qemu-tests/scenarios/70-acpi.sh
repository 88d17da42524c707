# UEFI + ACPI: the kernel boots as an EFI application under EDK2 (Debian's
# qemu-efi-aarch64), with no device tree: PSCI comes from the FADT flags
# (PSCI compliant, HVC or SMC). Bring-up, hotplug, poweroff, reboot.
# shellcheck shell=bash

scenario acpi-uefi-hvc-hotplug-poweroff FIRMWARE=uefi ACTION=hotplug -- \
	'psci: PSCIv1\.1 over hvc from ACPI' "$ALL4" "$HOTPLUG_OK" 'reboot: Power down'
scenario acpi-uefi-hvc-reboot FIRMWARE=uefi ACTION=reboot -- \
	'psci: PSCIv1\.1 over hvc from ACPI' "$ALL4" 'reboot: Restarting system'
scenario acpi-uefi-smc-el2-hotplug-poweroff FIRMWARE=uefi MACHINE=virt,virtualization=on ACTION=hotplug -- \
	'psci: PSCIv1\.1 over smc from ACPI' "$ALL4" "$HOTPLUG_OK" 'reboot: Power down'
scenario acpi-uefi-sysfs FIRMWARE=uefi CMD='echo "PSCI-SYSFS: source $(cat /sys/firmware/psci/source), conduit $(cat /sys/firmware/psci/conduit)"' -- \
	'PSCI-SYSFS: source ACPI, conduit hvc' 'reboot: Power down'
