# QEMU's one model of a real arm64 board with PSCI, booted with its own
# in-tree device tree (sourced by scripts/boot.sh): xlnx-zcu102, the
# Xilinx ZynqMP ZCU102 (four Cortex-A53 at EL1), on the guest kernel
# (configs/arm64-guest.config has the platform and its UART). As on the
# 32-bit boards (scripts/boards32.sh), QEMU boots it with -kernel only and
# replaces the DT's /psci node with its own (PSCI 1.1 over SMC).
# shellcheck shell=bash

# Each board: the DTB (the board corpus's build, scripts/build-board-dtbs.sh:
# build/dtbs/arm64/arch/arm64/boot/dts/...), its CPUs, its console, the
# earlycon that reaches the same UART, and RAM.
# shellcheck disable=SC2034 # read by the scripts that source this
BOARDS64="xlnx-zcu102"
board64() {
	case "$1" in
	xlnx-zcu102) set -- xilinx/zynqmp-zcu102-rev1.0.dtb 4 ttyPS0,115200 cdns,0xff000000 2G ;;
	*) return 1 ;;
	esac
	BOARD_DTB=$1 BOARD_CPUS=$2 BOARD_CONSOLE=$3 BOARD_EARLYCON=$4 BOARD_MEM=$5
}

# board64_fixup BOARD DTB: what a board's boot firmware would have done
# to its device tree before Linux, done to DTB in place.
#   xlnx-zcu102: the UART's clocks, power domain, reset and pins are
#   served by the platform management firmware (the PMU's, through
#   xlnx,zynqmp-firmware), which QEMU does not model: as shipped, the
#   Cadence UART waits for them for ever and the boot has no console
#   ("unable to open an initial console"). It gets the board's fixed
#   reference clock instead, and its waits on the firmware are taken out;
#   every other node stays as the tree has it.
board64_fixup() {
	local dtb=$2 uart ref p
	case "$1" in
	xlnx-zcu102)
		uart=/axi/serial@ff000000
		ref=$(fdtget -t x "$dtb" /pss-ref-clk phandle) || return 1
		for p in power-domains resets assigned-clocks pinctrl-names pinctrl-0; do
			fdtput -d "$dtb" "$uart" "$p" || return 1
		done
		fdtput -t x "$dtb" "$uart" clocks "$ref" "$ref" ;;
	esac
}
