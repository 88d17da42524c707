# The bad-input matrix once more, on the debug kernel (see 90-debug-kernel.sh):
# any lockdep, atomic-sleep, UBSAN or KASAN report, WARN, BUG or oops fails.
# This file runs the odd trees, 92-debug-bad-input.sh the even ones, side by
# side.
# shellcheck shell=bash

SCENARIO_PREFIX=debug-
SCENARIO_ENV=(IMAGE="$BUILD/images/ours-debug/Image")
SCENARIO_PATTERNS=('!UBSAN:|KASAN|BUG:|WARNING:|INFO: |possible circular locking|inconsistent lock state|sleeping function called from invalid context|Call trace:')
BAD_PARTS=2 BAD_PART=${BAD_PART:-0}
# shellcheck source=/dev/null
. selftests/scenarios/30-bad-input.sh
SCENARIO_PREFIX=
SCENARIO_ENV=()
SCENARIO_PATTERNS=()
BAD_PARTS=1 BAD_PART=0
