#!/bin/bash
# Kernel style gates for our C files, each printed as one TAP-style line:
#   checkpatch.pl --strict, a W=1 build and a sparse (C=2) pass.
# The W=1/sparse objects are built in their own object tree so that the
# normal build keeps its flags. Exit status: the number of failed gates.
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
(cd "$SRC_OURS" && perl scripts/checkpatch.pl --strict --no-tree --terse -f "${files[@]}") |
	grep -E 'ERROR|WARNING|CHECK' > "$out"
gate "checkpatch --strict: ${files[*]}" "$out"

obj=$BUILD/obj/style
kmake() { kmake_arm64 "$SRC_OURS" "$obj" "$@"; }
if [ ! -f "$obj/.config" ] || ! cmp -s "$obj/.config" "$BUILD/images/ours-base/.config"; then
	mkdir -p "$obj"
	cp "$BUILD/images/ours-base/.config" "$obj/.config"
	kmake olddefconfig >/dev/null
fi
kmake prepare >/dev/null 2>&1
# Force a recompile so that every warning shows, even when up to date.
for o in "${objs[@]}"; do rm -f "$obj/$o"; done
kmake W=1 "${objs[@]}" > "$out" 2>&1
grep -E 'warning|error' "$out" > "$out.w" || true
gate "make W=1: ${objs[*]}" "$out.w"

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
	kmake_arm64 "$tree" "$o" prepare >/dev/null 2>&1
	for f in "${objs[@]}"; do rm -f "$o/$f"; done
	kmake_arm64 "$tree" "$o" C=2 "${objs[@]}" 2>&1 |
		grep -E 'warning|error' | sed -E "s|^$tree/||; s|:[0-9]+:[0-9]+:|:|" | sort -u
}
sparse_msgs "$SRC_OURS" "$obj" > "$out.ours"
sparse_msgs "$SRC_STOCK" "$BUILD/obj/style-stock" > "$out.stock"
grep -E "^($(IFS='|'; echo "${files[*]}")):" "$out.ours" | grep -vxF -f "$out.stock" > "$out.s" || true
gate "sparse (C=2), no warning the stock files lack: ${objs[*]}" "$out.s"
[ -z "${STYLE_KEEP:-}" ] && rm -f "$out.ours" "$out.stock"
rm -f "$out" "$out.w" "$out.s"
exit "$fails"
