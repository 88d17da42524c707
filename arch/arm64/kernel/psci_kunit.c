// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the arm64 kill wait, against a fake AFFINITY_INFO.
 *
 * Included at the end of arch/arm64/kernel/psci.c. The wait is handed the
 * fake instead of psci_ops.affinity_info, so the kernel's firmware is
 * never asked and CPU1 is never touched: the MPIDR is only passed along.
 */

#include <kunit/test.h>

#define FAKE_MPIDR	0x101

static struct {
	int answer;		/* what every call returns */
	int calls;
	unsigned long last_target;
} fake_aff;

static int fake_affinity_info(unsigned long target_affinity,
			      unsigned long lowest_affinity_level)
{
	fake_aff.calls++;
	fake_aff.last_target = target_affinity;
	return fake_aff.answer;
}

static int psci_arm64_kunit_init(struct kunit *test)
{
	memset(&fake_aff, 0, sizeof(fake_aff));
	return 0;
}

static void psci_test_kill_never_off(struct kunit *test)
{
	ktime_t t0 = ktime_get();
	s64 ms;

	fake_aff.answer = 0; /* AFFINITY_INFO: ON, from the specification */
	KUNIT_EXPECT_EQ(test, psci_kill_wait(1, FAKE_MPIDR, fake_affinity_info), -ETIMEDOUT);
	ms = ktime_ms_delta(ktime_get(), t0);
	/*
	 * Bounded: arm64's 100 ms, not forever, and not a single poll. How
	 * many polls fit in 100 ms depends on how often the host runs this
	 * vCPU, so only "more than one" is asked.
	 */
	KUNIT_EXPECT_GE(test, ms, 100);
	KUNIT_EXPECT_LE(test, ms, 2000);
	KUNIT_EXPECT_GE(test, fake_aff.calls, 2);
}

/*
 * AFFINITY_INFO answers: OFF ends the wait at the first poll; anything
 * else, an error included, is "not off yet" until the bound, as arm64's
 * wait has always treated it.
 */
struct psci_kill_case {
	const char *desc;
	int answer;
	int expected;
};

static const struct psci_kill_case psci_kill_cases[] = {
	{ "OFF", 1 /* AFFINITY_INFO: OFF */, 0 },
	{ "INVALID_PARAMETERS", -2 /* INVALID_PARAMETERS */, -ETIMEDOUT },
	{ "NOT_SUPPORTED", -1 /* NOT_SUPPORTED */, -ETIMEDOUT },
	{ "ON_PENDING", 2 /* AFFINITY_INFO: ON_PENDING */, -ETIMEDOUT },
};

KUNIT_ARRAY_PARAM_DESC(psci_kill, psci_kill_cases, desc);

static void psci_test_kill_answer(struct kunit *test)
{
	const struct psci_kill_case *c = test->param_value;
	ktime_t t0 = ktime_get();

	fake_aff.answer = c->answer;
	KUNIT_EXPECT_EQ(test, psci_kill_wait(1, FAKE_MPIDR, fake_affinity_info), c->expected);
	if (c->expected == 0) {
		KUNIT_EXPECT_EQ(test, fake_aff.calls, 1);
	} else {
		KUNIT_EXPECT_GE(test, ktime_ms_delta(ktime_get(), t0), 100);
		KUNIT_EXPECT_GE(test, fake_aff.calls, 2);
	}
	KUNIT_EXPECT_EQ(test, fake_aff.last_target, FAKE_MPIDR);
}

static struct kunit_case psci_arm64_kunit_cases[] = {
	KUNIT_CASE(psci_test_kill_never_off),
	KUNIT_CASE_PARAM(psci_test_kill_answer, psci_kill_gen_params),
	{}
};

static struct kunit_suite psci_arm64_kunit_suite = {
	.name = "psci_arm64",
	.init = psci_arm64_kunit_init,
	.test_cases = psci_arm64_kunit_cases,
};

kunit_test_suites(&psci_arm64_kunit_suite);
