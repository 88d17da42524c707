# shellcheck shell=bash
# board_verdict NAME SUMMARY STOCK OURS EXPECTED [LOGS]: one TAP line for a
# psci node booted on both kernels (qemu-tests/boards/run.sh). It passes
# when both observations are equal and the boot reached userspace, or when
# EXPECTED (a TSV: summary, stock observation, our observation, reason)
# lists this very difference. The same failure on both kernels is no pass.
board_verdict() {
	local name=$1 summary=$2 stock=$3 ours=$4 expected=$5 logs=${6:-} reason
	if [ "$stock" = "$ours" ] && [[ "$ours" == *" boot=ok" ]]; then
		echo "ok - $name"
		echo "  # both: $ours"
		return
	fi
	reason=$(awk -F'\t' -v s="$summary" -v st="$stock" -v o="$ours" \
		'$1 == s && $2 == st && $3 == o {print $4; exit}' "$expected")
	if [ -n "$reason" ]; then
		echo "ok - $name: known difference"
		echo "  # stock: $stock"
		echo "  # ours:  $ours"
		echo "  # why:   $reason"
		return
	fi
	if [ "$stock" = "$ours" ]; then
		echo "not ok - $name: neither kernel reached userspace"
	else
		echo "not ok - $name: the drivers differ"
	fi
	echo "  # stock: $stock"
	echo "  # ours:  $ours"
	[ -z "$logs" ] || echo "  # logs:  $logs"
}
