#!/bin/bash
# Boot a built kernel in qemu-system-aarch64 and judge how the boot ended.
#
# Settings (environment, as `make boot` passes them):
#   DTS      device-tree source to boot against; merged over QEMU's own
#            virt description with QEMU's psci node removed, and loaded
#            with -device loader so that QEMU cannot rewrite it. Empty:
#            QEMU's own device tree through -kernel.
#   SMP      vCPUs (4)          MACHINE  -M value (virt)
#   MEM      guest RAM (1G; with DTS at least 768M: the DTB and initrd are
#            loaded 512 MiB into RAM)
#   ACTION   poweroff | reboot | hotplug | none   (poweroff)
#   CMD      shell commands run in the guest before the action
#   CYCLES   hotplug cycles per CPU (3)
#   IMAGE    kernel Image (build/images/ours-base/Image; OURS_VARIANT=mutant:
#            build/images/mutant-base/Image, as make mutants boots)
#   APPEND   extra kernel command line
#   TIMEOUT  seconds before the boot counts as hung (180)
#   LOG      console log (build/logs/boot.log)   QUIET=1 hides the console
#   QEMU_EXTRA  more QEMU options
#   TCG_THREAD  single (arm64's default: the vCPUs take turns on one host
#            thread, cheaper) | multi (a host thread each, truly at once:
#            the race scenarios, the benchmark's kill wait; arm32's default)
#   FORCE=1  poweroff -f / reboot -f: the kernel's path without busybox
#            init's shutdown (its kill-and-wait rounds)
#   KEXEC=1  the guest can kexec: Debian's kexec in the initramfs
#            (build/initramfs/kexec.cpio) and a read-only virtio disk,
#            /dev/vda, holding a cpio of this boot's kernel Image and
#            initramfs (guest/psci-lib.sh: kexec_chain, kdump_crash);
#            QEMU's DT without its kaslr-seed (see below)
#   EXPECT_PANIC=1  the kernel is meant to panic: ok when the panic (with
#                 panic=-1) ends in a reset through the firmware
#   KDUMP=1  one panic is expected and starts a capture kernel (kexec -p):
#            the boot goes on after it and must end as END says; a second
#            panic, or a second backtrace, fails it
#   ALLOW_REPORT  extended regex: kernel reports (WARNING: lines) matching it
#                 are expected, e.g. a board handler that WARNs by design
#   ROOTFS=debian  boot Debian's systemd as init instead of busybox: the
#            archive of scripts/build-debian-rootfs.sh as the initramfs
#            (rdinit=/sbin/init); its psci-test.service runs CMD, then the
#            action through systemctl (REBOOT_ARG: systemctl reboot ARG)
#   GUEST_ARCH=arm32  a 32-bit ARM guest (qemu-system-arm, cortex-a15, zImage)
#   MACHINE=orangepi-pc|mcimx7d-sabre|mcimx6ul-evk|highbank|midway  one of
#            QEMU's real 32-bit boards (scripts/boards32.sh): the
#            arm32-boards kernel on the board's own DT (DTB: another one),
#            with QEMU's PSCI; DTB_EDIT="NODE PROPERTY [VALUE]; ...":
#            string properties set (no VALUE: deleted) in a copy of it
#   MACHINE=xlnx-zcu102  QEMU's real arm64 board (scripts/boards64.sh):
#            the guest kernel on the board's own DT, with the fixups its
#            boot firmware would make (BOARD_FIXUP=0: the tree as
#            shipped); DTB and DTB_EDIT as above
#   FIRMWARE=uefi  boot through EDK2 with ACPI instead of a device tree
#   FIRMWARE=tfa   boot on Trusted Firmware-A (MACHINE must have secure=on);
#                  with DTS, TF-A starts a stub that hands the kernel our DT;
#                  TFA=off2 (or off2-notype): the PSCI 1.3 build with
#                  SYSTEM_OFF2 (HIBERNATE_OFF, or no type; build-tfa.sh)
#   FIRMWARE=kvm   the kernel (L2) runs under KVM: Debian's arm64 QEMU with
#                  -accel kvm -cpu host inside an L1 host (our kernel at EL2,
#                  scripts/kvm-l1.sh); SMP 2, MACHINE virt,gic-version=3;
#                  DTS is merged over the DT that QEMU builds under KVM;
#                  KVM_RELAY="MARKER|LAST": L1 times L2's shutdown from
#                  its console (make bench; psci-bench relay)
#   FIRMWARE=xen-domu  the kernel runs as a dom0less domain of Xen 4.17
#                  (scripts/xen.sh), Xen-unaware: Xen's virtual PSCI is its
#                  firmware; SMP vCPUs on as many CPUs; MACHINE virt with
#                  EL2 and GICv3; every conduit call traced (tp_printk),
#                  since Xen says nothing when the domain powers off or
#                  resets: the last call, and silence after it, tell how
#                  it ended; then QEMU is stopped here. No DTS.
#   FIRMWARE=xen   the kernel runs as Xen's dom0 (Xen-aware, console hvc0;
#                  Xen ends the machine when dom0 powers off or resets).
#                  XEN_DOMU=1: a dom0less domain beside it running
#                  XEN_DOMU_CMD, then XEN_DOMU_ACTION (poweroff), its
#                  console lines as "DOM1: ..."; dom0's xen_domu_wait
#                  returns once it has ended (told through dom0's console)
#   KVM_QUIET=1    (FIRMWARE=kvm's default) the nested PL011 costs an exit,
#                  about 0.8 ms, a character: L2 boots with loglevel=5
#                  (warnings and worse on the console, as they happen) and
#                  its init replays the kernel's PSCI, SMCCC, SMP and KVM
#                  lines from dmesg; KVM_QUIET=0 prints everything
#
#   END      how the boot must end, as QEMU itself reports it (its QMP
#            SHUTDOWN event, read through a pipe: QEMU starts paused and
#            runs once the reader is there):
#              off    the guest powered the machine off (guest-shutdown)
#              reset  the guest reset it (guest-reset)
#              halt   the kernel halted (System halted): the test declares
#                     that this firmware has no way to power off or reset
#              any    off or reset (a CMD that ends the boot its own way)
#              observe  off, reset or halt: the caller compares how it
#                     ended (the verdict line says) with another boot's
#            Default: reset for ACTION=reboot and EXPECT_PANIC=1, off for
#            poweroff and hotplug, any for none.
#
# Exit 0 when the boot ended as END says and QEMU exited with status 0 (or,
# for END=halt, the kernel halted and QEMU was stopped here). Otherwise
# non-zero, with one line saying why: a reboot whose reset never reached
# the firmware fails, even though the kernel printed "Restarting system".
set -euo pipefail
# A judge that stops on an error must still say why (set -e is silent).
trap '[[ $- != *e* ]] || echo "boot: FAIL (boot.sh stopped by a failed command at line $LINENO); console in ${LOG:-?}" >&2' ERR
cd "$(dirname "$0")/.."
. scripts/lib.sh
# A stock image's boot, replayed when nothing it is made of has changed
# (scripts/boot-cache.sh; make check only).
. scripts/boot-cache.sh
boot_cache_wrap "$@"

