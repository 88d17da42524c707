# KVM as the firmware, second unit (run beside 78-kvm-a.sh): stress under
# KVM, and what rides on the SMCCC hand-off compared with the stock driver.
# shellcheck shell=bash

NO_REPORT=('!Oops|BUG:|WARNING:|Call trace:|Unable to handle|Kernel panic|may not have powered off')
# A nested boot on a loaded 2-core host takes 15-60 s: room for four times
# that before a boot counts as hung (read by scenario() in run.sh).
# shellcheck disable=SC2034
SCENARIO_TIMEOUT=240
HOTPLUG2='PSCI-TEST: hotplug done, 0 failed, online CPUs 0-1'

# Stress: 100 hotplug cycles per vCPU; poweroff and reboot with every vCPU
# busy.
scenario kvm-stress-hotplug-100 FIRMWARE=kvm ACTION=hotplug CYCLES=100 TIMEOUT=400 -- \
	'PSCI-TEST: hotplug cpu1 ok 100 cycles' "$HOTPLUG2" 'reboot: Power down' "${NO_REPORT[@]}"
scenario kvm-stress-poweroff-busy FIRMWARE=kvm CMD=spin_all -- \
	'PSCI-TEST: spinning on all CPUs' 'reboot: Power down' "${NO_REPORT[@]}"
scenario kvm-stress-reboot-busy FIRMWARE=kvm CMD=spin_all ACTION=reboot -- \
	'PSCI-TEST: spinning on all CPUs' 'reboot: Restarting system' "${NO_REPORT[@]}"

# What rides on the SMCCC hand-off is the stock driver's: boot the stock
# image under the same KVM and compare every SMCCC-VIEW line.
smccc_view_vs_stock() {
	local name=kvm-smccc-view-vs-stock v why='' log
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	for v in ours stock; do
		log=$LOGDIR/$name-$v.log
		if ! env QUIET=1 LOG="$log" TIMEOUT=300 FIRMWARE=kvm CMD=smccc_view FORCE=1 \
			IMAGE="$BUILD/images/$v-base/Image" bash scripts/boot.sh 2> "$log.verdict"; then
			why="$v: $(tail -n1 "$log.verdict")"
			break
		fi
		grep -a '^SMCCC-VIEW:' "$log" | tr -d '\r' | sort > "$LOGDIR/$name-$v.view"
	done
	if [ -z "$why" ]; then
		local ours=$LOGDIR/$name-ours.view stock=$LOGDIR/$name-stock.view
		if ! grep -q 'kernel: smccc: KVM: hypervisor services detected' "$ours"; then
			why="no hypervisor services line in our view ($ours)"
		elif ! grep -q 'vulnerability spectre_v2' "$ours"; then
			why="no vulnerability lines in our view ($ours)"
		elif ! cmp -s "$ours" "$stock"; then
			why="views differ: $(diff "$stock" "$ours" | grep -m1 '^[<>]')"
		fi
	fi
	n=$((n + 1))
	tap_result "$name ($(wc -l < "$LOGDIR/$name-ours.view" 2>/dev/null || echo 0) lines)" \
		"$why" "$LOGDIR/$name-ours.log"
}
smccc_view_vs_stock

# A KVM boot that hangs (L2 never ends: nothing powers it off) is stopped
# by the timeout and reported as a timeout, not as anything else.
kvm_hung_boot_times_out() {
	local name=kvm-hung-boot-times-out log why=''
	[ -z "$FILTER" ] || [[ "$name" == *$FILTER* ]] || return 0
	log=$LOGDIR/$name.log
	if env QUIET=1 LOG="$log" TIMEOUT=40 FIRMWARE=kvm ACTION=none \
		bash scripts/boot.sh 2> "$log.verdict"; then
		why="boot.sh passed a boot that never ended"
	elif ! grep -q 'FAIL (timeout: no end of boot after 40s)' "$log.verdict"; then
		why="not reported as a timeout: $(tail -n1 "$log.verdict")"
	elif ! grep -q 'PSCI-TEST: userspace up' "$log"; then
		why="L2 never came up, so the timeout proves nothing"
	fi
	n=$((n + 1))
	tap_result "$name" "$why" "$log"
}
kvm_hung_boot_times_out
