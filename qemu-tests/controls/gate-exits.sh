# A gate that stops with an error after one good result, and one that
# reports nothing, for the negative control of
# qemu-tests/scenarios/05-controls.sh.
# shellcheck shell=bash
gates control-gate-exits bash -c 'echo "ok - one"; exit 3'
gates control-gate-silent true
