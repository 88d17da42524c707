#!/bin/bash
# Build the kernel's own board device trees that can hold a psci node, for
# the board corpus (qemu-tests/boards/): every arm64 and arm .dts that
# mentions psci itself or through its includes, compiled by the stock
# tree's own dtc rules into build/dtbs/ARCH/. Cached: redone only when the
# source package changes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

stamp_of() { ls -l --time-style=+%s /usr/src/linux-source-6.12.tar.* 2>/dev/null | sha1sum | cut -c1-12; }
stamp=$(stamp_of)

for arch in arm64 arm; do
	out=$BUILD/dtbs/$arch
	[ "$(cat "$out/.stamp" 2>/dev/null)" = "$stamp" ] && continue
	case $arch in
	arm64) cross=aarch64-linux-gnu- config=defconfig ;;
	arm) cross=arm-linux-gnueabihf- config=multi_v7_defconfig ;;
	esac
	rm -rf "$out"
	mkdir -p "$out"
	log "device trees for $arch: finding the boards with psci"
	python3 qemu-tests/boards/psci-sources.py "$SRC_STOCK" "$arch" > "$out/targets"
	log "device trees for $arch: $(wc -l < "$out/targets") boards"
	kmake_for "$arch" "$cross" "$SRC_STOCK" "$out" "$config" >/dev/null
	# -k: a board whose tree does not build does not stop the others;
	# the boards unit counts the trees built against the targets, so none
	# is left out in silence.
	mapfile -t targets < "$out/targets"
	kmake_for "$arch" "$cross" "$SRC_STOCK" "$out" -k DTC_FLAGS=-q "${targets[@]}" \
		> "$out/build.log" 2>&1 || log "device trees for $arch: some did not build (build.log)"
	echo "$stamp" > "$out/.stamp"
done
