#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Does PSCI work on this system? What the firmware offers, and each thing
# the kernel does through it, checked from userspace. It reads the PSCI
# driver's /sys/firmware/psci view (Documentation/ABI/testing/
# sysfs-firmware-psci) where there is one, and otherwise what every 6.x
# driver shows: /sys/kernel/debug/psci (the firmware's own PSCI_FEATURES
# answers) and the device tree's psci node. Checked: the version and
# conduit, each function's presence,
# CPU_OFF and CPU_ON on every hotpluggable CPU, AFFINITY_INFO confirming
# each CPU off, each idle state entered, suspend-to-idle woken by the RTC,
# suspend to RAM (SYSTEM_SUSPEND) where offered, the reboot modes. KTAP
# output; what the firmware legitimately does not offer is a skip, never
# a failure. Runs on busybox sh.
#
#   psci.sh [-n]     -n: no suspend-to-idle, no suspend to RAM
#   PSCI_RTC_WAKE=S  the RTC's alarm S seconds on (default 3): where
#                    suspending can take longer (a nested guest on a busy
#                    host), an alarm that rings before the system is down
#                    never wakes it
#
# Exit status: 0 all passed or skipped, 1 a failure, 4 no PSCI here.

# shellcheck disable=SC3043 # local: in dash, busybox and bash, as the helpers assume
DIR=$(dirname "$(readlink -f "$0")")
# The kselftest helpers: beside this directory in a kernel tree
# (tools/testing/selftests/kselftest/), or where KSFT_HELPERS says.
# shellcheck source=/dev/null
. "${KSFT_HELPERS:-$DIR/../kselftest/ktap_helpers.sh}"
# The hotplug and cpuidle steps, shared with other users of these checks.
# shellcheck source=psci_lib.sh
. "$DIR/psci_lib.sh"

# PSCI_SYSFS: another copy of the driver's view (the suite's negative
# control changes a claim in one, and this test must fail).
PSCI=${PSCI_SYSFS:-/sys/firmware/psci}
DEBUGFS=/sys/kernel/debug/psci
CPUS=/sys/devices/system/cpu
SUSPEND=1
[ "${1:-}" = -n ] && SUSPEND=

# The functions a client can find, and which of them PSCI 0.2+ makes
# mandatory (PSCI_FEATURES from 1.0 on; 0.1 has none).
FUNCTIONS="PSCI_VERSION CPU_SUSPEND CPU_OFF CPU_ON AFFINITY_INFO MIGRATE
MIGRATE_INFO_TYPE MIGRATE_INFO_UP_CPU SYSTEM_OFF SYSTEM_RESET PSCI_FEATURES
SYSTEM_SUSPEND SET_SUSPEND_MODE SYSTEM_RESET2 SYSTEM_OFF2"
MANDATORY_0_2="PSCI_VERSION CPU_SUSPEND CPU_OFF CPU_ON AFFINITY_INFO SYSTEM_OFF SYSTEM_RESET"

ktap_print_header

case "$(uname -m)" in
aarch64 | arm*) ;;
*)
	ktap_skip_all "not an Arm system ($(uname -m)): no PSCI"
	exit "$KSFT_SKIP" ;;
esac
# The debugfs view: the PSCI driver's own file (PSCI 1.0+: one line per
# optional function the firmware's PSCI_FEATURES confirms).
[ -r "$DEBUGFS" ] || mount -t debugfs none /sys/kernel/debug 2>/dev/null
FEATURES=
[ -r "$DEBUGFS" ] && FEATURES=$(cat "$DEBUGFS" 2>/dev/null)
if [ -d "$PSCI" ]; then
	VIEW=sysfs
elif [ -n "$FEATURES" ]; then
	VIEW=debugfs
else
	ktap_skip_all "no $PSCI and no $DEBUGFS: no PSCI firmware, or no view of it"
	exit "$KSFT_SKIP"
fi
# The device tree's psci node, where there is one (none under ACPI).
DTNODE=
for d in /proc/device-tree/psci /proc/device-tree/firmware/psci; do
	[ -f "$d/compatible" ] && { DTNODE=$d; break; }
done
dt_string() { [ -n "$DTNODE" ] && tr '\0' '\n' < "$DTNODE/$1" 2>/dev/null | head -n1; }

