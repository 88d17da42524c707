# KUnit while every CPU is online and CPUs 1-3 idle through CPU_SUSPEND
# (idle states), 20 boots in two files run side by side: the suite works
# on state of its own and must never disturb, or be disturbed by, the live
# driver. Each boot shows that the idle states were entered (cpuidle's
# usage on CPUs 1-3, read once userspace is up).
# shellcheck shell=bash

kunit_repeat kunit-idle-a 10 SMP=4 DTS=dts-examples/psci-idle-states.dts \
	CMD='n=0; for u in /sys/devices/system/cpu/cpu[1-3]/cpuidle/state[1-9]/usage; do n=$((n + $(cat "$u"))); done; echo "PSCI-TEST: idle entries on CPUs 1-3: $n"' -- \
	'PSCI-TEST: idle entries on CPUs 1-3: [1-9]' 
