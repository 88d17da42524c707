# Xen 4.17 as the firmware (Debian's xen-hypervisor-4.17-arm64,
# scripts/install-deps.sh), at EL2 on QEMU's virt board. Xen starts the
# domains described under /chosen of its device tree itself (dom0less: no
# toolstack). Sourced by scripts/boot.sh.
#
#   FIRMWARE=xen-domu  the kernel under test is a dom0less domain (DOM1),
#       Xen-unaware: its device tree has no /hypervisor node, so it takes
#       Xen's virtual PSCI (vpsci.c, over HVC) for everything, poweroff
#       and reboot included. No dom0.
#   FIRMWARE=xen       the kernel under test is dom0, Xen-aware (CONFIG_XEN):
#       CPUs through vPSCI, poweroff and reboot through Xen's own handlers;
#       Xen then powers off or resets the machine (QEMU ends). XEN_DOMU=1:
#       a dom0less domain beside it (the same kernel, XEN_DOMU_CMD and
#       XEN_DOMU_ACTION); dom0's xen_domu_wait returns when it has ended.
# shellcheck shell=bash

# shellcheck source=console-watch.sh
. scripts/console-watch.sh
XEN_IMAGE=${XEN_IMAGE:-$BUILD/deps/xen/xen-4.17-arm64}
# Where QEMU preloads the domains' kernels and initramfs for Xen (Xen
# itself is -kernel; QEMU puts the DTB after it, below 0x50000000).
XEN_DOM0_KERNEL=0x50000000
XEN_DOM0_INITRD=0x54000000
XEN_DOMU_KERNEL=0x58000000
XEN_DOMU_INITRD=0x5c000000
# Each domain's memory (KiB).
XEN_DOM_KIB=$((512 * 1024))
# Xen's own command line. guest_loglvl=all: Xen rate-limits what a domain
# writes to its emulated UART otherwise, and drops lines.
XEN_BOOTARGS="console=dtuart dtuart=/pl011@9000000 bootscrub=0 loglvl=all guest_loglvl=all"
# Xen prints a dom0less domain's UART lines as "(XEN) DOM1: ...".
XEN_DOMU_PREFIX='(XEN) DOM1: '
# The calls that end a dom0less domain (traced at its conduit; Xen says
# nothing when a domain without a toolstack powers off or resets):
# SYSTEM_OFF, SYSTEM_RESET, SYSTEM_RESET2 (32- and 64-bit IDs).
XEN_OFF_CALL='hvc: .*fid=0x84000008( |$)'
XEN_RESET_CALL='hvc: .*fid=0x(84000009|84000012|c4000012)( |$)'

