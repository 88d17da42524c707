# The foundation scenarios, the bad-input matrix and KUnit once more, on the
# debug kernel (lockdep, atomic-sleep checks, UBSAN, generic KASAN): any
# report from those, or any WARN/BUG/oops, fails the scenario.
# shellcheck shell=bash

SCENARIO_PREFIX=debug-
SCENARIO_ENV=(IMAGE="$BUILD/images/ours-debug/Image")
SCENARIO_PATTERNS=('!UBSAN:|KASAN|BUG:|WARNING:|INFO: |possible circular locking|inconsistent lock state|sleeping function called from invalid context|Call trace:')
# shellcheck source=/dev/null
. selftests/scenarios/10-foundation.sh
# shellcheck source=/dev/null
. selftests/scenarios/30-bad-input.sh
kunit kunit-fake-firmware SMP=4
SCENARIO_PREFIX=
SCENARIO_ENV=()
SCENARIO_PATTERNS=()
