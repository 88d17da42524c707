// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the PSCI client, against a fake firmware.
 *
 * Included at the end of psci.c when CONFIG_ARM_PSCI_KUNIT_TEST is set,
 * so that the tests reach its static functions. Every test probes its
 * psci node, built in memory, into a state of its own (t), whose firmware
 * is psci_fake_call(): it answers from a small rule table and logs each
 * call. A KUnit static stub on psci_conduit_call() hands it to the probe,
 * in the test's thread only. The kernel's own firmware state, psci_ops and
 * the call counters are never touched, so the tests can run while the
 * other CPUs idle and hotplug through the real driver.
 * The suite runs at boot, before the init sections are freed, as it drives
 * the __init probe.
 */

#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <linux/reboot.h>

/*
 * What the tests expect, written from the PSCI specification (Arm DEN0022:
 * function IDs, return codes, AFFINITY_INFO and MIGRATE_INFO_TYPE answers)
 * and the SMC Calling Convention, never from the driver's own tables or
 * the uapi header it uses: a wrong number in either fails a test.
 */
#define SPEC_FN32(n)		(0x84000000U + (n))
#define SPEC_FN64(n)		(0xc4000000U + (n))
/* A caller uses the SMC64 ID where one exists, on a 64-bit kernel. */
#ifdef CONFIG_64BIT
#define SPEC_FN_NATIVE(n)	SPEC_FN64(n)
#else
#define SPEC_FN_NATIVE(n)	SPEC_FN32(n)
#endif
#define SPEC_PSCI_VERSION	0x84000000U
#define SPEC_CPU_SUSPEND	SPEC_FN_NATIVE(1)
#define SPEC_CPU_OFF		0x84000002U
#define SPEC_CPU_ON		SPEC_FN_NATIVE(3)
#define SPEC_CPU_ON_32		0x84000003U
#define SPEC_CPU_ON_64		0xc4000003U
#define SPEC_AFFINITY_INFO	SPEC_FN_NATIVE(4)
#define SPEC_MIGRATE		SPEC_FN_NATIVE(5)
#define SPEC_MIGRATE_64		0xc4000005U
#define SPEC_MIGRATE_INFO_TYPE	0x84000006U
#define SPEC_MIGRATE_INFO_UP_CPU SPEC_FN_NATIVE(7)
#define SPEC_SYSTEM_OFF		0x84000008U
#define SPEC_SYSTEM_RESET	0x84000009U
#define SPEC_PSCI_FEATURES	0x8400000aU
#define SPEC_SYSTEM_SUSPEND	SPEC_FN_NATIVE(14)
#define SPEC_SET_SUSPEND_MODE	0x8400000fU
#define SPEC_SYSTEM_RESET2	SPEC_FN_NATIVE(18)
#define SPEC_SYSTEM_OFF2	SPEC_FN_NATIVE(21)
#define SPEC_SMCCC_VERSION	0x80000000U

#define SPEC_SUCCESS		0
#define SPEC_NOT_SUPPORTED	(-1)
#define SPEC_INVALID_PARAMETERS	(-2)
#define SPEC_DENIED		(-3)
#define SPEC_ALREADY_ON		(-4)
#define SPEC_ON_PENDING		(-5)
#define SPEC_INTERNAL_FAILURE	(-6)
#define SPEC_NOT_PRESENT	(-7)
#define SPEC_DISABLED		(-8)
#define SPEC_INVALID_ADDRESS	(-9)

/* PSCI_VERSION: major in bits [31:16], minor in [15:0]; SMCCC_VERSION alike. */
#define SPEC_VERSION(major, minor)	(((major) << 16) | (minor))
#define SPEC_SMCCC_1_0		0x10000
#define SPEC_SMCCC_1_2		0x10002
/* PSCI_FEATURES(CPU_SUSPEND): bit 0 OS-initiated mode, bit 1 extended format. */
#define SPEC_FEAT_OSI		0x1
#define SPEC_FEAT_EXT_FORMAT	0x2
/* SET_SUSPEND_MODE's argument; SYSTEM_RESET2's warm reset; SYSTEM_OFF2's type. */
#define SPEC_MODE_PC		0
#define SPEC_MODE_OSI		1
#define SPEC_RESET_WARM		0
#define SPEC_OFF2_HIBERNATE	0x1

#define SPEC_AFF_ON		0
#define SPEC_AFF_OFF		1
#define SPEC_TOS_UP_MIGRATE	0
#define SPEC_TOS_UP_NO_MIGRATE	1
#define SPEC_TOS_MP		2

#define FAKE_RULES	16
#define FAKE_LOG	64
#define FAKE_ANY	(~0UL)

/* One canned answer: a call to @fid (with first argument @a0, or any) returns @ret. */
struct psci_fake_rule {
	u32 fid;
	unsigned long a0;
	unsigned long ret;
};

struct psci_fake_call_rec {
	u32 fid;
	unsigned long a0, a1, a2;
};

static struct {
	struct psci_fake_rule rules[FAKE_RULES];
	int nr_rules;
	struct psci_fake_call_rec log[FAKE_LOG];
	int nr_calls;
} fake;

/* The firmware state under test, and the psci_ops it would publish. */
static struct psci_state t;
static struct psci_operations t_ops;

static unsigned long psci_fake_call(unsigned long fid, unsigned long a0,
				    unsigned long a1, unsigned long a2)
{
	int i;

	if (fake.nr_calls < FAKE_LOG)
		fake.log[fake.nr_calls] = (struct psci_fake_call_rec){ fid, a0, a1, a2 };
	fake.nr_calls++;

	/* The last matching rule wins, so a test can override a default. */
	for (i = fake.nr_rules - 1; i >= 0; i--)
		if (fake.rules[i].fid == (u32)fid &&
		    (fake.rules[i].a0 == FAKE_ANY || fake.rules[i].a0 == a0))
			return fake.rules[i].ret;
	return (unsigned long)(long)SPEC_NOT_SUPPORTED;
}

/* Stands in for psci_conduit_call() in the test's thread. */
static psci_call_fn *psci_fake_conduit(enum arm_smccc_conduit conduit)
{
	return psci_fake_call;
}

static void fake_rule(u32 fid, unsigned long a0, long ret)
{
	if (WARN_ON(fake.nr_rules >= FAKE_RULES))
		return;
	fake.rules[fake.nr_rules++] = (struct psci_fake_rule){ fid, a0, (unsigned long)ret };
}

/* A PSCI 1.1 firmware like QEMU's: the defaults most tests start from. */
static void fake_psci_1_1(void)
{
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, SPEC_VERSION(1, 1));
	fake_rule(SPEC_PSCI_FEATURES, SPEC_CPU_SUSPEND, 0);
	fake_rule(SPEC_MIGRATE_INFO_TYPE, FAKE_ANY, SPEC_TOS_MP);
}

static int fake_count(u32 fid)
{
	int i, n = 0;

	for (i = 0; i < min(fake.nr_calls, FAKE_LOG); i++)
		n += fake.log[i].fid == fid;
	return n;
}

static int fake_count_features(u32 asked)
{
	int i, n = 0;

	for (i = 0; i < min(fake.nr_calls, FAKE_LOG); i++)
		n += fake.log[i].fid == SPEC_PSCI_FEATURES && fake.log[i].a0 == asked;
	return n;
}

static bool t_valid(u32 state)
{
	return !(state & ~psci_power_state_valid_bits(&t));
}

