#!/bin/bash
# timed-step.sh STEP CMD...: run a build step of the Makefile and write its
# wall time to build/logs/steps/STEP (make check prints them first, so that
# a cold run shows where its time went). The command's status is kept.
cd "$(dirname "$0")/.." || exit 1
. scripts/lib.sh
step=$1
shift
start=$SECONDS
"$@"
rc=$?
mkdir -p "$BUILD/logs/steps"
echo "$((SECONDS - start))" > "$BUILD/logs/steps/$step"
exit "$rc"
