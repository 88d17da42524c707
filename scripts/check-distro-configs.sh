#!/bin/bash
# Debian's own arm64 kernel configurations against the series: with each
# of config.arm64_none_arm64 and config.arm64_none_cloud-arm64 (package
# linux-config-6.12, arm64), made current with olddefconfig, compile on the
# series-applied tree (scripts/check-series.sh):
#   - the directories of the PSCI and SMCCC users the issue names
#     (DISTRO_DIRS), as the configuration builds them;
#   - every other C file of the tree that includes <linux/psci.h> or
#     <linux/arm-smccc.h> (arm64 and shared code), as an object of its own,
#     whether the configuration enables it or not.
# The configurations are as Debian ships them but for what a build outside
# its packaging must change (debian_config in lib.sh: no debug information,
# no Debian certificates), so that make distro-kernel shares the objects.
# Passes when it all compiles (a user that cannot be built for arm64 at all
# fails on the stock tree alike) and gives no warning the stock tree does
# not also give. Prints "ok - X" / "not ok - X" lines.
#
# The stock side is compiled smartly: the series changes C files and no
# header, so once Debian's configuration comes out the same on the stock
# tree (olddefconfig there gives the same .config), every other object
# compiles from the same bytes with the same flags: its warnings, and a
# user's failure, are the stock tree's by construction. Only the objects
# the series changes are compiled again from their stock sources, put in
# place in the series tree for that and then put back. A series that
# changes a header or a kernel Makefile of the stock tree (tools/ and
# Documentation/ are not built), or a configuration that comes out
# differently, gets the whole stock compile. A run whose inputs are those
# of the last run that passed only replays its lines.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/lib.sh

FLAVOURS=(arm64 cloud-arm64)
DISTRO_DIRS=(drivers/firmware/ drivers/cpuidle/ arch/arm64/kernel/ arch/arm64/kvm/
	kernel/power/ drivers/ptp/ drivers/char/hw_random/)
STATE=$BUILD/distro
LOGS=$BUILD/logs/distro
mkdir -p "$STATE" "$LOGS"

# Debian's configurations, fetched once.
if ! ls "$STATE"/config.arm64_none_*.xz > /dev/null 2>&1; then
	tmp=$(mktemp -d)
	if ! (cd "$tmp" && apt_get download -q linux-config-6.12:arm64) > "$LOGS/download.log" 2>&1 ||
		! dpkg-deb -x "$tmp"/linux-config-6.12_*_arm64.deb "$tmp/x" >> "$LOGS/download.log" 2>&1; then
		echo "not ok - download linux-config-6.12:arm64"
		sed 's/^/  # /' "$LOGS/download.log" | tail -n 5
		rm -rf "$tmp"
		exit 0
	fi
	cp "$tmp"/x/usr/src/linux-config-6.12/config.arm64_none_{arm64,cloud-arm64}.xz "$STATE/"
	rm -rf "$tmp"
fi

[ -d "$SRC_SERIES/.git" ] || { echo "not ok - no series-applied tree (check-series.sh)"; exit 0; }

# The PSCI and SMCCC users: C files that include either header, less the
# 32-bit arm ones (another architecture), the tools, asm-offsets.c (made
# into assembly, not an object) and those under DISTRO_DIRS (built with
# their directory, as the configuration builds them).
dirs_re=$(printf '|%s' "${DISTRO_DIRS[@]}")
mapfile -t users < <(cd "$SRC_SERIES" && git grep -lE '#include <linux/(psci|arm-smccc)\.h>' -- '*.c' |
	grep -vE "^(arch/arm/|tools/|arch/arm64/kernel/asm-offsets\.c${dirs_re})" | sed 's/\.c$/.o/')

key=$({
	git -C "$SRC_SERIES" rev-parse 'HEAD^{tree}'
	cat "$STATE"/config.arm64_none_*.xz "$0"
	ls -l --time-style=+%s /usr/src/linux-source-6.12.tar.*
} | sha1sum | cut -d' ' -f1)
if [ "$(cat "$STATE/key" 2>/dev/null)" = "$key" ] && [ -f "$STATE/results" ]; then
	cat "$STATE/results"
	exit 0
fi
rm -f "$STATE/key"

