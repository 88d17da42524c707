# Shell helpers for the guest's tests (sourced).

# The hotplug and cpuidle steps are the psci kselftest's own
# (selftests/psci/psci_lib.sh), so that the guest checks what the
# kselftest checks, with no second copy; they use only the kernel's CPU
# hotplug and cpuidle files, and so serve the stock driver's kernel too.
# shellcheck source=../selftests/psci/psci_lib.sh
. /kselftest/psci/psci_lib.sh

# sysfs_show: the driver's /sys/firmware/psci view, a "PSCI-SYSFS: NAME:
# VALUE" line per file (functions/ and calls/ named so), and mem_sleep.
sysfs_show() {
	for f in /sys/firmware/psci/*; do
		[ -f "$f" ] && echo "PSCI-SYSFS: ${f##*/}: $(cat "$f")"
	done
	for f in /sys/firmware/psci/functions/* /sys/firmware/psci/calls/*; do
		echo "PSCI-SYSFS: ${f#/sys/firmware/psci/}: $(cat "$f")"
	done
	echo "PSCI-SYSFS: mem_sleep: $(cat /sys/power/mem_sleep)"
}

# hotplug_all N: unplug and replug every hotpluggable secondary (not CPU0) N times,
# checking the state each time; prints one PSCI-TEST line per CPU. A CPU
# that is offline to begin with (the firmware refused to start it at boot)
# is left alone, with a line saying so.
hotplug_all() {
	cycles=$1
	fails=0
	for d in /sys/devices/system/cpu/cpu[1-9]*; do
		cpu=${d##*/cpu}
		[ -f "$d/online" ] || continue
		if [ "$(cat "$d/online")" = 0 ]; then
			echo "PSCI-TEST: hotplug cpu$cpu skipped: offline since boot"
			continue
		fi
		ok=0
		while [ "$ok" -lt "$cycles" ] && psci_cpu_off_on "$d"; do
			ok=$((ok + 1))
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

# hotplug_action CYCLES: hotplug_all for a boot's "hotplug" action, its
# summary line (which the host's verdict needs) through the kernel log:
# on a slow UART a tty line can still be going out when the power-off
# marker's printk cuts into it.
hotplug_action() {
	hotplug_all "$1" | while IFS= read -r l; do
		case "$l" in
		"PSCI-TEST: hotplug done"*) echo "$l" > /dev/kmsg ;;
		*) echo "$l" ;;
		esac
	done
}

# only_state NAME: leave only the cpuidle state NAME (and WFI) enabled on
# every CPU with cpuidle (psci_idle_only); print, a word per CPU, NAME's
# sysfs directory, or "-cpuN" where that CPU has no state NAME.
only_state() {
	psci_idle_only "$1"
	for d in /sys/devices/system/cpu/cpu[0-9]*; do
		[ -d "$d/cpuidle" ] || continue
		psci_idle_dir "${d##*/}" "$1" || echo "-${d##*/}"
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
	psci_idle_only all
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
	psci_idle_only all
	echo "PSCI-TEST: idle soak $want done, $fails failed"
}

# trace_conduit: print every SMCCC conduit call from now on to the console,
# with its function ID ("hvc: (__arm_smccc_hvc+0x0/...) fid=0x84000009"),
# through kprobe events: the driver's code is not changed, so this observes
# the stock driver as well as ours. Needs tp_printk on the command line
# (APPEND=tp_printk) for the lines to reach the console. "trace_conduit
# steady": all but the calls whose number depends on timing, CPU_SUSPEND
# (every idle entry) and AFFINITY_INFO (a dying CPU's kill polls it), so
# that two boots can be compared call for call.
trace_conduit() {
	mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
	t=/sys/kernel/tracing
	# Once is enough (FIRMWARE=xen-domu boots trace from the start).
	[ "$(cat $t/events/psci/enable 2>/dev/null)" = 1 ] && return 0
	# The first three arguments' registers (32-bit ARM: r0-r2).
	case "$(uname -m)" in
	arm*) a="fid=%r0:x32 arg=%r1:x32 arg2=%r2:x32" ;;
	*) a="fid=%x0:x32 arg=%x1:x64 arg2=%x2:x64" ;;
	esac
	echo "p:psci/hvc __arm_smccc_hvc $a" > $t/kprobe_events &&
	echo "p:psci/smc __arm_smccc_smc $a" >> $t/kprobe_events &&
	f='fid != 0x84000001 && fid != 0xc4000001 && fid != 0x84000004 && fid != 0xc4000004'
	if [ "${1:-}" = steady ]; then
		echo "$f" > $t/events/psci/smc/filter && echo "$f" > $t/events/psci/hvc/filter
	fi &&
	echo 1 > $t/events/psci/enable &&
	echo "PSCI-TEST: tracing conduit calls" ||
	echo "PSCI-TEST: trace_conduit FAILED"
}

