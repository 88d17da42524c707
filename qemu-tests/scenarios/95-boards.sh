# The kernel's own board device trees: every distinct psci node of the 6.12
# tree's arm64 and arm boards, booted on the stock driver and on ours, and
# psci-lint over every board (qemu-tests/boards/run.sh).
# shellcheck shell=bash

gates boards bash qemu-tests/boards/run.sh
