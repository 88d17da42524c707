#!/bin/bash
# Install the Debian packages the pipeline needs, only when something is
# missing. Safe to run repeatedly; does nothing on a provisioned machine.
set -euo pipefail

PKGS=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu linux-source-6.12
      qemu-system-arm device-tree-compiler ccache make bc flex bison
      libssl-dev libelf-dev cpio xz-utils python3 perl kmod sparse
      qemu-efi-aarch64 libc6-dev-arm64-cross libfdt-dev clang-14
      libclang-rt-14-dev dt-schema)
STAMP_FILE=/usr/bin/qemu-system-aarch64

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

if [ "${#missing[@]}" -gt 0 ]; then
	echo "install-deps: installing ${missing[*]}"
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
: "$STAMP_FILE"

# busybox for arm64: a static binary from the arm64 package, unpacked
# into build/ (never installed on the host).
BB=${BUILD:-build}/deps/busybox-arm64
if [ ! -x "$BB" ]; then
	mkdir -p "$(dirname "$BB")/dl"
	dpkg --print-foreign-architectures | grep -qx arm64 || {
		$SUDO dpkg --add-architecture arm64
		$SUDO apt-get update -qq
	}
	( cd "$(dirname "$BB")/dl" && rm -f busybox-static_*.deb &&
	  apt-get download -qq busybox-static:arm64 )
	rm -rf "$(dirname "$BB")/dl/x"
	dpkg-deb -x "$(dirname "$BB")"/dl/busybox-static_*_arm64.deb "$(dirname "$BB")/dl/x"
	cp "$(dirname "$BB")/dl/x/bin/busybox" "$BB"
	echo "install-deps: busybox for arm64 at $BB"
fi
