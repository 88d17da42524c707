#!/bin/bash
# `make run`: boot QEMU's own virt board (4 vCPUs, HVC), show what the
# driver found, take CPU1 down and up again, power off, and summarise.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

LOG=$BUILD/logs/run.log
set +e
LOG=$LOG SMP=4 ACTION=poweroff QUIET=1 \
	CMD='echo 0 > /sys/devices/system/cpu/cpu1/online; echo "PSCI-TEST: cpu1 online=$(cat /sys/devices/system/cpu/cpu1/online) after unplug"; echo 1 > /sys/devices/system/cpu/cpu1/online; echo "PSCI-TEST: cpu1 online=$(cat /sys/devices/system/cpu/cpu1/online) after replug"; sed "s/^/PSCI-DEBUGFS: /" /sys/kernel/debug/psci' \
	bash scripts/boot.sh
rc=$?
set -e

echo "---- driver lines ----"
grep -a 'psci:' "$LOG" | tr -d '\r' | sed 's/^\[ *[0-9.]*\] //'
echo "---- /sys/kernel/debug/psci ----"
grep -a '^PSCI-DEBUGFS: ' "$LOG" | tr -d '\r' | sed 's/^PSCI-DEBUGFS: //'
echo "---- summary ----"
grep -a 'smp: Brought up' "$LOG" | tr -d '\r' | sed 's/^\[ *[0-9.]*\] /CPUs: /'
grep -a '^PSCI-TEST: cpu1 online' "$LOG" | tr -d '\r' | sed 's/^PSCI-TEST: /hotplug: /'
grep -a -m1 'reboot: Power down' "$LOG" >/dev/null && echo "poweroff: SYSTEM_OFF reached QEMU"
[ "$rc" = 0 ] && echo "result: ok (QEMU exited with status 0)" || echo "result: FAILED (see $LOG)"
exit "$rc"
