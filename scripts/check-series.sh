#!/bin/bash
# The patch series (make patches) taken the way a distribution takes it:
# checkpatch --strict on each patch file; then, on a fresh git baseline of
# the unpacked linux-source-6.12, "git am" one patch at a time with the
# guest kernel built (configs/arm64-guest.config) after each. After the
# last patch the tree's files must be the project's own. Prints "ok - X" /
# "not ok - X" lines; the last patch's Image is left in
# build/images/series-base/ for the boot that follows.
#
# A run whose patches, config and scripts are those of the last run that
# passed only replays that run's lines (the series tree, its objects and
# Image are still there).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
. scripts/lib.sh

PATCHES=$BUILD/patches
STATE=$BUILD/series
LOGS=$BUILD/logs/series
mkdir -p "$STATE" "$LOGS"

[ -s "$PATCHES/series" ] || { echo "not ok - make patches wrote no series"; exit 0; }
mapfile -t series < "$PATCHES/series"

key=$({
	cat "$PATCHES"/*.patch configs/arm64-guest.config scripts/build-kernel.sh "$0"
	ls -l --time-style=+%s /usr/src/linux-source-6.12.tar.*
} | sha1sum | cut -d' ' -f1)
if [ "$(cat "$STATE/key" 2>/dev/null)" = "$key" ] && [ -f "$STATE/results" ] &&
	[ -f "$BUILD/images/series-base/Image" ]; then
	cat "$STATE/results"
	exit 0
fi
rm -f "$STATE/key"

result() { # RESULT NAME [DETAIL FILE]
	echo "$1 - $2"
	[ -z "${3:-}" ] || tail -n 15 "$3" | sed 's/^/  # /'
}

checks() {
# checkpatch judges a patch file as a maintainer receives it. Its one
# question, "does MAINTAINERS need updating?" for an added file, is
# answered no when the PSCI entry already covers the file (the entry's
# F: patterns, as get_maintainer.pl reads them).
for p in "${series[@]}"; do
	out=$(cd "$SRC_STOCK" && perl scripts/checkpatch.pl --strict "$PATCHES/$p" 2>&1)
	if grep -q '^total: 0 errors, 0 warnings, 0 checks' <<< "$out"; then
		result ok "checkpatch --strict $p"
	elif grep -q '^total: 0 errors, 1 warnings, 0 checks' <<< "$out" &&
		grep -q '^WARNING: added, moved or deleted file(s), does MAINTAINERS need updating' <<< "$out" &&
		cover=$(python3 scripts/maintainers-cover.py "$SRC_STOCK" \
			"POWER STATE COORDINATION INTERFACE (PSCI)" "$PATCHES/$p"); then
		result ok "checkpatch --strict $p (MAINTAINERS: $cover)"
	else
		echo "$out" > "$LOGS/checkpatch-$p.log"
		result "not ok" "checkpatch --strict $p" "$LOGS/checkpatch-$p.log"
	fi
done

# The baseline: the unpacked tree, committed as it is (fresh_tree: hard
# links, the files the series changes copied).
log "committing the baseline tree"
fresh_tree "$SRC_SERIES" "$PATCHES"/*.patch
g() {
	git -C "$SRC_SERIES" -c user.name=series -c user.email=series@build \
		-c core.autocrlf=false -c gc.auto=0 "$@"
}
# Debian's top-level .gitignore ignores every top-level entry: -f.
if ! { g init -q && echo '/.obj-*' >> "$SRC_SERIES/.git/info/exclude" &&
	g add -A -f . && g commit -q -m "linux-source-6.12 as unpacked"; } > "$LOGS/baseline.log" 2>&1; then
	result "not ok" "git baseline of the unpacked tree" "$LOGS/baseline.log"
	return
fi

# The stock guest kernel's object tree is what the baseline builds to:
# start from a copy of it, so that each patch costs only what it changes.
# (kbuild names every source relative to the object tree, "../drivers/...",
# so the copy is valid here.)
if [ -f "$SRC_STOCK/.obj-base/vmlinux" ]; then
	cp -a "$SRC_STOCK/.obj-base" "$SRC_SERIES/.obj-base"
fi

n=0 broken=
for p in "${series[@]}"; do
	n=$((n + 1))
	if [ -n "$broken" ]; then
		result "not ok" "patch $n ($p) not tried: $broken"
		continue
	fi
	if g am -q --no-3way "$PATCHES/$p" > "$LOGS/am-$n.log" 2>&1; then
		result ok "git am patch $n: $(g log -1 --format=%s)"
	else
		result "not ok" "git am patch $n ($p)" "$LOGS/am-$n.log"
		g am --abort > /dev/null 2>&1
		broken="patch $n did not apply"
		continue
	fi
	log "building the guest kernel after patch $n"
	if bash scripts/build-kernel.sh series base > "$LOGS/build-$n.log" 2>&1; then
		result ok "guest kernel builds after patch $n"
		if grep -E 'warning:' "$LOGS/build-$n.log" > "$LOGS/warnings-$n.log"; then
			result "not ok" "no compiler warning after patch $n" "$LOGS/warnings-$n.log"
		else
			result ok "no compiler warning after patch $n"
		fi
	else
		result "not ok" "guest kernel builds after patch $n" "$LOGS/build-$n.log"
		broken="the kernel did not build after patch $n"
	fi
done

# After the last patch the tree holds the project's files, byte for byte.
if [ -z "$broken" ]; then
	diffs=$(grep -v '^[[:space:]]*\(#\|$\)' scripts/overlay.map | while read -r ours dest; do
		cmp -s "$ours" "$SRC_SERIES/$dest" || echo "$dest differs from $ours"
	done)
	if [ -z "$diffs" ]; then
		result ok "after the last patch the tree's files are the project's"
	else
		echo "$diffs" > "$LOGS/differ.log"
		result "not ok" "after the last patch the tree's files are the project's" "$LOGS/differ.log"
	fi
fi

}

checks | tee "$STATE/results.new"
mv "$STATE/results.new" "$STATE/results"
grep -q '^not ok' "$STATE/results" || echo "$key" > "$STATE/key"
