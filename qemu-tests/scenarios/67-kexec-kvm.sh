# kexec under KVM: 66-kexec.sh's chain of ten kernels, each started by
# kexec from the one before, with KVM's PSCI as the firmware (nested: L2
# under KVM in an L1 host). Our image and the stock driver's, their KEXEC
# lines compared line for line.
# shellcheck shell=bash

# shellcheck disable=SC2034 # read by scenario() in run.sh
SCENARIO_TIMEOUT=600

mapfile -t CHAIN < <(kexec_chain_patterns 10 0-3)

# No ITS, and 48-bit VAs (both images alike; README): a GICv3's LPI tables
# cannot be moved once enabled, and without EFI's persistent reservations
# nothing keeps the next kernel off them (it is loaded over them and
# oopses at its first instruction there); with 52-bit VAs the kexec path
# oopses in trans_pgd_create_copy(), as hibernation's resume does.
view_vs_stock kexec-chain-kvm KEXEC KEXEC=1 SMP=4 ACTION=poweroff CMD='kexec_chain 10' \
	FIRMWARE=kvm MACHINE=virt,gic-version=3,its=off APPEND=arm64.nolva -- "${CHAIN[@]}"
