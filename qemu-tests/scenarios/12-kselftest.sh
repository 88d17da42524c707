# The psci kselftest (selftests/psci/psci.sh; tools/testing/selftests/psci/
# in a kernel tree), run in the guest on each kind of firmware a guest
# meets: every test passes, or is skipped for what that firmware does not
# offer (KSFT_CLEAN). It reports in KTAP; guest/psci-lib.sh's
# kselftest_psci prefixes its lines with "KSFT: ".
# shellcheck shell=bash

KSFT_CLEAN=('KSFT: # Totals: pass:[0-9]+ fail:0 ' 'KSFT: exit 0' '!KSFT: not ok')

# QEMU's PSCI 1.1: every CPU off and on, AFFINITY_INFO, and a
# suspend-to-idle woken by the PL031's alarm.
scenario kselftest-qemu-hvc SMP=4 CMD=kselftest_psci -- \
	'KSFT: ok [0-9]+ PSCI 1\.1 found, conduit hvc' 'KSFT: ok [0-9]+ cpu3 off and on' \
	'KSFT: ok [0-9]+ AFFINITY_INFO asked for each of 4 CPUs' \
	'KSFT: ok [0-9]+ suspend-to-idle, woken by the RTC \(CPUs 0-3 back' \
	'KSFT: ok [0-9]+ MIGRATE not offered by this firmware.*# SKIP' \
	'KSFT: ok [0-9]+ suspend to RAM: SYSTEM_SUSPEND not offered by this firmware # SKIP' \
	"${KSFT_CLEAN[@]}" 'reboot: Power down'

# QEMU's PSCI with idle states in the device tree: each entered, and the
# suspend-to-idle spends its time in them (CPU_SUSPEND calls).
scenario kselftest-qemu-idle-states SMP=4 DTS=dts-examples/psci-idle-states.dts \
	CMD=kselftest_psci -- \
	'KSFT: ok [0-9]+ idle state cpu-ret-light entered' 'KSFT: ok [0-9]+ idle state cpu-ret-deep entered' \
	'KSFT: ok [0-9]+ suspend-to-idle, woken by the RTC \(CPUs 0-3 back, CPU_SUSPEND calls [0-9]+ -> [0-9]+\)' \
	"${KSFT_CLEAN[@]}" 'reboot: Power down'

# The same test on the stock driver, which has no /sys/firmware/psci: it
# reads the firmware's PSCI_FEATURES answers from /sys/kernel/debug/psci
# and the device tree's node, and passes the same way.
STOCK=$BUILD/images/stock-base/Image
scenario kselftest-stock-qemu-hvc IMAGE="$STOCK" SMP=4 CMD=kselftest_psci -- \
	'KSFT: # PSCI 1\.1 over hvc, from arm,psci-1\.0 \(view: debugfs\)' \
	'KSFT: ok [0-9]+ PSCI 1\.1 found, conduit hvc' \
	'KSFT: ok [0-9]+ cpu3 off and on \(no call counters in this view\)' \
	'KSFT: ok [0-9]+ CPU_OFF: mandatory in PSCI 1\.1; this view shows no PSCI_FEATURES answer.*# SKIP' \
	'KSFT: ok [0-9]+ MIGRATE not offered by this firmware.*# SKIP' \
	'KSFT: ok [0-9]+ suspend-to-idle, woken by the RTC \(CPUs 0-3 back' \
	"${KSFT_CLEAN[@]}" 'reboot: Power down'

# PSCI 0.1: no function is mandatory, so what the node lacks is a skip.
scenario kselftest-legacy-0.1 SMP=4 END=halt DTS=qemu-tests/dts/legacy-0.1.dts CMD=kselftest_psci -- \
	'KSFT: ok [0-9]+ PSCI 0\.1 found' 'KSFT: ok [0-9]+ SYSTEM_OFF not offered.*# SKIP' \
	'KSFT: ok [0-9]+ cpu3 off and on' "${KSFT_CLEAN[@]}" 'System halted'

# TF-A with real power-down idle states: each state entered, and the
# suspend-to-idle spends its time in them; our TF-A's SYSTEM_SUSPEND
# suspends to RAM.
if [ ! -f "$BUILD/tfa/flash.bin" ]; then
	SCENARIO_BROKEN="TF-A was not built (see $BUILD/logs/build-tfa.log)"
