#!/bin/bash
# Build Trusted Firmware-A 2.8 for QEMU's virt board from Debian's
# arm-trusted-firmware source package, once, into build/tfa/:
#   build/tfa/flash.bin   bl1.bin at 0, fip.bin at 256 KiB (-bios)
# BL33 is our kernel (or a boot stub in front of it), preloaded by QEMU's
# loader at TFA_BL33_BASE (lib.sh).
#
# One functional change, ours, in scripts/tfa/qemu-cpu-suspend.patch: TF-A
# 2.8's qemu platform accepts the core power-down power_state 0x00010002 but
# cannot come back from it (its suspend hooks are assert(0), compiled out in
# a release build, and the powered-down core then waits in the hold pen for
# a CPU_ON that never comes). The patch wakes such a core on its next
# interrupt and sends it through the warm boot entry point, as a powered-up
# core, so that a guest's power-down idle state really loses its context.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

OUT=$BUILD/tfa
PATCH=$PWD/scripts/tfa/qemu-cpu-suspend.patch
[ "$OUT/flash.bin" -nt "$PATCH" ] && [ "$OUT/flash.bin" -nt "$0" ] && exit 0
# No stale image while (or if) this build fails: the scenarios look for it.
rm -f "$OUT/flash.bin"
mkdir -p "$OUT"

# apt-get source needs a deb-src entry: the machine's own Debian stanza,
# with Types: deb-src.
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ &&
   ! grep -qs '^deb-src' /etc/apt/sources.list; then
	src=$(grep -l 'deb.debian.org/debian$' /etc/apt/sources.list.d/*.sources | head -n1)
	[ -n "$src" ] || die "no Debian sources stanza to copy for deb-src"
	sed 's/^Types: deb$/Types: deb-src/' "$src" | $SUDO tee /etc/apt/sources.list.d/psci-deb-src.sources >/dev/null
	apt_update
fi
dpkg-query -W dpkg-dev >/dev/null 2>&1 || apt_get install -y -qq dpkg-dev >/dev/null ||
	die "cannot install dpkg-dev"

if [ ! -d "$OUT"/arm-trusted-firmware-* ]; then
	(cd "$OUT" && apt_get source -qq arm-trusted-firmware >/dev/null 2>&1) ||
		die "apt-get source arm-trusted-firmware failed"
fi
tree=$(ls -d "$OUT"/arm-trusted-firmware-*/ | head -n1)
if ! patch -s -d "$tree" -p1 -R --dry-run -f < "$PATCH" >/dev/null 2>&1; then
	patch -s -d "$tree" -p1 -f < "$PATCH" || die "cannot apply $PATCH"
fi
# TF-A 2.8 links with --fatal-warnings, and Debian 12's binutils warns
# about the RWX segment of its images: drop the flag (only that flag).
sed -i 's/^\(TF_LDFLAGS[[:space:]]*+=[[:space:]]*\)-Wl,--fatal-warnings /\1/;
	s/^\(TF_LDFLAGS[[:space:]]*+=[[:space:]]*\)--fatal-warnings /\1/' "$tree/Makefile"
MAKEFLAGS= make -s -C "$tree" PLAT=qemu CROSS_COMPILE=aarch64-linux-gnu- \
	ARM_LINUX_KERNEL_AS_BL33=1 PRELOADED_BL33_BASE=$TFA_BL33_BASE -j"$(nproc)" all fip
rel=$tree/build/qemu/release
dd if="$rel/bl1.bin" of="$OUT/flash.bin.tmp" bs=4096 conv=notrunc status=none
dd if="$rel/fip.bin" of="$OUT/flash.bin.tmp" bs=4096 seek=64 conv=notrunc status=none
mv "$OUT/flash.bin.tmp" "$OUT/flash.bin"
log "TF-A ready: $OUT/flash.bin"