# board_report: what a real board's boot made of its device tree, as
# "BOARD:" lines to compare with the stock driver's boot: the CPUs online,
# the idle driver and states (and whether each was entered), the
# watchdogs, every platform device bound and to which driver, and the
# devices whose probe is still deferred.
board_report() {
	mount -t debugfs nodev /sys/kernel/debug 2>/dev/null
	echo "BOARD: online CPUs $(cat /sys/devices/system/cpu/online)"
	echo "BOARD: cpuidle driver $(cat /sys/devices/system/cpu/cpuidle/current_driver 2>/dev/null || echo none)"
	for s in /sys/devices/system/cpu/cpu0/cpuidle/state*; do
		[ -d "$s" ] || continue
		# rejected: chosen, but the enter call failed (a power-down
		# CPU_SUSPEND that returned instead of resuming at the entry).
		# state0 is the architecture's WFI, no PSCI call: whether the
		# governor chose it in this boot is timing (seen: entered on one
		# image, unused on the other), so only its name is shown.
		if [ "${s##*/}" = state0 ]; then
			echo "BOARD: cpu0 idle state0 $(cat "$s/name")"
			continue
		fi
		u=unused
		if [ "$(cat "$s/usage")" -gt 0 ]; then
			u=entered
		elif [ "$(cat "$s/rejected")" -gt 0 ]; then
			u=rejected
		fi
		echo "BOARD: cpu0 idle ${s##*/} $(cat "$s/name") $u"
	done
	for w in /sys/class/watchdog/watchdog*; do
		[ -d "$w" ] && echo "BOARD: ${w##*/} $(basename "$(readlink "$w/device/driver")")"
	done
	for d in /sys/bus/platform/drivers/*/*; do
		[ -L "$d" ] && [ "${d##*/}" != module ] || continue
		echo "BOARD: bound ${d##*/} to $(basename "$(dirname "$d")")"
	done | sort
	# (in probe order, which timing decides: sorted)
	sed 's/^/BOARD: deferred /' /sys/kernel/debug/devices_deferred 2>/dev/null | sort
}

# conduit_calls_seen: each distinct call (function ID and first argument)
# in trace_conduit's buffer, a "BOARD: called ..." line each: which calls
# were made, not how often.
conduit_calls_seen() {
	sed -n 's/.* \(fid=0x[0-9a-f]* arg=0x[0-9a-f]*\).*/BOARD: called \1/p' \
		/sys/kernel/tracing/trace | sort -u
}

# reboot_modes_show: the driver's vendor reboot modes, a line each.
reboot_modes_show() {
	while read -r line; do
		echo "PSCI-TEST: reboot mode $line"
	done < /sys/firmware/psci/reboot_modes
}

# idle_path_untraceable: nothing CPU_SUSPEND runs after ct_cpuidle_enter()
# (RCU not watching) may be instrumented. Each of those functions exists
# (kallsyms), has no patchable function entry (absent from ftrace's
# available_filter_functions) and is on the kprobe blacklist (a kprobe on
# it is refused). psci_cpu_suspend_enter(), which runs before
# ct_cpuidle_enter(), is traceable: the check can see this file's functions.
IDLE_PATH_FNS="psci_op_cpu_suspend psci_call_hvc psci_call_smc psci_suspend_finisher"
idle_path_untraceable() {
	mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
	t=/sys/kernel/tracing
	bad=0
	grep -qE '^psci_cpu_suspend_enter( |$)' $t/available_filter_functions || {
		echo "PSCI-TEST: untraceable FAILED: psci_cpu_suspend_enter not traceable, the check sees nothing"
		bad=1
	}
	for fn in $IDLE_PATH_FNS; do
		if ! grep -qE " $fn$" /proc/kallsyms; then
			echo "PSCI-TEST: untraceable FAILED: $fn not in kallsyms"
			bad=1
		elif grep -qE "^$fn( |$)" $t/available_filter_functions; then
			echo "PSCI-TEST: untraceable FAILED: $fn has a patchable function entry"
			bad=1
		elif echo "p:psci_idle_probe $fn" >> $t/kprobe_events 2>/dev/null; then
			echo "-:psci_idle_probe" >> $t/kprobe_events
			echo "PSCI-TEST: untraceable FAILED: a kprobe on $fn was accepted"
			bad=1
		else
			echo "PSCI-TEST: untraceable $fn ok"
		fi
	done
	echo "PSCI-TEST: idle path untraceable, $bad failed"
}

