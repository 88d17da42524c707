# The foundation scenarios and KUnit once more, on the debug kernel (lockdep,
# atomic-sleep checks, UBSAN, generic KASAN): any report from those, or any
# WARN/BUG/oops, fails the scenario. 91-debug-bad-input.sh does the same for
# the bad-input matrix (a separate file, so that the two run side by side).
# shellcheck shell=bash

SCENARIO_PREFIX=debug-
SCENARIO_ENV=(IMAGE="$BUILD/images/ours-debug/Image")
SCENARIO_PATTERNS=('!UBSAN:|KASAN|BUG:|WARNING:|INFO: |possible circular locking|inconsistent lock state|sleeping function called from invalid context|Call trace:')
# shellcheck source=/dev/null
. selftests/scenarios/10-foundation.sh
kunit kunit-fake-firmware SMP=4
SCENARIO_PREFIX=
SCENARIO_ENV=()
SCENARIO_PATTERNS=()
