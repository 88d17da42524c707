# QEMU's real arm64 board, xlnx-zcu102 (Xilinx ZynqMP ZCU102, four
# Cortex-A53 at EL1), booted on its own in-tree device tree with the guest
# kernel, ours and the stock driver's (scripts/boards64.sh: the UART
# fixups its boot firmware would make, since QEMU models no platform
# management firmware). QEMU is the firmware: it replaces the DT's /psci
# node with its own (PSCI 1.1 over SMC). As 83-boards32.sh: each boot
# compared with the stock image's, line for line (board_report and the
# conduit calls from then on), and which handler ended it told by the
# traced call. Nothing on this board competes with PSCI: no ZynqMP driver
# (firmware, Cadence watchdog) registers a power-off or restart handler.
# shellcheck shell=bash

# shellcheck disable=SC2034 # read by view_vs_stock and scenario() in run.sh
SCENARIO_TIMEOUT=120

TAG='(BOARD|smc|CPUidle PSCI)'
REPORT=(APPEND=tp_printk 'CMD=board_report; trace_conduit steady')
SYSTEM_OFF='^smc: .*fid=0x84000008 '
SYSTEM_RESET='^smc: .*fid=0x84000009 '
CPU_ON='^smc: .*fid=0xc4000003 '
# CPU_ON's entry point is each image's own secondary_entry.
VIEW_MASK='s/(fid=0xc4000003 arg=0x[0-9a-f]+) arg2=0x[0-9a-f]+/\1 arg2=(entry)/'

# Every CPU up, its console the board's own UART (ttyPS0, the Cadence
# driver), each secondary down and up, and SYSTEM_OFF. The tree's one idle
# state (arm,psci-suspend-param 0x40000000, a power-down in the extended
# StateID format) is refused: QEMU's PSCI_FEATURES(CPU_SUSPEND) announces
# the original format, in which those bits are invalid, so cpuidle-psci
# does not probe and the CPUs idle in WFI. The same on both images.
view_vs_stock board-zcu102-hotplug-poweroff "$TAG" MACHINE=xlnx-zcu102 ACTION=hotplug \
	"${REPORT[@]}" -- '^BOARD: online CPUs 0-3$' '^BOARD: bound ff000000\.serial to xuartps$' \
	'^BOARD: cpuidle driver none$' '^CPUidle PSCI: Invalid PSCI power state 0x40000000$' \
	"$CPU_ON" "$SYSTEM_OFF" "!$SYSTEM_RESET"
view_vs_stock board-zcu102-reboot "$TAG" MACHINE=xlnx-zcu102 ACTION=reboot \
	"${REPORT[@]}" -- '^BOARD: online CPUs 0-3$' "$SYSTEM_RESET" "!$SYSTEM_OFF"

# The tree as shipped (BOARD_FIXUP=0), our image: the Cadence UART waits
# for the firmware's clocks and power domain for ever, so there is no
# console; the boot goes on on the earlycon and powers off through PSCI.
# What the fixup is for, and that the board's UART line above can fail.
scenario board-zcu102-as-shipped-has-no-console MACHINE=xlnx-zcu102 BOARD_FIXUP=0 \
	IMAGE="$BUILD/images/${OURS_VARIANT:-ours}-base/Image" ACTION=poweroff -- \
	'Warning: unable to open an initial console' '!ttyPS0 at MMIO' 'reboot: Power down'