# trace_while_idle SECONDS: the function tracer on, every CPU idling through
# CPU_SUSPEND meanwhile; the debug kernel's RCU and lock checkers watch.
trace_while_idle() {
	mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
	t=/sys/kernel/tracing
	echo function > $t/current_tracer
	before=$(cat /sys/devices/system/cpu/cpu*/cpuidle/state1/usage 2>/dev/null | awk '{s += $1} END {print s + 0}')
	sleep "$1"
	echo nop > $t/current_tracer
	after=$(cat /sys/devices/system/cpu/cpu*/cpuidle/state1/usage 2>/dev/null | awk '{s += $1} END {print s + 0}')
	echo "PSCI-TEST: traced while idle, $((after - before)) idle entries"
}

# smccc_view: what rides on the SMCCC hand-off from the PSCI driver, one
# "SMCCC-VIEW:" line per fact: the CPU vulnerability states (SMCCC
# ARCH_WORKAROUND_*), the kernel's SMCCC lines (hypervisor services, SoC
# ID, TRNG), the devices those users registered and the TRNG's output.
# make check compares two drivers' views under the same firmware.
smccc_view() {
	for f in /sys/devices/system/cpu/vulnerabilities/*; do
		echo "SMCCC-VIEW: vulnerability ${f##*/}: $(cat "$f")"
	done
	dmesg | sed 's/^\[[ 0-9.]*\] //' |
		grep -E '^(smccc|soc_id|smccc_trng|arm_smccc)|Spectre|SSBS|Speculative Store' |
		sort -u | sed 's/^/SMCCC-VIEW: kernel: /'
	for f in /sys/devices/soc0/machine /sys/devices/soc0/family \
		 /sys/devices/soc0/soc_id /sys/devices/soc0/revision; do
		[ -f "$f" ] && echo "SMCCC-VIEW: ${f#/sys/devices/}: $(cat "$f")"
	done
	echo "SMCCC-VIEW: platform devices: $(ls /sys/bus/platform/devices |
		grep -iE 'smccc|soc' | tr '\n' ' ')"
	echo "SMCCC-VIEW: hwrng: $(cat /sys/class/misc/hw_random/rng_current 2>/dev/null || echo none)"
	echo "SMCCC-VIEW: hwrng read: $(head -c 64 /dev/hwrng 2>/dev/null | wc -c) bytes"
}

# xen_domu_wait [SECONDS]: in dom0 (boot.sh FIRMWARE=xen XEN_DOMU=1), wait
# until the host says on the console that the dom0less domain beside us
# has ended, and how (the host reads the domain's console; dom0 has no
# toolstack to ask).
xen_domu_wait() {
	local what how
	if read -r -t "${1:-120}" what how && [ "$what" = domu-ended ]; then
		echo "PSCI-TEST: the domain beside dom0 ended through $how"
	else
		echo "PSCI-TEST: no word of the domain beside dom0"
	fi
}

# dt_psci_view: the psci node as the firmware wrote it, one "PSCI-DT:"
# line a property: strings as text, anything else as hex bytes.
dt_psci_view() {
	local f v
	for f in /proc/device-tree/psci/*; do
		case "${f##*/}" in
		compatible | method | name | status) v=$(tr "\\0" " " < "$f" | sed "s/ $//") ;;
		*) v=0x$(od -An -tx1 -v "$f" | tr -d ' \n') ;;
		esac
		echo "PSCI-DT: ${f##*/}: $v"
	done
}

# debugfs_view: /sys/kernel/debug/psci, one "PSCI-DEBUGFS:" line per line
# of the file (make check compares ours with the stock driver's).
debugfs_view() {
	sed 's/^/PSCI-DEBUGFS: /' /sys/kernel/debug/psci
}

