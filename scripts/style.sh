#!/bin/bash
# Kernel style gates for our C files, each printed as one TAP-style line:
#   checkpatch.pl --strict, a W=1 build and a sparse (C=2) pass.
# The W=1/sparse objects are built in their own object tree so that the
# normal build keeps its flags. Exit status: the number of failed gates.
# A gate passes only when its tool ran and said nothing: a tool that
# cannot run, or a build that fails, is a failed gate too.
#   CHECKPATCH (the tree's scripts/checkpatch.pl), SPARSE (sparse): the
#   tools, overridable (the suite's negative control gives ones that
#   cannot run); STYLE_GATES: which gates to run (checkpatch configs w1
#   sparse).
# configs: our objects must build, W=1 and -Werror, in configurations the
# guest's does not cover: arm64's allnoconfig (no CPU_IDLE, SUSPEND,
# HIBERNATION, HOTPLUG_CPU, ACPI, DEBUG_FS, ...; ARM_PSCI_FW is always on
# for arm64) and the same with our KUnit suites built in.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

files=()
while read -r ours dest; do
	case "$ours" in ''|'#'*) continue ;; esac
	case "$dest" in *.c) files+=("$dest") ;; esac
done < scripts/overlay.map
objs=()
for f in "${files[@]}"; do
	case "$f" in *_kunit.c) ;; *) objs+=("${f%.c}.o") ;; esac
done

CHECKPATCH=${CHECKPATCH:-scripts/checkpatch.pl}
SPARSE=${SPARSE:-sparse}
STYLE_GATES=" ${STYLE_GATES:-checkpatch configs w1 sparse} "
fails=0
gate() {
	local name=$1 out=$2
	if [ -s "$out" ]; then
		echo "not ok - $name"
		sed 's/^/  # /' "$out" | head -n 40
		fails=$((fails + 1))
	else
		echo "ok - $name"
	fi
}

out=$(mktemp)
if [[ "$STYLE_GATES" == *" checkpatch "* ]]; then
	# checkpatch exits 0 only when it read every file and found nothing.
	(cd "$SRC_OURS" && perl "$CHECKPATCH" --strict --no-tree --terse -f "${files[@]}") > "$out" 2>&1
	st=$?
	grep -E 'ERROR|WARNING|CHECK' "$out" > "$out.c" || true
	[ "$st" = 0 ] || [ -s "$out.c" ] || { echo "checkpatch exited $st:"; head -n 5 "$out"; } > "$out.c"
	gate "checkpatch --strict: ${files[*]}" "$out.c"
fi

# source_stamp: the source package's file as installed (the stock tree and
# ours are unpacked from it).
source_stamp() { ls -l --time-style=+%s /usr/src/linux-source-6.12.tar.* 2>/dev/null; }

# prepare_once TREE OBJDIR: kbuild's prepare in OBJDIR, when its .config
# or the source package changed since it last ran there (an object build
# checks prepare again anyway: this one is only here so that a first run
# makes the host tools without W=1, outside the logs the gates read).
prepare_once() {
	local key
	key=$({ cat "$2/.config"; source_stamp; } | md5sum)
	[ "$(cat "$2/.style-prepared" 2>/dev/null)" = "$key" ] && return 0
	rm -f "$2/.style-prepared"
	kmake_arm64 "$1" "$2" prepare > /dev/null 2>&1 && echo "$key" > "$2/.style-prepared"
}

# config_build NAME [CONFIG=VALUE ...]: allnoconfig plus the settings, in
# build/obj/config-NAME; our objects built with W=1 -Werror.
config_build() {
	local name=$1 o=$BUILD/obj/config-$1 kv want
	shift
	want=$(printf '%s\n' "$@")
	if [ ! -f "$o/.config" ] || [ "$(cat "$o/.wanted" 2>/dev/null)" != "$want" ]; then
		rm -rf "$o"
		mkdir -p "$o"
		kmake_arm64 "$SRC_OURS" "$o" allnoconfig > /dev/null 2>&1
		for kv in "$@"; do
			"$SRC_OURS/scripts/config" --file "$o/.config" --set-val "${kv%%=*}" "${kv#*=}"
		done
		kmake_arm64 "$SRC_OURS" "$o" olddefconfig > /dev/null 2>&1
		echo "$want" > "$o/.wanted"
	fi
	for kv in "$@"; do
		grep -qx "CONFIG_$kv" "$o/.config" || echo "$name: CONFIG_$kv did not stick"
	done
	grep -q '^CONFIG_CPU_IDLE=y' "$o/.config" && echo "$name: CPU_IDLE is on: not the configuration meant"
	prepare_once "$SRC_OURS" "$o"
	for f in "${objs[@]}"; do rm -f "$o/$f"; done
	kmake_arm64 "$SRC_OURS" "$o" W=1 KCFLAGS=-Werror "${objs[@]}" > "$o.out" 2>&1 ||
		echo "$name: make exited $?"
	grep -E 'warning|error' "$o.out" | sed "s|^|$name: |"
	for f in "${objs[@]}"; do
		[ -f "$o/$f" ] || echo "$name: $f was not built"
	done
}
if [[ "$STYLE_GATES" == *" configs "* ]]; then
	{
		config_build allnoconfig
		config_build allnoconfig-kunit KUNIT=y ARM_PSCI_KUNIT_TEST=y
	} > "$out.k" 2>&1
	gate "W=1 -Werror in arm64 allnoconfig, and with the KUnit suites (CPU_IDLE=n): ${objs[*]}" "$out.k"
