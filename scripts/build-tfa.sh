#!/bin/bash
# Build Trusted Firmware-A 2.8 for QEMU's virt board from Debian's
# arm-trusted-firmware source package, once, into build/tfa/, with our
# patches (scripts/tfa/*.patch, in order; each says what and why):
#   01-qemu-suspend.patch      a power-down CPU_SUSPEND that comes back
#                              (TF-A 2.8's qemu platform cannot), and
#                              SYSTEM_SUSPEND through the same path
#   02-psci-system-off2.patch  SYSTEM_OFF2 (PSCI 1.3), off unless asked for
# Three images, each bl1.bin at 0 and fip.bin at 256 KiB (-bios):
#   build/tfa/flash.bin              PSCI 1.1, as TF-A 2.8 is
#   build/tfa/flash-off2.bin         PSCI 1.3 with SYSTEM_OFF2, HIBERNATE_OFF
#   build/tfa/flash-off2-notype.bin  PSCI 1.3 with SYSTEM_OFF2, no type
# (make boot FIRMWARE=tfa TFA=off2 picks the second.) BL33 is our kernel
# (or a boot stub in front of it), preloaded by QEMU's loader at
# TFA_BL33_BASE (lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

OUT=$BUILD/tfa
PATCHES=("$PWD"/scripts/tfa/*.patch)
FLAVOURS=("flash:" "flash-off2:PSCI_SYSTEM_OFF2=1"
	"flash-off2-notype:PSCI_SYSTEM_OFF2=1 PSCI_OFF2_TYPES=0")
sum=$(cat "${PATCHES[@]}" "$0" | sha1sum | cut -d' ' -f1)
[ "$(cat "$OUT/.done" 2>/dev/null)" = "$sum" ] && exit 0
# No stale image while (or if) this build fails: the scenarios look for it.
rm -f "$OUT"/flash*.bin "$OUT/.done"
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

# The source package is fetched once; the tree is unpacked from it again
# whenever the patches changed, so that they always apply to TF-A as
# Debian ships it.
if ! ls "$OUT"/arm-trusted-firmware_*.dsc >/dev/null 2>&1; then
	(cd "$OUT" && apt_get source -qq --download-only arm-trusted-firmware >/dev/null 2>&1) ||
		die "apt-get source arm-trusted-firmware failed"
fi
rm -rf "$OUT"/arm-trusted-firmware-*/
(cd "$OUT" && dpkg-source -x "$(ls arm-trusted-firmware_*.dsc | head -n1)" >/dev/null 2>&1) ||
	die "cannot unpack the arm-trusted-firmware source package"
tree=$(ls -d "$OUT"/arm-trusted-firmware-*/ | head -n1)
for p in "${PATCHES[@]}"; do
	patch -s -d "$tree" -p1 -f < "$p" || die "cannot apply $p"
done
# TF-A 2.8 links with --fatal-warnings, and Debian 12's binutils warns
# about the RWX segment of its images: drop the flag (only that flag).
sed -i 's/^\(TF_LDFLAGS[[:space:]]*+=[[:space:]]*\)-Wl,--fatal-warnings /\1/;
	s/^\(TF_LDFLAGS[[:space:]]*+=[[:space:]]*\)--fatal-warnings /\1/' "$tree/Makefile"
for f in "${FLAVOURS[@]}"; do
	name=${f%%:*}
	read -ra opts <<< "${f#*:}"
	MAKEFLAGS= make -s -C "$tree" PLAT=qemu CROSS_COMPILE=aarch64-linux-gnu- \
		ARM_LINUX_KERNEL_AS_BL33=1 PRELOADED_BL33_BASE=$TFA_BL33_BASE \
		BUILD_BASE="$tree/build-$name" "${opts[@]}" -j"$(nproc)" all fip
	rel=$tree/build-$name/qemu/release
	dd if="$rel/bl1.bin" of="$OUT/$name.bin.tmp" bs=4096 conv=notrunc status=none
	dd if="$rel/fip.bin" of="$OUT/$name.bin.tmp" bs=4096 seek=64 conv=notrunc status=none
	mv "$OUT/$name.bin.tmp" "$OUT/$name.bin"
	log "TF-A ready: $OUT/$name.bin ${opts[*]}"
done
echo "$sum" > "$OUT/.done"
