# kexec: the same kernel started again by kexec, ten generations in a row
# (guest/psci-lib.sh: kexec_chain; boot.sh's KEXEC=1 gives the guest
# Debian's kexec and a disk with this boot's kernel and initramfs). Each
# time, machine_shutdown() takes every secondary down through CPU_OFF and
# AFFINITY_INFO, and the next kernel brings them back with CPU_ON from
# firmware that remembers them: every generation must come up with all
# four CPUs and take each down and up again. Our image and the stock
# driver's, their KEXEC lines compared line for line. Under KVM:
# 67-kexec-kvm.sh (a unit of its own, so that it runs beside this one).
# shellcheck shell=bash

# shellcheck disable=SC2034 # read by scenario() in run.sh
SCENARIO_TIMEOUT=400

mapfile -t CHAIN < <(kexec_chain_patterns 10 0-3)
CHAIN_ARGS=(KEXEC=1 SMP=4 ACTION=poweroff CMD='kexec_chain 10')

view_vs_stock kexec-chain-qemu KEXEC "${CHAIN_ARGS[@]}" -- "${CHAIN[@]}"
view_vs_stock kexec-chain-tfa KEXEC "${CHAIN_ARGS[@]}" FIRMWARE=tfa MACHINE=virt,secure=on -- \
	"${CHAIN[@]}"
# A firmware without CPU_OFF (a PSCI 0.1 node with cpu_on only): 6.12's
# arm64 offers PSCI's cpu_die whether CPU_OFF exists or not, so kexec
# loads ("Can't kexec: CPUs are stuck in the kernel" never comes), and
# kexec -e stops in smp_shutdown_nonboot_cpus(): the secondary cannot be
# offlined, a BUG, then (oops=panic) a panic that finds no reset in
# PSCI 0.1. The stock driver's image does exactly this too; it is the
# arm64 core's check, not the PSCI client's (README).
for v in ours stock; do
	scenario_fails "kexec-without-cpu-off-$v" 'FAIL \((kernel panic|the kernel halted)' \
		IMAGE="$BUILD/images/$([ $v = ours ] && echo "${OURS_VARIANT:-ours}" || echo stock)-base/Image" \
		KEXEC=1 SMP=4 DTS=qemu-tests/dts/bad/legacy-only-cpu-on.dts APPEND=oops=panic \
		ACTION=none CMD='kexec_chain 2' -- \
		'\] KEXEC: generation 1 of 2: online CPUs 0-3, 3 failed, online CPUs 0-3' \
		'Failed to offline CPU1 - error=-95' 'kernel BUG at kernel/cpu\.c'
done

# A firmware that refuses CPU_OFF (qemu-tests/dts/legacy-cpu-off-refused.dts:
# cpu_off names a call QEMU answers NOT_SUPPORTED), kexec straight away
# (no hotplug first, which would stop at the same place): the dying CPU
# comes back from CPU_OFF into arm64's BUG() in cpu_die(), the idle task
# dies, and the panic finds no reset in PSCI 0.1: the kexec ends, it does
# not hang. The stock driver's image the same; ours names the refused
# call first.
for v in ours stock; do
	refused=()
	[ $v = ours ] && refused=('psci: CPU_OFF \(0x95c1ba61\) failed: NOT_SUPPORTED \(-1\)')
	scenario_fails "kexec-cpu-off-refused-$v" 'FAIL \((kernel panic|the kernel halted)' \
		IMAGE="$BUILD/images/$([ $v = ours ] && echo "${OURS_VARIANT:-ours}" || echo stock)-base/Image" \
		KEXEC=1 SMP=4 FORCE=1 DTS=qemu-tests/dts/legacy-cpu-off-refused.dts ACTION=none \
		CMD='kexec_next 2' -- 'kexec_core: Starting new kernel' "${refused[@]}" \
		'kernel BUG at arch/arm64/kernel/smp\.c' 'Kernel panic - not syncing: Attempted to kill the idle task'
done