/* ---- psci nodes in memory ------------------------------------------------- */

#define FAKE_PROPS	8

struct fake_node {
	struct device_node np;
	struct property props[FAKE_PROPS];
	u8 buf[FAKE_PROPS][64];
	int nr;
};

static struct fake_node fnode, fchild[2];

static struct device_node *fake_node_new(void)
{
	memset(&fnode, 0, sizeof(fnode));
	memset(fchild, 0, sizeof(fchild));
	fnode.np.full_name = "psci-kunit";
	fnode.np.name = "psci-kunit";
	fnode.np.parent = of_root;
	of_node_init(&fnode.np);
	return &fnode.np;
}

static void fake_prop(const char *name, const void *val, int len)
{
	struct property *p;

	if (WARN_ON(fnode.nr >= FAKE_PROPS || len > sizeof(fnode.buf[0])))
		return;
	p = &fnode.props[fnode.nr];
	memcpy(fnode.buf[fnode.nr], val, len);
	p->name = (char *)name;
	p->length = len;
	p->value = len ? fnode.buf[fnode.nr] : NULL;
	p->next = fnode.np.properties;
	fnode.np.properties = p;
	fnode.nr++;
}

/*
 * A mode property @prop = @cells in the fake psci node's child @child
 * ("reboot-mode" or "reset-types"), the child made on first use.
 */
static void fake_mode(const char *child, const char *prop, const __be32 *cells, int len)
{
	struct fake_node *c;
	struct property *p;

	for (c = fchild; c < fchild + ARRAY_SIZE(fchild) && c->np.name; c++)
		if (!strcmp(c->np.name, child))
			break;
	if (WARN_ON(c == fchild + ARRAY_SIZE(fchild) || c->nr >= FAKE_PROPS ||
		    len > sizeof(c->buf[0])))
		return;
	if (!c->np.name) {
		c->np.full_name = child;
		c->np.name = child;
		c->np.parent = &fnode.np;
		of_node_init(&c->np);
		c->np.sibling = fnode.np.child;
		fnode.np.child = &c->np;
	}
	p = &c->props[c->nr];
	memcpy(c->buf[c->nr], cells, len);
	p->name = (char *)prop;
	p->length = len;
	p->value = c->buf[c->nr];
	p->next = c->np.properties;
	c->np.properties = p;
	c->nr++;
}

/* @val holds NUL-separated strings, @len counts the last NUL. */
#define fake_prop_strs(name, val)	fake_prop(name, val, sizeof(val))

static void fake_prop_u32(const char *name, u32 v)
{
	__be32 be = cpu_to_be32(v);

	fake_prop(name, &be, sizeof(be));
}

static void fake_legacy_ids(u32 suspend, u32 off, u32 on, u32 migrate)
{
	fake_prop_u32("cpu_suspend", suspend);
	fake_prop_u32("cpu_off", off);
	fake_prop_u32("cpu_on", on);
	fake_prop_u32("migrate", migrate);
}

/* The IDs QEMU and KVM use for PSCI 0.1. */
#define KVM_0_1_SUSPEND	0x95c1ba5e
#define KVM_0_1_OFF	0x95c1ba5f
#define KVM_0_1_ON	0x95c1ba60
#define KVM_0_1_MIGRATE	0x95c1ba61

/*
 * Probe a node through the fake firmware. The conduit the node names is
 * taken, then replaced by the fake before any call is made.
 */
static int __init fake_probe(struct device_node *np)
{
	const struct property *m = of_find_property(np, "method", NULL);

	int ret;

	if (!m)
		fake_prop_strs("method", "hvc");
	ret = psci_probe_node(&t, np);
	if (!ret)
		t_ops = psci_make_ops(&t);
	return ret;
}

static int psci_kunit_init(struct kunit *test)
{
	memset(&fake, 0, sizeof(fake));
	t = (struct psci_state){ PSCI_STATE_INIT };
	kunit_activate_static_stub(test, psci_conduit_call, psci_fake_conduit);
	t_ops = (struct psci_operations){ };
	return 0;
}

/* ---- status codes ----------------------------------------------------------- */

static void psci_test_errno_map(struct kunit *test)
{
	/*
	 * The stock 6.12 driver's mapping, which callers (arm64 and arm SMP,
	 * the PSCI checker, cpuidle) see: only NOT_SUPPORTED, DENIED and the
	 * two invalid-argument codes have an errno of their own.
	 */
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_SUCCESS), 0);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_NOT_SUPPORTED), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_INVALID_PARAMETERS), -EINVAL);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_DENIED), -EPERM);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_ALREADY_ON), -EINVAL);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_ON_PENDING), -EINVAL);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_INTERNAL_FAILURE), -EINVAL);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_NOT_PRESENT), -EINVAL);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_DISABLED), -EINVAL);
	KUNIT_EXPECT_EQ(test, psci_to_errno(SPEC_INVALID_ADDRESS), -EINVAL);
	KUNIT_EXPECT_EQ(test, psci_to_errno(-42), -EINVAL);
}

static void psci_test_error_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_SUCCESS), "SUCCESS");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_NOT_SUPPORTED), "NOT_SUPPORTED");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_INVALID_PARAMETERS), "INVALID_PARAMETERS");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_DENIED), "DENIED");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_ALREADY_ON), "ALREADY_ON");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_ON_PENDING), "ON_PENDING");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_INTERNAL_FAILURE), "INTERNAL_FAILURE");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_NOT_PRESENT), "NOT_PRESENT");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_DISABLED), "DISABLED");
	KUNIT_EXPECT_STREQ(test, psci_err_name(SPEC_INVALID_ADDRESS), "INVALID_ADDRESS");
	KUNIT_EXPECT_STREQ(test, psci_err_name(-42), "unknown error");
}

/* ---- PSCI_VERSION --------------------------------------------------------------- */

static void __init psci_test_version_1_1(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0\0arm,psci-0.2\0arm,psci");
	fake_psci_1_1();
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_EQ(test, t.version, SPEC_VERSION(1, 1));
	KUNIT_EXPECT_STREQ(test, t.source, "arm,psci-1.0");
	KUNIT_EXPECT_TRUE(test, t_ops.get_version == psci_op_get_version);
	KUNIT_EXPECT_EQ(test, t.version, SPEC_VERSION(1, 1));
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_on);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_off);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.affinity_info);
	/* The native width: SMC64 IDs on a 64-bit kernel. */
	KUNIT_EXPECT_EQ(test, t.fid[PSCI_FN_CPU_ON], SPEC_CPU_ON);
	KUNIT_EXPECT_EQ(test, t.fid[PSCI_FN_CPU_OFF], SPEC_CPU_OFF);
	if (IS_ENABLED(CONFIG_64BIT))
		KUNIT_EXPECT_EQ(test, t.fid[PSCI_FN_CPU_ON], SPEC_CPU_ON_64);
	/* The legacy IDs are for 0.1 only. */
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_on, 0);
}

static void __init psci_test_version_not_supported(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, SPEC_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, fake_probe(np), -ENODEV);
	KUNIT_EXPECT_NULL(test, t.call);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_on);
	KUNIT_EXPECT_EQ(test, fake.nr_calls, 1);
}

