# KVM as the firmware, second unit (run beside 78-kvm-a.cfg): stress under
# KVM, and what rides on the SMCCC hand-off compared with the stock driver.
# shellcheck shell=bash

# A nested boot on a loaded 2-core host takes 15-60 s: room for four times
# that before a boot counts as hung (read by scenario() in run.sh).
# shellcheck disable=SC2034
SCENARIO_TIMEOUT=240

# Stress: 100 hotplug cycles per vCPU; poweroff and reboot with every vCPU
# busy (TCG_THREAD=multi: L1's vCPUs on host threads of their own, truly
# at once).
scenario kvm-stress-hotplug-100 FIRMWARE=kvm TCG_THREAD=multi ACTION=hotplug CYCLES=100 TIMEOUT=400 -- \
	'PSCI-TEST: hotplug cpu1 ok 100 cycles' "$HOTPLUG2" 'reboot: Power down'
scenario kvm-stress-poweroff-busy FIRMWARE=kvm TCG_THREAD=multi CMD=spin_all -- \
	'PSCI-TEST: spinning on all CPUs' 'reboot: Power down'
scenario kvm-stress-reboot-busy FIRMWARE=kvm TCG_THREAD=multi CMD=spin_all ACTION=reboot -- \
	'PSCI-TEST: spinning on all CPUs' 'reboot: Restarting system'

# What rides on the SMCCC hand-off is the stock driver's: boot the stock
# image under the same KVM and compare every SMCCC-VIEW line.
view_vs_stock kvm-smccc-view-vs-stock SMCCC-VIEW TIMEOUT=300 FIRMWARE=kvm CMD=smccc_view -- \
	'kernel: smccc: KVM: hypervisor services detected' 'vulnerability spectre_v2'

# A KVM boot that hangs (L2 never ends: nothing powers it off) is stopped
# by the timeout and reported as a timeout, not as anything else.
scenario_fails kvm-hung-boot-times-out 'FAIL \(timeout: no end of boot after 40s\)' \
	TIMEOUT=40 FIRMWARE=kvm ACTION=none -- 'PSCI-TEST: userspace up'

# Vendor reboot modes (qemu-tests/dts/reboot-modes.dts: the reboot-mode
# binding, the older reset-types, and properties the binding rules out):
# each bad property gets its line, sysfs lists the modes kept, and
# "reboot factory" reaches KVM's SYSTEM_RESET2 with the tree's reset_type
# and 64-bit cookie (x1, x2 traced at the conduit); KVM resets the VM.
scenario kvm-dt-reboot-modes FIRMWARE=kvm DTS=qemu-tests/dts/reboot-modes.dts ACTION=none END=reset \
	APPEND=tp_printk CMD='trace_conduit; reboot_modes_show; reboot-cmd factory' -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' \
	'psci: /psci/reboot-mode: mode-recovery ignored: reset_type 0x00010001 is not a vendor type' \
	'psci: /psci/reboot-mode: mode-normal ignored: the normal reboot is SYSTEM_RESET itself' \
	'psci: /psci/reboot-mode: mode-dload ignored: 16 bytes, expected <reset_type \[\[cookie_hi\] cookie_lo\]> \(1 to 3 cells\)' \
	'psci: /psci/reset-types: mode-edl ignored: reboot-mode already names reboot mode "edl" \(reset_type 0x80000000\)' \
	'PSCI-TEST: reboot mode edl 0x80000000 0x1 reboot-mode' \
	'PSCI-TEST: reboot mode bootloader 0x80010001 0x2 reboot-mode' \
	'PSCI-TEST: reboot mode factory 0x80000002 0x123456789abcdef0 reboot-mode' \
	'PSCI-TEST: reboot mode fastboot 0x80000003 0x4 reset-types' \
	"reboot: Restarting system with command 'factory'" \
	'>hvc: .*fid=0xc4000012 arg=0x80000002 arg2=0x123456789abcdef0' \
	'!hvc: .*fid=0x84000009' '!falling back'
