#!/bin/bash
# `make bench`: our driver against the stock 6.12 driver, built from the same
# tree with the same configuration (configs/arm64-guest.config + bench.config),
# booted alternately (A B A B ...). Guest-side figures come from kernel log
# timestamps and CLOCK_MONOTONIC under -icount shift=0,sleep=off, so guest
# time is deterministic; the kill wait runs without -icount so that the
# dying CPU really races the poll. bench/report.py turns the logs into the
# table (medians, their 95% intervals, the ratio's), build/bench/results.csv
# and build/bench/results.png.
#
# Fair windows: both images boot with the same console loglevel (5:
# warnings and worse, so no pr_info line of either driver, such as the
# stock kill wait's "CPU%d killed", reaches the serial port inside a
# window); the lines the figures need are replayed from dmesg afterwards.
# Poweroff and reboot end at the conduit call itself (a kprobe event on
# __arm_smccc_hvc/smc, printed by tp_printk before the call), and start at
# psci-bench's own marker, written right before reboot(2). The kill wait is
# timed by a kprobe/kretprobe pair on cpu_psci_cpu_kill (the same function
# in both drivers). A boot that fails is tried again (up to 3 times), so
# both images have the same n.
#
#   ROUNDS (6)   boots per image and figure
#   KILLS (60)   offlines timed for the kill wait, per boot
#   HOTPLUGS (30)  offline/online cycles of CPU1 timed per hotplug boot
#   KILL_ROUNDS (6)  boots per image for the kill wait (QEMU and TF-A)
#   KVM_ROUNDS (4)  boots per image under KVM (FIRMWARE=kvm, nested)
#
# The intervals resample whole boots (bench/report.py), so it is the number
# of boots, not of offlines per boot, that narrows them honestly.
#   ONLY=kill    rerun only the kill-wait boots (keeps the other logs)
#   ONLY=kvm     rerun only the KVM boots (keeps the other logs)
#   BENCH_FLAVOUR=base  use the images make check built (a smoke run: make
#                check runs one round so that the command cannot rot)
#   BENCH_BOOT_CACHE=1  the stock image's boots may be replays (make
#                check's smoke round only: its figures are not results)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ROUNDS=${ROUNDS:-6}
FLAVOUR=${BENCH_FLAVOUR:-bench}
KILLS=${KILLS:-60}
HOTPLUGS=${HOTPLUGS:-30}
KILL_ROUNDS=${KILL_ROUNDS:-6}
KVM_ROUNDS=${KVM_ROUNDS:-4}
OUT=${BENCH_OUT:-$BUILD/bench}
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

if [ "$FLAVOUR" = bench ]; then
	bash scripts/install-deps.sh
	# The chart only: the bench needs nothing else the suite does not.
	dpkg-query -W -f='${Status}' python3-matplotlib 2>/dev/null | grep -q "ok installed" ||
		apt_get install -y -qq --no-install-recommends python3-matplotlib >/dev/null
	bash scripts/prepare-tree.sh
	bash scripts/build-tfa.sh
	bash scripts/build-kvm-host.sh
	bash scripts/build-kernel.sh stock bench
	bash scripts/build-kernel.sh ours bench
fi
for v in stock ours; do
	[ -f "$BUILD/images/$v-$FLAVOUR/Image" ] || die "no $v-$FLAVOUR image (make build stock-kernel)"
done
# The base archive carries bench/psci-bench (scripts/mkinitramfs.sh).
bash scripts/mkinitramfs.sh

ICOUNT="-icount shift=0,sleep=off"
# The kill wait: a kprobe and a kretprobe on the arm64 cpu_kill operation
# (the same function in both drivers), KILLS offline/online cycles of CPU1;
# each entry/return pair is one figure (bench/report.py).
KILL_CMD="mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null; cd /sys/kernel/tracing;
echo 'p:bench/kill_in cpu_psci_cpu_kill' > kprobe_events;
echo 'r:bench/kill_out cpu_psci_cpu_kill ret=\$retval' >> kprobe_events;
echo 1 > events/bench/enable; psci-bench hotplug 1 $KILLS > /dev/null; echo 0 > events/bench/enable;
grep -E 'kill_(in|out):' trace | sed 's/^/PSCI-KILL: /'; echo > kprobe_events; cd /"

# The console shows warnings and worse (both images alike); the kernel
# lines the figures read are replayed from dmesg once userspace is up.
QUIET_BOOT=(APPEND="loglevel=5 tp_printk" KLOG_REPLAY="Run /init|smp: ")
# The kill wait's boots without tp_printk: the kprobe events are read from
# the trace buffer afterwards; printed, they would put a console line inside
# every timed kill and interleave with the trace lines read out.
# TCG_THREAD=multi: each vCPU on a host thread of its own (boot.sh's
# default, single, runs them in turn: no real concurrency).
KILL_BOOT=(APPEND="loglevel=5" KLOG_REPLAY="Run /init|smp: " TCG_THREAD=multi)
# The end of the poweroff and reboot windows: the conduit call, traced
# (guest/psci-lib.sh: trace_conduit), then psci-bench's marker and reboot(2).
END_CMD="trace_conduit > /dev/null; psci-bench"