# fw_says FN: the firmware's PSCI_FEATURES answer for FN, as the debugfs
# file shows it: "yes", "no", or "" when it does not show FN (before 1.0,
# or a function the file leaves out: the mandatory ones).
fw_says() {
	[ -n "$FEATURES" ] || return 0
	if printf '%s\n' "$FEATURES" | grep -qx "$1 is supported"; then
		echo yes
	elif printf '%s\n' "$FEATURES" | grep -q "^SMC Calling Convention" &&
		in_list "$1" "$DEBUGFS_FUNCTIONS"; then
		echo no
	fi
}
# The functions the debugfs file asks PSCI_FEATURES about (6.12's list).
DEBUGFS_FUNCTIONS="MIGRATE MIGRATE_INFO_TYPE MIGRATE_INFO_UP_CPU SYSTEM_SUSPEND
SET_SUSPEND_MODE SYSTEM_RESET2"

if [ "$VIEW" = sysfs ]; then
	has() { [ -f "$PSCI/functions/$1" ]; }
	calls() { cat "$PSCI/calls/$1" 2>/dev/null || echo 0; }
	version=$(cat "$PSCI/version")
	conduit=$(cat "$PSCI/conduit")
	source=$(cat "$PSCI/source")
else
	# No driver claim to read: what the firmware says where it is shown,
	# what the version defines otherwise; no call counters.
	has() {
		case "$(fw_says "$1")" in
		yes) return 0 ;;
		no) return 1 ;;
		esac
		in_list "$1" "PSCI_VERSION $MANDATORY_0_2" ||
			{ [ "${major:-0}" != 0 ] && [ "$1" = PSCI_FEATURES ]; }
	}
	calls() { echo -; }
	version=$(printf '%s\n' "$FEATURES" | sed -n '1s/^PSCIv//p')
	conduit=$(dt_string method)
	source=$(dt_string compatible)
	[ -n "$DTNODE" ] || { conduit=acpi source=ACPI; }
fi
# in_list WORD LIST: is WORD one of LIST's words?
in_list() {
	local w
	for w in $2; do [ "$w" = "$1" ] && return 0; done
	return 1
}

# What the kernel said about a call that failed: its psci: lines since
# the test began.
psci_lines() {
	dmesg 2>/dev/null | grep 'psci: ' | tail -n "+$((DMESG_START + 1))" | tail -n 5 |
		sed 's/^\[[ 0-9.]*\] //; s/^/# /'
}
DMESG_START=$(dmesg 2>/dev/null | grep -c 'psci: ')

major=${version%%.*}

# The hotpluggable CPUs online now, and the cpuidle states (but WFI) of
# the first CPU with cpuidle: the plan counts them.
hotplug_cpus=
for d in "$CPUS"/cpu[0-9]*; do
	[ -f "$d/online" ] && [ "$(cat "$d/online")" = 1 ] && hotplug_cpus="$hotplug_cpus ${d##*/}"
done
idle_states=
for st in "$CPUS"/cpu[0-9]*/cpuidle/state*; do
	[ -d "$st" ] || break
	case "$st" in "$CPUS/cpu0/"*) ;; *) [ -n "$idle_states" ] && break ;; esac
	[ "$(cat "$st/name")" = WFI ] || idle_states="$idle_states ${st##*/}"
done

# nr LIST: how many words
nr() {
	# shellcheck disable=SC2086 # the words are wanted
	set -- $1
	echo $#
}
ktap_set_plan $((1 + $(nr "$FUNCTIONS") + $(nr "$hotplug_cpus") + 1 + $(nr "$idle_states") + 3))

# 1. The firmware.
ktap_print_msg "PSCI $version over $conduit, from $source (view: $VIEW);" \
	"SMCCC $(cat "$PSCI/smccc_version" 2>/dev/null || echo -)," \
	"Trusted OS $(cat "$PSCI/trusted_os" 2>/dev/null || echo -)"
if [ -n "$version" ] && [ -n "$conduit" ] && [ "$conduit" != none ]; then
	ktap_test_pass "PSCI $version found, conduit $conduit"
else
	ktap_test_fail "PSCI found (version '$version', conduit '$conduit')"
fi

