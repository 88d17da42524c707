# FIRMWARE=xen-domu: the guest under test runs as a dom0less domain of
# Xen 4.17 (Debian's xen-hypervisor-4.17-arm64, scripts/install-deps.sh),
# Xen-unaware: its device tree has no /hypervisor node, so Linux takes Xen's
# virtual PSCI (vpsci.c, over HVC) for everything, poweroff and reboot
# included. Xen runs at EL2 on QEMU's virt board and starts the domain
# itself from /chosen (no dom0, no toolstack). Sourced by scripts/boot.sh.
# shellcheck shell=bash

XEN_IMAGE=${XEN_IMAGE:-$BUILD/deps/xen/xen-4.17-arm64}
# Where QEMU preloads the domain's kernel and initramfs for Xen (Xen
# itself is -kernel; QEMU puts the DTB after it, below 0x50000000).
XEN_KERNEL_ADDR=0x50000000
XEN_INITRD_ADDR=0x54000000
# The domain's memory (KiB).
XEN_DOMU_KIB=$((512 * 1024))
# Xen's own command line. guest_loglvl=all: Xen rate-limits what the
# domain writes to its emulated UART otherwise, and drops lines. No
# console input for a domain (conswitch=ax: it stays with Xen).
XEN_BOOTARGS="console=dtuart dtuart=/pl011@9000000 bootscrub=0 loglvl=all guest_loglvl=all conswitch=ax"
# Xen prints the domain's UART lines as "(XEN) DOM1: ...".
XEN_DOMU_PREFIX='(XEN) DOM1: '
# The calls that end a domain (traced at the guest's conduit; Xen says
# nothing when a domain without a toolstack powers off or resets):
# SYSTEM_OFF, SYSTEM_RESET, SYSTEM_RESET2 (32- and 64-bit IDs).
XEN_OFF_CALL='hvc: .*fid=0x84000008( |$)'
XEN_RESET_CALL='hvc: .*fid=0x(84000009|84000012|c4000012)( |$)'

# xen_domu_dtb OUT BOOTARGS KERNEL INITRD: QEMU's description of the
# machine (EL2, GICv3) with the dom0less domain under /chosen: SMP vCPUs,
# Xen's emulated SBSA UART (vpl011), the kernel with BOOTARGS and the
# initramfs as boot modules at the addresses the loader puts them.
xen_domu_dtb() {
	local out=$1 args=$2 kernel=$3 initrd=$4 d=/chosen/domU1
	"${QEMU[@]}" -M "$MACHINE,dumpdtb=$out" >/dev/null 2>&1 || true
	[ -f "$out" ] || die "QEMU did not dump its device tree"
	# Room for the nodes below.
	dtc -q -I dtb -O dtb -p 4096 -o "$out" "$out"
	fdtput -t s "$out" /chosen xen,xen-bootargs "$XEN_BOOTARGS"
	fdtput -t x "$out" /chosen '#address-cells' 2
	fdtput -t x "$out" /chosen '#size-cells' 2
	fdtput -c "$out" $d
	fdtput -t s "$out" $d compatible xen,domain
	fdtput -t x "$out" $d '#address-cells' 2
	fdtput -t x "$out" $d '#size-cells' 1
	fdtput -t x "$out" $d memory 0 "$(printf '%x' "$XEN_DOMU_KIB")"
	fdtput -t x "$out" $d cpus "$(printf '%x' "$SMP")"
	fdtput -t x "$out" $d vpl011
	fdtput -c "$out" "$d/module@${XEN_KERNEL_ADDR#0x}"
	fdtput -t s "$out" "$d/module@${XEN_KERNEL_ADDR#0x}" compatible multiboot,kernel multiboot,module
	fdtput -t x "$out" "$d/module@${XEN_KERNEL_ADDR#0x}" reg 0 "${XEN_KERNEL_ADDR#0x}" \
		"$(printf '%x' "$(stat -c %s "$kernel")")"
	fdtput -t s "$out" "$d/module@${XEN_KERNEL_ADDR#0x}" bootargs "$args"
	fdtput -c "$out" "$d/module@${XEN_INITRD_ADDR#0x}"
	fdtput -t s "$out" "$d/module@${XEN_INITRD_ADDR#0x}" compatible multiboot,ramdisk multiboot,module
	fdtput -t x "$out" "$d/module@${XEN_INITRD_ADDR#0x}" reg 0 "${XEN_INITRD_ADDR#0x}" \
		"$(printf '%x' "$(stat -c %s "$initrd")")"
}

# xen_domu_end CONSOLE: once the domain has made its last call and gone
# quiet, how it ended as QEMU would say it for a machine of its own:
# guest-shutdown (SYSTEM_OFF) or guest-reset (SYSTEM_RESET/SYSTEM_RESET2);
# nothing while it runs. A call that returned shows as more of the
# guest's lines after it (the kernel's "System halted", a panic), which
# boot.sh's own checks see first.
xen_domu_end() {
	local last size
	last=$(tr -d '\0\r' < "$1" | grep -aE "$XEN_OFF_CALL|$XEN_RESET_CALL" | tail -n1)
	[ -n "$last" ] || return 0
	# Quiet: nothing more for 2 s, and the call the last line. (Xen
	# writes NUL bytes once the domain is gone: not lines.)
	size=$(tr -d '\0' < "$1" | wc -c)
	sleep 2
	[ "$(tr -d '\0' < "$1" | wc -c)" = "$size" ] || return 0
	[ "$(tr -d '\0\r' < "$1" | grep -a . | tail -n1)" = "$last" ] || return 0
	if grep -qE "$XEN_OFF_CALL" <<< "$last"; then echo guest-shutdown; else echo guest-reset; fi
}

# xen_split CONSOLE LOG: the domain's lines, prefix taken off, into LOG;
# Xen's own into LOG.xen.
xen_split() {
	tr -d '\0' < "$1" | sed -n "s/^$XEN_DOMU_PREFIX//p" >> "$2"
	tr -d '\0' < "$1" | grep -avF "$XEN_DOMU_PREFIX" > "$2.xen" || true
}