# idle_entries: how often CPUs 1-3 entered an idle state deeper than WFI
# since boot (cpuidle's usage counters; 0 when there are none, as with
# cpuidle.off=1).
idle_entries() {
	n=0
	for u in /sys/devices/system/cpu/cpu[1-3]/cpuidle/state[1-9]/usage; do
		[ -r "$u" ] && n=$((n + $(cat "$u")))
	done
	echo "PSCI-TEST: idle entries on CPUs 1-3: $n"
}

# kselftest_psci [ARGS]: the psci kselftest (selftests/psci/psci.sh, as a
# kernel tree's tools/testing/selftests/psci/ has it), each KTAP line
# prefixed "KSFT: ", then "KSFT: exit N" with its exit status.
kselftest_psci() {
	sh /kselftest/psci/psci.sh "$@" > /tmp/ksft.out 2>&1
	rc=$?
	sed 's/^/KSFT: /' /tmp/ksft.out
	echo "KSFT: exit $rc"
}

# kselftest_fake_claims: the psci kselftest against a copy of the driver's
# /sys/firmware/psci with two claims made false (SYSTEM_SUSPEND offered,
# MIGRATE_INFO_TYPE absent): its comparison with the firmware's own
# PSCI_FEATURES answers (debugfs) must fail both.
kselftest_fake_claims() {
	rm -rf /tmp/fake-psci
	cp -r /sys/firmware/psci /tmp/fake-psci
	echo 0x8400000e > /tmp/fake-psci/functions/SYSTEM_SUSPEND
	rm -f /tmp/fake-psci/functions/MIGRATE_INFO_TYPE
	PSCI_SYSFS=/tmp/fake-psci kselftest_psci -n
}

# hibernate_to DEV MARKER [systemd]: swap on DEV, MARKER in RAM (/tmp),
# hibernate (the image goes to DEV and the machine powers off; with
# "systemd", through systemd's hibernate.target, ROOTFS=debian); what
# follows runs after the resume, printing the marker as RAM has it then.
hibernate_to() {
	if ! mkswap "$1" > /dev/null || ! swapon "$1"; then
		echo "PSCI-TEST: swap on $1 FAILED"
		return 1
	fi
	echo "PSCI-TEST: swap on $1"
	echo "$2" > /tmp/marker
	if [ "${3:-}" = systemd ]; then
		# As "systemctl hibernate" starts it, but waited for: without
		# logind, systemctl hibernate only queues the job.
		systemctl start --job-mode=replace-irreversibly hibernate.target
	else
		echo disk > /sys/power/state
	fi || { echo "PSCI-TEST: hibernation FAILED"; return 1; }
	echo "PSCI-TEST: resumed, marker $(cat /tmp/marker)"
	swapoff "$1"
}

# resume_from DEV: resume from the hibernation image on DEV, started from
# userspace as Debian's initramfs-tools starts it (DEV's major:minor into
# /sys/power/resume) rather than by resume= on the command line, with the
# console raised to KERN_INFO first, so that the PM lines show where the
# boot's own were held back (FIRMWARE=kvm's quiet console). Returns only
# when there was nothing to resume.
resume_from() {
	local dev
	dev=$(cat "/sys/class/block/${1#/dev/}/dev") || return 1
	dmesg -n 7
	echo "PSCI-TEST: resuming from $1 ($dev)"
	echo "$dev" > /sys/power/resume
	echo "PSCI-TEST: no image to resume on $1"
}