# 2. Each function: present, or a skip when the version lets the firmware
# leave it out. Where the firmware's own PSCI_FEATURES answer is shown
# (debugfs), the driver's view must agree with it.
for f in $FUNCTIONS; do
	fw=$(fw_says "$f")
	claim=absent
	has "$f" && claim=offered
	mandatory=
	in_list "$f" "$MANDATORY_0_2" && mandatory=1
	if [ "$VIEW" = sysfs ] && [ -n "$fw" ] &&
		{ [ "$claim/$fw" = offered/no ] || [ "$claim/$fw" = absent/yes ]; }; then
		ktap_test_fail "$f: the driver says $claim, PSCI_FEATURES says $fw"
	elif [ "$VIEW" = debugfs ] && [ -z "$fw" ] && [ "$major" != 0 ] && [ -n "$mandatory" ]; then
		why="this view shows no PSCI_FEATURES answer for it (used below where the test can)"
		ktap_test_skip "$f: mandatory in PSCI $version; $why"
	elif [ "$claim" = offered ]; then
		id=
		[ "$VIEW" = sysfs ] && id=", ID $(cat "$PSCI/functions/$f")"
		ktap_test_pass "$f offered${fw:+, PSCI_FEATURES says yes}$id"
	elif [ "$major" != 0 ] && [ "$f" = PSCI_FEATURES ]; then
		ktap_test_fail "$f offered: mandatory from PSCI 1.0, firmware says $version"
	elif [ "$version" != 0.1 ] && [ -n "$mandatory" ]; then
		ktap_test_fail "$f offered: mandatory from PSCI 0.2, firmware says $version"
	elif [ "$VIEW" = debugfs ] && [ -z "$fw" ]; then
		why="this view cannot tell whether the firmware offers it"
		ktap_test_skip "$f: optional in PSCI $version; $why"
	else
		ktap_test_skip "$f not offered by this firmware (optional in PSCI $version)"
	fi
done

# 3. CPU_OFF, then CPU_ON, on every hotpluggable CPU that is online; each
# must reach the firmware (the call counters) and leave the CPU where it
# was asked to be.
offlined=0
aff_before=$(calls AFFINITY_INFO)
for cpu in $hotplug_cpus; do
	d=$CPUS/$cpu
	if ! has CPU_OFF || ! has CPU_ON; then
		ktap_test_skip "$cpu off and on: the firmware offers no CPU_OFF or no CPU_ON"
		continue
	fi
	off0=$(calls CPU_OFF) on0=$(calls CPU_ON)
	psci_cpu_off_on "$d"
	rc=$?
	if [ "$rc" = 1 ]; then
		case "$(cat "$PSCI/trusted_os" 2>/dev/null)" in
		up-no-migrate*)
			ktap_test_skip "$cpu off and on: kept online for a uniprocessor Trusted OS"
			continue ;;
		esac
		ktap_test_fail "$cpu off: the kernel refused or the CPU stayed online"
		psci_lines
		continue
	fi
	offlined=$((offlined + 1))
	if [ "$rc" != 0 ]; then
		ktap_test_fail "$cpu on: the CPU did not come back"
		psci_lines
		continue
	fi
	off1=$(calls CPU_OFF) on1=$(calls CPU_ON)
	counts="CPU_OFF calls $off0 -> $off1, CPU_ON $on0 -> $on1"
	if [ "$VIEW" = debugfs ]; then
		ktap_test_pass "$cpu off and on (no call counters in this view)"
	elif [ "$off1" -gt "$off0" ] && [ "$on1" -gt "$on0" ]; then
		ktap_test_pass "$cpu off and on ($counts)"
	else
		ktap_test_fail "$cpu off and on without the calls ($counts)"
	fi
done

# 4. The kernel confirms each CPU off with AFFINITY_INFO before it counts
# it dead.
aff_after=$(calls AFFINITY_INFO)
if ! has AFFINITY_INFO; then
	ktap_test_skip "AFFINITY_INFO: not offered by this firmware"
elif [ "$VIEW" = debugfs ]; then
	ktap_test_skip "AFFINITY_INFO: no call counters in this view"
elif [ "$offlined" = 0 ]; then
	ktap_test_skip "AFFINITY_INFO: no CPU was taken off"
else
	what="AFFINITY_INFO asked for each of $offlined CPUs taken off"
	what="$what ($aff_before -> $aff_after calls)"
	if [ $((aff_after - aff_before)) -ge "$offlined" ]; then
		ktap_test_pass "$what"
	else
		ktap_test_fail "$what"
	fi
fi

# 5. Each idle state the CPUs have is entered: with the others disabled
# (WFI aside), its usage grows over two seconds of idling on some CPU.
usage_of() { # NAME: the usage of the state called NAME, summed over the CPUs
	local sum=0 d st
	for d in "$CPUS"/cpu[0-9]*; do
		st=$(psci_idle_dir "${d##*/}" "$1") && sum=$((sum + $(cat "$st/usage")))
	done
	echo "$sum"
}
for st in $idle_states; do
	name=$(cat "$CPUS/cpu0/cpuidle/$st/name")
	psci_idle_only "$name"
	u0=$(usage_of "$name") s0=$(calls CPU_SUSPEND)
	sleep 2
	u1=$(usage_of "$name") s1=$(calls CPU_SUSPEND)
	if [ "$u1" -gt "$u0" ] && { [ "$VIEW" = debugfs ] || [ "$s1" -gt "$s0" ]; }; then
		ktap_test_pass "idle state $name entered ($u0 -> $u1, CPU_SUSPEND calls $s0 -> $s1)"
	else
		ktap_test_fail "idle state $name entered ($u0 -> $u1, CPU_SUSPEND calls $s0 -> $s1)"
	fi
