#!/bin/bash
# Install the Debian packages the pipeline needs, only when something is
# missing. Safe to run repeatedly; does nothing on a provisioned machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

PKGS=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu linux-source-6.12
      qemu-system-arm device-tree-compiler ccache make bc flex bison
      libssl-dev libelf-dev cpio xz-utils python3 perl kmod sparse
      qemu-efi-aarch64 libc6-dev-arm64-cross libfdt-dev clang-14
      libclang-rt-14-dev dt-schema gcc-arm-linux-gnueabihf python3-libfdt zstd
      git patch linux-libc-dev)

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
	echo "install-deps: installing ${missing[*]}"
	apt_update
	apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
		die "cannot install ${missing[*]}"
fi

# busybox for the guests: the static binary from the arm64 and armhf
# packages, unpacked into build/ (never installed on the host).
for arch in arm64 armhf; do
	BB=${BUILD:-build}/deps/busybox-$arch
	[ -x "$BB" ] && continue
	dl=$(dirname "$BB")/dl-$arch
	mkdir -p "$dl"
	dpkg --print-foreign-architectures | grep -qx "$arch" || {
		$SUDO dpkg --add-architecture "$arch"
		apt_update
	}
	( cd "$dl" && rm -f busybox-static_*.deb && apt_get download -qq "busybox-static:$arch" ) ||
		die "cannot download busybox-static:$arch"
	rm -rf "$dl/x"
	dpkg-deb -x "$dl"/busybox-static_*_"$arch".deb "$dl/x"
	cp "$dl/x/bin/busybox" "$BB"
	echo "install-deps: busybox for $arch at $BB"
done

# kexec-tools for the arm64 guests (make check's kexec and kdump
# scenarios): /sbin/kexec and the libraries it loads, from Debian's arm64
# packages (scripts/guest-debs.sh; scripts/mkinitramfs.sh lays them out).
bash scripts/guest-debs.sh kexec /sbin/kexec -- kexec-tools libc6 zlib1g \
	libxenmisc4.17 libxentoollog1 libxencall1 libxenevtchn1 libxengnttab1 \
	libxenforeignmemory1 libxendevicemodel1 libxentoolcore1

# Xen 4.17, the hypervisor alone (make boot FIRMWARE=xen-domu, make
# check's Xen scenarios): Debian's arm64 package, unpacked into build/.
XEN=${BUILD:-build}/deps/xen/xen-4.17-arm64
if [ ! -f "$XEN" ]; then
	dl=$(dirname "$XEN")/dl
	rm -rf "$dl"
	mkdir -p "$dl"
	( cd "$dl" && apt_get download -qq xen-hypervisor-4.17-arm64:arm64 ) ||
		die "cannot download xen-hypervisor-4.17-arm64 (arm64)"
	dpkg-deb -x "$dl"/xen-hypervisor-4.17-arm64_*_arm64.deb "$dl/x"
	cp "$dl/x/boot/xen-4.17-arm64" "$XEN"
	echo "install-deps: Xen $(dpkg-deb -f "$dl"/xen-hypervisor-4.17-arm64_*_arm64.deb Version) at $XEN"
fi
