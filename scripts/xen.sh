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

# xen_domu_end CONSOLE: once the dom0less domain has made its last call
# and gone quiet, how it ended, as QEMU would say it for a machine of its
# own: guest-shutdown (SYSTEM_OFF) or guest-reset (SYSTEM_RESET/RESET2);
# nothing while it runs. A call that returned shows as more of the
# domain's lines after it (the kernel's "System halted", a panic).
xen_domu_end() {
	local last size
	last=$(tr -d '\0\r' < "$1" | grep -aF "$XEN_DOMU_PREFIX" |
		grep -aE "$XEN_OFF_CALL|$XEN_RESET_CALL" | tail -n1)
	[ -n "$last" ] || return 0
	# Quiet: nothing more from the domain for 2 s, and the call its last
	# line. (Xen writes NUL bytes once it is gone: not lines.)
	size=$(tr -d '\0' < "$1" | grep -aF "$XEN_DOMU_PREFIX" | wc -c)
	sleep 2
	[ "$(tr -d '\0' < "$1" | grep -aF "$XEN_DOMU_PREFIX" | wc -c)" = "$size" ] || return 0
	[ "$(tr -d '\0\r' < "$1" | grep -aF "$XEN_DOMU_PREFIX" | tail -n1)" = "$last" ] || return 0
	if grep -qE "$XEN_OFF_CALL" <<< "$last"; then echo guest-shutdown; else echo guest-reset; fi
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