KVM=0
[ "${FIRMWARE:-}" = kvm ] && KVM=1
XEN=0
case "${FIRMWARE:-}" in xen | xen-domu) XEN=1 ;; esac
MACHINE=${MACHINE:-$([ $KVM = 1 ] && echo virt,gic-version=3 || echo virt)}
# One of QEMU's real 32-bit boards (scripts/boards32.sh): the arm32-boards
# kernel on the board's own device tree (DTB, from that kernel's build),
# with as many CPUs as the board has, its RAM and its console.
. scripts/boards32.sh
# ... and the arm64 one (scripts/boards64.sh): the guest kernel on the
# board's device tree from the board corpus's build.
. scripts/boards64.sh
# shellcheck source=console-watch.sh
. scripts/console-watch.sh
BOARD=
if board32 "${MACHINE%%,*}"; then
	BOARD=${MACHINE%%,*}
	GUEST_ARCH=arm32
	IMAGE=${IMAGE:-$BUILD/images/ours-arm32-boards/zImage}
	DTB=${DTB:-$(dirname "$IMAGE")/dtbs/$(basename "$BOARD_DTB")}
	dtb_from="make boards32-kernel"
elif board64 "${MACHINE%%,*}"; then
	BOARD=${MACHINE%%,*}
	DTB=${DTB:-$BUILD/dtbs/arm64/arch/arm64/boot/dts/$BOARD_DTB}
	dtb_from="make board-dtbs"
elif [ -n "${DTB:-}" ]; then
	die "DTB=$DTB: only for one of QEMU's real boards (MACHINE=${BOARDS32// /|}|${BOARDS64// /|})"
fi
if [ -n "$BOARD" ]; then
	if [ -n "${FIRMWARE:-}" ] || [ -n "${DTS:-}" ]; then
		die "MACHINE=$BOARD boots QEMU's own PSCI with the board's DTB: no FIRMWARE, no DTS"
	fi
	[ -f "$DTB" ] || die "no device tree $DTB for $BOARD (run $dtb_from)"
	SMP=${SMP:-$BOARD_CPUS}
	MEM=${MEM:-$BOARD_MEM}
	APPEND="earlycon=$BOARD_EARLYCON ${APPEND:-}"