# The files the series changes; the objects of those the stock tree also
# compiles on its own. A new file cannot change a stock object (only the
# series' own files include it), and nothing under tools/ or
# Documentation/ is part of a kernel build (the kselftest and its
# Makefiles, the binding, the ABI document).
PATCHES=$BUILD/patches
mapfile -t changed < <(sed -n 's|^+++ b/||p' "$PATCHES"/*.patch | sort -u)
changed_objs=()
whole=
for f in "${changed[@]}"; do
	[ -f "$SRC_STOCK/$f" ] || continue
	case "$f" in
	tools/*|Documentation/*) ;;
	*.c) changed_objs+=("${f%.c}.o") ;;
	*.h|*Makefile|*Kbuild|*.S) whole="the series changes $f" ;;
	esac
done

# stock_sources / series_sources: the series tree's changed C files from
# the baseline commit (the stock tree's bytes), and back.
stock_sources() {
	local f
	for f in "${changed_objs[@]}"; do
		git -C "$SRC_SERIES" show "$(git -C "$SRC_SERIES" rev-list --max-parents=0 HEAD):${f%.o}.c" \
			> "$SRC_SERIES/${f%.o}.c"
	done
}
series_sources() {
	local f
	for f in "${changed_objs[@]}"; do
		git -C "$SRC_SERIES" show "HEAD:${f%.o}.c" > "$SRC_SERIES/${f%.o}.c"
	done
}

kmake() { # TREE FLAVOUR TARGET...
	local src=$1 flavour=$2
	shift 2
	kmake_arm64 "$src" "$src/.obj-deb-$flavour" "$@"
}
configure() { # TREE FLAVOUR
	debian_config "$1" "$2" "$1/.obj-deb-$2/.config"
	kmake "$1" "$2" olddefconfig
}
rebuild() { # TREE FLAVOUR OBJECT...: build again, so that the log has warnings
	local src=$1 flavour=$2
	shift 2
	[ $# -gt 0 ] || return 0
	(cd "$src/.obj-deb-$flavour" && rm -f "$@")
	kmake "$src" "$flavour" -k "$@"
}
# findings LOG: its compiler warnings ("../" taken off) into LOG.warnings,
# the objects make failed to build into LOG.failed.
findings() {
	grep -E '^[^ ]+:[0-9]+:[0-9]+: warning:' "$1" | sed 's|^\.\./||' | sort -u > "$1.warnings"
	sed -n 's/.*\*\*\* \[[^]]*: \([^]]*\.o\)\] Error.*/\1/p' "$1" | sort -u > "$1.failed"
}

checks() {
	local flavour ours stock rc new failed how whole_stock
	for flavour in "${FLAVOURS[@]}"; do
		whole_stock=$whole
		ours=$LOGS/series-$flavour.log stock=$LOGS/stock-$flavour.log
		log "compiling the series with Debian's $flavour configuration"
		{ configure "$SRC_SERIES" "$flavour" && kmake "$SRC_SERIES" "$flavour" -k "${DISTRO_DIRS[@]}"; } > "$ours" 2>&1
		rc=$?
		kmake "$SRC_SERIES" "$flavour" -k "${users[@]}" >> "$ours" 2>&1
		findings "$ours"
		rebuild "$SRC_SERIES" "$flavour" "${changed_objs[@]}" > "$ours.changed" 2>&1
		findings "$ours.changed"
		mapfile -t failed < "$ours.failed"

		log "compiling the stock tree with Debian's $flavour configuration"
		configure "$SRC_STOCK" "$flavour" > "$stock" 2>&1
		if [ -z "$whole_stock" ] && ! cmp -s "$SRC_SERIES/.obj-deb-$flavour/.config" \
			"$SRC_STOCK/.obj-deb-$flavour/.config"; then
			whole_stock="the configuration comes out differently on the stock tree"
		fi
		if [ -n "$whole_stock" ]; then
			how="whole stock compile: $whole_stock"
			# From nothing, so that every warning is in the log.
			rm -rf "$SRC_STOCK/.obj-deb-$flavour"
			{ configure "$SRC_STOCK" "$flavour"
			  kmake "$SRC_STOCK" "$flavour" -k "${DISTRO_DIRS[@]}"
			  kmake "$SRC_STOCK" "$flavour" -k "${users[@]}"; } >> "$stock" 2>&1
			findings "$stock"
			cp "$ours.warnings" "$ours.changed.warnings"
			cp "$stock.warnings" "$stock.changed.warnings"
		else
			how="the same configuration on the stock tree; its ${#changed_objs[@]} changed objects compiled from the stock sources"
			cp "$ours.failed" "$stock.failed"
			stock_sources
			rebuild "$SRC_SERIES" "$flavour" "${changed_objs[@]}" > "$stock.changed" 2>&1
			# The series sources back, newer than the objects just made
			# from the stock ones: kbuild remakes those when next asked.
			series_sources
			findings "$stock.changed"
		fi

		new=$(comm -23 "$ours.failed" "$stock.failed")
		if [ "$rc" = 0 ] && [ -z "$new" ]; then
			echo "ok - Debian $flavour config: the series compiles (${#DISTRO_DIRS[@]} directories, ${#users[@]} other PSCI/SMCCC users; ${#failed[@]} of these cannot be built with this configuration, on the stock tree either)"
		else
			echo "not ok - Debian $flavour config: the series compiles"
			{ echo "$new"; grep -E 'error:|\*\*\*' "$ours"; } | sed -n 's/^./  # &/p' | head -n 15
		fi
		new=$(comm -23 "$ours.changed.warnings" "$stock.changed.warnings")
		if [ -z "$new" ]; then
			echo "ok - Debian $flavour config: no warning the stock tree does not give ($how; $(wc -l < "$ours.changed.warnings") warnings from them on both)"
		else
			echo "not ok - Debian $flavour config: no warning the stock tree does not give"
			sed -n 's/^./  # &/p' <<< "$new" | head -n 15
		fi
	done
}

checks | tee "$STATE/results.new"
mv "$STATE/results.new" "$STATE/results"
grep -q '^not ok' "$STATE/results" || echo "$key" > "$STATE/key"
