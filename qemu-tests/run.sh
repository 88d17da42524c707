#!/bin/bash
# The test suite: every scenario is a real boot of the built kernel in
# QEMU, judged by scripts/boot.sh and by the console lines it must (or
# must not) print. Output is TAP; the last line is
# "N passed, M failed, K skipped" (a skip is never a pass).
#
#   qemu-tests/run.sh [PATTERN]     run the scenarios whose name matches
#   JOBS=n                         units run at once (default: twice the host cores)
#   SCENARIO_DRY=1                 boot nothing: print each test's name,
#                                  settings and patterns (one line each)
#
# The units are the style gate and each file of qemu-tests/scenarios/: a
# .cfg file is a table of scenarios (qemu-tests/table.sh), a .sh file the
# scenarios that need code. A boot keeps about one host core busy (its
# other vCPUs mostly idle), so JOBS units run side by side, the longest
# first (by the last run's times); each unit's TAP goes to
# build/logs/check/tap/ and is printed in file order, numbered as one
# stream, when all are done.
#
# Nothing is lost in silence: before it runs, each unit's plan is read
# from its dry listing (a KUnit boot plans KUNIT_PLAN cases and the boot,
# kunit_repeat its boots, a gate at least one result); a .sh unit must
# pass bash -n; a unit that dies before its end, or reports fewer results
# than it planned, adds a failed test saying so.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. qemu-tests/table.sh

FILTER=${1:-${T:-}}
# Console lines the scenario files expect again and again: all four CPUs
# up, and guest/psci-lib.sh's hotplug_all with every CPU back (tables use
# them as $ALL4, $HOTPLUG_OK, ...: qemu-tests/table.sh). (Kernel
# reports fail any boot in scripts/boot.sh: KERNEL_REPORT in lib.sh.)
ALL4='smp: Brought up 1 node, 4 CPUs'
HOTPLUG_OK='PSCI-TEST: hotplug done, 0 failed, online CPUs 0-3'
# The same with 2 CPUs: KVM's guests (FIRMWARE=kvm boots 2 vCPUs).
ALL2='smp: Brought up 1 node, 2 CPUs'
HOTPLUG2='PSCI-TEST: hotplug done, 0 failed, online CPUs 0-1'
# The one kernel report a KUnit boot prints on purpose: the arm64 kill
# wait's never-OFF case gives up on its fake CPU (MPIDR 0x101).
KUNIT_REPORT='psci: CPU1 may not have shut down cleanly \(AFFINITY_INFO reports'
# The KUnit suite's cases as the guest reports them (each parameter of a
# parameterised case is one): pinned, so that a case lost or added is seen
# (drivers/firmware/psci_kunit.c).
# 58 in the driver's suite (50 cases, CPU_ON's 8 answers), 5 in arm64's
# (the kill wait: 1 case, 4 answers); a 32-bit kernel has the first only.
KUNIT_PLAN=${KUNIT_PLAN:-63}
KUNIT_PLAN_ARM32=${KUNIT_PLAN_ARM32:-58}
SCENARIO_ENV=()
SCENARIO_PATTERNS=()
LOGDIR=${CHECK_LOGDIR:-$BUILD/logs/check}
mkdir -p "$LOGDIR"
# The stock image's boots that passed are replayed while nothing they are
# made of changes (scripts/boot-cache.sh); our image's always run.
# BOOT_CACHE=0 boots everything. Entries unused for a week go.
export BOOT_CACHE=${BOOT_CACHE:-1}
[ ! -d "$BUILD/boot-cache" ] ||
	find "$BUILD/boot-cache" -mindepth 1 -maxdepth 1 -mtime +7 -exec rm -rf {} +
n=0 passed=0 failed=0

echo "TAP version 13"
# Where the build steps before the suite spent their time (scripts/timed-step.sh).
for f in "$BUILD"/logs/steps/*; do
	[ -f "$f" ] && echo "# build step ${f##*/}: $(cat "$f") s"
done