fi
SMP=${SMP:-$([ $KVM = 1 ] && echo 2 || echo 4)}
[ $XEN = 1 ] && MACHINE=${MACHINE/#virt/virt,virtualization=on,gic-version=3}
MEM=${MEM:-1G}
ACTION=${ACTION:-poweroff}
CYCLES=${CYCLES:-3}
GUEST_ARCH=${GUEST_ARCH:-arm64}
# TCG's translation cache, MiB, for the QEMU that runs on this host
# (QEMU's own default: up to 1 GiB). QEMU 7.2 translates arm code
# position-independently, and then invalidating one translated block
# empties every vCPU's jump cache: a kernel started by kexec writes over
# pages where the one before ran and pays that for each stale block, 2-4x
# its boot time. A small cache is emptied whole, cheaply, when full, before
# stale blocks pile up: with KEXEC=1, 32 MiB (README: where the time goes).
# Empty: QEMU's default (a plain boot is no faster with a small cache).
if [ -z "${TCG_TB_MB+set}" ]; then
	TCG_TB_MB=
	[ "${KEXEC:-0}" = 1 ] && TCG_TB_MB=32
fi
# TCG's vCPU threads (QEMU's thread=): single runs every vCPU on one host
# thread in turn, multi gives each its own. On a host running several
# boots on 2 cores, single costs less CPU for the same boot (a busybox
# boot about 30% less, a nested KVM one 30%, systemd 10-25%: README,
# where the time goes); multi runs the vCPUs truly at once, which the
# scenarios about races (spinning CPUs against hotplug, idle against
# hotplug) and the benchmark ask for. Also the L1 host's QEMU under KVM.
# 32-bit guests stay on multi: QEMU 7.2's qemu-system-arm with
# thread=single hung every one with more than one CPU in a whole run (the
# virt guest after "kunit: disabled", the 4- and 2-CPU boards, a
# SYSTEM_RESET that never ended QEMU; the 1-CPU boards passed).
TCG_THREAD=${TCG_THREAD:-$([ "${GUEST_ARCH:-arm64}" = arm32 ] && echo multi || echo single)}
case "$TCG_THREAD" in
single | multi) ;;
*) die "TCG_THREAD=$TCG_THREAD: expected single or multi" ;;
esac
TIMEOUT=${TIMEOUT:-$([ $KVM = 1 ] && echo 300 || echo 180)}
LOG=${LOG:-$BUILD/logs/boot.log}
if [ "$GUEST_ARCH" = arm32 ]; then
	IMAGE=${IMAGE:-$BUILD/images/ours-arm32-guest/zImage}
	CPU=${CPU:-cortex-a15}
	QEMU_BIN=qemu-system-arm
	BASE_CPIO=$BUILD/initramfs/base-armhf.cpio
else
	# OURS_VARIANT: whose image stands for ours (make mutants: a mutant's).
	IMAGE=${IMAGE:-$BUILD/images/${OURS_VARIANT:-ours}-base/Image}
	CPU=${CPU:-cortex-a57}
	QEMU_BIN=qemu-system-aarch64
	BASE_CPIO=$BUILD/initramfs/base.cpio
	if [ "${ROOTFS:-}" = debian ]; then
		BASE_CPIO=$BUILD/initramfs/debian.cpio
		APPEND="rdinit=/sbin/init ${APPEND:-}"
	elif [ -n "${ROOTFS:-}" ]; then
		die "ROOTFS=$ROOTFS: expected debian (or nothing: busybox)"
	fi
fi
# Where L2's QEMU finds its files: this boot's work directory, or under
# KVM the /l2 directory of L1's initramfs.
G=
GIMAGE=$IMAGE
if [ $KVM = 1 ]; then
	. scripts/kvm-l1.sh
	[ -f "$BUILD/kvm/host.cpio" ] || die "no L1 host QEMU (run scripts/build-kvm-host.sh)"
	[ -f "$KVM_L1_IMAGE" ] || die "no L1 kernel $KVM_L1_IMAGE (run make build)"
	CPU=host
	QEMU_BIN=/usr/bin/qemu-system-aarch64
	G=/l2
	GIMAGE=/l2/Image
fi
if [ $XEN = 1 ]; then
	. scripts/xen.sh
	[ -f "$XEN_IMAGE" ] || die "no Xen at $XEN_IMAGE (run scripts/install-deps.sh)"
	[ -z "${DTS:-}" ] || die "DTS=$DTS with FIRMWARE=$FIRMWARE: Xen writes the domains' device trees"
	if [ "$FIRMWARE" = xen-domu ]; then
		# The end of the domain is read from its conduit calls. No
		# console input for it (conswitch=ax: input stays with Xen).
		APPEND="tp_printk ${APPEND:-}"
		CMD="trace_conduit; ${CMD:-}"
		XEN_ARGS="$XEN_BOOTARGS conswitch=ax"
	else
		MEM=${MEM/#1G/2G}
		XEN_ARGS="$XEN_BOOTARGS dom0_mem=512M dom0_max_vcpus=$SMP"
	fi
fi
mkdir -p "$(dirname "$LOG")" "$BUILD/dt"
rm -f "$LOG.replayed"
[ -f "$IMAGE" ] || die "no kernel image $IMAGE (run make build)"
[ -f "$BASE_CPIO" ] || die "no initramfs $BASE_CPIO (run make build)"

work=$(mktemp -d "$BUILD/tmp.boot.XXXXXX")
# LOG.cpu: the CPU seconds of what this boot waited for (QEMU above all),
# for finding where make check's time goes (README: where the time goes).
boot_cpu() {
	# (times into a file: in a pipeline it speaks for a subshell)
	times > "$LOG.cpu" 2>/dev/null || return 0
	awk 'NR == 2 { split($1, u, /[ms]/); split($2, k, /[ms]/)
		printf "%.1f\n", u[1] * 60 + u[2] + k[1] * 60 + k[2] }' "$LOG.cpu" > "$LOG.cpu.$$" &&
		mv "$LOG.cpu.$$" "$LOG.cpu" || true
}
trap 'boot_cpu; rm -rf "$work"' EXIT
[ $KVM = 1 ] || G=$work