static void __init psci_test_version_0_1_under_0_2(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-0.2\0arm,psci");
	fake_legacy_ids(KVM_0_1_SUSPEND, KVM_0_1_OFF, KVM_0_1_ON, KVM_0_1_MIGRATE);
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, SPEC_VERSION(0, 1));
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_EQ(test, t.version, SPEC_VERSION(0, 1));
	KUNIT_EXPECT_STREQ(test, t.source, "arm,psci");
	KUNIT_EXPECT_EQ(test, t.fid[PSCI_FN_CPU_ON], KVM_0_1_ON);
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_off, KVM_0_1_OFF);
	KUNIT_EXPECT_NULL(test, t_ops.affinity_info);
	KUNIT_EXPECT_EQ(test, t.fid[PSCI_FN_SYSTEM_OFF], 0);
}

static void __init psci_test_version_0_1_no_fallback(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-0.2");
	fake_legacy_ids(KVM_0_1_SUSPEND, KVM_0_1_OFF, KVM_0_1_ON, KVM_0_1_MIGRATE);
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, SPEC_VERSION(0, 1));
	KUNIT_EXPECT_EQ(test, fake_probe(np), -ENODEV);
	KUNIT_EXPECT_NULL(test, t.call);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_on);
}

static void __init psci_test_version_all_ones(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0\0arm,psci-0.2");
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, 0xffffffffUL);
	KUNIT_EXPECT_EQ(test, fake_probe(np), -ENODEV);
	KUNIT_EXPECT_NULL(test, t.call);
}

static void __init psci_test_version_2_0(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	/*
	 * A newer major version is accepted, with what PSCI_FEATURES
	 * confirms: here no SYSTEM_RESET and no MIGRATE_INFO_TYPE.
	 */
	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, SPEC_VERSION(2, 0));
	fake_rule(SPEC_PSCI_FEATURES, SPEC_CPU_SUSPEND, 0);
	fake_rule(SPEC_PSCI_FEATURES, SPEC_CPU_ON, 0);
	fake_rule(SPEC_PSCI_FEATURES, SPEC_CPU_OFF, 0);
	fake_rule(SPEC_PSCI_FEATURES, SPEC_AFFINITY_INFO, 0);
	fake_rule(SPEC_PSCI_FEATURES, SPEC_SYSTEM_OFF, 0);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_EQ(test, t.version, SPEC_VERSION(2, 0));
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_on);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_off);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_suspend);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.affinity_info);
	KUNIT_EXPECT_TRUE(test, psci_has(&t, PSCI_FN_SYSTEM_OFF));
	KUNIT_EXPECT_FALSE(test, psci_has(&t, PSCI_FN_SYSTEM_RESET));
	KUNIT_EXPECT_NULL(test, t_ops.migrate_info_type);
	/* Asked once, before PSCI_FEATURES, where the stock driver asks it. */
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_MIGRATE_INFO_TYPE), 1);

	KUNIT_EXPECT_TRUE(test, psci_version_plausible(SPEC_VERSION(2, 0)));
	KUNIT_EXPECT_TRUE(test, psci_version_plausible(SPEC_VERSION(0, 2)));
	KUNIT_EXPECT_TRUE(test, psci_version_plausible(SPEC_VERSION(1, 3)));
	KUNIT_EXPECT_FALSE(test, psci_version_plausible(SPEC_VERSION(0, 1)));
	KUNIT_EXPECT_FALSE(test, psci_version_plausible(SPEC_VERSION(0, 0)));
	KUNIT_EXPECT_FALSE(test, psci_version_plausible((u32)SPEC_NOT_SUPPORTED));
}

static void __init psci_test_version_0_2_no_features(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-0.2");
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, SPEC_VERSION(0, 2));
	fake_rule(SPEC_MIGRATE_INFO_TYPE, FAKE_ANY, SPEC_TOS_MP);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	/* 0.2 has no PSCI_FEATURES: it must never be called. */
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_PSCI_FEATURES), 0);
	/* SMCCC 1.0 is what a firmware without SMCCC_VERSION implements. */
	KUNIT_EXPECT_EQ(test, t.smccc_version, SPEC_SMCCC_1_0);
	KUNIT_EXPECT_FALSE(test, psci_has(&t, PSCI_FN_SYSTEM_RESET2));
	KUNIT_EXPECT_FALSE(test, psci_has(&t, PSCI_FN_SYSTEM_SUSPEND));
	KUNIT_EXPECT_TRUE(test, psci_has(&t, PSCI_FN_SYSTEM_OFF));
	KUNIT_EXPECT_TRUE(test, psci_has(&t, PSCI_FN_SYSTEM_RESET));
	KUNIT_EXPECT_NOT_NULL(test, t_ops.migrate);
}

static void __init psci_test_boot_calls(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	/*
	 * Everything is asked at probe, once, in the stock driver's order
	 * (PSCI_VERSION, MIGRATE_INFO_TYPE, then SMCCC_VERSION's and
	 * CPU_SUSPEND's PSCI_FEATURES), so that no call is left for later,
	 * the restart path included.
	 */
	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_ASSERT_GE(test, fake.nr_calls, 4);
	KUNIT_EXPECT_EQ(test, fake.log[0].fid, SPEC_PSCI_VERSION);
	KUNIT_EXPECT_EQ(test, fake.log[1].fid, SPEC_MIGRATE_INFO_TYPE);
	KUNIT_EXPECT_EQ(test, fake.log[2].fid, SPEC_PSCI_FEATURES);
	KUNIT_EXPECT_EQ(test, fake.log[2].a0, SPEC_SMCCC_VERSION);
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_CPU_SUSPEND), 1);
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_SYSTEM_RESET2), 1);
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_MIGRATE), 1);
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_MIGRATE_INFO_UP_CPU), 1);
	KUNIT_EXPECT_FALSE(test, psci_offered(&t, PSCI_FN_SYSTEM_RESET2));
	fake.nr_calls = 0;
	psci_do_restart(&t, REBOOT_WARM, NULL);
	/* A warm restart: SYSTEM_RESET at once, no PSCI_FEATURES first. */
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_PSCI_FEATURES), 0);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SYSTEM_RESET), 1);
}

static void __init psci_test_cpu_suspend_features_error(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	/*
	 * CPU_SUSPEND is mandatory: a firmware whose PSCI_FEATURES says
	 * otherwise is wrong, and the stock driver keeps CPU_SUSPEND (and
	 * with it cpuidle-psci); so does this one, in the original format.
	 */
	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_FEATURES, SPEC_CPU_SUSPEND, SPEC_NOT_SUPPORTED);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_TRUE(test, psci_has(&t, PSCI_FN_CPU_SUSPEND));
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_suspend);
	KUNIT_EXPECT_FALSE(test, psci_ext_power_state(&t));
	KUNIT_EXPECT_FALSE(test, psci_state_has_osi(&t));
}

static void __init psci_test_smccc_version(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_FEATURES, SPEC_SMCCC_VERSION, 0);
	fake_rule(SPEC_SMCCC_VERSION, FAKE_ANY, SPEC_SMCCC_1_2);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_EQ(test, t.smccc_version, SPEC_SMCCC_1_2);
}

static void __init psci_test_smccc_absent(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_EQ(test, t.smccc_version, SPEC_SMCCC_1_0);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SMCCC_VERSION), 0);
}

/* ---- compatible and method ------------------------------------------------------ */

/* psci_of_match, best first (t.source names them after a probe). */
#define MATCH_1_0	(&psci_of_match[0])
#define MATCH_0_2	(&psci_of_match[1])
#define MATCH_0_1	(&psci_of_match[2])

