# QEMU's models of real 32-bit boards, booted with their own in-tree
# device tree (sourced by scripts/boot.sh and scripts/build-kernel.sh).
# QEMU boots them with -kernel only, and then replaces the DT's /psci node
# with its own ("arm,psci-1.0", "arm,psci-0.2", "arm,psci", method smc).
# shellcheck shell=bash

# Each board: the DTB (under arch/arm/boot/dts/), its CPUs, its console,
# the earlycon that reaches the same UART, and RAM.
# shellcheck disable=SC2034 # read by the scripts that source this
BOARDS32="orangepi-pc mcimx7d-sabre mcimx6ul-evk highbank midway"
board32() {
	case "$1" in
	orangepi-pc)   set -- allwinner/sun8i-h3-orangepi-pc.dtb 4 ttyS0,115200 uart,mmio32,0x01c28000 1G ;;
	mcimx7d-sabre) set -- nxp/imx/imx7d-sdb.dtb 2 ttymxc0 ec_imx6q,0x30860000 1G ;;
	mcimx6ul-evk)  set -- nxp/imx/imx6ul-14x14-evk.dtb 1 ttymxc0 ec_imx6q,0x02020000 512M ;;
	highbank)      set -- calxeda/highbank.dtb 4 ttyAMA0 pl011,0xfff36000 1G ;;
	midway)        set -- calxeda/ecx-2000.dtb 4 ttyAMA0 pl011,0xfff36000 1G ;;
	*) return 1 ;;
	esac
	BOARD_DTB=$1 BOARD_CPUS=$2 BOARD_CONSOLE=$3 BOARD_EARLYCON=$4 BOARD_MEM=$5
}