# The initramfs: the base archive plus this boot's settings.
# KLOG_REPLAY: kernel lines (extended regex) the guest replays from dmesg
# once userspace is up, for a boot whose console shows only warnings.
KLOG_REPLAY=${KLOG_REPLAY:-}
if [ $KVM = 1 ] && [ "${KVM_QUIET:-1}" = 1 ]; then
	APPEND="loglevel=5 ${APPEND:-}"
	KLOG_REPLAY='psci|smccc|smp: |kvm|KVM|CPU[0-9]+: |Run /init'
fi
bash scripts/mkinitramfs.sh extra "$work/extra.cpio" \
	TEST_ACTION="$ACTION" TEST_CMD="${CMD:-}" TEST_CYCLES="$CYCLES" \
	TEST_KLOG_REPLAY="$KLOG_REPLAY" TEST_REBOOT_ARG="${REBOOT_ARG:-}" \
	TEST_CONSOLE="$([ $KVM = 1 ] && echo hvc0)" \
	TEST_FORCE="$({ [ "$GUEST_ARCH" = arm32 ] || [ "${FORCE:-0}" = 1 ]; } && echo 1 || echo 0)"
if [ "${KEXEC:-0}" = 1 ]; then
	[ -f "$BUILD/initramfs/kexec.cpio" ] || die "no kexec for the guest (run make build)"
	cat "$BASE_CPIO" "$BUILD/initramfs/kexec.cpio" "$work/extra.cpio" > "$work/initrd"
	# What the guest kexecs into: this boot's kernel and initramfs again.
	printf 'file /Image %s 0644 0 0\nfile /initrd %s 0644 0 0\n' "$IMAGE" "$work/initrd" |
		"$BUILD/initramfs/gen_init_cpio" -t "$CPIO_MTIME" - > "$work/payload.cpio"
	# No kaslr-seed in QEMU's device tree: a kernel without
	# RANDOMIZE_BASE leaves it there, and kexec refuses to pass on a
	# seed the first kernel did not wipe ("kaslr-seed is not wiped to 0").
	MACHINE+=,dtb-randomness=off
else
	cat "$BASE_CPIO" "$work/extra.cpio" > "$work/initrd"
fi

CONSOLE_DEV=ttyAMA0
[ "${FIRMWARE:-}" = xen ] && CONSOLE_DEV=hvc0
[ -n "$BOARD" ] && CONSOLE_DEV=$BOARD_CONSOLE
BOOTARGS="console=$CONSOLE_DEV panic=-1 ${APPEND:-}"
QEMU=("$QEMU_BIN" -M "$MACHINE")
# A real board has its own CPU model.
[ -n "$BOARD" ] || QEMU+=(-cpu "$CPU")
# The ZCU102's DisplayPort has audio: no sound on the host for it.
# shellcheck disable=SC2054 # commas inside -audiodev's value
[ "$BOARD" = xlnx-zcu102 ] && QEMU+=(-audiodev none,id=snd0)
QEMU+=(-smp "$SMP" -display none -monitor none -nic none -no-reboot)
# L2's QEMU runs in L1, whose kernel has no huge pages to avoid.
if [ $KVM = 1 ]; then
	QEMU+=(-m "$MEM")
else
	qemu_ram "$MEM"
	QEMU+=("${QEMU_RAM[@]}")
fi
if [ $KVM = 1 ]; then
	# Under KVM, the test's own lines take a virtio console (hvc0,
	# TEST_CONSOLE): every character written to the PL011 costs L2 an
	# exit to L1's QEMU, virtio one a write. Both on stdio, in order.
	# shellcheck disable=SC2054 # commas inside -chardev's value
	QEMU+=(-chardev stdio,mux=on,id=con -serial chardev:con
	       -device virtio-serial-device -device virtconsole,chardev=con)
else
	QEMU+=(-serial stdio)
fi
[ $KVM = 1 ] && QEMU+=(-accel kvm)
[ $KVM = 1 ] || QEMU+=(-accel "tcg,thread=$TCG_THREAD${TCG_TB_MB:+,tb-size=$TCG_TB_MB}")
case "${END:-}" in
'')
	case "$ACTION" in
	reboot) END=reset ;;
	poweroff | hotplug) END=off ;;
	*) END=any ;;
	esac
	[ "${EXPECT_PANIC:-0}" = 1 ] && END=reset ;;
off | reset | halt | any | observe) ;;
*) die "END=$END: expected off, reset, halt, any or observe" ;;
esac

# Guest physical layout for the loader boot (RAM starts at 0x40000000).
STUB_ADDR=0x40100000  # QEMU keeps its own DTB in the first MiB
KERNEL_ADDR=0x40200000
# A zImage decompresses to the start of RAM: keep it clear of that.
[ "$GUEST_ARCH" = arm32 ] && KERNEL_ADDR=0x42000000
DTB_ADDR=0x5ff00000
INITRD_ADDR=0x60000000
# On TF-A, BL33 (the stub) is preloaded where TF-A jumps, and TF-A starts
# CPU 0 itself.
STUB_CPU=,cpu-num=0
if [ "${FIRMWARE:-}" = tfa ]; then
	STUB_ADDR=$TFA_BL33_BASE
	KERNEL_ADDR=0x40600000
	STUB_CPU=
	tfa_image=$BUILD/tfa/flash${TFA:+-$TFA}.bin
	[ -f "$tfa_image" ] || die "no TF-A image $tfa_image (run scripts/build-tfa.sh)"
	QEMU+=(-bios "$tfa_image")