boot() { # boot VARIANT NAME [VAR=VALUE ...]: up to 3 tries, so n is equal
	local variant=$1 name=$2 try
	shift 2
	# A timed boot is never a replay (scripts/boot-cache.sh): only make
	# check's smoke round, whose figures are not results, replays the
	# stock image's boots (BENCH_BOOT_CACHE=1).
	for try in 1 2 3; do
		echo "bench: $variant $name (try $try)" >&2
		env BOOT_CACHE="${BENCH_BOOT_CACHE:-0}" QUIET=1 LOG="$OUT/logs/$variant.$name.log" IMAGE="$BUILD/images/$variant-$FLAVOUR/Image" \
			TIMEOUT=600 "$@" bash scripts/boot.sh 2>> "$OUT/logs/verdicts" && return 0
		echo "bench: $variant $name failed: $(tail -n1 "$OUT/logs/verdicts")" >&2
	done
	mv "$OUT/logs/$variant.$name.log" "$OUT/logs/$variant.$name.failed"
	echo "$variant $name" >> "$OUT/logs/failed"
}

for r in $(seq 1 "$ROUNDS"); do
	for v in stock ours; do
		boot $v "smp4-r$r" SMP=4 ACTION=none QEMU_EXTRA="$ICOUNT" "${QUIET_BOOT[@]}" \
			CMD="psci-bench hotplug 1 $HOTPLUGS; $END_CMD poweroff"
		boot $v "smp8-r$r" SMP=8 ACTION=none END=reset QEMU_EXTRA="$ICOUNT" "${QUIET_BOOT[@]}" \
			CMD="$END_CMD reboot"
		boot $v "smp16-r$r" SMP=16 MACHINE=virt,gic-version=3 ACTION=none \
			QEMU_EXTRA="$ICOUNT" "${QUIET_BOOT[@]}" CMD="$END_CMD poweroff"
	done
done
if [ -z "$ONLY" ]; then
	for v in stock ours; do
		# (never a replay: QEMU writes the calls to a file of its own)
		boot $v calls SMP=4 ACTION=poweroff BOOT_CACHE=0 QEMU_EXTRA="-d int -D $OUT/logs/$v.calls.int"
	done
fi
# The kill wait, without -icount: real concurrency between the CPUs; then
# the same on Trusted Firmware-A, whose CPU_OFF takes real time. Two vCPUs
# (CPU0 kills CPU1) on the 2-core host, so that each vCPU can have a core;
# the tail still depends on how the host schedules them, so KILL_ROUNDS
# alternating boots of KILLS offlines each.
for r in $(seq 1 "$KILL_ROUNDS"); do
	for v in stock ours; do
		boot $v "kill-r$r" SMP=2 ACTION=none "${KILL_BOOT[@]}" CMD="$KILL_CMD; psci-bench poweroff"
		# TF-A's boots take the built-in command line: loglevel=5 there.
		boot $v "kill-tfa-r$r" FIRMWARE=tfa MACHINE=virt,secure=on SMP=2 TCG_THREAD=multi \
			ACTION=none CMD="dmesg -n 5; $KILL_CMD; psci-bench poweroff"
	done
done

# Under KVM (nested: L2 on KVM in an L1 host on TCG; no -icount, KVM runs
# the vCPUs). One L1 kernel for both images, so that only L2's PSCI client
# differs. On the nested PL011 a console line costs milliseconds: poweroff
# and reboot are timed in L1 from L2's console (psci-bench relay), console
# time left out, from psci-bench's own marker (no shell marker before it).
# (TCG_THREAD=multi: the L1 host's vCPUs run at once, as the kill wait
# above; scripts/boot.sh's default, single, takes turns.)
KVM=(FIRMWARE=kvm KVM_L1_IMAGE="$BUILD/images/ours-$FLAVOUR/Image" TCG_THREAD=multi)
for r in $(seq 1 "$KVM_ROUNDS"); do
	for v in stock ours; do
		boot $v "kvm-kill-r$r" "${KVM[@]}" SMP=2 ACTION=none \
			KVM_RELAY="psci-bench: poweroff now|reboot: Power down" \
			CMD="$KILL_CMD; psci-bench hotplug 1 $HOTPLUGS; psci-bench poweroff"
		boot $v "kvm-smp4-r$r" "${KVM[@]}" SMP=4 ACTION=none \
			KVM_RELAY="psci-bench: reboot now|reboot: Restarting system" \
			END=reset CMD="psci-bench reboot"
	done
done

# Debian's python3 (with python3-matplotlib), whatever else is on PATH.
/usr/bin/python3 bench/report.py "$OUT"
