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
 *   psci-bench relay MARKER      (in a FIRMWARE=kvm L1 host) copy stdin, the
 *                                L2 QEMU's console, to stdout; at its end
 *                                (QEMU exited) print "KVM-L1:
 *                                marker_to_exit_us X", X from the first line
 *                                holding MARKER to the end of input
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

static int relay(const char *marker)
{
	char buf[4096], line[512];
	size_t used = 0;
	double t_mark = -1;
	ssize_t n, i;

	while ((n = read(0, buf, sizeof(buf))) > 0) {
		if (write(1, buf, n) != n)
			return 1;
		for (i = 0; i < n && t_mark < 0; i++) {
			if (buf[i] == '\n' || used == sizeof(line) - 1) {
				line[used] = 0;
				if (strstr(line, marker))
					t_mark = now_us();
				used = 0;
			} else {
				line[used++] = buf[i];
			}
		}
	}
	if (t_mark >= 0)
		printf("KVM-L1: marker_to_exit_us %.1f\n", now_us() - t_mark);
	else
		printf("KVM-L1: no marker \"%s\"\n", marker);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "relay"))
		return relay(argv[2]);
	if (argc == 4 && !strcmp(argv[1], "hotplug"))
		return hotplug(atoi(argv[2]), atoi(argv[3]));
	if (argc == 2 && (!strcmp(argv[1], "poweroff") || !strcmp(argv[1], "reboot"))) {
		int cmd = argv[1][0] == 'p' ? RB_POWER_OFF : RB_AUTOBOOT;

		int kmsg = open("/dev/kmsg", O_WRONLY);

		sync();
		/* A kernel log line: its timestamp starts the measurement. */
		if (kmsg >= 0)
			dprintf(kmsg, "psci-bench: %s now\n", argv[1]);
		reboot(cmd);
		return 1;
	}
	fprintf(stderr, "usage: psci-bench hotplug CPU N | poweroff | reboot | relay MARKER\n");
	return 2;
}