fi

if [ -n "${DTS:-}" ]; then
	[ -f "$DTS" ] || die "no such device-tree source: $DTS"
	# QEMU's description of this machine, without its psci node.
	key=$(echo "$MACHINE $SMP $CPU ${FIRMWARE:-}" | sha1sum | cut -c1-12)
	base=$BUILD/dt/virt-$key.dtsi
	if [ ! -f "$base" ]; then
		if [ $KVM = 1 ]; then
			kvm_dump_dtb "$work/qemu.dtb" "${QEMU[@]}" -M "$MACHINE,dumpdtb=/tmp/q.dtb"
		else
			"${QEMU[@]}" -M "$MACHINE,dumpdtb=$work/qemu.dtb" >/dev/null 2>&1 || true
		fi
		[ -f "$work/qemu.dtb" ] || die "QEMU did not dump its device tree"
		fdtput -r "$work/qemu.dtb" /psci 2>/dev/null || true
		dtc -q -I dtb -O dts "$work/qemu.dtb" | grep -v '^/dts-v1/;' > "$base.$$"
		mv "$base.$$" "$base"
	fi
	{
		echo "/dts-v1/;"
		echo "/include/ \"$base\""
		grep -v '^[[:space:]]*/dts-v1/;' "$DTS"
	} > "$work/merged.dts"
	dtc -q -I dts -O dtb -p 4096 -i "$(dirname "$DTS")" -o "$work/board.dtb" \
		"$work/merged.dts" || die "dtc failed on $DTS"
	# The board author's linter runs first; its findings head the log.
	if [ -x "$BUILD/psci-lint/psci-lint" ]; then
		"$BUILD/psci-lint/psci-lint" "$work/board.dtb" 2>&1 |
			sed "s|^$work/board.dtb|LINT: $DTS (merged)|" > "$work/lint.txt" || true
		[ "${QUIET:-0}" = 1 ] || cat "$work/lint.txt"
	fi
	size=$(stat -c %s "$work/initrd")
	fdtput -t s "$work/board.dtb" /chosen bootargs "$BOOTARGS"
	# Cells as the root's #address-cells says (2 on both virt boards).
	fdtput -t x "$work/board.dtb" /chosen linux,initrd-start 0 "${INITRD_ADDR#0x}"
	fdtput -t x "$work/board.dtb" /chosen linux,initrd-end 0 \
		"$(printf '%x' $((INITRD_ADDR + size)))"
	# CPU 0 starts here, on a few instructions that follow the boot
	# protocol (arm64: x0 = DTB, x1..x3 = 0; arm: r0 = 0, r1 = ~0, r2 =
	# DTB) and branch to the kernel. Secondaries wait for PSCI CPU_ON.
	python3 - "$work/stub.bin" "$DTB_ADDR" "$KERNEL_ADDR" "$GUEST_ARCH" <<'PY'
import struct, sys
dtb, kernel = int(sys.argv[2], 0), int(sys.argv[3], 0)
if sys.argv[4] == "arm32":
    # The 32-bit ARM boot protocol: r0 = 0, r1 = ~0 (no machine type, DT
    # boot), r2 = DTB; branch to the zImage.
    code = [0xE59F2008,  # ldr r2, =dtb     (literal at +16)
            0xE3A00000,  # mov r0, #0
            0xE3E01000,  # mvn r1, #0
            0xE59FF000]  # ldr pc, =kernel  (literal at +20)
    blob = struct.pack("<4I", *code) + struct.pack("<II", dtb, kernel)
else:
    code = [0x580000C0,  # ldr x0, =dtb     (literal at +24)
            0xAA1F03E1,  # mov x1, xzr
            0xAA1F03E2,  # mov x2, xzr
            0xAA1F03E3,  # mov x3, xzr
            0x58000084,  # ldr x4, =kernel  (literal at +32)
            0xD61F0080]  # br  x4
    blob = struct.pack("<6I", *code) + struct.pack("<QQ", dtb, kernel)
open(sys.argv[1], "wb").write(blob)
PY
	QEMU+=(-device "loader,file=$G/stub.bin,addr=$STUB_ADDR$STUB_CPU,force-raw=on"
	       -device "loader,file=$GIMAGE,addr=$KERNEL_ADDR,force-raw=on"
	       -device "loader,file=$G/board.dtb,addr=$DTB_ADDR,force-raw=on"
	       -device "loader,file=$G/initrd,addr=$INITRD_ADDR,force-raw=on")
