# The other half of the debug kernel's bad-input matrix (91-debug-bad-input.sh).
# shellcheck shell=bash

BAD_PART=1
# shellcheck source=/dev/null
. qemu-tests/scenarios/91-debug-bad-input.sh