# suspend_mem SECONDS [systemd]: suspend to RAM ("deep": PSCI
# SYSTEM_SUSPEND), woken by the RTC's alarm SECONDS later; says what came
# back. With systemd: through systemd's suspend.target, as "systemctl
# suspend" starts it, but waited for (without logind, systemctl suspend
# only queues the job); systemd-sleep writes "mem" itself.
suspend_mem() {
	local rtc=/sys/class/rtc/rtc0/wakealarm ok0 ok1 t0 t1 i0 i1
	echo "PSCI-TEST: mem_sleep: $(cat /sys/power/mem_sleep)"
	if ! echo deep > /sys/power/mem_sleep; then
		echo "PSCI-TEST: suspend to RAM FAILED: no deep in mem_sleep"
		return 1
	fi
	ok0=$(cat /sys/power/suspend_stats/success)
	i0=$(awk '/rtc-pl031/ { print $2 }' /proc/interrupts)
	t0=$(cat /sys/class/rtc/rtc0/since_epoch)
	echo 0 > "$rtc"
	echo "+$1" > "$rtc"
	if [ "${2:-}" = systemd ]; then
		systemctl start --job-mode=replace-irreversibly suspend.target
	else
		echo mem > /sys/power/state
	fi || { echo "PSCI-TEST: suspend to RAM FAILED: refused"; return 1; }
	t1=$(cat /sys/class/rtc/rtc0/since_epoch)
	i1=$(awk '/rtc-pl031/ { print $2 }' /proc/interrupts)
	ok1=$(cat /sys/power/suspend_stats/success)
	echo "PSCI-TEST: suspend to RAM done: successes $ok0 -> $ok1," \
		"RTC $((t1 - t0)) s later, its interrupts $i0 -> $i1," \
		"CPUs $(cat /sys/devices/system/cpu/online) online"
	# What any PSCI driver must give alike (compared with the stock one).
	echo "PSCI-SUSPEND: deep: successes $ok0 -> $ok1, RTC interrupts $i0 -> $i1," \
		"CPUs $(cat /sys/devices/system/cpu/online) online"
}

# hotplug_summary: every secondary down and up once (hotplug_all 1), as
# its one summary line's end: "N failed, online CPUs LIST".
hotplug_summary() {
	hotplug_all 1 | sed -n 's/^PSCI-TEST: hotplug done, //p'
}

# to_test_console: the calling script's output to TEST_CONSOLE
# (/etc/test.conf; FIRMWARE=kvm: hvc0, a virtio console), a write at a
# time, where each character written to the PL011 costs L2 an exit to
# L1's QEMU. The kernel's console stays the PL011: virtio devices are
# reset at shutdown, before its last lines.
to_test_console() {
	if [ -n "${TEST_CONSOLE:-}" ] && [ -c "/dev/$TEST_CONSOLE" ]; then
		exec > "/dev/$TEST_CONSOLE" 2>&1
	fi
}

