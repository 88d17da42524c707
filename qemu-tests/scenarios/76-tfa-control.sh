# The control for TF-A's power-down soak (75-tfa.cfg): QEMU's built-in
# PSCI answers a power-down CPU_SUSPEND with a WFI and a return, so the
# same state is never counted as entered (every entry is "rejected" by
# arm64's cpu_suspend()). Code, not a table: its device tree is the TF-A
# example's with the conduit changed.
# shellcheck shell=bash

sed 's/method = "smc"/method = "hvc"/' dts-examples/psci-tfa-power-down.dts > "$LOGDIR/power-down-hvc.dts"
# (TCG_THREAD=multi: every vCPU retrying its idle state costs less CPU on
# threads of their own, 8 CPU-s where the single thread took 18.)
scenario qemu-power-down-only-returns DTS="$LOGDIR/power-down-hvc.dts" TCG_THREAD=multi \
	CMD='idle_soak cpu-power-down 2' -- \
	'soak cpu1 cpu-power-down FAILED: entered 0 times, rejected [1-9]' \
	'idle soak cpu-power-down done, 4 failed' 'reboot: Power down'
