# A unit that bash cannot parse, for the negative control of
# qemu-tests/scenarios/05-controls.sh.
# shellcheck shell=bash disable=SC1073,SC1072
gates control-syntax echo "ok - never"
if then fi