done
psci_idle_only all

# suspend_by_rtc WHAT STATE CALL [NEEDED]: suspend (STATE to
# /sys/power/state) until the RTC's alarm PSCI_RTC_WAKE s on, and report
# WHAT as a test: passed when the kernel counts one more success and every
# CPU that was online is back (and, with NEEDED, the firmware's CALL was
# made).
rtc=/sys/class/rtc/rtc0/wakealarm
suspend_by_rtc() {
	local what=$1 state=$2 call=$3 needed=${4:-} online0 online1 ok0 ok1 s0 s1 back
	online0=$(cat "$CPUS/online")
	ok0=$(cat /sys/power/suspend_stats/success 2>/dev/null || echo 0)
	s0=$(calls "$call")
	echo 0 > "$rtc"
	echo "+${PSCI_RTC_WAKE:-3}" > "$rtc"
	if echo "$state" > /sys/power/state 2>/dev/null; then
		ok1=$(cat /sys/power/suspend_stats/success 2>/dev/null || echo 0)
		online1=$(cat "$CPUS/online")
		s1=$(calls "$call")
		back="CPUs $online1 back, $call calls $s0 -> $s1"
		if [ "$ok1" -gt "$ok0" ] && [ "$online1" = "$online0" ] &&
			{ [ -z "$needed" ] || [ "$VIEW" = debugfs ] || [ "$s1" -gt "$s0" ]; }; then
			ktap_test_pass "$what, woken by the RTC ($back)"
		else
			ktap_test_fail "$what: successes $ok0 -> $ok1, $back"
		fi
	else
		ktap_test_fail "$what: the kernel refused to suspend"
		psci_lines
	fi
	echo 0 > "$rtc"
}

# suspend_wanted WHAT: true when a suspend test may run; else a skip for
# WHAT says why (not asked for, or no RTC alarm to end it).
suspend_wanted() {
	if [ -z "$SUSPEND" ]; then
		ktap_test_skip "$1: not asked for (-n)"
	elif [ ! -w "$rtc" ]; then
		ktap_test_skip "$1: no RTC alarm to wake the system"
	elif [ "$(cat /sys/class/rtc/rtc0/device/power/wakeup 2>/dev/null)" != enabled ]; then
		ktap_test_skip "$1: rtc0 is not enabled as a wakeup source"
	else
		return 0
	fi
	return 1
}

# 6. Suspend-to-idle, woken by the RTC's alarm: the system comes back with
# every CPU it had (the idle time goes to CPU_SUSPEND where there are
# idle states).
if ! suspend_wanted suspend-to-idle; then
	:
elif ! grep -qw freeze /sys/power/state 2>/dev/null; then
	ktap_test_skip "suspend-to-idle: the kernel offers no freeze state"
else
	suspend_by_rtc suspend-to-idle freeze CPU_SUSPEND
fi

# 6b. Suspend to RAM, where the firmware offers SYSTEM_SUSPEND (mem_sleep
# then has "deep"): the whole system suspends in the firmware, the RTC's
# alarm wakes it, and every CPU comes back.
if ! has SYSTEM_SUSPEND; then
	ktap_test_skip "suspend to RAM: SYSTEM_SUSPEND not offered by this firmware"
elif ! grep -qw deep /sys/power/mem_sleep 2>/dev/null; then
	ktap_test_fail "suspend to RAM: SYSTEM_SUSPEND offered but /sys/power/mem_sleep has no deep"
elif suspend_wanted "suspend to RAM"; then
	mode0=$(sed 's/.*\[\(.*\)\].*/\1/' /sys/power/mem_sleep)
	echo deep > /sys/power/mem_sleep
	suspend_by_rtc "suspend to RAM" mem SYSTEM_SUSPEND needed
	echo "$mode0" > /sys/power/mem_sleep
fi

# 7. The reboot modes the driver knows (reboot <mode> asks the firmware
# for them through SYSTEM_RESET2).
if [ -f "$PSCI/reboot_modes" ] && [ -s "$PSCI/reboot_modes" ]; then
	ktap_test_pass "reboot modes: $(tr '\n' ' ' < "$PSCI/reboot_modes")"
else
	ktap_test_skip "reboot modes: none described"
fi

ktap_finished