static void __init psci_test_compat_preference(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	KUNIT_EXPECT_EQ(test, psci_dt_match_ids(MATCH_1_0), PSCI_DT_STANDARD);
	KUNIT_EXPECT_EQ(test, psci_dt_match_ids(MATCH_0_2), PSCI_DT_STANDARD);
	KUNIT_EXPECT_EQ(test, psci_dt_match_ids(MATCH_0_1), PSCI_DT_LEGACY);

	/* The listed order does not matter: 1.0 beats 0.2 beats 0.1. */
	fake_prop_strs("compatible", "arm,psci\0arm,psci-0.2\0arm,psci-1.0");
	KUNIT_EXPECT_PTR_EQ(test, psci_dt_match(np, false), MATCH_1_0);
	KUNIT_EXPECT_PTR_EQ(test, psci_dt_match(np, true), MATCH_0_1);

	np = fake_node_new();
	fake_prop_strs("compatible", "arm,psci\0arm,psci-0.2");
	KUNIT_EXPECT_PTR_EQ(test, psci_dt_match(np, false), MATCH_0_2);

	np = fake_node_new();
	fake_prop_strs("compatible", "vendor,thing\0arm,psci");
	KUNIT_EXPECT_PTR_EQ(test, psci_dt_match(np, false), MATCH_0_1);

	np = fake_node_new();
	fake_prop_strs("compatible", "arm,psci-1.0");
	KUNIT_EXPECT_NULL(test, psci_dt_match(np, true));

	np = fake_node_new();
	fake_prop_strs("compatible", "arm,psci-9.9");
	KUNIT_EXPECT_NULL(test, psci_dt_match(np, false));
}

static void __init psci_test_method_missing(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	KUNIT_EXPECT_EQ(test, psci_probe_node(&t, np), -ENODEV);
	KUNIT_EXPECT_NULL(test, t.call);
	KUNIT_EXPECT_EQ(test, fake.nr_calls, 0);
}

static void __init psci_test_method_bad_values(struct kunit *test)
{
	static const char upper[] = "HVC";
	static const char empty[] = "";
	static const char unterminated[] = { 'h', 'v', 'c' };
	static const char smc_first[] = "smc\0hvc";
	static const struct {
		const void *val;
		int len;
	} bad[] = {
		{ upper, sizeof(upper) }, { empty, sizeof(empty) },
		{ unterminated, sizeof(unterminated) }, { NULL, 0 },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct device_node *np = fake_node_new();

		fake_prop_strs("compatible", "arm,psci-1.0");
		fake_prop("method", bad[i].val, bad[i].len);
		KUNIT_EXPECT_FALSE_MSG(test, psci_dt_conduit(&t, np), "case %d", i);
		KUNIT_EXPECT_EQ_MSG(test, psci_probe_node(&t, np), -ENODEV, "case %d", i);
	}
	{
		struct device_node *np = fake_node_new();

		fake_prop_u32("method", 1);	/* a cell, not a string */
		KUNIT_EXPECT_FALSE(test, psci_dt_conduit(&t, np));
	}
	KUNIT_EXPECT_EQ(test, fake.nr_calls, 0);
	{
		/* A list: its first string counts, as of_property_read_string() reads it. */
		struct device_node *np = fake_node_new();

		fake_prop("method", smc_first, sizeof(smc_first));
		KUNIT_EXPECT_TRUE(test, psci_dt_conduit(&t, np));
		KUNIT_EXPECT_EQ(test, t.conduit, SMCCC_CONDUIT_SMC);
	}
}

static void __init psci_test_method_smc_hvc(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("method", "smc");
	KUNIT_EXPECT_TRUE(test, psci_dt_conduit(&t, np));
	KUNIT_EXPECT_EQ(test, t.conduit, SMCCC_CONDUIT_SMC);

	np = fake_node_new();
	fake_prop_strs("method", "hvc");
	KUNIT_EXPECT_TRUE(test, psci_dt_conduit(&t, np));
	KUNIT_EXPECT_EQ(test, t.conduit, SMCCC_CONDUIT_HVC);
}

/* ---- legacy IDs ------------------------------------------------------------------ */

static void __init psci_test_legacy_all(struct kunit *test)
{
	struct device_node *np = fake_node_new();
	struct psci_0_1_function_ids ids;

	fake_prop_strs("compatible", "arm,psci");
	fake_legacy_ids(KVM_0_1_SUSPEND, KVM_0_1_OFF, KVM_0_1_ON, KVM_0_1_MIGRATE);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	ids = t.legacy_ids;
	KUNIT_EXPECT_EQ(test, ids.cpu_suspend, KVM_0_1_SUSPEND);
	KUNIT_EXPECT_EQ(test, ids.cpu_off, KVM_0_1_OFF);
	KUNIT_EXPECT_EQ(test, ids.cpu_on, KVM_0_1_ON);
	KUNIT_EXPECT_EQ(test, ids.migrate, KVM_0_1_MIGRATE);
	KUNIT_EXPECT_EQ(test, t.version, SPEC_VERSION(0, 1));
	/* What a firmware that reports no SMCCC version implements. */
	KUNIT_EXPECT_EQ(test, t.smccc_version, SPEC_SMCCC_1_0);
	/* 0.1 is never asked for its version. */
	KUNIT_EXPECT_EQ(test, fake.nr_calls, 0);

	fake_rule(KVM_0_1_ON, FAKE_ANY, SPEC_SUCCESS);
	KUNIT_EXPECT_EQ(test, psci_do_cpu_on(&t, 1, 0x40000000), 0);
	KUNIT_EXPECT_EQ(test, fake.log[0].fid, KVM_0_1_ON);
	KUNIT_EXPECT_EQ(test, fake.log[0].a0, 1);
	KUNIT_EXPECT_EQ(test, fake.log[0].a1, 0x40000000);
}

static void __init psci_test_legacy_only_cpu_on(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci");
	fake_prop_u32("cpu_on", KVM_0_1_ON);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_on);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_off);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_suspend);
	KUNIT_EXPECT_NULL(test, t_ops.migrate);
	/* Absent is absent, never "ID 0". */
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_off, 0);
}

static void __init psci_test_legacy_none(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci");
	KUNIT_EXPECT_EQ(test, fake_probe(np), -ENODEV);
	KUNIT_EXPECT_NULL(test, t.call);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_on);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_off);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_suspend);
	KUNIT_EXPECT_NULL(test, t_ops.migrate);
}

static void __init psci_test_legacy_bad_sizes(struct kunit *test)
{
	static const u8 two[2] = { 0x95, 0xc1 };
	static const __be32 eight[2] = { cpu_to_be32(KVM_0_1_ON), cpu_to_be32(0) };
	struct device_node *np = fake_node_new();

	/*
	 * Shorter than a cell, or 0: dropped. Longer: its first cell, as
	 * of_property_read_u32() reads it for the stock driver.
	 */
	fake_prop_strs("compatible", "arm,psci");
	fake_prop("cpu_on", eight, sizeof(eight));
	fake_prop("cpu_off", two, sizeof(two));
	fake_prop("migrate", NULL, 0);
	fake_prop_u32("cpu_suspend", 0);
	KUNIT_EXPECT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_on);
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_on, KVM_0_1_ON);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_off);
	KUNIT_EXPECT_NULL(test, t_ops.migrate);
	KUNIT_EXPECT_NULL(test, t_ops.cpu_suspend);
}

