// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 CPU operations over PSCI: secondary bring-up through CPU_ON,
 * hotplug through CPU_OFF, and a kill that waits, boundedly, for
 * AFFINITY_INFO to report the dying CPU off.
 */

#define pr_fmt(fmt) "psci: " fmt

#include <linux/delay.h>
#include <linux/init.h>
#include <linux/ktime.h>
#include <linux/psci.h>
#include <linux/smp.h>

#include <uapi/linux/psci.h>

#include <asm/cpu_ops.h>
#include <asm/smp_plat.h>

static int __init cpu_psci_cpu_init(unsigned int cpu)
{
	return 0;
}

static int __init cpu_psci_cpu_prepare(unsigned int cpu)
{
	if (!psci_ops.cpu_on) {
		pr_err_once("no PSCI CPU_ON: secondary CPUs stay off\n");
		return -ENODEV;
	}
	return 0;
}

/* The PSCI layer has already said why a CPU_ON failed. */
static int cpu_psci_cpu_boot(unsigned int cpu)
{
	return psci_ops.cpu_on(cpu_logical_map(cpu), __pa_symbol(secondary_entry));
}

#ifdef CONFIG_HOTPLUG_CPU
static bool cpu_psci_cpu_can_disable(unsigned int cpu)
{
	return psci_ops.cpu_off && !psci_tos_resident_on(cpu);
}

static int cpu_psci_cpu_disable(unsigned int cpu)
{
	if (!psci_ops.cpu_off)
		return -EOPNOTSUPP;
	if (psci_tos_resident_on(cpu)) {
		pr_warn("CPU%u hosts the Trusted OS, which would deny CPU_OFF; it stays online\n",
			cpu);
		return -EPERM;
	}
	return 0;
}

static void cpu_psci_cpu_die(unsigned int cpu)
{
	/*
	 * A power-down request: PSCI 0.1's CPU_OFF takes a power_state (in
	 * the original format), 0.2 and later ignore the argument.
	 */
	psci_ops.cpu_off(PSCI_POWER_STATE_TYPE_POWER_DOWN <<
			 PSCI_0_2_POWER_STATE_TYPE_SHIFT);
}

/*
 * How long a dying CPU may take to reach the firmware's CPU_OFF: it has
 * already told the kernel it is dead, so this is normally microseconds.
 */
#define PSCI_KILL_TIMEOUT_MS	1000
/* Busy polls, with delays growing to this, before sleeping between polls. */
#define PSCI_KILL_SPIN_MAX_US	16
/*
 * Then sleep between polls, 50 us at first (a CPU just late is seen soon),
 * doubling to this: a CPU whose firmware takes long to power it off (or a
 * vCPU the host has not run) is not slowed further by a poll storm.
 */
#define PSCI_KILL_SLEEP_MIN_US	50
#define PSCI_KILL_SLEEP_MAX_US	200

typedef int (psci_affinity_info_fn)(unsigned long target_affinity,
				    unsigned long lowest_affinity_level);

/*
 * Wait until @affinity_info reports the CPU of @mpidr OFF: at once, then
 * busy polls, then sleeps, giving up after PSCI_KILL_TIMEOUT_MS.
 */
static int psci_kill_wait(unsigned int cpu, u64 mpidr, psci_affinity_info_fn *affinity_info)
{
	unsigned int delay = 1, polls = 0;
	ktime_t start = ktime_get();
	s64 waited;
	int state;

	for (;;) {
		state = affinity_info(mpidr, 0);
		polls++;
		if (state == PSCI_0_2_AFFINITY_LEVEL_OFF) {
			pr_debug("CPU%u off after %u polls, %lld us\n", cpu, polls,
				 ktime_us_delta(ktime_get(), start));
			return 0;
		}
		if (state < 0) {
			pr_err("CPU%u: AFFINITY_INFO failed (%d); cannot tell whether it is off\n",
			       cpu, state);
			return -EIO;
		}

		waited = ktime_us_delta(ktime_get(), start);
		if (waited >= PSCI_KILL_TIMEOUT_MS * USEC_PER_MSEC)
			break;
		if (delay <= PSCI_KILL_SPIN_MAX_US) {
			udelay(delay);
			delay *= 2;
			if (delay > PSCI_KILL_SPIN_MAX_US)
				delay = PSCI_KILL_SLEEP_MIN_US;
		} else {
			usleep_range(delay, delay + delay / 2);
			delay = min_t(unsigned int, delay * 2, PSCI_KILL_SLEEP_MAX_US);
		}
	}

	pr_warn("CPU%u (MPIDR 0x%llx) still %s after %u ms and %u AFFINITY_INFO polls; it may not have powered off\n",
		cpu, mpidr, state == PSCI_0_2_AFFINITY_LEVEL_ON_PENDING ? "ON_PENDING" : "ON",
		PSCI_KILL_TIMEOUT_MS, polls);
	return -ETIMEDOUT;
}

static int cpu_psci_cpu_kill(unsigned int cpu)
{
	if (!psci_ops.affinity_info)
		return 0;
	return psci_kill_wait(cpu, cpu_logical_map(cpu), psci_ops.affinity_info);
}
#endif

const struct cpu_operations cpu_psci_ops = {
	.name		= "psci",
	.cpu_init	= cpu_psci_cpu_init,
	.cpu_prepare	= cpu_psci_cpu_prepare,
	.cpu_boot	= cpu_psci_cpu_boot,
#ifdef CONFIG_HOTPLUG_CPU
	.cpu_can_disable = cpu_psci_cpu_can_disable,
	.cpu_disable	= cpu_psci_cpu_disable,
	.cpu_die	= cpu_psci_cpu_die,
	.cpu_kill	= cpu_psci_cpu_kill,
#endif
};

#if IS_ENABLED(CONFIG_ARM_PSCI_KUNIT_TEST) && defined(CONFIG_HOTPLUG_CPU)
#include "psci_kunit.c"
#endif
