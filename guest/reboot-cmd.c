// SPDX-License-Identifier: GPL-2.0-only
/*
 * reboot-cmd COMMAND: restart with a reboot command, as "reboot bootloader"
 * on Android or systemd's "reboot ARG" do (reboot(2) LINUX_REBOOT_CMD_RESTART2);
 * busybox's reboot cannot pass one. Built with the kernel's nolibc.
 */
#include <linux/reboot.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: reboot-cmd COMMAND\n");
		return 2;
	}
	my_syscall0(__NR_sync);
	my_syscall4(__NR_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		    LINUX_REBOOT_CMD_RESTART2, argv[1]);
	perror("reboot(LINUX_REBOOT_CMD_RESTART2)");
	return 1;
}
