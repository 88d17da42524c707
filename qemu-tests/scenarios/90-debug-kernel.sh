# The foundation scenarios and KUnit once more, on the debug kernel (lockdep,
# atomic-sleep checks, UBSAN, KFENCE; see debug_kernel in run.sh).
# 91- and 92-debug-bad-input.sh do the same for the bad-input matrix, as
# separate files so that they run side by side.
# shellcheck shell=bash

debug_kernel
scenario_table qemu-tests/scenarios/10-foundation.cfg
kunit kunit-fake-firmware SMP=4
