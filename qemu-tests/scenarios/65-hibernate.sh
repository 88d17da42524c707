# Hibernation end to end: a guest with a virtio-blk swap disk (a file
# under build/) hibernates (echo disk > /sys/power/state); the image is
# written and the machine powers off, through SYSTEM_OFF where the
# firmware has no SYSTEM_OFF2 with HIBERNATE_OFF (QEMU 7.2, KVM 6.12 and
# TF-A 2.8 stop at PSCI 1.1), through SYSTEM_OFF2 on our TF-A build that
# has it. A second boot with resume= restores it:
# the guest's userspace goes on where it stopped and finds the marker the
# first boot left in RAM (/tmp), then powers off.
# shellcheck shell=bash

# hibernate_then_resume NAME tcg|kvm [VAR=VALUE ...] [-- PATTERN ...]:
# NAME-hibernate and NAME-resume, two boots on one fresh swap disk; the
# PATTERNs are further lines the hibernating boot must show (how it
# powered off). Under KVM the disk is L1's /dev/vda, which L1 hands on to
# L2, and L2's console is quiet as in every KVM boot (boot.sh's
# KVM_QUIET: the nested PL011 costs an exit a character; printing the
# boots' own lines costs more than the rest of the pair): the guest raises
# it to KERN_INFO before it hibernates, and the second boot resumes from
# userspace after raising it, as initramfs-tools resumes (resume_from in
# guest/psci-lib.sh), so that the PM lines, informational, show. The
# other pairs resume through resume= on the command line.
hibernate_then_resume() {
	local name=$1 mode=$2 disk marker drive l1=() append="resume=/dev/vda no_console_suspend"
	local vars=() off=() loud='' resume='echo "PSCI-TEST: fresh boot, no resume"'
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
	[ $# -eq 0 ] || { shift; off=("$@"); }
	[ -z "$FILTER" ] || [[ "$name-hibernate $name-resume" == *$FILTER* ]] || return 0
	disk=$BUILD/tmp.$name.swap
	rm -f "$disk"
	truncate -s 256M "$disk"
	marker=marker-$$-$RANDOM
	if [ "$mode" = kvm ]; then
		append="no_console_suspend arm64.nolva"
		loud="dmesg -n 7; "
		resume="resume_from /dev/vda; $resume"
		l1=(KVM_L1_EXTRA="-drive if=none,file=$disk,format=raw,id=l1swap -device virtio-blk-device,drive=l1swap")
		drive="-drive if=none,file=/dev/vda,format=raw,id=swap -device virtio-blk-device,drive=swap"
	else
		drive="-drive if=none,file=$disk,format=raw,id=swap -device virtio-blk-device,drive=swap"
	fi
	# ACTION=none: the hibernation powers the machine off in the middle of
	# CMD; after the resume the rest of CMD powers it off.
	scenario "$name-hibernate" "${vars[@]}" "${l1[@]}" QEMU_EXTRA="$drive" APPEND="$append" \
		ACTION=none END=off CMD="${loud}hibernate_to /dev/vda $marker; mark PSCI-TEST: poweroff; poweroff -f" -- \
		'PSCI-TEST: swap on /dev/vda' 'PM: hibernation: hibernation entry' \
		'>PM: Image saving done' '>reboot: Power down' '!PSCI-TEST: resumed|FAILED' "${off[@]}"
	scenario "$name-resume" "${vars[@]}" "${l1[@]}" QEMU_EXTRA="$drive" APPEND="$append" \
		CMD="$resume" -- \
		'PM: Image loading done' "PSCI-TEST: resumed, marker $marker" \
		'>reboot: Power down' '!PSCI-TEST: fresh boot'
	rm -f "$disk"
}

hibernate_then_resume hibernate-qemu tcg -- '!SYSTEM_OFF2'
hibernate_then_resume hibernate-kvm kvm FIRMWARE=kvm TIMEOUT=300 -- '!SYSTEM_OFF2'

# Our TF-A build with SYSTEM_OFF2 (PSCI 1.3, scripts/tfa/): the
# hibernation ends in SYSTEM_OFF2, type 0 (HIBERNATE_OFF by default), as
# TF-A's console says; a device tree, so that the stub passes resume=.
if [ ! -f "$BUILD/tfa/flash-off2.bin" ]; then
	SCENARIO_BROKEN="TF-A was not built (see $BUILD/logs/build-tfa.log)"
fi
hibernate_then_resume hibernate-tfa-off2 tcg FIRMWARE=tfa TFA=off2 MACHINE=virt,secure=on \
	DTS=dts-examples/psci-1.0-smc.dts -- 'psci: PSCIv1\.3 over smc' \
	'>NOTICE: +PSCI: SYSTEM_OFF2 type 0x0: HIBERNATE_OFF'
unset SCENARIO_BROKEN
