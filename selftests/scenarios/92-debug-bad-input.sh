# The other half of the debug kernel's bad-input matrix (91-debug-bad-input.sh).
# shellcheck shell=bash

BAD_PART=1
# shellcheck source=/dev/null
. selftests/scenarios/91-debug-bad-input.sh
