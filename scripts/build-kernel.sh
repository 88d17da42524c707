#!/bin/bash
# Build one guest kernel: an arm64 Image, or for an arm32* flavour an arm
# zImage.
#
#   build-kernel.sh VARIANT FLAVOUR
#     VARIANT  ours | stock      which source tree (see prepare-tree.sh)
#              series            the tree of scripts/check-series.sh, as
#                                its patches applied so far leave it
#     FLAVOUR  names the config: configs/arm64-guest.config plus, for a
#              flavour other than "base", configs/FLAVOUR.config
#
# Output: build/images/VARIANT-FLAVOUR/Image, or zImage for arm32 (and
# vmlinux, .config). CONFIG_ONLY=1: configure only, checking that every
# option of the fragments applied (make check does so for the benchmark's
# flavour, which it does not build).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

variant=${1:?variant}
flavour=${2:-base}
case "$variant" in
ours) src=$SRC_OURS ;;
stock) src=$SRC_STOCK ;;
series) src=$SRC_SERIES ;;
*) die "unknown variant $variant" ;;
esac
# A flavour named arm32* is a 32-bit ARM kernel: configs/arm32-guest.config,
# plus configs/FLAVOUR.config for any other arm32 flavour (arm32-boards:
# with the real boards' device trees, scripts/boards32.sh); any other
# flavour is the arm64 guest config plus configs/FLAVOUR.config.
case "$flavour" in
arm32*)
	ARCH=arm CROSS=arm-linux-gnueabihf- TARGET=zImage
	frags=(configs/arm32-guest.config)
	[ "$flavour" = arm32-guest ] || frags+=("configs/$flavour.config") ;;
*)
	ARCH=arm64 CROSS=aarch64-linux-gnu- TARGET=Image
	frags=(configs/arm64-guest.config)
	[ "$flavour" = base ] || frags+=("configs/$flavour.config") ;;
esac

# The object tree sits directly in the source tree, so that kbuild names
# every source relative to it ("../drivers/...") and the stock and our
# trees compile to the same command lines: ccache then shares every object
# but the ones our files change between the two.
obj=$src/.obj-$flavour
out=$BUILD/images/$variant-$flavour
mkdir -p "$obj" "$out"

# Everything this build reads that can change: the source package, our
# overlaid files (for ours), the config fragments, this script and the
# compiler. When none did since the last build, skip make, which spends
# 15 s walking an unchanged tree.
inputs=$({
	ls -l --time-style=+%s /usr/src/linux-source-6.12.tar.* 2>/dev/null
	# What the tree holds, not the project's files: a build run before
	# prepare-tree.sh has laid a change over it must not count as current.
	if [ "$variant" = ours ]; then
		grep -v '^[[:space:]]*\(#\|$\)' scripts/overlay.map | awk -v s="$src/" '{print s $2}' |
			xargs cat
	fi
	[ "$variant" != series ] || git -C "$src" rev-parse HEAD
	cat "${frags[@]}" "$0"
	[ "$flavour" != arm32-boards ] || cat scripts/boards32.sh
	"${CROSS}gcc" --version | head -n1
} | sha1sum | cut -d' ' -f1)
if [ "${CONFIG_ONLY:-0}" != 1 ] && [ -f "$out/$TARGET" ] &&
	[ "$(cat "$out/.inputs" 2>/dev/null)" = "$inputs" ]; then
	log "$variant-$flavour is up to date"
	exit 0
fi
rm -f "$out/.inputs"
kmake() { kmake_for "$ARCH" "$CROSS" "$src" "$obj" "$@"; }