# scenario NAME [VAR=VALUE ...] -- [PATTERN ...]
#   VAR=VALUE are boot.sh settings. Each PATTERN is an extended regular
#   expression the console must match; a leading "!" means it must not,
#   a leading ">" that it must match after the previous pattern's match.
#   SCENARIO_PREFIX, SCENARIO_ENV (array) and SCENARIO_PATTERNS (array),
#   when set, prefix the name, add settings and add patterns: that is how
#   the debug kernel reruns scenario files. SCENARIO_BROKEN=reason reports
#   the scenario as failed without booting (its firmware could not be built).
scenario() {
	local name=${SCENARIO_PREFIX:-}$1 settings=() patterns=() p why= log
	shift
	settings=("${SCENARIO_ENV[@]}")
	while [ $# -gt 0 ] && [ "$1" != -- ]; do settings+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	patterns=("$@" "${SCENARIO_PATTERNS[@]}")
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry scenario "$name" "${settings[@]}" -- "${patterns[@]}" && return 0

	n=$((n + 1))
	log=$LOGDIR/$name.log
	# Something this scenario needs could not be built: it still counts,
	# as a failure with the reason.
	if [ -n "${SCENARIO_BROKEN:-}" ]; then
		failed=$((failed + 1))
		echo "not ok $n - $name"
		echo "  # $SCENARIO_BROKEN"
		return 0
	fi
	if ! env QUIET=1 LOG="$log" TIMEOUT="${SCENARIO_TIMEOUT:-150}" "${settings[@]}" \
		bash scripts/boot.sh 2> "$log.verdict"; then
		why=$(tail -n1 "$log.verdict")
	fi
	BOOTED+=" $name "
	local after=0 at
	for p in "${patterns[@]}"; do
		[ -n "$why" ] && break
		if [ "${p:0:1}" = "!" ]; then
			if grep -qaE -- "${p:1}" "$log"; then
				why="unexpected console line: $(grep -m1 -aE -- "${p:1}" "$log" | tr -d '\r')"
			fi
		elif [ "${p:0:1}" = ">" ]; then
			# Must match on a line after the previous pattern's match.
			at=$(tail -n +$((after + 1)) "$log" | grep -naE -m1 -- "${p:1}" | cut -d: -f1)
			if [ -z "$at" ]; then
				why="missing console line /${p:1}/ after line $after"
			else
				after=$((after + at))
			fi
		elif ! grep -qaE -- "$p" "$log"; then
			why="missing console line /$p/"
		else
			after=$(grep -naE -m1 -- "$p" "$log" | cut -d: -f1)
		fi
	done
	tap_result "$name" "$why" "$log"
}

# scenario_fails NAME WHY [VAR=VALUE ...] -- [PATTERN ...]: a negative
#   control. boot.sh must fail this boot with a verdict matching WHY (an
#   extended regex), and the console must match each PATTERN: what shows
#   the boot got far enough for its failure to prove something.
scenario_fails() {
	local name=${SCENARIO_PREFIX:-}$1 want=$2 settings=() patterns=() p why= log
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do settings+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	patterns=("$@")
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry scenario_fails "$name" "$want" "${settings[@]}" -- "${patterns[@]}" && return 0
	n=$((n + 1))
	log=$LOGDIR/$name.log
	if env QUIET=1 LOG="$log" TIMEOUT="${SCENARIO_TIMEOUT:-150}" "${settings[@]}" \
		bash scripts/boot.sh 2> "$log.verdict"; then
		why="boot.sh passed a boot it must fail: $(tail -n1 "$log.verdict")"
	elif ! tail -n1 "$log.verdict" | grep -qE -- "$want"; then
		why="failed, but not for /$want/: $(tail -n1 "$log.verdict")"
	fi
	for p in "${patterns[@]}"; do
		[ -n "$why" ] && break
		grep -qaE -- "$p" "$log" || why="missing console line /$p/: the control proves nothing"
	done
	tap_result "$name" "$why" "$log"
}

# dry KIND ARGS...: with SCENARIO_DRY=1, print the test instead of running
# it (its kind, name, settings and patterns, and whether it is broken);
# true when it did.
dry() {
	[ "${SCENARIO_DRY:-}" = 1 ] || return 1
	printf '%s «TIMEOUT=%s»' "$1" "${SCENARIO_TIMEOUT:-150}"
	shift
	printf ' «%s»' "$@"
	printf '%s\n' "${SCENARIO_BROKEN:+ BROKEN}"
}

# tap_result NAME WHY LOG: one TAP line for test NAME (test number n),
# passed when WHY is empty, else failed with WHY and the console LOG.
tap_result() {
	if [ -z "$2" ]; then
		passed=$((passed + 1))
		echo "ok $n - $1"
	elif [ "${2#SKIP: }" != "$2" ]; then
		echo "ok $n - $1 # SKIP ${2#SKIP: }"
	else
		failed=$((failed + 1))
		echo "not ok $n - $1"
		echo "  # $2"
		echo "  # console: $3"
	fi
}

# gates NAME CMD...: run a command that prints "ok - X" / "not ok - X"
# lines (plus "  # detail" lines) and count each as a test.
gates() {
	local name=$1 line
	shift
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry gates "$name" "$@" && return 0
	local results=0 bad=0 status=
	while IFS= read -r line; do
		case "$line" in
		"ok - "*) n=$((n + 1)); passed=$((passed + 1)); results=$((results + 1)); echo "ok $n - $name: ${line#ok - }" ;;
		"not ok - "*) n=$((n + 1)); failed=$((failed + 1)); results=$((results + 1)); bad=$((bad + 1))
			echo "not ok $n - $name: ${line#not ok - }" ;;
		"gate-status "*) status=${line#gate-status } ;;
		*) echo "$line" ;;
		esac
	done < <("$@" 2>&1; echo "gate-status $?")
	# A gate that reports nothing, or stops with an error it did not
	# report as a failed test, is a failed test itself.
	if [ "$results" = 0 ] || { [ "$status" != 0 ] && [ "$bad" = 0 ]; }; then
		n=$((n + 1))
		tap_result "$name: the gate itself" "exit status ${status:-unknown} after $results results" "-"
	fi
}

