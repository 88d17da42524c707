# KVM as the firmware (FIRMWARE=kvm): the guest kernel runs under KVM's own
# PSCI (arch/arm64/kvm/psci.c of the L1 host, our kernel at EL2), with
# QEMU's device tree and with ours handed over untouched.
# shellcheck shell=bash

# A nested boot on a loaded 2-core host takes 15-60 s: room for four times
# that before a boot counts as hung (read by scenario() in run.sh).
# shellcheck disable=SC2034
SCENARIO_TIMEOUT=240
KVM_PROBE='psci: PSCIv1\.1 over hvc from arm,psci-1\.0; SMCCC v1\.1'
KVM_SERVICES='smccc: KVM: hypervisor services detected'
ALL2='smp: Brought up 1 node, 2 CPUs'
HOTPLUG2='PSCI-TEST: hotplug done, 0 failed, online CPUs 0-1'
SYSTEM_RESET='hvc: .*fid=0x84000009'
SYSTEM_RESET2='hvc: .*fid=0xc4000012'

# L2's console is quiet under KVM (KVM_QUIET, see boot.sh); this one boot
# prints everything, as a user sees it.
scenario kvm-qemu-dt-hotplug-poweroff FIRMWARE=kvm KVM_QUIET=0 ACTION=hotplug CYCLES=3 -- \
	"$KVM_PROBE" "$KVM_SERVICES" "$ALL2" 'PSCI-TEST: hotplug cpu1 ok 3 cycles' \
	"$HOTPLUG2" 'reboot: Power down'

# More vCPUs than L1 has CPUs: KVM runs them all.
scenario kvm-qemu-dt-4-vcpus FIRMWARE=kvm SMP=4 ACTION=hotplug CYCLES=3 -- \
	"$KVM_PROBE" 'smp: Brought up 1 node, 4 CPUs' 'PSCI-TEST: hotplug cpu3 ok 3 cycles' \
	'PSCI-TEST: hotplug done, 0 failed, online CPUs 0-3' 'reboot: Power down'

# Cold reset: SYSTEM_RESET, and L2's QEMU ends (-no-reboot) with status 0.
scenario kvm-qemu-dt-reboot FIRMWARE=kvm ACTION=reboot APPEND=tp_printk CMD=trace_conduit -- \
	"$KVM_PROBE" 'PSCI-TEST: tracing conduit calls' 'reboot: Restarting system' \
	">$SYSTEM_RESET" "!$SYSTEM_RESET2" '!SYSTEM_RESET.*failed'

# Warm reset: KVM 6.12 offers PSCI 1.1's SYSTEM_RESET2, so reboot=warm is
# the SYSTEM_RESET2 call itself (traced at the conduit), no fallback after.
scenario kvm-qemu-dt-reboot-warm FIRMWARE=kvm ACTION=reboot APPEND="tp_printk reboot=warm" \
	CMD=trace_conduit -- "$KVM_PROBE" 'PSCI-TEST: tracing conduit calls' \
	'reboot: Restarting system' ">$SYSTEM_RESET2" "!$SYSTEM_RESET" \
	'!SYSTEM_RESET2.*(failed|refused)|falling back'

# Our device trees, handed to L2 as they are.
# (psci-1.0-hvc.dts is a whole four-CPU board: four vCPUs.)
scenario kvm-dt-psci-1.0 FIRMWARE=kvm DTS=dts-examples/psci-1.0-hvc.dts SMP=4 ACTION=hotplug -- \
	"$KVM_PROBE" 'smp: Brought up 1 node, 4 CPUs' \
	'PSCI-TEST: hotplug done, 0 failed, online CPUs 0-3' 'reboot: Power down'

scenario kvm-dt-psci-0.2-bad-legacy-ids FIRMWARE=kvm DTS=qemu-tests/dts/psci-0.2-bad-legacy.dts \
	ACTION=hotplug -- 'psci: PSCIv1\.1 over hvc from arm,psci-0\.2' "$ALL2" "$HOTPLUG2" \
	'reboot: Power down' '!falling back'

scenario kvm-dt-more-cpus-than-vcpus FIRMWARE=kvm DTS=qemu-tests/dts/kvm-more-cpus.dts \
	ACTION=hotplug -- "$KVM_PROBE" \
	'psci: CPU_ON \(0xc4000003\) for MPIDR 0x2 failed: INVALID_PARAMETERS \(-2\)' \
	'psci: CPU_ON \(0xc4000003\) for MPIDR 0x3 failed: INVALID_PARAMETERS \(-2\)' \
	"$ALL2" 'PSCI-TEST: hotplug cpu1 ok 3 cycles' 'PSCI-TEST: hotplug cpu2 skipped: offline since boot' \
	"$HOTPLUG2" 'reboot: Power down'

# PSCI 0.1 under KVM: QEMU creates every KVM vCPU with PSCI 0.2 or later,
# so KVM answers the standard IDs only. A legacy node giving those works
# (no SYSTEM_OFF in 0.1: the kernel halts); one giving KVM's own 0.1 IDs
# gets NOT_SUPPORTED for CPU_ON and stays on one CPU.
scenario kvm-legacy-0.1-standard-ids FIRMWARE=kvm DTS=qemu-tests/dts/kvm-legacy-standard-ids.dts \
	ACTION=hotplug -- 'psci: PSCIv0\.1 over hvc from /psci' "$ALL2" "$HOTPLUG2" \
	'psci: PSCI 0\.1 offers no SYSTEM_OFF' 'System halted'
scenario kvm-legacy-0.1-kvm-ids FIRMWARE=kvm DTS=qemu-tests/dts/legacy-0.1.dts -- \
	'psci: PSCIv0\.1 over hvc from /psci' \
	'psci: CPU_ON \(0x95c1ba60\) for MPIDR 0x1 failed: NOT_SUPPORTED \(-1\)' \
	'smp: Brought up 1 node, 1 CPU' 'System halted'
