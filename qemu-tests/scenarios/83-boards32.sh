# QEMU's models of real 32-bit boards, each booted on its own in-tree
# device tree with the board's own drivers (scripts/boards32.sh; the
# arm32-boards kernel, ours and the stock driver's, both from the same
# tree and config). QEMU is the firmware: it replaces the DT's /psci node
# with its own (PSCI 1.1 over SMC). Each boot is compared with the stock
# image's, line for line: what the guest made of the board (CPUs online,
# idle states, watchdogs, every platform device bound and to which
# driver, the probes still deferred: guest/psci-lib.sh board_report) and
# every conduit call from then on but the timing-dependent ones
# (trace_conduit steady: CPU_OFF and CPU_ON of the hotplug, then the last
# call). Which handler ended the boot: PSCI's SYSTEM_OFF or SYSTEM_RESET
# as a traced call, a board's own handler as the absence of one while
# QEMU still reports the power-off (a control shows the trace sees the
# PSCI call once the board's handler is gone).
# shellcheck shell=bash

# shellcheck disable=SC2034 # read by view_vs_stock and scenario() in run.sh
SCENARIO_TIMEOUT=120
IMAGE_FLAVOUR=arm32-boards/zImage

TAG='(BOARD|smc)'
REPORT=(APPEND=tp_printk 'CMD=board_report; trace_conduit steady')
SYSTEM_OFF='^smc: .*fid=0x84000008 '
SYSTEM_RESET='^smc: .*fid=0x84000009 '
CPU_ON='^smc: .*fid=0x84000003 '

# Allwinner H3: four Cortex-A7, the sunxi watchdog's restart handler at
# 128 below PSCI's 129.
view_vs_stock board-orangepi-pc-hotplug-poweroff "$TAG" MACHINE=orangepi-pc ACTION=hotplug \
	"${REPORT[@]}" -- '^BOARD: online CPUs 0-3$' '^BOARD: watchdog0 sunxi-wdt$' \
	"$CPU_ON" "$SYSTEM_OFF" "!$SYSTEM_RESET"
view_vs_stock board-orangepi-pc-reboot "$TAG" MACHINE=orangepi-pc ACTION=reboot \
	"${REPORT[@]}" -- '^BOARD: bound 1c20ca0\.watchdog to sunxi-wdt$' "$SYSTEM_RESET" "!$SYSTEM_OFF"

# i.MX7D: two Cortex-A7, imx2_wdt's restart handler (QEMU models the
# watchdog) below PSCI's.
view_vs_stock board-mcimx7d-sabre-hotplug-poweroff "$TAG" MACHINE=mcimx7d-sabre ACTION=hotplug \
	"${REPORT[@]}" -- '^BOARD: online CPUs 0-1$' '^BOARD: watchdog0 imx2-wdt$' \
	"$CPU_ON" "$SYSTEM_OFF" "!$SYSTEM_RESET"
view_vs_stock board-mcimx7d-sabre-reboot "$TAG" MACHINE=mcimx7d-sabre ACTION=reboot \
	"${REPORT[@]}" -- '^BOARD: watchdog0 imx2-wdt$' "$SYSTEM_RESET" "!$SYSTEM_OFF"
# Its PSCI idle state (cpu-sleep-wait, CPU_SUSPEND 0x10000): cpuidle-psci
# takes only CPUs whose enable-method is "psci", which U-Boot's PSCI
# fixup writes into each CPU node and QEMU does not; done here the same
# way. The state's local-timer-stop is taken out: with it, both images
# hang in QEMU's model once the state is chosen (README). The state is
# chosen and CPU_SUSPEND called; QEMU's CPU_SUSPEND returns SUCCESS where
# a power-down state resumes at the entry point, which arm's cpu_suspend()
# takes for an aborted suspend: cpuidle counts the entry as rejected.
# (up to 10 s for CPU 0 to choose the state, however busy the host)
# shellcheck disable=SC2016 # the guest's shell expands these
IDLE_WAIT='s=/sys/devices/system/cpu/cpu0/cpuidle/state1; i=0
	while [ $(($(cat $s/usage) + $(cat $s/rejected))) = 0 ] && [ $i -lt 20 ]; do
		sleep 0.5; i=$((i + 1)); done'
IMX7D_UBOOT='/cpus/cpu@0 enable-method psci; /cpus/cpu@1 enable-method psci'
IMX7D_UBOOT+='; /cpus/idle-states/cpu-sleep-wait local-timer-stop'
view_vs_stock board-mcimx7d-sabre-psci-idle BOARD MACHINE=mcimx7d-sabre ACTION=poweroff \
	DTB_EDIT="$IMX7D_UBOOT" "CMD=trace_conduit; $IDLE_WAIT; board_report; conduit_calls_seen" -- \
	'^BOARD: cpuidle driver psci_idle$' '^BOARD: cpu0 idle state1 cpu-sleep-wait rejected$' \
	'^BOARD: called fid=0x84000001 arg=0x10000$'

# i.MX6UL: one Cortex-A7; the SNVS power-off (syscon-poweroff) holds the
# default sys-off priority, so that the kernel's pm_power_off, PSCI's
# SYSTEM_OFF with either driver, is never called: QEMU's SNVS model powers
# off. Without the SNVS node, PSCI's SYSTEM_OFF does it.
SNVS_OFF=/soc/bus@2000000/snvs@20cc000/snvs-poweroff
view_vs_stock board-mcimx6ul-evk-poweroff-snvs "$TAG" MACHINE=mcimx6ul-evk ACTION=poweroff \
	"${REPORT[@]}" -- '^BOARD: online CPUs 0$' '^BOARD: bound 20cc000\.snvs:snvs-poweroff to syscon-poweroff$' \
	"!$SYSTEM_OFF"
view_vs_stock board-mcimx6ul-evk-poweroff-without-snvs "$TAG" MACHINE=mcimx6ul-evk ACTION=poweroff \
	DTB_EDIT="$SNVS_OFF status disabled" "${REPORT[@]}" -- '!syscon-poweroff' "$SYSTEM_OFF"
view_vs_stock board-mcimx6ul-evk-reboot "$TAG" MACHINE=mcimx6ul-evk ACTION=reboot \
	"${REPORT[@]}" -- '^BOARD: watchdog0 imx2-wdt$' "$SYSTEM_RESET"

# Calxeda ECX-2000 (midway): four Cortex-A15. mach-highbank sets its own
# pm_power_off at init_machine, after PSCI's from setup_arch: the board
# powers off through its system registers, with either driver; its restart
# (machine restart, 128) sits below PSCI's.
view_vs_stock board-midway-hotplug-poweroff "$TAG" MACHINE=midway ACTION=hotplug \
	"${REPORT[@]}" -- '^BOARD: online CPUs 0-3$' "$CPU_ON" "!$SYSTEM_OFF"
view_vs_stock board-midway-reboot "$TAG" MACHINE=midway ACTION=reboot \
	"${REPORT[@]}" -- "$SYSTEM_RESET"

# Calxeda ECX-1000 (highbank): four Cortex-A9 in QEMU, but its MPIDRs are
# 0-3 where the DT's CPUs are 0x900-0x903: the kernel finds no node for
# CPU 0 and brings up none of the others, and the L2 cache controller's
# secure writes (an SMC QEMU does not handle) warn. Both images alike.
view_vs_stock board-highbank-poweroff "$TAG" MACHINE=highbank ACTION=poweroff \
	ALLOW_REPORT='highbank_l2c310_write_sec|Highbank L2C310|Call trace:' "${REPORT[@]}" -- \
	'^BOARD: online CPUs 0$' "!$SYSTEM_OFF"