static void __init psci_test_legacy_only_standard_numbers(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	/*
	 * Calxeda's legacy-only node: cpu_suspend 0x84000002, cpu_off
	 * 0x84000004, cpu_on 0x84000006 are that firmware's own IDs. A node
	 * that is only "arm,psci" defines its numbering: all are used.
	 */
	fake_prop_strs("compatible", "arm,psci");
	fake_prop_u32("cpu_suspend", 0x84000002);
	fake_prop_u32("cpu_off", 0x84000004);
	fake_prop_u32("cpu_on", 0x84000006);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_suspend, 0x84000002);
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_off, 0x84000004);
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_on, 0x84000006);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_suspend);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_off);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_on);
	fake_rule(0x84000006, FAKE_ANY, SPEC_SUCCESS);
	KUNIT_EXPECT_EQ(test, psci_do_cpu_on(&t, 1, 0x40000000), 0);
	KUNIT_EXPECT_EQ(test, fake.log[0].fid, 0x84000006);
}

static void __init psci_test_legacy_clash(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	/*
	 * A node that is also "arm,psci-0.2" falls back to its legacy IDs:
	 * that firmware speaks the standard numbering too, so cpu_suspend =
	 * the 0.2 CPU_OFF ID would turn idling CPUs off.
	 */
	fake_prop_strs("compatible", "arm,psci-0.2\0arm,psci");
	fake_legacy_ids(SPEC_CPU_OFF, SPEC_CPU_OFF,
			SPEC_CPU_ON_32, SPEC_MIGRATE_64);
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, SPEC_NOT_SUPPORTED);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_EQ(test, t.version, SPEC_VERSION(0, 1));
	KUNIT_EXPECT_NULL(test, t_ops.cpu_suspend);
	/* The ID of the same function, either width, is fine. */
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_off);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_on);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.migrate);
	KUNIT_EXPECT_STREQ(test, psci_std_id_clash(0xc4000002, PSCI_FN_CPU_ON), "CPU_OFF");
	KUNIT_EXPECT_STREQ(test, psci_std_id_clash(0x84000008, PSCI_FN_CPU_ON), "SYSTEM_OFF");
	KUNIT_EXPECT_NULL(test, psci_std_id_clash(KVM_0_1_ON, PSCI_FN_CPU_ON));
}

/* ---- the power-off and restart hooks --------------------------------------------- */

static void __init psci_test_hook_priorities(struct kunit *test)
{
	/*
	 * Read from the driver's own notifier, never from the live chains or
	 * pm_power_off (a board's PMIC or watchdog may own those): SYSTEM_RESET
	 * runs at 130, above the board restart handlers' defaults (watchdogs
	 * 128, gpio-restart 129), one above the stock driver's 129 (a
	 * deliberate difference, README); power-off is psci_power_off,
	 * through pm_power_off, which leaves every sys-off priority free.
	 */
	KUNIT_EXPECT_EQ(test, psci_restart_nb.priority, 130);
	KUNIT_EXPECT_TRUE(test, psci_restart_nb.notifier_call == psci_restart_notify);
}

static void __init psci_test_legacy_duplicate(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	/*
	 * Two operations sharing an ID: the stock driver uses both, and a
	 * board that boots with it must keep CPU_ON (psci-lint warns).
	 */
	fake_prop_strs("compatible", "arm,psci");
	fake_legacy_ids(KVM_0_1_SUSPEND, KVM_0_1_ON, KVM_0_1_ON, KVM_0_1_MIGRATE);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_on);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_off);
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_on, KVM_0_1_ON);
	KUNIT_EXPECT_EQ(test, t.legacy_ids.cpu_off, KVM_0_1_ON);
	KUNIT_EXPECT_NOT_NULL(test, t_ops.cpu_suspend);
}

/* ---- CPU_ON answers ------------------------------------------------------------------ */

static void __init psci_probe_1_1(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
}

/* CPU_ON answers and the errno psci_ops.cpu_on gives for each. */
struct psci_cpu_on_case {
	const char *desc;
	int fw;
	int expected;
};

static const struct psci_cpu_on_case psci_cpu_on_cases[] = {
	{ "SUCCESS", SPEC_SUCCESS, 0 },
	{ "ALREADY_ON", SPEC_ALREADY_ON, -EINVAL },
	{ "ON_PENDING", SPEC_ON_PENDING, -EINVAL },
	{ "DENIED", SPEC_DENIED, -EPERM },
	{ "INVALID_PARAMETERS", SPEC_INVALID_PARAMETERS, -EINVAL },
	{ "INVALID_ADDRESS", SPEC_INVALID_ADDRESS, -EINVAL },
	{ "INTERNAL_FAILURE", SPEC_INTERNAL_FAILURE, -EINVAL },
	{ "NOT_PRESENT", SPEC_NOT_PRESENT, -EINVAL },
};

KUNIT_ARRAY_PARAM_DESC(psci_cpu_on, psci_cpu_on_cases, desc);

static void __init psci_test_cpu_on(struct kunit *test)
{
	const struct psci_cpu_on_case *c = test->param_value;

	psci_probe_1_1(test);
	fake_rule(SPEC_CPU_ON, FAKE_ANY, c->fw);
	KUNIT_EXPECT_EQ(test, psci_do_cpu_on(&t, 0x3, 0x40200000), c->expected);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_CPU_ON), 1);
}

/* ---- power off and restart ------------------------------------------------------------ */

static void __init psci_test_system_off_returns(struct kunit *test)
{
	psci_probe_1_1(test);
	fake_rule(SPEC_SYSTEM_OFF, FAKE_ANY, SPEC_DENIED);
	psci_do_system_off(&t);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SYSTEM_OFF), 1);
}

static void __init psci_test_system_reset_returns(struct kunit *test)
{
	psci_probe_1_1(test);
	fake_rule(SPEC_SYSTEM_RESET, FAKE_ANY, SPEC_INTERNAL_FAILURE);
	psci_do_restart(&t, REBOOT_COLD, NULL);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SYSTEM_RESET), 1);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SYSTEM_RESET2), 0);
}

static void __init psci_test_reset2_warm_falls_back(struct kunit *test)
{
	struct device_node *np = fake_node_new();
	int n;

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_FEATURES, SPEC_SYSTEM_RESET2, 0);
	fake_rule(SPEC_SYSTEM_RESET2, FAKE_ANY, SPEC_INVALID_PARAMETERS);
	fake_rule(SPEC_SYSTEM_RESET, FAKE_ANY, SPEC_DENIED);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	/* The restart itself makes no PSCI_FEATURES call: asked at probe. */
	n = fake.nr_calls;
	psci_do_restart(&t, REBOOT_WARM, NULL);
	KUNIT_ASSERT_EQ(test, fake.nr_calls - n, 2);
	KUNIT_EXPECT_EQ(test, fake.log[n].fid, SPEC_SYSTEM_RESET2);
	KUNIT_EXPECT_EQ(test, fake.log[n].a0, SPEC_RESET_WARM);
	KUNIT_EXPECT_EQ(test, fake.log[n + 1].fid, SPEC_SYSTEM_RESET);
}

static void __init psci_test_reset2_absent(struct kunit *test)
{
	psci_probe_1_1(test);
	psci_do_restart(&t, REBOOT_WARM, NULL);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SYSTEM_RESET2), 0);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SYSTEM_RESET), 1);
	/* Asked once, at probe. */
	psci_do_restart(&t, REBOOT_SOFT, NULL);
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_SYSTEM_RESET2), 1);
}