# A first stock build starts from a copy of our object tree of the same
# flavour: the two trees differ only in our files, so kbuild's own
# dependencies remake just what they change (the files are touched here;
# the config is made again below, and syncconfig marks only the symbols
# that differ). Our files are the ones in our tree that are not hard
# links to the stock tree (prepare-tree.sh). With ccache alone, the stock
# build still ran every compiler through ccache: about 13 minutes on 2
# cores against 2 or 3 this way.
seed=$SRC_OURS/.obj-$flavour
if [ "${CONFIG_ONLY:-0}" != 1 ] && [ "$variant" = stock ] && [ ! -f "$obj/vmlinux" ] &&
	[ -f "$seed/vmlinux" ]; then
	log "stock-$flavour: starting from a copy of our object tree"
	rm -rf "$obj"
	cp -a "$seed" "$obj"
	rm -f "$obj/.frag-sum"
	find "$SRC_OURS" -path "$SRC_OURS/.obj-*" -prune -o -type f -links 1 -printf '%P\n' |
		while read -r f; do
			[ ! -f "$src/$f" ] || touch "$src/$f"
		done
fi

# Reconfigure only when a fragment changed, or (series) a Kconfig file of
# the tree did: a patch can add a symbol the fragments ask for.
sum=$({
	cat "${frags[@]}"
	[ "$variant" != series ] || git -C "$src" ls-files -s -- ':(glob)**/Kconfig*'
} | sha1sum | cut -d' ' -f1)
if [ ! -f "$obj/.config" ] || [ "$(cat "$obj/.frag-sum" 2>/dev/null)" != "$sum" ]; then
	log "configuring $variant-$flavour"
	kmake allnoconfig >/dev/null
	KCONFIG_CONFIG=$obj/.config "$src/scripts/kconfig/merge_config.sh" \
		-m -O "$obj" "$obj/.config" "${frags[@]}" >/dev/null
	kmake olddefconfig >/dev/null
	# Every option the fragments ask for (the last word on each) must
	# have stuck.
	bad=0
	declare -A want=()
	while IFS= read -r line; do
		case "$line" in
		CONFIG_*=*) want[${line%%=*}]=${line#*=} ;;
		"# CONFIG_"*" is not set") line=${line#\# }; want[${line%% *}]=n ;;
		esac
	done < <(cat "${frags[@]}")
	# A symbol no Kconfig of this tree defines (ours, asked of the stock
	# tree or of a series patch before the one adding it) is not checked.
	known=$(find "$src" -path "$src/.obj-*" -prune -o -name 'Kconfig*' -type f -print0 |
		xargs -0 sed -n 's/^[[:space:]]*\(menu\)\{0,1\}config[[:space:]]\{1,\}\([A-Za-z0-9_]*\).*/CONFIG_\2/p' |
		sort -u)
	for opt in "${!want[@]}"; do
		grep -qxF "$opt" <<< "$known" || continue
		val=${want[$opt]}
		if [ "$val" = n ]; then
			! grep -qx "$opt=y" "$obj/.config" || { log "option not applied: $opt=n"; bad=1; }
		else
			grep -qxF "$opt=$val" "$obj/.config" || { log "option not applied: $opt=$val"; bad=1; }
		fi
	done
	[ "$bad" = 0 ] || die "config fragment did not apply"
	echo "$sum" > "$obj/.frag-sum"
fi
if [ "${CONFIG_ONLY:-0}" = 1 ]; then
	log "$variant-$flavour: configured, every option applied"
	exit 0
fi

log "building $variant-$flavour"
kmake $TARGET
cp "$obj/arch/$ARCH/boot/$TARGET" "$obj/vmlinux" "$obj/.config" "$out/"
if [ "$flavour" = arm32-boards ]; then
	# The boards' own device trees, from this tree (out/dtbs/).
	. scripts/boards32.sh
	dtbs=()
	for b in $BOARDS32; do
		board32 "$b"
		dtbs+=("$BOARD_DTB")
	done
	kmake DTC_FLAGS=-q "${dtbs[@]}"
	mkdir -p "$out/dtbs"
	for d in "${dtbs[@]}"; do
		cp "$obj/arch/arm/boot/dts/$d" "$out/dtbs/"
	done
fi
echo "$inputs" > "$out/.inputs"