# boot_image NAME VARIANT [VAR=VALUE ...]: boot.sh with VARIANT's image
# (ours, or OURS_VARIANT's for a mutant; stock) of flavour IMAGE_FLAVOUR
# (base/Image; arm32-boards/zImage for the real 32-bit boards), the
# console in $LOGDIR/NAME-VARIANT.log; prints why the boot failed,
# nothing if it passed.
boot_image() {
	local name=$1 v=$2 log=$LOGDIR/$1-$2.log
	shift 2
	env QUIET=1 LOG="$log" TIMEOUT="${SCENARIO_TIMEOUT:-150}" \
		IMAGE="$BUILD/images/$([ "$v" = ours ] && echo "${OURS_VARIANT:-ours}" || echo "$v")-${IMAGE_FLAVOUR:-base/Image}" \
		"$@" bash scripts/boot.sh 2> "$log.verdict" || echo "$v: $(tail -n1 "$log.verdict")"
}

# view_vs_stock NAME TAG [VAR=VALUE ...] -- [PATTERN ...]: boot our image
# and the stock driver's (same tree, same config) with the same settings;
# the console lines starting with "TAG:" (TAG: an extended regex) must be
# the same from both, line for line, and each PATTERN must match one of
# ours ("!PATTERN": none of ours). VIEW_MASK: a sed -E script run over
# both views first, for what differs by nature between two images (an
# address in the kernel's text).
view_vs_stock() {
	local name=$1 tag=$2 settings=() patterns=() v why='' p
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do settings+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	patterns=("$@")
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry view_vs_stock "$name" "$tag" "${settings[@]}" -- "${patterns[@]}" && return 0
	why=${SCENARIO_BROKEN:-}
	for v in ours stock; do
		[ -n "$why" ] && break
		why=$(boot_image "$name" "$v" FORCE=1 "${settings[@]}")
		view_lines "$tag" "$LOGDIR/$name-$v.log" | sed -E "${VIEW_MASK:-}" > "$LOGDIR/$name-$v.view"
	done
	[ -n "$why" ] || why=$(view_verdict "$LOGDIR/$name" "${patterns[@]}")
	n=$((n + 1))
	tap_result "$name ($(wc -l < "$LOGDIR/$name-ours.view" 2>/dev/null || echo 0) lines)" \
		"$why" "$LOGDIR/$name-ours.log"
}

# view_lines TAG LOG: the lines of console LOG that start with "TAG:",
# from a tty or from the kernel log (guest/psci-lib.sh klog: the printk
# time stamp taken off).
view_lines() {
	tr -d '\r' < "$2" | sed -n -E "s/^(\[ *[0-9]+\.[0-9]+\] )?($1:)/\2/p"
}