static void __init psci_test_reset2_vendor_mode(struct kunit *test)
{
	static const __be32 cells[] = { cpu_to_be32(0x5), cpu_to_be32(0xc0ffee) };
	struct device_node *np = fake_node_new();
	int n;

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_mode("reset-types", "mode-bootloader", cells, sizeof(cells));
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_FEATURES, SPEC_SYSTEM_RESET2, 0);
	fake_rule(SPEC_SYSTEM_RESET2, FAKE_ANY, SPEC_INVALID_PARAMETERS);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	n = fake.nr_calls;
	psci_do_restart(&t, REBOOT_COLD, "bootloader");
	KUNIT_ASSERT_EQ(test, fake.nr_calls - n, 2);
	KUNIT_EXPECT_EQ(test, fake.log[n].fid, SPEC_SYSTEM_RESET2);
	KUNIT_EXPECT_EQ(test, fake.log[n].a0, 0x80000005UL);
	KUNIT_EXPECT_EQ(test, fake.log[n].a1, 0xc0ffeeUL);
	/* It returned: SYSTEM_RESET is the fallback. */
	KUNIT_EXPECT_EQ(test, fake.log[n + 1].fid, SPEC_SYSTEM_RESET);

	/* A command no mode names is a plain reset. */
	n = fake.nr_calls;
	psci_do_restart(&t, REBOOT_COLD, "recovery");
	KUNIT_EXPECT_EQ(test, fake.nr_calls - n, 1);
	KUNIT_EXPECT_EQ(test, fake.log[n].fid, SPEC_SYSTEM_RESET);
}

static void __init psci_test_reset2_vendor_mode_bad(struct kunit *test)
{
	static const __be32 bad[] = { cpu_to_be32(0x80000001) };
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_mode("reset-types", "mode-bootloader", bad, sizeof(bad));
	fake_psci_1_1();
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_NULL(test, psci_find_reset_mode(&t, "bootloader"));
}

/* The first call of @fid logged from call @from on, or -1. */
static int fake_find(u32 fid, int from)
{
	int i;

	for (i = from; i < min(fake.nr_calls, FAKE_LOG); i++)
		if (fake.log[i].fid == fid)
			return i;
	return -1;
}

/* A probe of a PSCI 1.1 fake whose SYSTEM_RESET2 is offered and returns. */
static void __init psci_probe_reset2(struct kunit *test, struct device_node *np)
{
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_FEATURES, SPEC_SYSTEM_RESET2, 0);
	fake_rule(SPEC_SYSTEM_RESET2, FAKE_ANY, SPEC_INVALID_PARAMETERS);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
}

/*
 * reboot-mode, the binding upstream settled on: 1, 2 or 3 cells reach
 * SYSTEM_RESET2 as the reset_type and cookie the tree gives, bit 31 as
 * written; a refusal falls back to SYSTEM_RESET.
 */
static void __init psci_test_reboot_mode_cells(struct kunit *test)
{
	static const __be32 one[] = { cpu_to_be32(0x80000000) };
	static const __be32 two[] = { cpu_to_be32(0x80010001), cpu_to_be32(0x2) };
	static const __be32 three[] = { cpu_to_be32(0x80000002), cpu_to_be32(0x1),
					cpu_to_be32(0x3) };
	static const struct {
		const char *cmd;
		u32 type;
		u64 cookie;
	} want[] = {
		{ "edl", 0x80000000, 0 },
		{ "bootloader", 0x80010001, 0x2 },
		{ "factory", 0x80000002, 0x100000003ULL },
	};
	struct device_node *np = fake_node_new();
	int i, n, at;

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_mode("reboot-mode", "mode-edl", one, sizeof(one));
	fake_mode("reboot-mode", "mode-bootloader", two, sizeof(two));
	fake_mode("reboot-mode", "mode-factory", three, sizeof(three));
	psci_probe_reset2(test, np);
	for (i = 0; i < ARRAY_SIZE(want); i++) {
		/* A 32-bit kernel's SYSTEM_RESET2 is SMC32: a 32-bit cookie. */
		if (!IS_ENABLED(CONFIG_64BIT) && upper_32_bits(want[i].cookie)) {
			KUNIT_EXPECT_NULL(test, psci_find_reset_mode(&t, want[i].cmd));
			continue;
		}
		n = fake.nr_calls;
		psci_do_restart(&t, REBOOT_COLD, want[i].cmd);
		at = fake_find(SPEC_SYSTEM_RESET2, n);
		KUNIT_ASSERT_GE_MSG(test, at, 0, "mode %s", want[i].cmd);
		KUNIT_EXPECT_EQ(test, fake.log[at].a0, (unsigned long)want[i].type);
		KUNIT_EXPECT_EQ(test, (u64)fake.log[at].a1, want[i].cookie);
		KUNIT_EXPECT_EQ(test, fake_find(SPEC_SYSTEM_RESET, at), at + 1);
	}
}

/* Cells the binding does not define: each mode is left out, the rest kept. */
static void __init psci_test_reboot_mode_bad(struct kunit *test)
{
	static const __be32 no_vendor_bit[] = { cpu_to_be32(0x10001), cpu_to_be32(0x2) };
	static const __be32 four[] = { cpu_to_be32(0x80000000), 0, 0, cpu_to_be32(0x1) };
	static const __be32 normal[] = { cpu_to_be32(0x80000000) };
	static const __be32 good[] = { cpu_to_be32(0x80000004) };
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_mode("reboot-mode", "mode-bootloader", no_vendor_bit, sizeof(no_vendor_bit));
	fake_mode("reboot-mode", "mode-edl", four, sizeof(four));
	fake_mode("reboot-mode", "mode-normal", normal, sizeof(normal));
	fake_mode("reboot-mode", "mode-", good, sizeof(good));
	fake_mode("reboot-mode", "mode-recovery", good, sizeof(good));
	psci_probe_reset2(test, np);
	KUNIT_EXPECT_NULL(test, psci_find_reset_mode(&t, "bootloader"));
	KUNIT_EXPECT_NULL(test, psci_find_reset_mode(&t, "edl"));
	KUNIT_EXPECT_NULL(test, psci_find_reset_mode(&t, "normal"));
	KUNIT_EXPECT_NULL(test, psci_find_reset_mode(&t, ""));
	KUNIT_ASSERT_NOT_NULL(test, psci_find_reset_mode(&t, "recovery"));
	KUNIT_EXPECT_EQ(test, psci_find_reset_mode(&t, "recovery")->type, 0x80000004);
}

/* Both forms name "edl": reboot-mode's entry is kept; the others still count. */
static void __init psci_test_reboot_mode_clash(struct kunit *test)
{
	static const __be32 new_edl[] = { cpu_to_be32(0x80000000), cpu_to_be32(0x1) };
	static const __be32 old_edl[] = { cpu_to_be32(0x5), cpu_to_be32(0x7) };
	static const __be32 old_recovery[] = { cpu_to_be32(0x3) };
	const struct psci_reset_mode *m;
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_mode("reboot-mode", "mode-edl", new_edl, sizeof(new_edl));
	fake_mode("reset-types", "mode-edl", old_edl, sizeof(old_edl));
	fake_mode("reset-types", "mode-recovery", old_recovery, sizeof(old_recovery));
	psci_probe_reset2(test, np);
	m = psci_find_reset_mode(&t, "edl");
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m->type, 0x80000000);
	KUNIT_EXPECT_EQ(test, m->cookie, 0x1ULL);
	KUNIT_EXPECT_STREQ(test, m->child, "reboot-mode");
	m = psci_find_reset_mode(&t, "recovery");
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, m->type, 0x80000003);
	KUNIT_EXPECT_STREQ(test, m->child, "reset-types");
}