# xen_module OUT NODE ADDR FILE COMPAT [BOOTARGS]: a boot module node
# (kernel or ramdisk) for what QEMU's loader puts at ADDR; NODE's parent
# has #address-cells 2, #size-cells 1.
xen_module() {
	local out=$1 n=$2/module@${3#0x}
	fdtput -c "$out" "$n"
	fdtput -t s "$out" "$n" compatible "multiboot,$5" multiboot,module
	fdtput -t x "$out" "$n" reg 0 "${3#0x}" "$(printf '%x' "$(stat -c %s "$4")")"
	[ -z "${6:-}" ] || fdtput -t s "$out" "$n" bootargs "$6"
}

# xen_dtb OUT: QEMU's description of the machine (EL2, GICv3) with Xen's
# command line and the domains under /chosen: dom0's kernel and initramfs
# (XEN_DOM0_ARGS set), a dom0less domain (XEN_DOMU_ARGS set: SMP vCPUs,
# Xen's emulated SBSA UART) with XEN_DOMU_INITRD_FILE.
xen_dtb() {
	local out=$1 d=/chosen/domU1
	"${QEMU[@]}" -M "$MACHINE,dumpdtb=$out" >/dev/null 2>&1 || true
	[ -f "$out" ] || die "QEMU did not dump its device tree"
	dtc -q -I dtb -O dtb -p 4096 -o "$out" "$out"    # room for the nodes
	fdtput -t s "$out" /chosen xen,xen-bootargs "$XEN_ARGS"
	fdtput -t x "$out" /chosen '#address-cells' 2
	fdtput -t x "$out" /chosen '#size-cells' 1
	if [ -n "${XEN_DOM0_ARGS:-}" ]; then
		xen_module "$out" /chosen $XEN_DOM0_KERNEL "$IMAGE" kernel "$XEN_DOM0_ARGS"
		xen_module "$out" /chosen $XEN_DOM0_INITRD "$work/initrd" ramdisk
	fi
	if [ -n "${XEN_DOMU_ARGS:-}" ]; then
		fdtput -c "$out" $d
		fdtput -t s "$out" $d compatible xen,domain
		fdtput -t x "$out" $d '#address-cells' 2
		fdtput -t x "$out" $d '#size-cells' 1
		fdtput -t x "$out" $d memory 0 "$(printf '%x' "$XEN_DOM_KIB")"
		fdtput -t x "$out" $d cpus "$(printf '%x' "$SMP")"
		fdtput -t x "$out" $d vpl011
		xen_module "$out" $d $XEN_DOMU_KERNEL "$IMAGE" kernel "$XEN_DOMU_ARGS"
		xen_module "$out" $d $XEN_DOMU_INITRD "$XEN_DOMU_INITRD_FILE" ramdisk
	fi
}

# xen_qemu: the QEMU options that load Xen, its device tree and the
# domains' files.
xen_qemu() {
	xen_dtb "$work/xen.dtb"
	QEMU+=(-kernel "$XEN_IMAGE" -dtb "$work/xen.dtb")
	[ -z "${XEN_DOM0_ARGS:-}" ] ||
		QEMU+=(-device "loader,file=$IMAGE,addr=$XEN_DOM0_KERNEL,force-raw=on"
		       -device "loader,file=$work/initrd,addr=$XEN_DOM0_INITRD,force-raw=on")
	[ -z "${XEN_DOMU_ARGS:-}" ] ||
		QEMU+=(-device "loader,file=$IMAGE,addr=$XEN_DOMU_KERNEL,force-raw=on"
		       -device "loader,file=$XEN_DOMU_INITRD_FILE,addr=$XEN_DOMU_INITRD,force-raw=on")
}

# xen_domu_end CONSOLE [AGE]: how the dom0less domain ended, judged from
# CONSOLE as it is, its last line AGE whole seconds old (default 2):
# guest-shutdown or guest-reset when that line is its SYSTEM_OFF or reset
# call and 2 s have passed, else nothing (scripts/console-watch.sh's
# xen_domu_ended, which boot.sh runs on the live console).
xen_domu_end() {
	local age=${2:-2}
	watch_open "$1"
	watch_scan
	exec {WATCH_FD}<&-
	[ -n "$WATCH_DOMU_AT" ] || return 0
	WATCH_DOMU_AT=$(( ${EPOCHREALTIME//[.,]/} - age * 1000000 ))
	xen_domu_ended
	echo "$WATCH_XEN_END"
}

# xen_split CONSOLE LOG: the console of the kernel under test into LOG
# (a dom0less domain's lines without Xen's prefix; dom0's as they are, and
# then a domain beside it as "DOM1: ..."); Xen's own lines into LOG.xen.
xen_split() {
	if [ "$FIRMWARE" = xen-domu ]; then
		tr -d '\0' < "$1" | sed -n "s/^$XEN_DOMU_PREFIX//p" >> "$2"
	else
		tr -d '\0' < "$1" |
			sed -n -e "/^$XEN_DOMU_PREFIX/{s//DOM1: /p;d}" -e '/^(XEN) /!p' >> "$2"
	fi
	tr -d '\0' < "$1" | grep -avF "$XEN_DOMU_PREFIX" | grep -a '^(XEN) ' > "$2.xen" || true
}
