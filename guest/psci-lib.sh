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
