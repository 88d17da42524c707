#!/bin/bash
# Boot one board's psci node (a node-NNN.dtsi of psci-nodes.py, grafted onto
# QEMU's virt board) on one kernel and print what the PSCI driver decided,
# as one line:
#
#   path=0.1|std|none calls=CONDUIT:FID[xN],... affinity=yes|no cpus=LIST
#   debugfs=LINES/DIGEST end=off|reset|halt boot=ok|fail
#
# path: the PSCI interface taken, from the driver's own probe lines (the
# stock driver's "Using PSCI v0.1 Function IDs from DT" / "Using standard
# PSCI v0.2 function IDs"; ours "PSCIv0.1 over" / "PSCIvX.Y over").
# calls: every conduit call from userspace on, in order, as kprobe events
# on __arm_smccc_hvc/__arm_smccc_smc report them (a run of the same call is
# written CALLxN): CPU1 taken offline and back, then poweroff (-f: the
# kernel's path, without busybox init's shutdown). The kill wait's
# AFFINITY_INFO polls interleave with the dying CPU's CPU_OFF as timing
# has it, so they are left out of the sequence and reported as
# affinity=yes|no. (The probe's own calls come before any tracer can run;
# the debugfs view below covers what it learnt.)
# Neither driver's code is changed to be observed.
#
#   observe.sh DTSI IMAGE VARIANT LOG
set -uo pipefail
cd "$(dirname "$0")/../.."

dtsi=$1 image=$2 variant=$3 log=$4
machine=virt
# An SMC node needs a firmware at a higher EL: QEMU's PSCI answers SMC
# with the kernel at EL2.
grep -q 'method = \[73 6d 63 00\]' "$dtsi" && machine=virt,virtualization=on
c=/sys/devices/system/cpu/cpu1/online
# /sys/kernel/debug/psci first: reading it calls the firmware, and the
# conduit trace that follows is the hotplug's alone.
# Without AFFINITY_INFO (a 0.1 node) the kernel does not wait for the dying
# CPU's CPU_OFF, so an online right after the offline could reach the
# firmware first: a pause between them keeps the order the board's.
cmd="debugfs_view 2>/dev/null; trace_conduit; echo 0 > $c; sleep 0.5; echo 1 > $c; echo \"PSCI-TEST: cpu1 online \$(cat $c)\""
if env QUIET=1 LOG="$log" TIMEOUT=90 SMP=2 FORCE=1 MACHINE=$machine IMAGE="$image" DTS="$dtsi" \
	APPEND=tp_printk ACTION=poweroff END=observe CMD="$cmd" bash scripts/boot.sh 2> "$log.verdict"; then
	boot=ok
else
	boot=fail
fi
# How the poweroff ended: SYSTEM_OFF (QEMU's guest-shutdown), a reset, or
# a halt (PSCI 0.1 has no SYSTEM_OFF).
case "$(tail -n1 "$log.verdict")" in
*"the kernel halted"*) end=halt ;;
*"through guest-shutdown"*) end=off ;;
*"through guest-reset"*) end=reset ;;
*) end=none ;;
esac

if [ "$variant" = stock ]; then
	if grep -qa 'Using PSCI v0.1 Function IDs from DT' "$log"; then path=0.1
	elif grep -qa 'Using standard PSCI v0.2 function IDs' "$log"; then path=std
	else path=none; fi
else
	if grep -qaE 'psci: PSCIv0\.1 over' "$log"; then path=0.1
	elif grep -qaE 'psci: PSCIv[0-9]+\.[0-9]+ over' "$log"; then path=std
	else path=none; fi
fi
sed -n '/PSCI-TEST: tracing conduit calls/,$p' "$log" |
	grep -aoE '(hvc|smc): \(__arm_smccc_(hvc|smc)[^)]*\) fid=0x[0-9a-f]+' |
	sed -E 's/^(hvc|smc): .* fid=/\1:/' > "$log.calls"
calls=$(grep -vE ':0x[8c]4000004$' "$log.calls" | uniq -c |
	awk '{ printf "%s%s\n", $2, ($1 > 1 ? "x" $1 : "") }' | paste -sd, -)
affinity=$(grep -qE ':0x[8c]4000004$' "$log.calls" && echo yes || echo no)
cpus=$(grep -aoE 'PSCI-TEST: userspace up, online CPUs [0-9,-]+' "$log" | awk '{print $NF}')
# The debugfs file, as a line count and a digest (none when it is absent).
debugfs=$(grep -a '^PSCI-DEBUGFS: ' "$log" | tr -d '\r')
[ -n "$debugfs" ] && debugfs="$(wc -l <<< "$debugfs")/$(md5sum <<< "$debugfs" | cut -c1-8)"
echo "path=$path calls=${calls:-none} affinity=$affinity cpus=${cpus:-?} debugfs=${debugfs:-none} end=$end boot=$boot"
