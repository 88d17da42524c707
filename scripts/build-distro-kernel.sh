#!/bin/bash
# make distro-kernel: Debian's cloud-arm64 kernel flavour with our series,
# the way a distribution builds it (not part of make check: it is long on
# 2 cores).
#
#   - the tree: the unpacked linux-source-6.12 with build/patches/ applied
#     by patch(1), in series order (build/src/linux-distro);
#   - the config: config.arm64_none_cloud-arm64 from linux-config-6.12
#     (fetched by scripts/check-distro-configs.sh), with what a build
#     outside Debian's packaging changes (debian_config in lib.sh: no
#     Debian certificates, no debug information), then olddefconfig;
#   - make Image, then make modules, each timed.
#
# Output: build/images/distro-cloud-arm64/{Image,.config,build-time}. Boot
# it with: make boot IMAGE=build/images/distro-cloud-arm64/Image [FIRMWARE=kvm]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

FLAVOUR=cloud-arm64
src=$BUILD/src/linux-distro
obj=$src/.obj-$FLAVOUR
out=$BUILD/images/distro-$FLAVOUR
config=$BUILD/distro/config.arm64_none_$FLAVOUR.xz

[ -f "$config" ] || bash scripts/check-distro-configs.sh > /dev/null || true
[ -f "$config" ] || die "no $config (linux-config-6.12:arm64 could not be fetched)"
mapfile -t series < "$BUILD/patches/series"

# The tree, remade when the series changed.
sum=$(cat "${series[@]/#/$BUILD/patches/}" | sha1sum | cut -d' ' -f1)
if [ "$(cat "$src/.series" 2>/dev/null)" != "$sum" ]; then
	log "applying the series to a fresh tree"
	fresh_tree "$src" "${series[@]/#/$BUILD/patches/}"
	for p in "${series[@]}"; do
		patch -d "$src" -p1 -s --no-backup-if-mismatch < "$BUILD/patches/$p" ||
			die "$p does not apply"
	done
	echo "$sum" > "$src/.series"
fi

kmake() { kmake_arm64 "$src" "$obj" "$@"; }
mkdir -p "$obj" "$out"
debian_config "$src" "$FLAVOUR" "$obj/.config"
kmake olddefconfig
# Image first (what a boot needs), then the modules; each timed, in wall
# clock and in CPU time (user + system of every compiler): the CPU time
# stays meaningful when something else shares the machine.
TIMEFORMAT='%R %U %S'
timed() { # timed NAME TARGET: make TARGET, its times appended to build-time
	local t
	exec 3>&2
	t=$({ time kmake "$2" 2>&3 >&3; } 2>&1)
	exec 3>&-
	read -r real user sys <<< "$t"
	printf '%s wall %.0f s, cpu %.0f s\n' "$1" "$real" "$(echo "$user + $sys" | bc)" \
		>> "$out/build-time"
	log "$1: $(tail -n1 "$out/build-time")"
}
rm -f "$out/build-time"
log "building Image (Debian $FLAVOUR configuration)"
timed Image Image
cp "$obj/arch/arm64/boot/Image" "$obj/.config" "$out/"
log "building the modules ($(grep -c '=m$' "$obj/.config") configured)"
timed modules modules
log "$(find "$obj" -name '*.ko' | wc -l) .ko files; times in $out/build-time"