# view_verdict BASE PATTERN...: view_vs_stock's judge of BASE-ours.view
# and BASE-stock.view (and their .log consoles): nothing when each PATTERN
# matches a line of ours and the two are the same, else why not.
view_verdict() {
	local base=$1 p
	shift
	for p in "$@"; do
		if [ "${p:0:1}" = '!' ]; then
			! grep -qE -- "${p:1}" "$base-ours.view" ||
				{ echo "a line /${p:1}/ in our view ($base-ours.view)"; return; }
		else
			grep -qE -- "$p" "$base-ours.view" ||
				{ echo "no line /$p/ in our view ($base-ours.view)"; return; }
		fi
	done
	cmp -s "$base-ours.view" "$base-stock.view" ||
		echo "views differ: $(view_difference "$base")"
}

# view_difference BASE: the first line in which the two views differ,
# and what the console of the image whose view lacks it shows in its
# place (the text found elsewhere in a line, or nothing), so that a CI
# log tells a driver difference from a garbled console line.
view_difference() {
	local ours=$1-ours stock=$1-stock d text other where
	d=$(diff "$stock.view" "$ours.view" | grep -m1 '^[<>]')
	text=${d#[<>] }
	if [ "${d:0:1}" = '>' ]; then other=$stock; where=stock; else other=$ours; where=our; fi
	printf '%s (%s view %s lines; %s console: %s)' "$d" "$where" \
		"$(wc -l < "$other.view")" "$where" \
		"$(grep -a -n -m1 -F -- "${text#*: }" "$other.log" | tr -d '\r' | cut -c1-200 |
			grep . || echo "no such text")"
}

# BOOTED: the scenarios this unit has booted so far (" NAME " each): the
# boots that view_of and stock_lines_of may read.
BOOTED=
# shared_log SCENARIO: nothing when SCENARIO was booted in this unit and
# boot.sh passed it, else why its console cannot be judged again.
shared_log() {
	if [[ "$BOOTED" != *" $1 "* ]]; then
		echo "the boot it reads, $1, did not run in this unit (a filter? T= must match both)"
	elif ! tail -n1 "$LOGDIR/$1.log.verdict" 2>/dev/null | grep -q '^boot: ok'; then
		echo "the boot it reads, $1, failed: $(tail -n1 "$LOGDIR/$1.log.verdict" 2>/dev/null)"
	fi
}

# view_of NAME TAG OURS STOCK -- [PATTERN ...]: view_vs_stock's judgement
#   of two boots this unit made already, the scenarios OURS (our image) and
#   STOCK (the stock one, the same settings), whose commands printed the TAG
#   lines beside what those scenarios check: a test of its own, one boot
#   fewer per image. NAME-ours.log and NAME-stock.log link to their consoles.
view_of() {
	local name=$1 tag=$2 v why=''
	local -A from=([ours]=$3 [stock]=$4)
	shift 4
	[ "${1:-}" = -- ] && shift
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry view_of "$name" "$tag" "${from[ours]}" "${from[stock]}" -- "$@" && return 0
	why=${SCENARIO_BROKEN:-}
	for v in ours stock; do
		[ -n "$why" ] || why=$(shared_log "${from[$v]}")
		ln -sf "${from[$v]}.log" "$LOGDIR/$name-$v.log"
		view_lines "$tag" "$LOGDIR/$name-$v.log" > "$LOGDIR/$name-$v.view" 2>/dev/null
	done
	[ -n "$why" ] || why=$(view_verdict "$LOGDIR/$name" "$@")
	n=$((n + 1))
	tap_result "$name ($(wc -l < "$LOGDIR/$name-ours.view" 2>/dev/null || echo 0) lines, from ${from[ours]})" \
		"$why" "$LOGDIR/${from[ours]}.log"
}

# kexec_chain_patterns N CPUS: the KEXEC lines of a chain of N kernels
# (guest/psci-lib.sh: kexec_chain) in which every generation came up with
# CPUS online and took each secondary down and up again.
kexec_chain_patterns() {
	local g
	for g in $(seq 1 "$1"); do
		echo "^KEXEC: generation $g of $1: online CPUs $2, 0 failed, online CPUs $2\$"
	done
	echo "^KEXEC: chain of $1 kernels done\$"
}

# lines_missing STOCK OURS: the lines of file STOCK that file OURS lacks,
# in STOCK's order (each STOCK line must match a later OURS line than the
# one before it; duplicates count). Empty when OURS keeps them all.
lines_missing() {
	awk 'NR == FNR { ours[++n] = $0; next }
		{ while (++i <= n && ours[i] != $0) ; if (i > n) { print; i = last } else last = i }' \
		"$2" "$1"
}

# psci_lines LOG: the kernel's "psci: " lines of console LOG.
psci_lines() {
	tr -d '\r' < "$1" | sed -n 's/^\[ *[0-9.]*\] \(psci: .*\)$/\1/p'
}

# stock_lines_verdict BASE: nothing when BASE-ours.psci keeps every line of
# BASE-stock.psci (lines_missing), else why not.
stock_lines_verdict() {
	local missing
	if [ ! -s "$1-stock.psci" ]; then
		echo "the stock driver printed no psci line: nothing compared"
		return
	fi
	missing=$(lines_missing "$1-stock.psci" "$1-ours.psci")
	[ -z "$missing" ] || echo "stock's line(s) missing from ours: $(head -n3 <<< "$missing" | paste -sd'|')"
}

# stock_lines_kept NAME [VAR=VALUE ...]: boot the stock driver's image and
# ours with the same settings; every "psci: " line the stock driver prints
# (its boot log, which test farms and bug reports grep) must appear, the
# same text in the same order, among ours (which may add lines of its own).
stock_lines_kept() {
	local name=$1 settings=() v why=''
	shift
	settings=("$@")
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry stock_lines_kept "$name" "${settings[@]}" && return 0
	why=${SCENARIO_BROKEN:-}
	for v in stock ours; do
		[ -n "$why" ] && break
		why=$(boot_image "$name" "$v" "${settings[@]}")
		psci_lines "$LOGDIR/$name-$v.log" > "$LOGDIR/$name-$v.psci"
	done
	stock_lines_result "$name" "$why" "" "$LOGDIR/$name-ours.log"
}

# stock_lines_result NAME WHY NOTE LOG: the test of NAME-stock.psci and
# NAME-ours.psci (failed with WHY when there is one: a boot that failed),
# NOTE added to its name, LOG the console a failure points at.
stock_lines_result() {
	local name=$1 why=$2
	[ -n "$why" ] || why=$(stock_lines_verdict "$LOGDIR/$name")
	n=$((n + 1))
	tap_result "$name ($(wc -l < "$LOGDIR/$name-stock.psci" 2>/dev/null || echo 0) stock lines$3)" \
		"$why" "$4"
}

# stock_lines_of NAME OURS STOCK: stock_lines_kept's judgement of two boots
# this unit made already (view_of's OURS and STOCK).
stock_lines_of() {
	local name=$1 v why=''
	local -A from=([ours]=$2 [stock]=$3)
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry stock_lines_of "$name" "${from[ours]}" "${from[stock]}" && return 0
	why=${SCENARIO_BROKEN:-}
	for v in stock ours; do
		[ -n "$why" ] || why=$(shared_log "${from[$v]}")
		psci_lines "$LOGDIR/${from[$v]}.log" > "$LOGDIR/$name-$v.psci"
	done
	stock_lines_result "$name" "$why" ", from ${from[stock]}" "$LOGDIR/${from[ours]}.log"
}

# debug_kernel: the scenarios that follow in this unit boot the debug kernel
# (configs/debug.config) and also fail on any lockdep, atomic-sleep, UBSAN
# or KFENCE report, WARN, BUG or oops. Each unit is a subshell of its own, so
# nothing needs resetting afterwards.
debug_kernel() {
	SCENARIO_PREFIX=debug-
	# FORCE: the kernel's power-off and restart paths straight from the
	# action; busybox init's shutdown rounds, shown on the normal kernel,
	# cost the slow debug kernel about 8 s a boot.
	SCENARIO_ENV=(IMAGE="$BUILD/images/ours-debug/Image" FORCE=1)
	SCENARIO_PATTERNS=('!UBSAN:|KFENCE|BUG:|WARNING:|INFO: |possible circular locking|inconsistent lock state|sleeping function called from invalid context|Call trace:')
}

# kunit NAME [VAR=VALUE ...]: boot with KUnit enabled and count every case
# of the KTAP report as a test. The boot itself must also end cleanly.
kunit() {
	local name=${SCENARIO_PREFIX:-}$1 log line rest status case_name result rest2
	shift
	set -- "${SCENARIO_ENV[@]}" "$@"
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry kunit "$name" "$@" && return 0
	local plan=$KUNIT_PLAN
	[[ " $* " != *" GUEST_ARCH=arm32 "* ]] || plan=$KUNIT_PLAN_ARM32
	log=$LOGDIR/$name.log
	env QUIET=1 LOG="$log" TIMEOUT="${SCENARIO_TIMEOUT:-150}" APPEND="kunit.enable=1" \
		ALLOW_REPORT="$KUNIT_REPORT" "$@" bash scripts/boot.sh 2> "$log.verdict"
	status=$?
	local cases=0 param_case=
	while IFS= read -r line; do
		line=${line%$'\r'}
		rest=$(sed -E 's/^\[ *[0-9.]+\] //' <<< "$line")
		# Suite cases are indented by four spaces in KTAP, the parameters
		# of a parameterised case by eight, after its "# Subtest:" line;
		# each parameter counts as a case (CASE/PARAM), the case's own
		# summary line then does not.
		if [[ "$rest" =~ ^"        # Subtest: "([A-Za-z0-9_]+) ]]; then
			param_case=${BASH_REMATCH[1]}
			continue
		fi
		if [[ "$rest" =~ ^"    "(not ok|ok)" "[0-9]+" "([A-Za-z0-9_]+) ]] &&
			[ "${BASH_REMATCH[2]}" = "$param_case" ]; then
			param_case=
			continue
		fi
		result= case_name= rest2=
		if [[ "$rest" =~ ^"    "(not ok|ok)" "[0-9]+" "([A-Za-z0-9_]+)(.*)$ ]]; then
			result=${BASH_REMATCH[1]} case_name=${BASH_REMATCH[2]} rest2=${BASH_REMATCH[3]}
		elif [ -n "$param_case" ] &&
			[[ "$rest" =~ ^"        "(not ok|ok)" "[0-9]+" "([A-Za-z0-9_]+)(.*)$ ]]; then
			result=${BASH_REMATCH[1]} case_name=$param_case/${BASH_REMATCH[2]}
			rest2=${BASH_REMATCH[3]}
		fi
		if [ -n "$result" ]; then
			cases=$((cases + 1))
			n=$((n + 1))
			if [ "$result" = ok ] && [[ "$rest2" == *"# SKIP"* ]]; then
				# TAP's skip: an ok line with the directive and KUnit's reason.
				echo "ok $n - $name: $case_name # SKIP${rest2#*# SKIP}"
			elif [ "$result" = ok ]; then
				passed=$((passed + 1))
				echo "ok $n - $name: $case_name"
			else
				failed=$((failed + 1))
				echo "not ok $n - $name: $case_name"
				grep -a "$case_name: EXPECTATION\|$case_name: ASSERTION" -A2 "$log" | sed 's/^/  # /' | head -n 6
			fi
		fi
	done < <(grep -a -E '^\[ *[0-9.]+\]     ((    )?(not )?ok [0-9]+ |    # Subtest: )' "$log")
	n=$((n + 1))
	if [ "$status" = 0 ] && [ "$cases" = "$plan" ]; then
		passed=$((passed + 1))
		echo "ok $n - $name: boot ($cases KUnit cases reported, as planned)"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name: boot ($cases KUnit cases reported, $plan planned)"
		echo "  # $(tail -n1 "$log.verdict")"
	fi
}

# kunit_repeat NAME COUNT [VAR=VALUE ...] [-- PATTERN ...]: COUNT boots
# with KUnit enabled, one test each: every planned case reported, none
# failed (a skipped one is named in the result), each PATTERN on the
# console, and the boot ended cleanly. For runs that look for rare
# interference (the suite running while the other CPUs idle through
# CPU_SUSPEND: a PATTERN shows they did). Cases are counted as kunit()
# does: each parameter is one.
kunit_repeat() {
	local name=${SCENARIO_PREFIX:-}$1 count=$2 i log status cases bad why skipped p
	local settings=() patterns=()
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do settings+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	patterns=("$@")
	set -- "${SCENARIO_ENV[@]}" "${settings[@]}"
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	dry kunit_repeat "$name" "$count" "$@" -- "${patterns[@]}" && return 0
	for ((i = 1; i <= count; i++)); do
		log=$LOGDIR/$name-$i.log
		env QUIET=1 LOG="$log" TIMEOUT="${SCENARIO_TIMEOUT:-150}" APPEND="kunit.enable=1" \
			ALLOW_REPORT="$KUNIT_REPORT" FORCE=1 "$@" bash scripts/boot.sh 2> "$log.verdict"
		status=$?
		cases=$(($(grep -acE '^\[ *[0-9.]+\]     (    )?(not )?ok [0-9]+ ' "$log") -
			$(grep -acE '^\[ *[0-9.]+\]         # Subtest: ' "$log")))
		bad=$(grep -aE '^\[ *[0-9.]+\]     (    )?not ok [0-9]+ ' "$log" |
			sed -E 's/^\[ *[0-9.]+\] +//' | head -n3 | paste -sd';' -)
		skipped=$(grep -acE '^\[ *[0-9.]+\]     (    )?ok [0-9]+ .*# SKIP' "$log")
		why=
		[ "$status" = 0 ] || why=$(tail -n1 "$log.verdict")
		[ -z "$bad" ] || why="cases: $bad"
		[ "$cases" = "$KUNIT_PLAN" ] || why="$cases KUnit cases reported, $KUNIT_PLAN planned${why:+; $why}"
		for p in "${patterns[@]}"; do
			[ -n "$why" ] && break
			grep -qaE -- "$p" "$log" || why="missing console line /$p/"
		done
		n=$((n + 1))
		[ "$skipped" = 0 ] && skipped= || skipped=", $skipped skipped"
		tap_result "$name: boot $i of $count, $cases cases$skipped" "$why" "$log"
	done
}

# style_control: scripts/style.sh with a checkpatch and a sparse that
# cannot run must fail both gates.
style_control() {
	local out
	out=$(CHECKPATCH=/nonexistent/checkpatch.pl SPARSE=/nonexistent/sparse \
		STYLE_GATES="checkpatch sparse" bash scripts/style.sh 2>&1)
	if grep -q '^not ok - checkpatch' <<< "$out" && grep -q '^not ok - sparse' <<< "$out" &&
		! grep -q '^ok - ' <<< "$out"; then
		echo "ok - a checkpatch and a sparse that cannot run fail their gates"
	else
		echo "not ok - a checkpatch and a sparse that cannot run fail their gates"
		sed 's/^/  # /' <<< "$out" | head -n 12
	fi
}

# run_unit UNIT: the style gate, or one scenario file.
run_unit() {
	if [ "$1" = style ]; then
		gates style bash scripts/style.sh
		# Its negative control, after it (the same object trees): tools
		# that cannot run fail their gates.
		gates style-control style_control
	elif [ "${1%.cfg}" != "$1" ]; then
		scenario_table "$1"
	else
		# shellcheck source=/dev/null
		. "$1"
	fi
}

# unit_plan UNIT: the number of results UNIT declares, from its dry
# listing (SCENARIO_DRY): a scenario, a comparison with stock or a table
# error is one; a KUnit boot KUNIT_PLAN cases and the boot; kunit_repeat
# its boots; a gate at least one.
unit_plan() {
	(SCENARIO_DRY=1 run_unit "$1") 2>/dev/null |
		awk -v kunit="$KUNIT_PLAN" -v kunit32="$KUNIT_PLAN_ARM32" '
		/^kunit_repeat / { split($0, f, "»"); c = f[3]; gsub(/[^0-9]/, "", c); plan += c; next }
		/^kunit .*«GUEST_ARCH=arm32»/ { plan += kunit32 + 1; next }
		/^kunit / { plan += kunit + 1; next }
		/^(scenario|scenario_fails|view_vs_stock|view_of|stock_lines_kept|stock_lines_of|gates) / || /^not ok / { plan++ }
		END { print plan + 0 }'
}

# run_unit_counted UNIT: run UNIT (its TAP on stdout), then account for
# what it planned: a syntax error, a unit that died before its end, or
# fewer results than planned is a failed test.
run_unit_counted() {
	local unit=$1 plan got status out
	if [ "${SCENARIO_DRY:-}" = 1 ]; then
		run_unit "$unit"
		return
	fi
	if [ "${unit%.sh}" != "$unit" ] && ! bash -n "$unit" 2> "$TAPDIR/syntax.$$"; then
		n=$((n + 1))
		tap_result "$unit: syntax" "$(head -n1 "$TAPDIR/syntax.$$")" "$unit"
		return
	fi
	plan=$(unit_plan "$unit")
	echo "# plan ${unit}: $plan"
	out=$(mktemp "$TAPDIR/out.XXXXXX")
	(run_unit "$unit"; echo "# unit-end $?") | tee "$out"
	status=$(sed -n 's/^# unit-end //p' "$out")
	got=$(grep -cE '^(not )?ok [0-9]+ ' "$out")
	rm -f "$out"
	if [ -z "$status" ]; then
		n=$((n + 1))
		tap_result "$unit: ran to its end" "the unit died after $got of $plan results" "$unit"
	elif [ "$got" -lt "$plan" ]; then
		n=$((n + 1))
		tap_result "$unit: all planned results" "$((plan - got)) of $plan planned results missing" "$unit"
	fi
}

JOBS=${JOBS:-$(($(nproc) * 2))}
TAPDIR=$LOGDIR/tap
rm -rf "$TAPDIR"
mkdir -p "$TAPDIR"
: > "$TAPDIR/started"
# UNITS="FILE ..." runs only those units.
if [ -n "${UNITS:-}" ]; then
	read -ra units <<< "$UNITS"
else
	mapfile -t units < <(printf '%s\n' style qemu-tests/scenarios/*.sh qemu-tests/scenarios/*.cfg |
		grep -v '\*' | sort -t/ -k3)
fi
# Longest first: the order comes from each unit's time in the last run
# (DURATIONS; a unit it does not list first of all); in a fresh clone,
# from qemu-tests/unit-times.tsv (a full run's, kept with the code), else
# the last files first. With the longest started last, the suite would
# wait for it alone.
DURATIONS=$BUILD/check-durations.tsv
ORDER_FROM=$DURATIONS
[ -f "$ORDER_FROM" ] || ORDER_FROM=qemu-tests/unit-times.tsv
mapfile -t order < <(for k in "${!units[@]}"; do
	d=$(awk -F'\t' -v u="${units[k]}" '$1 == u {print $2; exit}' "$ORDER_FROM" 2>/dev/null)
	printf '%s\t%s\n' "${d:-100000}" "$k"
done | sort -t$'\t' -k1,1nr -k2,2nr | cut -f2)
for k in "${order[@]}"; do
	while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
		wait -n
	done
	echo "# started ${units[k]}"
	(
		t0=$SECONDS
		run_unit_counted "${units[k]}"
		# Wall time (the next run's order), and the CPU time of every
		# process the unit waited for (QEMU above all): on a machine
		# this busy, the CPU seconds are what the suite's time is made of.
		# (times into a file: in a command substitution it would speak
		# for that subshell, which waited for nothing.)
		times > "$TAPDIR/$k.times"
		echo "# ${units[k]}: $((SECONDS - t0)) s, CPU $(awk 'NR == 2 {
			split($1, u, /[ms]/); split($2, k, /[ms]/)
			printf "%d", u[1] * 60 + u[2] + k[1] * 60 + k[2] }' "$TAPDIR/$k.times") s"
	) > "$TAPDIR/$k.tap" 2>&1 &
done
wait
# This run's times, for the next run's order (only a full run's).
if [ -z "${UNITS:-}" ] && [ -z "$FILTER" ]; then
	for k in "${!units[@]}"; do
		sed -n "s|^# ${units[k]}: \([0-9]*\) s, CPU \([0-9]*\) s\$|${units[k]}\t\1\t\2|p" "$TAPDIR/$k.tap"
	done > "$DURATIONS.new" && mv "$DURATIONS.new" "$DURATIONS"
fi

skipped=0
for k in "${!units[@]}"; do
	while IFS= read -r line; do
		if [[ "$line" =~ ^(not\ )?ok\ [0-9]+\ (.*)$ ]]; then
			n=$((n + 1))
			not=${BASH_REMATCH[1]} rest=${BASH_REMATCH[2]}
			if [ -n "$not" ]; then
				failed=$((failed + 1))
			elif [[ "$rest" == *"# SKIP"* ]]; then
				skipped=$((skipped + 1))
			else
				passed=$((passed + 1))
			fi
			echo "${not}ok $n $rest"
		else
			echo "$line"
		fi
	done < "$TAPDIR/$k.tap"
done

if [ "$BOOT_CACHE" = 1 ] && [ "${SCENARIO_DRY:-}" != 1 ]; then
	echo "# stock boots replayed from build/boot-cache: $(find "$LOGDIR" "$BUILD/bench-smoke" -name '*.replayed' -newer "$TAPDIR/started" 2>/dev/null | wc -l)" \
		"(BOOT_CACHE=0 boots them all)"
fi
echo "1..$n"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$n" -gt 0 ]