/* ---- SYSTEM_OFF2 (PSCI 1.3): the power-off that ends a hibernation ---- */

/* A PSCI 1.3 fake whose PSCI_FEATURES(SYSTEM_OFF2) answers @off2_types. */
static void __init psci_probe_1_3(struct kunit *test, long off2_types)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_VERSION, FAKE_ANY, SPEC_VERSION(1, 3));
	fake_rule(SPEC_PSCI_FEATURES, SPEC_SYSTEM_OFF2, off2_types);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
}

/* Offered with HIBERNATE_OFF: kept where the kernel can hibernate. */
static void __init psci_test_off2_advertised(struct kunit *test)
{
	psci_probe_1_3(test, SPEC_OFF2_HIBERNATE);
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_SYSTEM_OFF2),
			IS_ENABLED(CONFIG_HIBERNATION) ? 1 : 0);
	KUNIT_EXPECT_EQ(test, psci_has(&t, PSCI_FN_SYSTEM_OFF2), IS_ENABLED(CONFIG_HIBERNATION));
}

/* Not offered, or offered without HIBERNATE_OFF: dropped. */
static void __init psci_test_off2_not_advertised(struct kunit *test)
{
	psci_probe_1_3(test, SPEC_NOT_SUPPORTED);
	KUNIT_EXPECT_FALSE(test, psci_has(&t, PSCI_FN_SYSTEM_OFF2));
}

static void __init psci_test_off2_no_hibernate_type(struct kunit *test)
{
	psci_probe_1_3(test, 0x2);
	KUNIT_EXPECT_FALSE(test, psci_has(&t, PSCI_FN_SYSTEM_OFF2));
}

/* Before 1.3 there is no SYSTEM_OFF2: not even asked about. */
static void __init psci_test_off2_before_1_3(struct kunit *test)
{
	psci_probe_1_1(test);
	KUNIT_EXPECT_FALSE(test, psci_has(&t, PSCI_FN_SYSTEM_OFF2));
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_SYSTEM_OFF2), 0);
}

/*
 * The call passes type 0 (HIBERNATE_OFF by default, which every 1.3
 * firmware must take); one that returns hands on to the next handler.
 */
static void __init psci_test_off2_call_returns(struct kunit *test)
{
	int at;

	if (!IS_ENABLED(CONFIG_HIBERNATION))
		kunit_skip(test, "no CONFIG_HIBERNATION: SYSTEM_OFF2 is never called");
	psci_probe_1_3(test, SPEC_OFF2_HIBERNATE);
	fake_rule(SPEC_SYSTEM_OFF2, FAKE_ANY, SPEC_DENIED);
#ifdef CONFIG_HIBERNATION
	psci_do_system_off2(&t);
#endif
	at = fake_find(SPEC_SYSTEM_OFF2, 0);
	KUNIT_ASSERT_GE(test, at, 0);
	KUNIT_EXPECT_EQ(test, fake.log[at].a0, 0UL);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SYSTEM_OFF2), 1);
}

static void __init psci_test_migrate_unadvertised(struct kunit *test)
{
	psci_probe_1_1(test);
	KUNIT_EXPECT_EQ(test, psci_do_migrate(&t, 1), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_MIGRATE), 0);
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_MIGRATE), 1);
}

/* ---- Trusted OS ------------------------------------------------------------------------- */

static void __init psci_probe_tos(struct kunit *test, long type, unsigned long up_cpu)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	fake_rule(SPEC_MIGRATE_INFO_TYPE, FAKE_ANY, type);
	fake_rule(SPEC_MIGRATE_INFO_UP_CPU, FAKE_ANY, up_cpu);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
}

static void __init psci_test_tos_up_on_cpu0(struct kunit *test)
{
	psci_probe_tos(test, SPEC_TOS_UP_NO_MIGRATE, cpu_logical_map(0));
	KUNIT_EXPECT_TRUE(test, psci_state_tos_resident_on(&t, 0));
	if (num_possible_cpus() > 1)
		KUNIT_EXPECT_FALSE(test, psci_state_tos_resident_on(&t, 1));
	KUNIT_EXPECT_FALSE(test, psci_state_tos_resident_on(&t, -1));
}

static void __init psci_test_tos_up_on_cpu2(struct kunit *test)
{
	if (num_possible_cpus() < 3)
		kunit_skip(test, "needs three CPUs");
	psci_probe_tos(test, SPEC_TOS_UP_MIGRATE, cpu_logical_map(2));
	KUNIT_EXPECT_TRUE(test, psci_state_tos_resident_on(&t, 2));
	KUNIT_EXPECT_FALSE(test, psci_state_tos_resident_on(&t, 0));
	KUNIT_EXPECT_FALSE(test, psci_state_tos_resident_on(&t, 1));
}

static void __init psci_test_tos_mp(struct kunit *test)
{
	psci_probe_tos(test, SPEC_TOS_MP, 0);
	KUNIT_EXPECT_FALSE(test, psci_state_tos_resident_on(&t, 0));
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_MIGRATE_INFO_UP_CPU), 0);
}

static void __init psci_test_tos_not_supported(struct kunit *test)
{
	/* PSCI_FEATURES says yes, the call itself NOT_SUPPORTED (TF-A-like). */
	fake_rule(SPEC_PSCI_FEATURES, SPEC_MIGRATE_INFO_TYPE, 0);
	psci_probe_tos(test, SPEC_NOT_SUPPORTED, 0);
	KUNIT_EXPECT_FALSE(test, psci_state_tos_resident_on(&t, 0));
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_MIGRATE_INFO_UP_CPU), 0);
	/* Called, answered NOT_SUPPORTED: not listed as offered. */
	KUNIT_EXPECT_FALSE(test, psci_offered(&t, PSCI_FN_MIGRATE_INFO_TYPE));
	KUNIT_EXPECT_NOT_NULL(test, t_ops.migrate_info_type);
}

static void __init psci_test_tos_bogus(struct kunit *test)
{
	psci_probe_tos(test, 7, 0);
	KUNIT_EXPECT_FALSE(test, psci_state_tos_resident_on(&t, 0));
	psci_probe_tos(test, SPEC_TOS_UP_MIGRATE, GENMASK(31, 24));
	KUNIT_EXPECT_FALSE(test, psci_state_tos_resident_on(&t, 0));
}

/* ---- power_state, OSI, SYSTEM_SUSPEND ---- */

static void __init psci_test_power_state_original(struct kunit *test)
{
	psci_probe_1_1(test);
	KUNIT_EXPECT_FALSE(test, psci_ext_power_state(&t));
	KUNIT_EXPECT_TRUE(test, t_valid(0x0));
	KUNIT_EXPECT_TRUE(test, t_valid(0x0301ffff));
	KUNIT_EXPECT_FALSE(test, t_valid(BIT(17)));
	KUNIT_EXPECT_FALSE(test, t_valid(BIT(30)));
	KUNIT_EXPECT_TRUE(test, psci_power_state_loses_context(&t, BIT(16)));
	KUNIT_EXPECT_FALSE(test, psci_power_state_loses_context(&t, 0xffff));
}

