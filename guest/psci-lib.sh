# Shell helpers for the guest's tests (sourced).

# hotplug_all N: unplug and replug every hotpluggable secondary (not CPU0) N times,
# checking the state each time; prints one PSCI-TEST line per CPU.
hotplug_all() {
	cycles=$1
	fails=0
	for d in /sys/devices/system/cpu/cpu[1-9]*; do
		cpu=${d##*/cpu}
		[ -f "$d/online" ] || continue
		ok=0
		i=0
		while [ "$i" -lt "$cycles" ]; do
			i=$((i + 1))
			echo 0 > "$d/online" 2>/dev/null && [ "$(cat "$d/online")" = 0 ] || break
			echo 1 > "$d/online" 2>/dev/null && [ "$(cat "$d/online")" = 1 ] || break
			ok=$i
		done
		if [ "$ok" = "$cycles" ]; then
			echo "PSCI-TEST: hotplug cpu$cpu ok $cycles cycles"
		else
			echo "PSCI-TEST: hotplug cpu$cpu FAILED after $ok cycles"
			fails=$((fails + 1))
		fi
	done
	echo "PSCI-TEST: hotplug done, $fails failed, online CPUs $(cat /sys/devices/system/cpu/online)"
}

# only_state NAME: disable every cpuidle state but NAME (and state0, WFI)
# on every CPU with cpuidle; print, a word per CPU, NAME's sysfs directory,
# or "-cpuN" where that CPU has no state NAME (node names longer than 15
# characters are cut in sysfs). all_states enables them all again.
only_state() {
	for d in /sys/devices/system/cpu/cpu[0-9]*; do
		[ -d "$d/cpuidle" ] || continue
		s=-${d##*/}
		for st in "$d"/cpuidle/state*; do
			if [ "$(cat "$st/name" 2>/dev/null)" = "$1" ]; then
				s=$st
			elif [ "${st##*/}" != state0 ]; then
				echo 1 > "$st/disable"
			fi
		done
		echo "$s"
	done
}

all_states() {
	for st in /sys/devices/system/cpu/cpu[0-9]*/cpuidle/state*; do
		echo 0 > "$st/disable"
	done
}

# cpu_of STATEDIR: the cpuN a cpuidle state directory belongs to.
cpu_of() {
	c=${1%/cpuidle/*}
	echo "${c##*/}"
}

# idle_check NAME: every online CPU has a cpuidle state called NAME, and its
# usage counter grows over a second of idling. The CPUs' other PSCI states
# are disabled meanwhile, so that the governor cannot always prefer a
# deeper one.
idle_check() {
	want=$1
	fails=0
	states=
	for s in $(only_state "$want"); do
		case "$s" in
		-*)
			echo "PSCI-TEST: idle ${s#-} has no state $want"
			fails=$((fails + 1)) ;;
		*) states="$states $s:$(cat "$s/usage")" ;;
		esac
	done
	[ -n "$states" ] || echo "PSCI-TEST: idle no CPU has cpuidle states"
	[ -n "$states" ] || fails=$((fails + 1))
	sleep 1
	for e in $states; do
		s=${e%:*}
		before=${e##*:}
		after=$(cat "$s/usage")
		if [ "$after" -gt "$before" ]; then
			echo "PSCI-TEST: idle $(cpu_of "$s") $want usage $before -> $after"
		else
			echo "PSCI-TEST: idle $(cpu_of "$s") $want NOT entered (usage $before -> $after)"
			fails=$((fails + 1))
		fi
	done
	all_states
	echo "PSCI-TEST: idle check $want done, $fails failed"
}

# last_cpu_refuses: offline every CPU but one, then try the last one: the
# kernel must refuse it; bring everything back.
last_cpu_refuses() {
	last=
	for d in /sys/devices/system/cpu/cpu[0-9]*; do
		[ -f "$d/online" ] || { last=$d; continue; }
		if [ -z "$last" ]; then
			last=$d
			continue
		fi
		echo 0 > "$d/online" || echo "PSCI-TEST: could not offline ${d##*/}"
	done
	echo "PSCI-TEST: online now $(cat /sys/devices/system/cpu/online)"
	if [ -f "$last/online" ] && echo 0 > "$last/online" 2>/dev/null; then
		echo "PSCI-TEST: last CPU ${last##*/} went offline: WRONG"
	else
		echo "PSCI-TEST: last CPU ${last##*/} refused to go offline"
	fi
	for d in /sys/devices/system/cpu/cpu[0-9]*; do
		[ -f "$d/online" ] && echo 1 > "$d/online"
	done
	echo "PSCI-TEST: online again $(cat /sys/devices/system/cpu/online)"
}

# spin_all: one busy loop per CPU, left running.
spin_all() {
	for d in /sys/devices/system/cpu/cpu[0-9]*; do
		(while :; do :; done) &
	done
	sleep 1
	echo "PSCI-TEST: spinning on all CPUs"
}

# idle_soak NAME SECONDS: leave only state NAME (and WFI) enabled, idle for
# SECONDS while every secondary is unplugged and replugged in a loop, then
# check that every CPU entered NAME at least 20 times. For a power-down
# state the usage counter only counts entries that came back through the
# resume entry point, the CPU's context lost and restored: arm64's
# cpu_suspend() reports a CPU_SUSPEND that merely returns as an error, which
# cpuidle counts as "rejected" instead (firmware may return at once when a
# wake-up interrupt is already pending; those are shown, not failed).
idle_soak() {
	want=$1
	secs=$2
	fails=0
	states=
	for s in $(only_state "$want"); do
		case "$s" in
		-*)
			echo "PSCI-TEST: soak ${s#-} has no state $want"
			fails=$((fails + 1)) ;;
		*) states="$states $s:$(cat "$s/usage"):$(cat "$s/rejected")" ;;
		esac
	done
	if [ -z "$states" ]; then
		echo "PSCI-TEST: soak no CPU has a state $want"
		fails=$((fails + 1))
	fi
	end=$(($(date +%s) + secs))
	rounds=0
	while [ "$(date +%s)" -lt "$end" ]; do
		for d in /sys/devices/system/cpu/cpu[1-9]*; do
			[ -f "$d/online" ] || continue
			echo 0 > "$d/online" || fails=$((fails + 1))
			sleep 0.1
			echo 1 > "$d/online" || fails=$((fails + 1))
		done
		rounds=$((rounds + 1))
		sleep 0.2
	done
	echo "PSCI-TEST: soak $rounds hotplug rounds, online CPUs $(cat /sys/devices/system/cpu/online)"
	for e in $states; do
		s=${e%%:*}
		rest=${e#*:}
		entered=$(($(cat "$s/usage") - ${rest%%:*}))
		rejected=$(($(cat "$s/rejected") - ${rest#*:}))
		if [ "$entered" -ge 20 ]; then
			echo "PSCI-TEST: soak $(cpu_of "$s") $want entered and resumed $entered times, returned at once $rejected times"
		else
			echo "PSCI-TEST: soak $(cpu_of "$s") $want FAILED: entered $entered times, rejected $rejected"
			fails=$((fails + 1))
		fi
	done
	all_states
	echo "PSCI-TEST: idle soak $want done, $fails failed"
}
