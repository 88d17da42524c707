#!/bin/bash
# The L1 host of FIRMWARE=kvm boots: Debian's arm64 QEMU, to run inside
# our kernel (booted at EL2 by the host's QEMU) on /dev/kvm, so that the
# guest kernel (L2) meets KVM's PSCI.
#
#   build/kvm/root/       qemu-system-aarch64, its dynamic loader and the
#                         shared libraries it links, nothing else
#   build/kvm/host.cpio   that tree as an initramfs segment, uncompressed:
#                         L1 unpacks it at every boot, and under TCG
#                         unpacking 55 MB of zstd cost about 0.5 CPU-s of
#                         each nested boot's 4.5 (README: where the time goes)
#
# The packages come from Debian's registry (apt-get download of the arm64
# dependency closure of qemu-system-arm) and are only unpacked, never
# installed. Cached: does nothing once host.cpio exists.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

KVM=$BUILD/kvm
OUT=$KVM/host.cpio
[ -f "$OUT" ] && exit 0
mkdir -p "$KVM/debs"

dpkg --print-foreign-architectures | grep -qx arm64 || {
	$SUDO dpkg --add-architecture arm64
	apt_update
}

# The arm64 packages of the closure (libraries and QEMU itself); the
# architecture-independent ones hold no code QEMU links.
pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests \
	--no-conflicts --no-breaks --no-replaces --no-enhances \
	qemu-system-arm:arm64 2>/dev/null | grep -E '^[^ <].*:arm64$' | sort -u)
[ -n "$pkgs" ] || die "apt-cache knows no qemu-system-arm:arm64 (arm64 indexes missing?)"
log "downloading $(echo "$pkgs" | wc -l) arm64 packages for the L1 host"
# shellcheck disable=SC2086
(cd "$KVM/debs" && apt_get download -qq $pkgs) ||
	die "cannot download the arm64 QEMU packages"

rm -rf "$KVM/x" "$KVM/root"
mkdir -p "$KVM/x"
for deb in "$KVM"/debs/*.deb; do
	dpkg-deb -x "$deb" "$KVM/x"
done
qemu=$KVM/x/usr/bin/qemu-system-aarch64
[ -x "$qemu" ] || die "no qemu-system-aarch64 in qemu-system-arm:arm64"

# Copy QEMU and, transitively, every library its ELF headers name.
libdirs=("$KVM/x/lib/aarch64-linux-gnu" "$KVM/x/usr/lib/aarch64-linux-gnu"
	 "$KVM/x/lib" "$KVM/x/usr/lib")
mkdir -p "$KVM/root/usr/bin" "$KVM/root/lib/aarch64-linux-gnu" "$KVM/root/lib64"
cp "$qemu" "$KVM/root/usr/bin/"
todo=("$qemu")
declare -A seen=()
while [ "${#todo[@]}" -gt 0 ]; do
	f=${todo[0]}
	todo=("${todo[@]:1}")
	for lib in $(aarch64-linux-gnu-readelf -d "$f" |
		     sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		[ -n "${seen[$lib]:-}" ] && continue
		seen[$lib]=1
		found=
		for d in "${libdirs[@]}"; do
			[ -e "$d/$lib" ] && { found=$(readlink -f "$d/$lib"); break; }
		done
		[ -n "$found" ] || die "library $lib (needed by ${f##*/}) is in no downloaded package"
		cp "$found" "$KVM/root/lib/aarch64-linux-gnu/$lib"
		todo+=("$found")
	done
done
interp=$(aarch64-linux-gnu-readelf -l "$qemu" | sed -n 's/.*interpreter: \(.*\)\]/\1/p')
cp "$(readlink -f "$KVM/x$interp")" "$KVM/root$interp"
log "L1 host: QEMU $(dpkg-deb -f "$KVM"/debs/qemu-system-arm_*.deb Version), ${#seen[@]} libraries, $(du -sh "$KVM/root" | cut -f1)"

# An initramfs segment of that tree, appended to the base archive.
list=$KVM/host.list
{
	(cd "$KVM/root" && find . -mindepth 1 -type d | sort) |
		sed 's|^\.\(.*\)|dir \1 0755 0 0|'
	(cd "$KVM/root" && find . -type f | sort) |
		sed "s|^\\.\\(.*\\)|file \\1 $KVM/root\\1 0755 0 0|"
} > "$list"
GEN=$BUILD/initramfs/gen_init_cpio
[ -x "$GEN" ] || bash scripts/mkinitramfs.sh arm64
"$GEN" "$list" > "$OUT.tmp"
# The kernel looks for the next archive of an initramfs at a 4-byte
# boundary: zero padding (which it skips) puts it there.
truncate -s %4 "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
rm -f "$KVM/host.cpio.zst"  # an older build's compressed segment
rm -rf "$KVM/x"
log "L1 host archive: $OUT ($(du -h "$OUT" | cut -f1))"
