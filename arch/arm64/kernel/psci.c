// SPDX-License-Identifier: GPL-2.0-only
/*
 * arm64 CPU operations over PSCI: secondary bring-up through CPU_ON,
 * hotplug through CPU_OFF, and a kill that waits, boundedly, for
 * AFFINITY_INFO to report the dying CPU off. The lines and bounds are
 * arm64's own (test farms grep "CPU%d killed"); only the polling differs.
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
		pr_err("no cpu_on method, not booting CPU%d\n", cpu);
		return -ENODEV;
	}
	return 0;
}

/* DENIED (-EPERM) is the firmware's right: no line for it. */
static int cpu_psci_cpu_boot(unsigned int cpu)
{
	int err = psci_ops.cpu_on(cpu_logical_map(cpu), __pa_symbol(secondary_entry));

	if (err && err != -EPERM)
		pr_err("failed to boot CPU%d (%d)\n", cpu, err);
	return err;
}

#ifdef CONFIG_HOTPLUG_CPU
/*
 * Every CPU but the Trusted OS's is offered for hotplug, as arm64 always
 * did; without CPU_OFF the offline itself fails (cpu_disable).
 */
static bool cpu_psci_cpu_can_disable(unsigned int cpu)
{
	return !psci_tos_resident_on(cpu);
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
 * How long a dying CPU may take to reach the firmware's CPU_OFF: arm64's
 * bound. It has already told the kernel it is dead, so this is normally
 * microseconds; a CPU still on after it is reported and left alone.
 */
#define PSCI_KILL_TIMEOUT_MS	100
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
 * busy polls, then sleeps, giving up after PSCI_KILL_TIMEOUT_MS. Any other
 * answer, an error included, is "not off yet": the firmware may still be
 * powering the CPU down.
 */
static int psci_kill_wait(unsigned int cpu, u64 mpidr, psci_affinity_info_fn *affinity_info)
{
	unsigned int delay = 1;
	ktime_t start = ktime_get();
	int state;

	for (;;) {
		state = affinity_info(mpidr, 0);
		if (state == PSCI_0_2_AFFINITY_LEVEL_OFF) {
			pr_info("CPU%d killed (polled %lld ms)\n", cpu,
				ktime_ms_delta(ktime_get(), start));
			return 0;
		}
		if (ktime_ms_delta(ktime_get(), start) >= PSCI_KILL_TIMEOUT_MS)
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

	pr_warn("CPU%d may not have shut down cleanly (AFFINITY_INFO reports %d)\n",
		cpu, state);
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
