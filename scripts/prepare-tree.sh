#!/bin/bash
# Unpack Debian's linux-source-6.12 once into build/src, then make the
# tree our driver is built in: a hard-linked copy of the pristine tree with
# our files laid over it. The pristine tree stays as the stock reference.
#
#   prepare-tree.sh            -> build/src/linux-source-6.12 (stock)
#                                 build/src/linux-ours (our files)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

TARBALL=$(ls /usr/src/linux-source-6.12.tar.* 2>/dev/null | head -n1)
[ -n "$TARBALL" ] || die "linux-source-6.12 is not installed (run scripts/install-deps.sh)"

if [ ! -f "$SRC_STOCK/.unpacked" ] || [ "$TARBALL" -nt "$SRC_STOCK/.unpacked" ]; then
	log "unpacking $TARBALL"
	rm -rf "$SRC_STOCK" "$SRC_OURS"
	mkdir -p "$BUILD/src"
	tar -C "$BUILD/src" -xf "$TARBALL"
	touch "$SRC_STOCK/.unpacked"
fi

if [ ! -f "$SRC_OURS/.linked" ]; then
	log "linking our tree"
	rm -rf "$SRC_OURS"
	cp -al "$SRC_STOCK" "$SRC_OURS"
	touch "$SRC_OURS/.linked"
fi

# Our file -> its place in the kernel tree. The copy in the tree is
# replaced (never written through: it is a hard link to the stock tree)
# and only when it differs, so make sees no change otherwise.
overlay() {
	local ours=$1 dest=$SRC_OURS/$2
	if ! cmp -s "$ours" "$dest"; then
		rm -f "$dest"
		mkdir -p "$(dirname "$dest")"
		cp "$ours" "$dest"
	fi
}
while read -r ours dest; do
	case "$ours" in ''|'#'*) continue ;; esac
	overlay "$ours" "$dest"
done < scripts/overlay.map