fi
scenario kselftest-tfa-idle-states FIRMWARE=tfa MACHINE=virt,secure=on TIMEOUT=240 \
	DTS=dts-examples/psci-tfa-power-down.dts CMD=kselftest_psci -- \
	'KSFT: ok [0-9]+ PSCI 1\.1 found, conduit smc' \
	'KSFT: ok [0-9]+ idle state cpu-retention entered' \
	'KSFT: ok [0-9]+ idle state cpu-power-down entered' \
	'KSFT: ok [0-9]+ idle state cluster-pwr-dn entered' \
	'KSFT: ok [0-9]+ suspend-to-idle, woken by the RTC \(CPUs 0-3 back, CPU_SUSPEND calls [0-9]+ -> [0-9]+\)' \
	'KSFT: ok [0-9]+ suspend to RAM, woken by the RTC \(CPUs 0-3 back, SYSTEM_SUSPEND calls 0 -> 1\)' \
	'KSFT: ok [0-9]+ SYSTEM_RESET2 not offered.*# SKIP' \
	"${KSFT_CLEAN[@]}" 'reboot: Power down'
scenario kselftest-stock-tfa-idle-states IMAGE="$STOCK" FIRMWARE=tfa MACHINE=virt,secure=on \
	TIMEOUT=240 DTS=dts-examples/psci-tfa-power-down.dts CMD=kselftest_psci -- \
	'KSFT: ok [0-9]+ PSCI 1\.1 found, conduit smc' \
	'KSFT: ok [0-9]+ SYSTEM_SUSPEND offered, PSCI_FEATURES says yes' \
	'KSFT: ok [0-9]+ idle state cpu-power-down entered' \
	'KSFT: ok [0-9]+ suspend to RAM, woken by the RTC \(CPUs 0-3 back' \
	"${KSFT_CLEAN[@]}" 'reboot: Power down'
unset SCENARIO_BROKEN

# KVM's PSCI, nested: 2 vCPUs, suspend-to-idle woken by the PL031 too,
# 10 s on (on a busy host, L2 once took longer than 3 s to suspend, and
# slept on past the alarm until the boot timed out).
scenario kselftest-kvm FIRMWARE=kvm TIMEOUT=300 CMD='PSCI_RTC_WAKE=10 kselftest_psci' -- \
	'KSFT: ok [0-9]+ PSCI 1\.1 found, conduit hvc' 'KSFT: ok [0-9]+ cpu1 off and on' \
	'KSFT: ok [0-9]+ SYSTEM_RESET2 offered' \
	'KSFT: ok [0-9]+ suspend-to-idle, woken by the RTC \(CPUs 0-1 back' \
	"${KSFT_CLEAN[@]}" 'reboot: Power down'

# A 32-bit kernel: the same checks through arch/arm's PSCI SMP operations.
scenario kselftest-arm32 GUEST_ARCH=arm32 SMP=4 CMD=kselftest_psci -- \
	'KSFT: ok [0-9]+ PSCI 1\.1 found, conduit hvc' 'KSFT: ok [0-9]+ cpu3 off and on' \
	"${KSFT_CLEAN[@]}" 'reboot: Power down'

# The same kselftest through the kernel's own runner, from the kernel tree
# our files are laid over (tools/testing/selftests/psci/), on this host:
# not an Arm system, so it skips the whole test, cleanly.
kselftest_on_host() {
	local out
	out=$(make -s -C "$SRC_OURS/tools/testing/selftests" TARGETS=psci run_tests 2>&1)
	if grep -qx 'ok 1 selftests: psci: psci.sh # SKIP' <<< "$out" &&
		grep -q '^# 1\.\.0 # SKIP not an Arm system' <<< "$out"; then
		echo "ok - make -C tools/testing/selftests TARGETS=psci run_tests skips on $(uname -m)"
	else
		echo "not ok - make -C tools/testing/selftests TARGETS=psci run_tests skips on $(uname -m)"
		sed 's/^/  # /' <<< "$out" | tail -n 8
	fi
}
gates kselftest-host kselftest_on_host
