# Debian's systemd as init (ROOTFS=debian, scripts/build-debian-rootfs.sh):
# the system leaves through systemctl; systemd stops its units and
# systemd-shutdown makes the final reboot(2). Each scenario on our image
# and the stock one: the final firmware call traced at the conduit, the
# same end of QEMU.
# shellcheck shell=bash

# shellcheck disable=SC2034 # read by scenario() in run.sh
SCENARIO_TIMEOUT=240

SYSTEM_OFF='hvc: .*fid=0x84000008 '
SYSTEM_RESET='hvc: .*fid=0x84000009 '
SYSTEM_RESET2='hvc: .*fid=0xc4000012 '
SD=(ROOTFS=debian APPEND=tp_printk CMD=trace_conduit)

for v in ours stock; do
	IMG=$BUILD/images/$([ $v = ours ] && echo "${OURS_VARIANT:-ours}" || echo stock)-base/Image
	scenario "systemd-$v-poweroff" IMAGE="$IMG" "${SD[@]}" ACTION=poweroff -- \
		'PSCI-TEST: systemd systemd 252' 'systemd-shutdown\[1\]: Powering off\.' \
		'reboot: Power down' ">$SYSTEM_OFF" '!FAILED'
	scenario "systemd-$v-reboot" IMAGE="$IMG" "${SD[@]}" ACTION=reboot -- \
		'PSCI-TEST: systemd systemd 252' 'systemd-shutdown\[1\]: Rebooting\.' \
		'reboot: Restarting system' ">$SYSTEM_RESET" "!$SYSTEM_RESET2" '!FAILED'
	# "systemctl reboot factory" under KVM (SYSTEM_RESET2) on a tree with
	# vendor reboot modes (qemu-tests/dts/reboot-modes.dts): systemd
	# hands the argument to reboot(2) as LINUX_REBOOT_CMD_RESTART2; ours
	# makes the tree's vendor reset (reset_type and 64-bit cookie), the
	# stock driver, which has no reboot modes, SYSTEM_RESET.
	if [ $v = ours ]; then
		final=(">$SYSTEM_RESET2"'arg=0x80000002 arg2=0x123456789abcdef0' "!$SYSTEM_RESET")
	else
		final=(">$SYSTEM_RESET" "!$SYSTEM_RESET2")
	fi
	scenario "systemd-$v-reboot-mode-kvm" IMAGE="$IMG" ROOTFS=debian FIRMWARE=kvm \
		DTS=qemu-tests/dts/reboot-modes.dts ACTION=reboot REBOOT_ARG=factory \
		APPEND="tp_printk systemd.show_status=false" CMD=trace_conduit -- \
		'PSCI-TEST: systemd systemd 252' "reboot: Restarting system with command 'factory'" \
		"${final[@]}"
done

# systemctl hibernate: systemd-sleep writes the image to a swap disk and
# powers off (SYSTEM_OFF: no firmware here has SYSTEM_OFF2); a second
# boot with resume= restores the system, and the command that hibernated
# goes on and finds its marker. Both images.
for v in ours stock; do
	IMG=$BUILD/images/$([ $v = ours ] && echo "${OURS_VARIANT:-ours}" || echo stock)-base/Image
	[ -z "$FILTER" ] || [[ "systemd-$v-hibernate systemd-$v-resume" == *$FILTER* ]] || continue
	disk=$BUILD/tmp.systemd-$v.swap
	rm -f "$disk"
	truncate -s 256M "$disk"
	marker=marker-$$-$RANDOM
	hib=(IMAGE="$IMG" ROOTFS=debian ACTION=none END=off
	     APPEND="resume=/dev/vda no_console_suspend tp_printk"
	     QEMU_EXTRA="-drive if=none,file=$disk,format=raw,id=swap -device virtio-blk-device,drive=swap"
	     CMD="trace_conduit; hibernate_to /dev/vda $marker systemd; systemctl --no-block poweroff")
	scenario "systemd-$v-hibernate" "${hib[@]}" -- 'PSCI-TEST: swap on /dev/vda' \
		'systemd-hibernate.service' '>PM: Image saving done' '>reboot: Power down' \
		">$SYSTEM_OFF" '!PSCI-TEST: resumed|FAILED'
	scenario "systemd-$v-resume" "${hib[@]}" -- 'PM: hibernation: resume from hibernation' \
		'>PM: Image loading done' ">PSCI-TEST: resumed, marker $marker" \
		'>reboot: Power down' ">$SYSTEM_OFF" '!PSCI-TEST: swap on|FAILED'
	rm -f "$disk"
done

# systemctl kexec: the second kernel started by systemd-shutdown's
# reboot(2) (LINUX_REBOOT_CMD_KEXEC) with every CPU back, on both images.
view_vs_stock systemd-kexec-vs-stock KEXEC ROOTFS=debian KEXEC=1 ACTION=none \
	CMD='systemctl_kexec_chain 2' -- \
	'^KEXEC: generation 1 of 2: online CPUs 0-3, 0 failed, online CPUs 0-3$' \
	'^KEXEC: generation 2 of 2: online CPUs 0-3, 0 failed, online CPUs 0-3$' \
	'^KEXEC: chain of 2 kernels done$'
# systemctl suspend on TF-A with SYSTEM_SUSPEND (our TF-A build), woken
# by the RTC: systemd's suspend.target and systemd-sleep, then TF-A's
# suspend and resume, on both images. Booted with a device tree (TF-A's
# stub hands it to the kernel) so that the Debian archive is not held to
# TF-A's 8 MiB initrd window.
view_vs_stock systemd-suspend-tfa-vs-stock '(PSCI-SUSPEND|NOTICE)' ROOTFS=debian \
	FIRMWARE=tfa MACHINE=virt,secure=on DTS=dts-examples/psci-1.0-smc.dts ACTION=poweroff \
	CMD='suspend_mem 3 systemd' -- '^NOTICE: +QEMU: system suspend, until the next interrupt$' \
	'^NOTICE: +QEMU: system resumed$' \
	'^PSCI-SUSPEND: deep: successes 0 -> 1, RTC interrupts 0 -> 1, CPUs 0-3 online$'

# The journal's kernel part: stock's psci lines, all of them, among ours
# (from the poweroff boots above).
stock_lines_of systemd-stock-lines systemd-ours-poweroff systemd-stock-poweroff

# The judge under systemd: a "reboot" whose systemd powers off fails.
scenario_fails systemd-reboot-that-powers-off 'QEMU ended through guest-shutdown, expected END=reset' \
	ROOTFS=debian ACTION=reboot CMD='systemctl --no-block poweroff; sleep 60' -- \
	'systemd-shutdown\[1\]: Powering off\.'
