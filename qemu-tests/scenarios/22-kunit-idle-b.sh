# KUnit while every CPU is online and CPUs 1-3 idle through CPU_SUSPEND
# (idle states), 20 boots in two files run side by side: the suite works
# on state of its own and must never disturb, or be disturbed by, the live
# driver. Each boot shows that the idle states were entered (cpuidle's
# usage on CPUs 1-3, read once userspace is up: guest/psci-lib.sh's
# idle_entries; 05-controls.sh shows the pattern failing without cpuidle).
# shellcheck shell=bash

# The vCPUs truly at once (each on a host thread; scripts/boot.sh's default
# runs them in turn): what runs on CPU 0 meets the others' idle entries.
export TCG_THREAD=multi

kunit_repeat kunit-idle-b 10 SMP=4 DTS=dts-examples/psci-idle-states.dts \
	CMD=idle_entries -- 'PSCI-TEST: idle entries on CPUs 1-3: [1-9]'
