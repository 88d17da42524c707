# A unit that dies halfway (an unbound variable under set -u), for the
# negative control of qemu-tests/scenarios/05-controls.sh: the result
# after the death must not be lost in silence.
# shellcheck shell=bash
control_gate() { echo "ok - $1"; }
gates control-before control_gate before
echo "$CONTROL_UNBOUND_VARIABLE"
gates control-after control_gate after
