# Hibernation end to end: a guest with a virtio-blk swap disk (a file
# under build/) hibernates (echo disk > /sys/power/state); the image is
# written and the machine powers off, through SYSTEM_OFF where the
# firmware has no SYSTEM_OFF2 with HIBERNATE_OFF (QEMU 7.2, KVM 6.12 and
# TF-A 2.8 stop at PSCI 1.1). A second boot with resume= restores it:
# the guest's userspace goes on where it stopped and finds the marker the
# first boot left in RAM (/tmp), then powers off.
# shellcheck shell=bash

# hibernate_then_resume NAME tcg|kvm [VAR=VALUE ...]: NAME-hibernate and
# NAME-resume, two boots on one fresh swap disk. Under KVM the disk is
# L1's /dev/vda, which L1 hands on to L2, and L2's console prints
# everything (KVM_QUIET=0: the PM lines are informational).
hibernate_then_resume() {
	local name=$1 mode=$2 disk marker drive l1=() append="resume=/dev/vda no_console_suspend"
	shift 2
	[ -z "$FILTER" ] || [[ "$name-hibernate $name-resume" == *$FILTER* ]] || return 0
	disk=$BUILD/tmp.$name.swap
	rm -f "$disk"
	truncate -s 256M "$disk"
	marker=marker-$$-$RANDOM
	if [ "$mode" = kvm ]; then
		append+=" arm64.nolva"
		l1=(KVM_QUIET=0 KVM_L1_EXTRA="-drive if=none,file=$disk,format=raw,id=l1swap -device virtio-blk-device,drive=l1swap")
		drive="-drive if=none,file=/dev/vda,format=raw,id=swap -device virtio-blk-device,drive=swap"
	else
		drive="-drive if=none,file=$disk,format=raw,id=swap -device virtio-blk-device,drive=swap"
	fi
	# ACTION=none: the hibernation powers the machine off in the middle of
	# CMD; after the resume the rest of CMD powers it off.
	scenario "$name-hibernate" "$@" "${l1[@]}" QEMU_EXTRA="$drive" APPEND="$append" \
		ACTION=none CMD="hibernate_to /dev/vda $marker; echo PSCI-TEST: poweroff; poweroff -f" -- \
		'PSCI-TEST: swap on /dev/vda' 'PM: hibernation: hibernation entry' \
		'>PM: Image saving done' '>reboot: Power down' '!PSCI-TEST: resumed|FAILED'
	scenario "$name-resume" "$@" "${l1[@]}" QEMU_EXTRA="$drive" APPEND="$append" \
		CMD='echo "PSCI-TEST: fresh boot, no resume"' -- \
		'PM: Image loading done' "PSCI-TEST: resumed, marker $marker" \
		'>reboot: Power down' '!PSCI-TEST: fresh boot'
	rm -f "$disk"
}

hibernate_then_resume hibernate-qemu tcg
hibernate_then_resume hibernate-kvm kvm FIRMWARE=kvm TIMEOUT=300