fi

[[ "$STYLE_GATES" == *" w1 "* ]] || [[ "$STYLE_GATES" == *" sparse "* ]] || { rm -f "$out"*; exit "$fails"; }
obj=$BUILD/obj/style
kmake() { kmake_arm64 "$SRC_OURS" "$obj" "$@"; }
if [ ! -f "$obj/.config" ] || ! cmp -s "$obj/.config" "$BUILD/images/ours-base/.config"; then
	mkdir -p "$obj"
	cp "$BUILD/images/ours-base/.config" "$obj/.config"
	kmake olddefconfig >/dev/null
fi
prepare_once "$SRC_OURS" "$obj"
# Force a recompile so that every warning shows, even when up to date.
if [[ "$STYLE_GATES" == *" w1 "* ]]; then
	for o in "${objs[@]}"; do rm -f "$obj/$o"; done
	kmake W=1 "${objs[@]}" > "$out" 2>&1
	st=$?
	grep -E 'warning|error' "$out" > "$out.w" || true
	[ "$st" = 0 ] || [ -s "$out.w" ] || { echo "make exited $st:"; tail -n 5 "$out"; } > "$out.w"
	for o in "${objs[@]}"; do
		[ -f "$obj/$o" ] || echo "$o was not built" >> "$out.w"
	done
	gate "make W=1: ${objs[*]}" "$out.w"
fi

# sparse: only warnings about our files, and only those the stock files
# do not draw too (cpu_psci_ops, for one, is declared in cpu_ops.c, not in
# a header, in both).
sparse_msgs() { # TREE OBJDIR -> "file: message" lines, line numbers dropped
	local tree=$1 o=$2
	if [ ! -f "$o/.config" ] || ! cmp -s "$o/.config" "$BUILD/images/ours-base/.config"; then
		mkdir -p "$o"
		cp "$BUILD/images/ours-base/.config" "$o/.config"
		kmake_arm64 "$tree" "$o" olddefconfig >/dev/null
	fi
	prepare_once "$tree" "$o"
	for f in "${objs[@]}"; do rm -f "$o/$f"; done
	# kbuild runs CHECK after each compile; a sparse that cannot run
	# fails the make (exit status in the last line).
	kmake_arm64 "$tree" "$o" C=2 CHECK="$SPARSE" "${objs[@]}" > "$o.sparse.out" 2>&1
	echo "make-status $?"
	grep -E 'warning|error' "$o.sparse.out" | sed -E "s|^$tree/||; s|:[0-9]+:[0-9]+:|:|" | sort -u
}
# stock_sparse_msgs: sparse_msgs on the stock tree, whose messages change
# only with the source package, the configuration, sparse or this script:
# kept (build/obj/style-stock.sparse) from a run where sparse ran.
stock_sparse_msgs() {
	local o=$BUILD/obj/style-stock key
	key=$({ cat scripts/style.sh "$BUILD/images/ours-base/.config"
		source_stamp
		echo "$SPARSE ${objs[*]}"; "$SPARSE" --version 2>&1; } | md5sum)
	if [ "$(head -n1 "$o.sparse" 2>/dev/null)" = "$key" ]; then
		tail -n +2 "$o.sparse"
		return
	fi
	sparse_msgs "$SRC_STOCK" "$o" > "$o.sparse.new"
	cat "$o.sparse.new"
	if grep -qx 'make-status 0' "$o.sparse.new"; then
		{ echo "$key"; cat "$o.sparse.new"; } > "$o.sparse"
	fi
	rm -f "$o.sparse.new"
}
if [[ "$STYLE_GATES" == *" sparse "* ]]; then
	sparse_msgs "$SRC_OURS" "$obj" > "$out.ours"
	stock_sparse_msgs > "$out.stock"
	grep -E "^($(IFS='|'; echo "${files[*]}")):" "$out.ours" | grep -vxF -f "$out.stock" > "$out.s" || true
	for f in "$out.ours" "$out.stock"; do
		grep -q '^make-status 0$' "$f" || { echo "sparse did not run: $(grep -m1 . "$f")"; grep -v '^make-status' "$f" | head -n 3; } >> "$out.s"
	done
	command -v "$SPARSE" > /dev/null || echo "no sparse: $SPARSE" >> "$out.s"
	gate "sparse (C=2), no warning the stock files lack: ${objs[*]}" "$out.s"
fi
[ -z "${STYLE_KEEP:-}" ] && rm -f "$out.ours" "$out.stock"
rm -f "$out" "$out.c" "$out.k" "$out.w" "$out.s"
exit "$fails"
