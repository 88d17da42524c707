#!/bin/bash
# The kernel's own board device trees, our driver against the stock one.
#
# Every arm64 and arm board of the 6.12 tree with a psci node
# (scripts/build-board-dtbs.sh) is grouped by its psci nodes
# (psci-nodes.py); each distinct node is booted, grafted onto QEMU's virt
# board, on the stock kernel and on ours (observe.sh), and the two must take
# the same PSCI path, call the same function IDs over the same conduit and
# bring up the same CPUs, or the difference must be one that
# expected-differences.tsv lists with its reason (the README repeats them).
# Then psci-lint runs over every board: no error but the board bugs
# lint-known-errors.tsv names, and a count of each warning class.
#
# Prints "ok - ..." / "not ok - ..." lines for run.sh's gates().
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib.sh
. qemu-tests/boards/verdict.sh

OUT=$BUILD/boards
LOGS=$BUILD/logs/check/boards
EXPECTED=qemu-tests/boards/expected-differences.tsv
mkdir -p "$OUT" "$LOGS"

if ! bash scripts/build-board-dtbs.sh > "$LOGS/build-dtbs.log" 2>&1; then
	echo "not ok - build the board device trees (see $LOGS/build-dtbs.log)"
	exit 0
fi
mapfile -t dtbs < <(find "$BUILD/dtbs/arm64/arch" "$BUILD/dtbs/arm/arch" -name '*.dtb' | sort)
rm -rf "$OUT/nodes"
/usr/bin/python3 qemu-tests/boards/psci-nodes.py "$OUT/nodes" "${dtbs[@]}"
groups=$(wc -l < "$OUT/nodes/groups.tsv")
boards=$(awk -F'\t' '{s += $2} END {print s + 0}' "$OUT/nodes/groups.tsv")
targets=$(cat "$BUILD"/dtbs/{arm64,arm}/targets | wc -l)
unreadable=$(wc -l < "$OUT/nodes/unreadable.tsv")
echo "  # ${#dtbs[@]} of $targets board device trees built, $unreadable unreadable, $boards with a psci node, $groups distinct psci nodes"
# The corpus is pinned (the 6.12 tree's boards): a tree that did not
# build, a DTB that cannot be read, a lost board or node is a failure.
# shellcheck source=/dev/null
. qemu-tests/boards/corpus.conf
corpus_check() { # NAME GOT WANT
	if [ "$2" = "$3" ]; then
		echo "ok - corpus: $1 $2"
	else
		echo "not ok - corpus: $1 $2, expected $3"
	fi
}
corpus_check "device trees built of those with psci" "${#dtbs[@]}" "$targets"
corpus_check "unreadable device trees" "$unreadable" 0
corpus_check "boards with a psci node" "$boards" "$CORPUS_BOARDS"
corpus_check "distinct psci nodes" "$groups" "$CORPUS_NODES"

# Boot every node on both kernels, two boots at a time.
observe_one() {
	local id=$1 variant=$2
	bash qemu-tests/boards/observe.sh "$OUT/nodes/node-$id.dtsi" \
		"$BUILD/images/$variant-base/Image" "$variant" "$LOGS/node-$id-$variant.log" \
		> "$OUT/nodes/node-$id.$variant"
}
export -f observe_one
export OUT LOGS BUILD
cut -f1 "$OUT/nodes/groups.tsv" | awk '{print $1, "stock"; print $1, "ours"}' |
	xargs -P "${BOARD_JOBS:-2}" -n 2 bash -c 'observe_one "$0" "$1"'

while IFS=$'\t' read -r id count first summary; do
	board_verdict "node $id ($count boards, e.g. ${first##*/boot/dts/}): $summary" "$summary" \
		"$(cat "$OUT/nodes/node-$id.stock")" "$(cat "$OUT/nodes/node-$id.ours")" "$EXPECTED" \
		"$LOGS/node-$id-stock.log $LOGS/node-$id-ours.log"
done < "$OUT/nodes/groups.tsv"

# psci-lint over every board with a psci node.
lint=$BUILD/psci-lint/psci-lint
: > "$OUT/lint.txt"
while IFS= read -r dtb; do
	"$lint" "$dtb" >> "$OUT/lint.txt" 2>&1
done < <(cat "$OUT"/nodes/node-*.boards)
errors=$(grep -c ': error: ' "$OUT/lint.txt")
warnings=$(grep -c ': warning: ' "$OUT/lint.txt")
echo "  # psci-lint: $errors errors, $warnings warnings over $boards boards; warning classes:"
grep ': warning: ' "$OUT/lint.txt" | sed -E 's/^[^:]*: [^:]*: warning: //; s/0x[0-9a-f]+/N/g; s/"[^"]*"/"S"/g' |
	sort | uniq -c | sort -rn | sed 's/^/  #   /'
unknown=0
while IFS= read -r line; do
	known=0
	while IFS=$'\t' read -r board msg why; do
		case "$board" in ''|'#'*) continue ;; esac
		[[ "$line" == *"$board"*"$msg"* ]] && known=1 && break
	done < qemu-tests/boards/lint-known-errors.tsv
	if [ "$known" = 0 ]; then
		unknown=$((unknown + 1))
		echo "  # unexpected: ${line#"$BUILD/dtbs/"}"
	fi
done < <(grep ': error: ' "$OUT/lint.txt")
[ "$unknown" = 0 ] && echo "ok - psci-lint: no error on the boards but the known board bugs ($errors)" ||
	echo "not ok - psci-lint: $unknown errors on boards that boot with the stock driver"
