# kdump: a crash kernel reserved (crashkernel=), this boot's kernel and
# initramfs loaded as the capture kernel (kexec -p), a panic (sysrq c).
# The crash stop IPI makes every other CPU call CPU_OFF from interrupt
# context; the capture kernel, booted without maxcpus=1, brings them all
# back with CPU_ON, shows /proc/vmcore, takes each secondary down and up,
# and powers off through PSCI (guest/psci-lib.sh: kdump_crash). Our image
# and the stock driver's, their KDUMP lines compared line for line.
# shellcheck shell=bash

# shellcheck disable=SC2034 # read by scenario() in run.sh
SCENARIO_TIMEOUT=300

KDUMP=(KEXEC=1 KDUMP=1 SMP=4 ACTION=poweroff APPEND=crashkernel=256M CMD=kdump_crash)
CAPTURE=('^KDUMP: capture kernel: online CPUs 0-3, /proc/vmcore present, 0 failed, online CPUs 0-3$')

view_vs_stock kdump-qemu KDUMP "${KDUMP[@]}" -- "${CAPTURE[@]}"
# Under KVM without an ITS and with 48-bit VAs, as 67-kexec-kvm.sh says why.
view_vs_stock kdump-kvm KDUMP "${KDUMP[@]}" FIRMWARE=kvm TIMEOUT=400 \
	MACHINE=virt,gic-version=3,its=off APPEND="crashkernel=256M arm64.nolva" -- "${CAPTURE[@]}"