elif [ "${FIRMWARE:-}" = tfa ]; then
	# Trusted Firmware-A at EL3 (scripts/build-tfa.sh) is the PSCI firmware:
	# it starts the kernel preloaded at TFA_BL33_BASE with its own psci node
	# (method smc) added to QEMU's DT. Nothing passes a command line or an
	# initrd that way: the kernel's built-in CONFIG_CMDLINE names the
	# initrd, preloaded at 0x48000000 in an 8 MiB zero-padded window.
	[ "$(stat -c %s "$work/initrd")" -le $((8 << 20)) ] || die "initrd over 8 MiB"
	[ -n "${APPEND:-}" ] && log "APPEND is ignored with FIRMWARE=tfa (built-in command line)"
	QEMU+=(-device "loader,file=$IMAGE,addr=$TFA_BL33_BASE,force-raw=on"
	       -device "loader,file=$work/initrd,addr=0x48000000,force-raw=on")
elif [ $XEN = 1 ]; then
	if [ "$FIRMWARE" = xen-domu ]; then
		XEN_DOMU_ARGS=$BOOTARGS
		XEN_DOMU_INITRD_FILE=$work/initrd
	else
		XEN_DOM0_ARGS=$BOOTARGS
		if [ "${XEN_DOMU:-0}" = 1 ]; then
			# The domain beside dom0: its own settings, its end traced.
			bash scripts/mkinitramfs.sh extra "$work/domu-extra.cpio" \
				TEST_ACTION="${XEN_DOMU_ACTION:-poweroff}" \
				TEST_CMD="trace_conduit; ${XEN_DOMU_CMD:-}" TEST_CYCLES="$CYCLES" \
				TEST_KLOG_REPLAY= TEST_FORCE=0
			# busybox's archive, whatever dom0 runs (ROOTFS=debian).
			cat "$BUILD/initramfs/base.cpio" "$work/domu-extra.cpio" > "$work/domu-initrd"
			XEN_DOMU_ARGS="console=ttyAMA0 panic=-1 tp_printk"
			XEN_DOMU_INITRD_FILE=$work/domu-initrd
		fi
	fi
	xen_qemu
elif [ "${FIRMWARE:-}" = uefi ]; then
	# EDK2 (Debian's qemu-efi-aarch64) loads the Image through fw_cfg as an
	# EFI application and hands over ACPI tables: PSCI comes from the FADT.
	code=$BUILD/uefi/AAVMF_CODE.fd
	if [ ! -f "$code" ]; then
		mkdir -p "$BUILD/uefi"
		cp /usr/share/AAVMF/AAVMF_CODE.fd "$code.tmp"
		truncate -s 64M "$code.tmp"
		mv "$code.tmp" "$code"
	fi
	cp /usr/share/AAVMF/AAVMF_VARS.fd "$work/vars.fd"
	truncate -s 64M "$work/vars.fd"
	QEMU+=(-drive "if=pflash,format=raw,readonly=on,file=$code"
	       -drive "if=pflash,format=raw,file=$work/vars.fd"
	       -kernel "$IMAGE" -initrd "$work/initrd"
	       -append "$BOOTARGS acpi=force earlycon=pl011,0x9000000")
else
	QEMU+=(-kernel "$GIMAGE" -initrd "$G/initrd" -append "$BOOTARGS")
	if [ -n "$BOARD" ]; then
		# DTB_EDIT="NODE PROPERTY [VALUE]; ...": string properties set
		# (no VALUE: deleted) in a copy of the board's DTB, as a
		# bootloader's fixups would.
		cp "$DTB" "$work/board.dtb"
		if [ "${BOARD_FIXUP:-1}" = 1 ]; then
			board64_fixup "$BOARD" "$work/board.dtb" ||
				die "$BOARD: cannot make its boot firmware's fixups in $DTB"
		fi
		IFS=';' read -ra edits <<< "${DTB_EDIT:-}"
		for e in "${edits[@]}"; do
			read -r node prop value <<< "$e"
			[ -n "$node" ] || continue
			if [ -z "$value" ]; then
				fdtput -d "$work/board.dtb" "$node" "$prop"
			else
				fdtput -t s "$work/board.dtb" "$node" "$prop" "$value"
			fi || die "DTB_EDIT: cannot edit $node $prop in $DTB"
		done
		QEMU+=(-dtb "$work/board.dtb")
	fi
fi
# shellcheck disable=SC2054 # commas inside -drive's value
[ "${KEXEC:-0}" = 1 ] &&
	QEMU+=(-drive "if=none,file=$G/payload.cpio,format=raw,readonly=on,id=kexec"
	       -device virtio-blk-device,drive=kexec)
# shellcheck disable=SC2206
QEMU+=(${QEMU_EXTRA:-})
# How QEMU ended: a QMP monitor on a pair of FIFOs (QMP.in, QMP.out),
# started paused (-S) and let run by the "cont" that follows
# qmp_capabilities, so no SHUTDOWN event can come before the reader is
# there (qmp_reason reads it). Under KVM, L1 (guest/kvm-l1) makes the
# FIFOs in its /tmp and reports the reason.
QMP=$work/qmp
[ $KVM = 1 ] && QMP=/tmp/qmp
QEMU+=(-S -chardev "pipe,id=qmp,path=$QMP" -mon chardev=qmp,mode=control)

