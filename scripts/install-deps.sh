#!/bin/bash
# Install the Debian packages the pipeline needs, only when something is
# missing. Safe to run repeatedly; does nothing on a provisioned machine.
set -euo pipefail

PKGS=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu linux-source-6.12
      qemu-system-arm device-tree-compiler ccache make bc flex bison
      libssl-dev libelf-dev cpio xz-utils python3 perl kmod sparse
      qemu-efi-aarch64 libc6-dev-arm64-cross libfdt-dev clang-14
      libclang-rt-14-dev dt-schema gcc-arm-linux-gnueabihf)
STAMP_FILE=/usr/bin/qemu-system-aarch64

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
# A mirror caught mid-sync fails one index; the others still serve.
log_warn_update() { echo "install-deps: apt-get update reported errors; going on" >&2; }
export DEBIAN_FRONTEND=noninteractive

if [ "${#missing[@]}" -gt 0 ]; then
	echo "install-deps: installing ${missing[*]}"
	$SUDO apt-get update -qq || log_warn_update
	$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
: "$STAMP_FILE"

# busybox for the guests: the static binary from the arm64 and armhf
# packages, unpacked into build/ (never installed on the host).
for arch in arm64 armhf; do
	BB=${BUILD:-build}/deps/busybox-$arch
	[ -x "$BB" ] && continue
	dl=$(dirname "$BB")/dl-$arch
	mkdir -p "$dl"
	dpkg --print-foreign-architectures | grep -qx "$arch" || {
		$SUDO dpkg --add-architecture "$arch"
		$SUDO apt-get update -qq || log_warn_update
	}
	( cd "$dl" && rm -f busybox-static_*.deb && apt-get download -qq "busybox-static:$arch" 2>/dev/null ) ||
		{ $SUDO apt-get update -qq || log_warn_update; ( cd "$dl" && apt-get download -qq "busybox-static:$arch" ); }
	rm -rf "$dl/x"
	dpkg-deb -x "$dl"/busybox-static_*_"$arch".deb "$dl/x"
	cp "$dl/x/bin/busybox" "$BB"
	echo "install-deps: busybox for $arch at $BB"
done
