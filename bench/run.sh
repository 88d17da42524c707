#!/bin/bash
# `make bench`: our driver against the stock 6.12 driver, built from the same
# tree with the same configuration (configs/arm64-guest.config + bench.config),
# booted alternately (A B A B ...). Guest-side figures come from kernel log
# timestamps and CLOCK_MONOTONIC under -icount shift=0,sleep=off, so guest
# time is deterministic; the kill wait runs without -icount so that the
# dying CPU really races the poll. bench/report.py turns the logs into the
# table, build/bench/results.csv and build/bench/results.png.
#
#   ROUNDS (5)   boots per image and figure
#   KILLS (200)  offlines timed for the kill wait, per boot
#   KILL_ROUNDS (2)  boots per image for the kill wait (QEMU and TF-A)
#   KVM_ROUNDS (2)  boots per image under KVM (FIRMWARE=kvm, nested)
#   ONLY=kill    rerun only the kill-wait boots (keeps the other logs)
#   ONLY=kvm     rerun only the KVM boots (keeps the other logs)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ROUNDS=${ROUNDS:-5}
KILLS=${KILLS:-200}
KILL_ROUNDS=${KILL_ROUNDS:-2}
KVM_ROUNDS=${KVM_ROUNDS:-2}
OUT=$BUILD/bench
ONLY=${ONLY:-}
mkdir -p "$OUT/logs" "$BUILD/guest-bin"
if [ "$ONLY" = kill ]; then
	rm -f "$OUT"/logs/*.kill*.log
	ROUNDS=0
	KVM_ROUNDS=0
elif [ "$ONLY" = kvm ]; then
	rm -f "$OUT"/logs/*.kvm-*
	ROUNDS=0
	KILL_ROUNDS=0
else
	rm -f "$OUT"/logs/*
fi

bash scripts/install-deps.sh
# The chart only: the bench needs nothing else the suite does not.
dpkg-query -W -f='${Status}' python3-matplotlib 2>/dev/null | grep -q "ok installed" ||
	apt_get install -y -qq --no-install-recommends python3-matplotlib >/dev/null
bash scripts/prepare-tree.sh
bash scripts/build-tfa.sh
bash scripts/build-kvm-host.sh
bash scripts/build-kernel.sh stock bench
bash scripts/build-kernel.sh ours bench
aarch64-linux-gnu-gcc -O2 -static -Wall -o "$BUILD/guest-bin/psci-bench" bench/psci-bench.c
bash scripts/mkinitramfs.sh

ICOUNT="-icount shift=0,sleep=off"
# The kill wait: function_graph on the arm64 cpu_kill operation (the same
# function name in both drivers), KILLS offline/online cycles of CPU1.
KILL_CMD="mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null; cd /sys/kernel/tracing;
echo cpu_psci_cpu_kill > set_ftrace_filter; echo function_graph > current_tracer;
echo 1 > tracing_on; psci-bench hotplug 1 $KILLS > /dev/null; echo 0 > tracing_on;
grep cpu_psci_cpu_kill trace | sed 's/^/PSCI-KILL: /'"

# The start marker of the poweroff/reboot figures, a timestamped kernel
# log line written just before the command.
mark() { echo "echo 'psci-bench: $1 now' > /dev/kmsg"; }

boot() { # boot VARIANT NAME [VAR=VALUE ...]
	local variant=$1 name=$2
	shift 2
	echo "bench: $variant $name" >&2
	env QUIET=1 LOG="$OUT/logs/$variant.$name.log" IMAGE="$BUILD/images/$variant-bench/Image" \
		TIMEOUT=600 "$@" bash scripts/boot.sh 2>> "$OUT/logs/verdicts" ||
		echo "bench: $variant $name failed: $(tail -n1 "$OUT/logs/verdicts")" >&2
}

for r in $(seq 1 "$ROUNDS"); do
	for v in stock ours; do
		boot $v "smp4-r$r" SMP=4 ACTION=none QEMU_EXTRA="$ICOUNT" \
			CMD="psci-bench hotplug 1 30; $(mark poweroff); psci-bench poweroff"
		boot $v "smp8-r$r" SMP=8 ACTION=none QEMU_EXTRA="$ICOUNT" \
			CMD="$(mark reboot); psci-bench reboot"
		boot $v "smp16-r$r" SMP=16 MACHINE=virt,gic-version=3 ACTION=none \
			QEMU_EXTRA="$ICOUNT" CMD="$(mark poweroff); psci-bench poweroff"
	done
done
if [ -z "$ONLY" ]; then
	for v in stock ours; do
		boot $v calls SMP=4 ACTION=poweroff QEMU_EXTRA="-d int -D $OUT/logs/$v.calls.int"
	done
fi
# The kill wait, without -icount: real concurrency between the CPUs; then
# the same on Trusted Firmware-A, whose CPU_OFF takes real time. Two vCPUs
# (CPU0 kills CPU1) on the 2-core host, so that each vCPU can have a core;
# the tail still depends on how the host schedules them, so KILL_ROUNDS
# alternating boots of KILLS offlines each.
for r in $(seq 1 "$KILL_ROUNDS"); do
	for v in stock ours; do
		boot $v "kill-r$r" SMP=2 ACTION=none CMD="$KILL_CMD; psci-bench poweroff"
		boot $v "kill-tfa-r$r" FIRMWARE=tfa MACHINE=virt,secure=on SMP=2 \
			ACTION=none CMD="$KILL_CMD; psci-bench poweroff"
	done
done

# Under KVM (nested: L2 on KVM in an L1 host on TCG; no -icount, KVM runs
# the vCPUs). One L1 kernel for both images, so that only L2's PSCI client
# differs. On the nested PL011 a console line costs milliseconds: poweroff
# and reboot are timed in L1 from L2's console (psci-bench relay), console
# time left out, from psci-bench's own marker (no shell marker before it).
KVM=(FIRMWARE=kvm KVM_L1_IMAGE="$BUILD/images/ours-bench/Image")
for r in $(seq 1 "$KVM_ROUNDS"); do
	for v in stock ours; do
		boot $v "kvm-kill-r$r" "${KVM[@]}" SMP=2 ACTION=none \
			KVM_RELAY="psci-bench: poweroff now|reboot: Power down" \
			CMD="$KILL_CMD; psci-bench hotplug 1 30; psci-bench poweroff"
		boot $v "kvm-smp4-r$r" "${KVM[@]}" SMP=4 ACTION=none \
			KVM_RELAY="psci-bench: reboot now|reboot: Restarting system" \
			CMD="psci-bench reboot"
	done
done

# Debian's python3 (with python3-matplotlib), whatever else is on PATH.
/usr/bin/python3 bench/report.py "$OUT"
