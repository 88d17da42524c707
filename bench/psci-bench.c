// SPDX-License-Identifier: GPL-2.0-only
/*
 * psci-bench: the in-guest half of `make bench`. Times CPU hotplug through
 * sysfs with CLOCK_MONOTONIC (deterministic under QEMU's -icount), and
 * ends the machine after a marker in the kernel log, so that poweroff and
 * reboot are timed in guest time from the system call to the kernel's last
 * line before the firmware call.
 *
 *   psci-bench hotplug CPU N     N x (offline CPU, online CPU), one line
 *                                "PSCI-BENCH: offline_us X online_us Y" each
 *   psci-bench poweroff|reboot   sync, log the marker to /dev/kmsg, reboot(2)
 *   psci-bench relay MARKER LAST (in a FIRMWARE=kvm L1 host) copy the L2
 *                                QEMU's console through and time L2's
 *                                shutdown on it (see relay_console())
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int set_online(int cpu, int on)
{
	char path[64];
	int fd, ok;

	snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d/online", cpu);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	ok = write(fd, on ? "1" : "0", 1) == 1;
	close(fd);
	return ok ? 0 : -1;
}

static int hotplug(int cpu, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		double t0 = now_us(), t1, t2;

		if (set_online(cpu, 0))
			return fprintf(stderr, "psci-bench: offline cpu%d failed\n", cpu), 1;
		t1 = now_us();
		if (set_online(cpu, 1))
			return fprintf(stderr, "psci-bench: online cpu%d failed\n", cpu), 1;
		t2 = now_us();
		printf("PSCI-BENCH: offline_us %.1f online_us %.1f\n", t1 - t0, t2 - t1);
	}
	fflush(stdout);
	return 0;
}

/*
 * In a FIRMWARE=kvm L1 host: copy stdin (the L2 QEMU's console) to stdout
 * and time L2's shutdown from its console. The nested PL011 costs an exit
 * per character, so every line takes milliseconds to print; the time of
 * a line's first and last byte is known here, and console time is left out:
 *   to_last_us       from the end of the line holding MARKER (L2's program,
 *                    right before reboot(2)) to the start of the line
 *                    holding LAST (the kernel's last before the firmware
 *                    call), less the lines printed between
 *   last_to_exit_us  from the end of that line to the end of input (L2's
 *                    QEMU exited)
 */
static int relay_console(const char *marker, const char *last)
{
	char buf[4096], line[512];
	double start = 0, t, t_mark = -1, t_last = -1, t_last_end = 0, between = 0;
	size_t used = 0;
	ssize_t n, i;

	while ((n = read(0, buf, sizeof(buf))) > 0) {
		t = now_us();
		if (write(1, buf, n) != n)
			return 1;
		for (i = 0; i < n; i++) {
			if (!used)
				start = t;
			if (buf[i] != '\n' && used < sizeof(line) - 1) {
				line[used++] = buf[i];
				continue;
			}
			line[used] = 0;
			used = 0;
			if (t_mark < 0) {
				if (strstr(line, marker))
					t_mark = t;
			} else if (t_last < 0) {
				if (strstr(line, last)) {
					t_last = start;
					t_last_end = t;
				} else {
					between += t - start;
				}
			}
		}
	}
	t = now_us();
	if (t_mark >= 0 && t_last >= 0)
		printf("KVM-L1: relay to_last_us %.1f last_to_exit_us %.1f %s %.1f\n",
		       t_last - t_mark - between, t - t_last_end, "between_console_us",
		       between);
	else
		printf("KVM-L1: relay saw no \"%s\" then \"%s\"\n", marker, last);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "relay"))
		return relay_console(argv[2], argv[3]);
	if (argc == 4 && !strcmp(argv[1], "hotplug"))
		return hotplug(atoi(argv[2]), atoi(argv[3]));
	if (argc == 2 && (!strcmp(argv[1], "poweroff") || !strcmp(argv[1], "reboot"))) {
		int cmd = argv[1][0] == 'p' ? RB_POWER_OFF : RB_AUTOBOOT;

		int kmsg = open("/dev/kmsg", O_WRONLY);
		char mark[64];
		int len;

		sync();
		/*
		 * A kernel log line: its timestamp starts the measurement. One
		 * write(2), one record (dprintf() fails on /dev/kmsg: glibc
		 * asks for the offset with SEEK_CUR, which it refuses).
		 */
		len = snprintf(mark, sizeof(mark), "psci-bench: %s now\n", argv[1]);
		if (kmsg < 0 || write(kmsg, mark, len) != len)
			perror("psci-bench: /dev/kmsg");
		reboot(cmd);
		return 1;
	}
	fprintf(stderr, "usage: psci-bench hotplug CPU N | poweroff | reboot\n"
		"       psci-bench relay MARKER LAST\n");
	return 2;
}
