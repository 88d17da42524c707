# SPDX-License-Identifier: GPL-2.0
#
# The CPU hotplug and cpuidle steps of the psci kselftest, for psci.sh and
# for anything else that drives the same checks (a test harness's guest,
# say). Only the kernel's CPU hotplug and cpuidle sysfs files are used, so
# these work with any PSCI driver; psci.sh adds the driver's call counters
# on top. Sourced; busybox sh, dash and bash.

# shellcheck disable=SC3043 # local: in dash, busybox and bash alike
PSCI_CPUS=/sys/devices/system/cpu

# psci_cpu_off_on CPUDIR: take the CPU of sysfs directory CPUDIR offline and
# back online, checking its state after each step. Returns 0 when both
# held, 1 when the CPU would not go offline, 2 when it did not come back.
# The state is read by the shell itself (read, not $(cat)): a stress run
# checks it hundreds of times, and each fork and exit costs a slow guest
# more than the hotplug it checks.
psci_cpu_off_on() {
	local state
	{ echo 0 > "$1/online" && read -r state < "$1/online"; } 2>/dev/null || return 1
	[ "$state" = 0 ] || return 1
	{ echo 1 > "$1/online" && read -r state < "$1/online"; } 2>/dev/null || return 2
	[ "$state" = 1 ] || return 2
	return 0
}

# psci_idle_dir CPU NAME: the cpuidle state directory of the state called
# NAME on CPU (cpuN); nothing when that CPU has none. Names longer than
# 15 characters are cut in sysfs: NAME is compared as sysfs has it.
psci_idle_dir() {
	local st
	for st in "$PSCI_CPUS/$1"/cpuidle/state*; do
		[ "$(cat "$st/name" 2>/dev/null)" = "$2" ] && { echo "$st"; return 0; }
	done
	return 1
}

# psci_idle_only NAME|all: on every CPU with cpuidle, leave only the state
# called NAME enabled, WFI aside (the idle loop's fallback); "all" enables
# every state again.
psci_idle_only() {
	local st
	for st in "$PSCI_CPUS"/cpu[0-9]*/cpuidle/state*; do
		[ -d "$st" ] || continue
		[ "$(cat "$st/name")" = WFI ] && continue
		if [ "$1" = all ] || [ "$(cat "$st/name")" = "$1" ]; then
			echo 0 > "$st/disable"
		else
			echo 1 > "$st/disable"
		fi
	done 2>/dev/null
}