cat "$work/lint.txt" > "$LOG" 2>/dev/null || : > "$LOG"
CONSOLE=$LOG
if [ $KVM = 1 ]; then
	# L2's QEMU runs inside L1; the host runs L1. The console carries both:
	# it is split into L2's (LOG) and L1's (LOG.l1) when L1 has ended.
	files=(Image="$IMAGE" initrd="$work/initrd")
	[ -f "$work/board.dtb" ] && files+=(board.dtb="$work/board.dtb" stub.bin="$work/stub.bin")
	[ -f "$work/payload.cpio" ] && files+=(payload.cpio="$work/payload.cpio")
	kvm_l1_initrd "$work/l1.initrd" run "${files[@]}" -- "${QEMU[@]}"
	kvm_l1_qemu "$work/l1.initrd"
	QEMU=("${KVM_L1[@]}")
	CONSOLE=$work/console.log
	: > "$CONSOLE"
fi
# QEMU's command line is final: a stock boot kept under its key ends here.
boot_cache_replay "${QEMU[@]}"
# Xen's console carries the domains': split when the boot has ended.
[ $XEN = 1 ] && CONSOLE=$work/console.log && : > "$CONSOLE"
# Dom0's console input (XEN_DOMU=1: the host says when the domain beside
# it has ended); nothing for any other boot.
QEMU_STDIN=/dev/null
if [ $XEN = 1 ] && [ "$FIRMWARE" = xen ] && [ "${XEN_DOMU:-0}" = 1 ]; then
	mkfifo "$work/serial.in"
	exec {serial_fd}<>"$work/serial.in"
	QEMU_STDIN=$work/serial.in
fi
if [ $KVM = 0 ]; then
	mkfifo "$QMP.in" "$QMP.out"
	cat "$QMP.out" > "$QMP.log" &
	qmp_pids=$!
	printf '{"execute":"qmp_capabilities"}\n{"execute":"cont"}\n' > "$QMP.in" &
	qmp_pids+=" $!"
	# Neither may outlive the boot (each waits for QEMU to open its FIFO).
	trap 'kill $qmp_pids 2>/dev/null || true; boot_cpu; rm -rf "$work"' EXIT
fi
"${QEMU[@]}" <"$QEMU_STDIN" >>"$CONSOLE" 2>&1 &
qpid=$!
tail_pid=
if [ "${QUIET:-0}" != 1 ]; then
	tail -n +1 -f -s 0.2 --pid=$qpid "$CONSOLE" &
	tail_pid=$!
fi

# Watch the console: the kernel halting (the firmware has no way to power
# off or reset) ends the boot here; a panic ends it as a failure.
verdict=
panics_expected=0
[ "${KDUMP:-0}" = 1 ] && panics_expected=1
start=$SECONDS
# (scripts/console-watch.sh: each look reads only what the console gained)
watch_open "$CONSOLE"
while kill -0 $qpid 2>/dev/null; do
	watch_scan
	if [ "$WATCH_HALTED" = 1 ]; then
		sleep 0.5
		verdict=halted
		kill $qpid 2>/dev/null || true
		break
	fi
	if [ "$WATCH_PANICS" -gt "$panics_expected" ]; then
		verdict=panic
		if [ "${EXPECT_PANIC:-0}" = 1 ]; then
			# panic=-1 resets at once: give the reset 10 s to end QEMU.
			for _ in $(seq 50); do kill -0 $qpid 2>/dev/null || break; sleep 0.2; done
		else
			sleep 1
		fi
		kill $qpid 2>/dev/null || true
		break
	fi
	if [ "${FIRMWARE:-}" = xen-domu ]; then
		xen_domu_ended
		xen_reason=$WATCH_XEN_END
		if [ -n "$xen_reason" ]; then
			verdict=xen-domain-ended
			kill $qpid 2>/dev/null || true
			break
		fi
	elif [ -n "${serial_fd:-}" ] && [ -z "${xen_reason:-}" ]; then
		xen_domu_ended
		xen_reason=$WATCH_XEN_END
		[ -z "$xen_reason" ] || echo "domu-ended $xen_reason" >&"$serial_fd"
	fi
	if [ $((SECONDS - start)) -ge "$TIMEOUT" ]; then
		verdict=timeout
		kill $qpid 2>/dev/null || true
		break
	fi
	watch_nap
done
# QEMU may have ended (panic=-1 resets at once) before a poll saw the line.
if [ -z "$verdict" ] && [ "$(grep -ac 'Kernel panic - not syncing' "$CONSOLE")" -gt "$panics_expected" ]; then
	verdict=panic
fi
set +e
wait $qpid
status=$?
# The console's last lines on the terminal before the verdict (tail ends
# once it has seen QEMU gone).
[ -z "$tail_pid" ] || wait "$tail_pid"
set -e
sleep 0.1
# The reason QEMU gave for ending: guest-shutdown, guest-reset,
# host-signal (stopped here), or empty (no SHUTDOWN event).
reason=
if [ $KVM = 0 ]; then
	reason=$(qmp_reason "$QMP.log")
fi