# klog [WORDS...]: one line of WORDS (or, with none, each line of standard
# input) into the kernel log. For lines printed just before a kexec, a crash or a
# power-off that the host's verdict needs (the KEXEC and KDUMP views):
# printk puts a line on the console whole and before the write returns,
# where a tty line can still be on its way when the kernel is replaced.
klog() {
	local l
	if [ $# -gt 0 ]; then
		echo "$*" > /dev/kmsg
	else
		while IFS= read -r l; do echo "$l" > /dev/kmsg; done
	fi
}

# kexec_payload: the kernel and initramfs this boot came from, unpacked
# into /tmp/kexec from boot.sh's KEXEC=1 disk (/dev/vda, a cpio).
kexec_payload() {
	[ -s /tmp/kexec/Image ] && return 0
	mkdir -p /tmp/kexec
	if ! (cd /tmp/kexec && cpio -i < /dev/vda 2> /dev/null) || [ ! -s /tmp/kexec/initrd ]; then
		klog "KEXEC: no payload on /dev/vda (boot with KEXEC=1)"
		return 1
	fi
}

# kexec_cmdline GEN: this boot's command line for the next kernel, at
# generation GEN: without the previous kexec_gen=, and without the
# initrd location of TF-A's built-in command line (kexec places the
# initramfs itself and says where in the device tree it hands over).
kexec_cmdline() {
	echo "$(sed -E 's/(^| )(kexec_gen|initrdmem|initrd)=[^ ]*//g' /proc/cmdline) kexec_gen=$1"
}

# kexec_chain N: one generation of a chain of N kernels, each started by
# kexec from the one before (the generation is kexec_gen= on the command
# line; 1 when absent). Says which CPUs came online, takes every secondary
# down and up once, then loads the same kernel and initramfs with the next
# generation's command line and kexecs into it; the last generation
# returns. One "KEXEC:" line per step, which make check compares with the
# stock driver's.
kexec_chain() {
	local last=$1 gen up
	gen=$(sed -n 's/.*kexec_gen=\([0-9]*\).*/\1/p' /proc/cmdline)
	gen=${gen:-1}
	up=$(cat /sys/devices/system/cpu/online)
	klog "KEXEC: generation $gen of $last: online CPUs $up, $(hotplug_summary)"
	if [ "$gen" -ge "$last" ]; then
		klog "KEXEC: chain of $last kernels done"
		return 0
	fi
	kexec_next "$((gen + 1))"
}

# kexec_next GEN: load this boot's kernel and initramfs again, with
# generation GEN's command line, and kexec into it; returns only when
# that failed. (kexec -i: no purgatory checksum, which would cost each
# generation seconds of TCG.)
kexec_next() {
	kexec_payload || return 1
	# kexec's own words, if any, are part of the view.
	kexec -i -l /tmp/kexec/Image --initrd=/tmp/kexec/initrd \
		--append="$(kexec_cmdline "$1")" 2>&1 | sed 's/^/KEXEC: kexec -l: /' | klog
	if [ "$(cat /sys/kernel/kexec_loaded)" != 1 ]; then
		klog "KEXEC: nothing loaded for generation $1"
		return 1
	fi
	# Through the kernel log (run-test's mark): a tty line could still sit
	# in the UART when the kernel is replaced. Not part of the view.
	mark "PSCI-TEST: generation $1 loaded, kexec -e"
	kexec -e 2>&1 | sed 's/^/KEXEC: kexec -e: /' | klog
	klog "KEXEC: kexec -e into generation $1 returned"
	return 1
}

# systemctl_kexec_chain N: kexec_chain through systemd (ROOTFS=debian):
# each generation loads the next kernel and leaves through "systemctl
# kexec", so that systemd stops its units and systemd-shutdown makes the
# final reboot(2) (LINUX_REBOOT_CMD_KEXEC); the last one powers off
# through systemctl.
systemctl_kexec_chain() {
	local last=$1 gen
	gen=$(sed -n 's/.*kexec_gen=\([0-9]*\).*/\1/p' /proc/cmdline)
	gen=${gen:-1}
	klog "KEXEC: generation $gen of $last: online CPUs $(cat /sys/devices/system/cpu/online)," \
		"$(hotplug_summary)"
	if [ "$gen" -ge "$last" ]; then
		klog "KEXEC: chain of $last kernels done"
		systemctl --no-block poweroff
		return 0
	fi
	kexec_payload || return 1
	kexec -i -l /tmp/kexec/Image --initrd=/tmp/kexec/initrd \
		--append="$(kexec_cmdline "$((gen + 1))")" 2>&1 | sed 's/^/KEXEC: kexec -l: /' | klog
	[ "$(cat /sys/kernel/kexec_loaded)" = 1 ] || { klog "KEXEC: nothing loaded"; return 1; }
	systemctl --no-block kexec
}

# kdump_crash: in the first kernel (booted with crashkernel=), load this
# boot's kernel and initramfs as the capture kernel (kexec -p) and crash
# (sysrq c); the panic starts the capture kernel, whose /etc/test.conf is
# the same, so this runs again there: then it says which CPUs the
# capture kernel brought up (all of them: no maxcpus=1) and what
# /proc/vmcore holds, and returns (the boot's action powers off). One
# "KDUMP:" line per step, which make check compares with the stock driver's.
kdump_crash() {
	local size
	if [ -e /proc/vmcore ]; then
		size=$(ls -ln /proc/vmcore | awk '{ print $5 }')
		klog "KDUMP: capture kernel: online CPUs $(cat /sys/devices/system/cpu/online)," \
			"/proc/vmcore $([ "$size" -gt 0 ] && echo "present" || echo "EMPTY")," \
			"$(hotplug_summary)"
		echo "PSCI-TEST: vmcore $size bytes"
		return 0
	fi
	klog "KDUMP: crash kernel reserved: $(cat /sys/kernel/kexec_crash_size) bytes"
	kexec_payload || return 1
	kexec -i -p /tmp/kexec/Image --initrd=/tmp/kexec/initrd \
		--append="$(kexec_cmdline 1 | sed -E 's/(^| )crashkernel=[^ ]*//g')" 2>&1 |
		sed 's/^/KDUMP: kexec -p: /' | klog
	if [ "$(cat /sys/kernel/kexec_crash_loaded)" != 1 ]; then
		klog "KDUMP: no capture kernel loaded"
		return 1
	fi
	mark "PSCI-TEST: capture kernel loaded, crashing"
	echo c > /proc/sysrq-trigger
	klog "KDUMP: still running after the crash"
	return 1
}
