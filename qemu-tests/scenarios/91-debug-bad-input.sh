# The bad-input matrix once more, on the debug kernel (see debug_kernel in
# run.sh): the odd trees here, the even ones in 92-debug-bad-input.sh.
# shellcheck shell=bash

debug_kernel
BAD_PARTS=2
BAD_PART=${BAD_PART:-0}
# shellcheck source=/dev/null
. qemu-tests/scenarios/30-bad-input.sh