why=
if [ $XEN = 1 ]; then
	xen_split "$CONSOLE" "$LOG"
	if [ "$verdict" = xen-domain-ended ]; then
		# Stopped here once the domain had ended: how it ended is its
		# last call, not how QEMU did.
		status=0
		reason=$xen_reason
	elif [ -z "$verdict" ] && [ "$FIRMWARE" = xen-domu ]; then
		why="QEMU ended with the machine, not the domain (Xen: $(grep -a -m1 'Panic on CPU\|reboot\|Reboot' "$LOG.xen" | tr -d '\r' || echo "nothing said"))"
	fi
	xen_panic=$(grep -a -m1 -A2 'Panic on CPU' "$LOG.xen" | tail -n1 | tr -d '\r' || true)
	[ -z "$xen_panic" ] || why="Xen panicked: $xen_panic"
fi
if [ $KVM = 1 ]; then
	# L2's console: every line before L1's last words, less L1's own.
	sed '/^KVM-L1: done/,$d' "$CONSOLE" | grep -av '^KVM-L1: ' >> "$LOG" || true
	grep -a '^KVM-L1: ' "$CONSOLE" > "$LOG.l1" || true
	# L1 powers off once L2's QEMU has ended: that QEMU's status is the
	# boot's.
	KVM_L2_STATUS=$(kvm_l2_status "$LOG.l1")
	reason=$(sed -n 's/^KVM-L1: L2 QEMU ended: \([a-z-]*\).*/\1/p' "$LOG.l1" | tail -n1)
	if [ -z "$verdict" ] || [ "$verdict" = panic ]; then
		why=$(kvm_l1_verdict "$LOG.l1")
		[ -n "$why" ] || status=$KVM_L2_STATUS
	fi
fi
case "$verdict" in
timeout) why="timeout: no end of boot after ${TIMEOUT}s" ;;
panic)
	if [ "${EXPECT_PANIC:-0}" = 1 ]; then
		[ -n "$why" ] || [ "$status" = 0 ] || why="no reset after the panic (QEMU status $status)"
		[ -n "$why" ] || [ "$reason" = guest-reset ] ||
			why="no reset after the panic: QEMU ended through ${reason:-no SHUTDOWN event}"
		if [ -z "$why" ]; then
			echo "boot: ok, the kernel panicked as expected and the firmware reset it" >&2
			exit 0
		fi
	else
		why="kernel panic: $(grep -m1 'Kernel panic' "$CONSOLE" | tr -d '\r')"
	fi ;;
halted)
	[ "$END" = halt ] || [ "$END" = observe ] ||
		why="the kernel halted: the $([ "$ACTION" = reboot ] && echo reset || echo power-off) never reached the firmware (END=$END): $(grep -a -m1 'System halted' "$LOG" | tr -d '\r')" ;;
*)
	[ -n "$why" ] || [ "$status" = 0 ] || why="QEMU exited with status $status"
	if [ -z "$why" ]; then
		case "$END:$reason" in
		off:guest-shutdown | reset:guest-reset | any:guest-shutdown | any:guest-reset) ;;
		observe:guest-shutdown | observe:guest-reset) ;;
		halt:*) why="END=halt, but QEMU ended through ${reason:-no SHUTDOWN event}" ;;
		*) why="QEMU ended through ${reason:-no SHUTDOWN event}, expected END=$END" ;;
		esac
	fi ;;
esac
if [ -z "$why" ]; then
	# KDUMP=1: the expected panic's own backtrace is not a report.
	bad=$(grep -aE "$KERNEL_REPORT" "$LOG" |
		awk -v skip="$panics_expected" '/Call trace:/ && skip > 0 { skip--; next } 1' |
		{ if [ -n "${ALLOW_REPORT:-}" ]; then grep -vE "$ALLOW_REPORT"; else cat; fi; } |
		head -n1 | tr -d '\r' || true)
	[ -z "$bad" ] || why="kernel report: $bad"
fi
if [ -z "$why" ]; then
	case "$ACTION" in
	poweroff | hotplug)
		grep -qa 'PSCI-TEST: poweroff' "$LOG" || why="userspace never reached the poweroff" ;;
	reboot)
		grep -qaE 'PSCI-TEST: reboot'$'\r''*$' "$LOG" || why="userspace never reached the reboot" ;;
	esac
fi
if [ -z "$why" ] && [ "$ACTION" = hotplug ]; then
	grep -q 'PSCI-TEST: hotplug done, 0 failed' "$LOG" ||
		why="hotplug failed: $(grep -m1 'FAILED\|hotplug done' "$LOG" | tr -d '\r' | grep . ||
			echo "no hotplug summary line")"
fi

if [ -n "$why" ]; then
	echo "boot: FAIL ($why); console in $LOG" >&2
	exit 1
fi
if [ "$verdict" = halted ]; then
	[ "$ACTION" = reboot ] && what="reset" || what="power off"
	echo "boot: ok, the kernel halted (END=halt: the firmware offers no way to $what); QEMU stopped" >&2
elif [ "${FIRMWARE:-}" = xen-domu ]; then
	echo "boot: ok, the Xen domain ended after $ACTION, through $reason (its last call; QEMU stopped)" >&2
else
	echo "boot: ok, QEMU exited with status 0 after $ACTION, through $reason" >&2
fi