static void __init psci_test_power_state_extended(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_FEATURES, SPEC_CPU_SUSPEND,
		  SPEC_FEAT_EXT_FORMAT);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_TRUE(test, psci_ext_power_state(&t));
	KUNIT_EXPECT_TRUE(test, t_valid(0x4fffffff));
	KUNIT_EXPECT_FALSE(test, t_valid(BIT(28)));
	KUNIT_EXPECT_FALSE(test, t_valid(BIT(31)));
	KUNIT_EXPECT_TRUE(test, psci_power_state_loses_context(&t, BIT(30)));
	KUNIT_EXPECT_FALSE(test, psci_power_state_loses_context(&t, BIT(16)));
}

static void __init psci_test_osi(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_FEATURES, SPEC_CPU_SUSPEND, SPEC_FEAT_OSI);
	fake_rule(SPEC_SET_SUSPEND_MODE, FAKE_ANY, SPEC_SUCCESS);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_TRUE(test, psci_state_has_osi(&t));
	/* The probe puts the firmware in platform-coordinated mode. */
	KUNIT_ASSERT_EQ(test, fake_count(SPEC_SET_SUSPEND_MODE), 1);
	KUNIT_EXPECT_EQ(test, fake.log[fake.nr_calls - 1].a0, SPEC_MODE_PC);
	KUNIT_EXPECT_EQ(test, psci_do_set_osi_mode(&t, true), 0);
	KUNIT_EXPECT_EQ(test, fake.log[fake.nr_calls - 1].a0, SPEC_MODE_OSI);
}

static void __init psci_test_no_osi(struct kunit *test)
{
	psci_probe_1_1(test);
	KUNIT_EXPECT_FALSE(test, psci_state_has_osi(&t));
	KUNIT_EXPECT_EQ(test, psci_do_set_osi_mode(&t, true), -EOPNOTSUPP);
	/* Platform-coordinated is what such a firmware always does. */
	KUNIT_EXPECT_EQ(test, psci_do_set_osi_mode(&t, false), 0);
	KUNIT_EXPECT_EQ(test, fake_count(SPEC_SET_SUSPEND_MODE), 0);
}

static void __init psci_test_system_suspend(struct kunit *test)
{
	struct device_node *np = fake_node_new();

	fake_prop_strs("compatible", "arm,psci-1.0");
	fake_psci_1_1();
	fake_rule(SPEC_PSCI_FEATURES, SPEC_SYSTEM_SUSPEND, 0);
	KUNIT_ASSERT_EQ(test, fake_probe(np), 0);
	KUNIT_EXPECT_EQ(test, psci_has(&t, PSCI_FN_SYSTEM_SUSPEND), IS_ENABLED(CONFIG_SUSPEND));

#ifdef CONFIG_SUSPEND
	{
		/*
		 * Suspend to RAM through SYSTEM_SUSPEND is the firmware's doing
		 * (drivers read pm_suspend_via_firmware()); the global flags are
		 * restored: no suspend is under way while the suite runs.
		 */
		unsigned int saved = pm_suspend_global_flags;

		pm_suspend_clear_flags();
		KUNIT_EXPECT_EQ(test, psci_suspend_ops.begin(PM_SUSPEND_MEM), 0);
		KUNIT_EXPECT_TRUE(test, pm_suspend_via_firmware());
		pm_suspend_global_flags = saved;
	}
#endif

	/* A 1.x firmware whose PSCI_FEATURES says NOT_SUPPORTED: not used. */
	psci_kunit_init(test);
	psci_probe_1_1(test);
	KUNIT_EXPECT_FALSE(test, psci_has(&t, PSCI_FN_SYSTEM_SUSPEND));
	KUNIT_EXPECT_EQ(test, fake_count_features(SPEC_SYSTEM_SUSPEND), IS_ENABLED(CONFIG_SUSPEND));
}

static struct kunit_case __refdata psci_kunit_cases[] = {
	KUNIT_CASE(psci_test_errno_map),
	KUNIT_CASE(psci_test_error_names),
	KUNIT_CASE(psci_test_version_1_1),
	KUNIT_CASE(psci_test_version_not_supported),
	KUNIT_CASE(psci_test_version_0_1_under_0_2),
	KUNIT_CASE(psci_test_version_0_1_no_fallback),
	KUNIT_CASE(psci_test_version_all_ones),
	KUNIT_CASE(psci_test_version_2_0),
	KUNIT_CASE(psci_test_version_0_2_no_features),
	KUNIT_CASE(psci_test_boot_calls),
	KUNIT_CASE(psci_test_cpu_suspend_features_error),
	KUNIT_CASE(psci_test_smccc_version),
	KUNIT_CASE(psci_test_smccc_absent),
	KUNIT_CASE(psci_test_compat_preference),
	KUNIT_CASE(psci_test_method_missing),
	KUNIT_CASE(psci_test_method_bad_values),
	KUNIT_CASE(psci_test_method_smc_hvc),
	KUNIT_CASE(psci_test_legacy_all),
	KUNIT_CASE(psci_test_legacy_only_cpu_on),
	KUNIT_CASE(psci_test_legacy_none),
	KUNIT_CASE(psci_test_legacy_bad_sizes),
	KUNIT_CASE(psci_test_legacy_only_standard_numbers),
	KUNIT_CASE(psci_test_legacy_clash),
	KUNIT_CASE(psci_test_hook_priorities),
	KUNIT_CASE(psci_test_legacy_duplicate),
	KUNIT_CASE_PARAM(psci_test_cpu_on, psci_cpu_on_gen_params),
	KUNIT_CASE(psci_test_system_off_returns),
	KUNIT_CASE(psci_test_system_reset_returns),
	KUNIT_CASE(psci_test_reset2_warm_falls_back),
	KUNIT_CASE(psci_test_reset2_absent),
	KUNIT_CASE(psci_test_reset2_vendor_mode),
	KUNIT_CASE(psci_test_reset2_vendor_mode_bad),
	KUNIT_CASE(psci_test_reboot_mode_cells),
	KUNIT_CASE(psci_test_reboot_mode_bad),
	KUNIT_CASE(psci_test_reboot_mode_clash),
	KUNIT_CASE(psci_test_off2_advertised),
	KUNIT_CASE(psci_test_off2_not_advertised),
	KUNIT_CASE(psci_test_off2_no_hibernate_type),
	KUNIT_CASE(psci_test_off2_before_1_3),
	KUNIT_CASE(psci_test_off2_call_returns),
	KUNIT_CASE(psci_test_migrate_unadvertised),
	KUNIT_CASE(psci_test_tos_up_on_cpu0),
	KUNIT_CASE(psci_test_tos_up_on_cpu2),
	KUNIT_CASE(psci_test_tos_mp),
	KUNIT_CASE(psci_test_tos_not_supported),
	KUNIT_CASE(psci_test_tos_bogus),
	KUNIT_CASE(psci_test_power_state_original),
	KUNIT_CASE(psci_test_power_state_extended),
	KUNIT_CASE(psci_test_osi),
	KUNIT_CASE(psci_test_no_osi),
	KUNIT_CASE(psci_test_system_suspend),
	{}
};

static struct kunit_suite psci_kunit_suite = {
	.name = "psci",
	.init = psci_kunit_init,
	.test_cases = psci_kunit_cases,
};

kunit_test_init_section_suites(&psci_kunit_suite);
