// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI client: the guest side of Arm's Power State Coordination Interface.
 *
 * Flow: the device tree (or the ACPI FADT) names the interface and the
 * conduit; the probe asks the firmware what it really offers (PSCI_VERSION,
 * PSCI_FEATURES, MIGRATE_INFO_TYPE); what it offers is published through
 * psci_ops and the hooks of <linux/psci.h>, and as the kernel's power-off
 * and restart handlers.
 *
 * Every PSCI call goes through psci_call(), which picks the function ID in
 * use for the operation, so that one table says which IDs this kernel
 * sends; SMCCC_VERSION, not a PSCI function, is the one other call, made
 * on the same conduit. The conduit comes from psci_conduit_call(), where
 * the KUnit suite puts its fake firmware (a static stub, which only the
 * test's own thread sees).
 */

#define pr_fmt(fmt) "psci: " fmt

#include <linux/arm-smccc.h>
#include <linux/cpuidle.h>
#include <linux/debugfs.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/notifier.h>
#include <linux/of.h>
#include <linux/pm.h>
#include <linux/printk.h>
#include <linux/psci.h>
#include <linux/reboot.h>
#include <linux/seq_file.h>
#include <linux/suspend.h>
#include <linux/sysfs.h>

#include <kunit/static_stub.h>

#include <uapi/linux/psci.h>

#include <asm/cpuidle.h>
#include <asm/hypervisor.h>
#include <asm/smp_plat.h>
#include <asm/suspend.h>

/* The operations this driver can ask the firmware for. */
enum psci_fn {
	PSCI_FN_VERSION,
	PSCI_FN_CPU_SUSPEND,
	PSCI_FN_CPU_OFF,
	PSCI_FN_CPU_ON,
	PSCI_FN_AFFINITY_INFO,
	PSCI_FN_MIGRATE,
	PSCI_FN_MIGRATE_INFO_TYPE,
	PSCI_FN_MIGRATE_INFO_UP_CPU,
	PSCI_FN_SYSTEM_OFF,
	PSCI_FN_SYSTEM_RESET,
	PSCI_FN_FEATURES,
	PSCI_FN_SYSTEM_SUSPEND,
	PSCI_FN_SET_SUSPEND_MODE,
	PSCI_FN_SYSTEM_RESET2,
	PSCI_FN_SYSTEM_OFF2,
	PSCI_FN_MAX
};

#ifndef PSCI_1_3_FN_SYSTEM_OFF2
/* PSCI 1.3 (DEN0022F); 6.12's uapi header predates it. */
#define PSCI_1_3_FN_SYSTEM_OFF2		PSCI_0_2_FN(0x15)
#endif

/* A standard function's number: its ID's offset in the SMC32 range. */
#define PSCI_STD_NR(id)		((id) - PSCI_0_2_FN_BASE)

/*
 * Every standard function (DEN0022), by number: its name, and whether it
 * has an SMC64 form. The IDs are <uapi/linux/psci.h>'s.
 */
struct psci_std_function {
	const char *name;
	bool smc64;
};

static const struct psci_std_function psci_std_functions[] = {
	[PSCI_STD_NR(PSCI_0_2_FN_PSCI_VERSION)] = { "PSCI_VERSION", false },
	[PSCI_STD_NR(PSCI_0_2_FN_CPU_SUSPEND)] = { "CPU_SUSPEND", true },
	[PSCI_STD_NR(PSCI_0_2_FN_CPU_OFF)] = { "CPU_OFF", false },
	[PSCI_STD_NR(PSCI_0_2_FN_CPU_ON)] = { "CPU_ON", true },
	[PSCI_STD_NR(PSCI_0_2_FN_AFFINITY_INFO)] = { "AFFINITY_INFO", true },
	[PSCI_STD_NR(PSCI_0_2_FN_MIGRATE)] = { "MIGRATE", true },
	[PSCI_STD_NR(PSCI_0_2_FN_MIGRATE_INFO_TYPE)] = { "MIGRATE_INFO_TYPE", false },
	[PSCI_STD_NR(PSCI_0_2_FN_MIGRATE_INFO_UP_CPU)] = { "MIGRATE_INFO_UP_CPU", true },
	[PSCI_STD_NR(PSCI_0_2_FN_SYSTEM_OFF)] = { "SYSTEM_OFF", false },
	[PSCI_STD_NR(PSCI_0_2_FN_SYSTEM_RESET)] = { "SYSTEM_RESET", false },
	[PSCI_STD_NR(PSCI_1_0_FN_PSCI_FEATURES)] = { "PSCI_FEATURES", false },
	[PSCI_STD_NR(PSCI_1_0_FN_CPU_FREEZE)] = { "CPU_FREEZE", false },
	[PSCI_STD_NR(PSCI_1_0_FN_CPU_DEFAULT_SUSPEND)] = { "CPU_DEFAULT_SUSPEND", true },
	[PSCI_STD_NR(PSCI_1_0_FN_NODE_HW_STATE)] = { "NODE_HW_STATE", true },
	[PSCI_STD_NR(PSCI_1_0_FN_SYSTEM_SUSPEND)] = { "SYSTEM_SUSPEND", true },
	[PSCI_STD_NR(PSCI_1_0_FN_SET_SUSPEND_MODE)] = { "SET_SUSPEND_MODE", false },
	[PSCI_STD_NR(PSCI_1_0_FN_STAT_RESIDENCY)] = { "STAT_RESIDENCY", true },
	[PSCI_STD_NR(PSCI_1_0_FN_STAT_COUNT)] = { "STAT_COUNT", true },
	[PSCI_STD_NR(PSCI_1_1_FN_SYSTEM_RESET2)] = { "SYSTEM_RESET2", true },
	[PSCI_STD_NR(PSCI_1_1_FN_MEM_PROTECT)] = { "MEM_PROTECT", false },
	[PSCI_STD_NR(PSCI_1_1_FN_MEM_PROTECT_CHECK_RANGE)] = { "MEM_PROTECT_CHECK_RANGE", true },
	[PSCI_STD_NR(PSCI_1_3_FN_SYSTEM_OFF2)] = { "SYSTEM_OFF2", true },
};

/* Each operation's number among the standard functions. */
static const u8 psci_fn_number[PSCI_FN_MAX] = {
	[PSCI_FN_VERSION]		= PSCI_STD_NR(PSCI_0_2_FN_PSCI_VERSION),
	[PSCI_FN_CPU_SUSPEND]		= PSCI_STD_NR(PSCI_0_2_FN_CPU_SUSPEND),
	[PSCI_FN_CPU_OFF]		= PSCI_STD_NR(PSCI_0_2_FN_CPU_OFF),
	[PSCI_FN_CPU_ON]		= PSCI_STD_NR(PSCI_0_2_FN_CPU_ON),
	[PSCI_FN_AFFINITY_INFO]		= PSCI_STD_NR(PSCI_0_2_FN_AFFINITY_INFO),
	[PSCI_FN_MIGRATE]		= PSCI_STD_NR(PSCI_0_2_FN_MIGRATE),
	[PSCI_FN_MIGRATE_INFO_TYPE]	= PSCI_STD_NR(PSCI_0_2_FN_MIGRATE_INFO_TYPE),
	[PSCI_FN_MIGRATE_INFO_UP_CPU]	= PSCI_STD_NR(PSCI_0_2_FN_MIGRATE_INFO_UP_CPU),
	[PSCI_FN_SYSTEM_OFF]		= PSCI_STD_NR(PSCI_0_2_FN_SYSTEM_OFF),
	[PSCI_FN_SYSTEM_RESET]		= PSCI_STD_NR(PSCI_0_2_FN_SYSTEM_RESET),
	[PSCI_FN_FEATURES]		= PSCI_STD_NR(PSCI_1_0_FN_PSCI_FEATURES),
	[PSCI_FN_SYSTEM_SUSPEND]	= PSCI_STD_NR(PSCI_1_0_FN_SYSTEM_SUSPEND),
	[PSCI_FN_SET_SUSPEND_MODE]	= PSCI_STD_NR(PSCI_1_0_FN_SET_SUSPEND_MODE),
	[PSCI_FN_SYSTEM_RESET2]		= PSCI_STD_NR(PSCI_1_1_FN_SYSTEM_RESET2),
	[PSCI_FN_SYSTEM_OFF2]		= PSCI_STD_NR(PSCI_1_3_FN_SYSTEM_OFF2),
};

#ifndef PSCI_1_3_OFF_TYPE_HIBERNATE_OFF
/*
 * PSCI 1.3 (DEN0022F): SYSTEM_OFF2's HIBERNATE_OFF type, also its bit in
 * the PSCI_FEATURES answer; 6.12's uapi header predates 1.3.
 */
#define PSCI_1_3_OFF_TYPE_HIBERNATE_OFF	BIT(0)
#endif

/*
 * The standard (0.2+) ID of function number @n: a 64-bit kernel uses the
 * SMC64 form where the function has one; a 32-bit kernel must use SMC32.
 */
static u32 psci_std_number_id(unsigned int n)
{
	if (IS_ENABLED(CONFIG_64BIT) && psci_std_functions[n].smc64)
		return PSCI_0_2_FN64(n);
	return PSCI_0_2_FN(n);
}

static u32 psci_fn_std_id(enum psci_fn fn)
{
	return psci_std_number_id(psci_fn_number[fn]);
}

static const char *psci_fn_name(enum psci_fn fn)
{
	return psci_std_functions[psci_fn_number[fn]].name;
}

/* The legacy (0.1) device-tree properties, in the order of struct psci_0_1_function_ids. */
static const struct {
	const char *prop;
	enum psci_fn fn;
} psci_legacy_props[] = {
	{ "cpu_suspend", PSCI_FN_CPU_SUSPEND },
	{ "cpu_off", PSCI_FN_CPU_OFF },
	{ "cpu_on", PSCI_FN_CPU_ON },
	{ "migrate", PSCI_FN_MIGRATE },
};

typedef unsigned long (psci_call_fn)(unsigned long fid, unsigned long a0,
				     unsigned long a1, unsigned long a2);

/* Vendor reset types for reboot commands ("reboot bootloader"). */
#define PSCI_RESET_MODES	8

struct psci_reset_mode {
	char cmd[24];
	u32 type;		/* the whole reset_type, vendor bit 31 set */
	u64 cookie;
	const char *child;	/* the psci node's child that named it */
};

/*
 * Everything the probe found about one firmware. The kernel's firmware is
 * the one instance "psci" below, written at boot only; the unit tests
 * probe fake firmware into instances of their own, so that nothing they
 * do reaches the running kernel's.
 */
struct psci_state {
	psci_call_fn *call;		/* the conduit; NULL = no PSCI */
	enum arm_smccc_conduit conduit;
	const char *source;		/* compatible used, or "ACPI" */
	u32 version;
	u32 fid[PSCI_FN_MAX];		/* ID in use per operation, 0 = absent */
	u32 cpu_suspend_features;	/* PSCI_FEATURES(CPU_SUSPEND) flags */
	int tos_type;			/* MIGRATE_INFO_TYPE answer */
	u64 tos_mpidr;			/* valid for a uniprocessor Trusted OS */
	u32 smccc_version;
	/* Functions present whose PSCI_FEATURES answer was no (BIT(fn)). */
	u32 denied;
	struct psci_0_1_function_ids legacy_ids;
	struct psci_reset_mode reset_modes[PSCI_RESET_MODES];
};

/* The fields a state starts with before any probe. */
#define PSCI_STATE_INIT	.conduit = SMCCC_CONDUIT_NONE, .tos_type = PSCI_RET_NOT_SUPPORTED

static struct psci_state psci __ro_after_init = { PSCI_STATE_INIT };

struct psci_operations psci_ops;

/**
 * get_psci_0_1_function_ids() - the legacy (PSCI 0.1) function IDs in use
 *
 * Return: the IDs read from an "arm,psci" node when the kernel runs on
 * PSCI 0.1, zero for each one absent (psci_ops says which are present);
 * all zero on PSCI 0.2 and later.
 */
struct psci_0_1_function_ids get_psci_0_1_function_ids(void)
{
	return psci.legacy_ids;
}

/* ---- the conduit ------------------------------------------------------ */

/*
 * The conduit wrappers, like everything else CPU_SUSPEND runs after
 * ct_cpuidle_enter(), are noinstr: RCU is not watching there, so no
 * tracer, kprobe or sanitizer may run.
 */
static noinstr unsigned long psci_call_hvc(unsigned long fid, unsigned long a0,
					   unsigned long a1, unsigned long a2)
{
	struct arm_smccc_res res;

	arm_smccc_hvc(fid, a0, a1, a2, 0, 0, 0, 0, &res);
	return res.a0;
}

static noinstr unsigned long psci_call_smc(unsigned long fid, unsigned long a0,
					   unsigned long a1, unsigned long a2)
{
	struct arm_smccc_res res;

	arm_smccc_smc(fid, a0, a1, a2, 0, 0, 0, 0, &res);
	return res.a0;
}

/* The call wrapper of @conduit (or, in a KUnit test's thread, its fake). */
static psci_call_fn *psci_conduit_call(enum arm_smccc_conduit conduit)
{
	KUNIT_STATIC_STUB_REDIRECT(psci_conduit_call, conduit);
	return conduit == SMCCC_CONDUIT_HVC ? psci_call_hvc : psci_call_smc;
}

static void psci_set_conduit(struct psci_state *s, enum arm_smccc_conduit conduit)
{
	s->conduit = conduit;
	s->call = psci_conduit_call(conduit);
}

static const char *psci_conduit_name(enum arm_smccc_conduit conduit)
{
	switch (conduit) {
	case SMCCC_CONDUIT_HVC:
		return "hvc";
	case SMCCC_CONDUIT_SMC:
		return "smc";
	default:
		return "none";
	}
}

/*
 * Calls made to the kernel's firmware per operation, for
 * /sys/firmware/psci/calls/: per CPU, so that idle entries on many CPUs
 * share no cache line. Until the per-CPU areas are set up (the probe runs
 * in setup_arch(), on the boot CPU alone) they are counted in a plain
 * array: an early per-CPU write would land in the template every CPU's
 * area is copied from.
 */
static DEFINE_PER_CPU(unsigned long [PSCI_FN_MAX], psci_calls);
static unsigned long psci_boot_calls[PSCI_FN_MAX];
static bool psci_calls_percpu __ro_after_init;

static int __init psci_calls_percpu_init(void)
{
	psci_calls_percpu = true;
	return 0;
}
early_initcall(psci_calls_percpu_init);

static __always_inline void psci_count_call(enum psci_fn fn)
{
	if (likely(psci_calls_percpu))
		this_cpu_inc(psci_calls[fn]);
	else
		psci_boot_calls[fn]++;
}

/*
 * One firmware call for operation @fn with the ID in use. The caller has
 * checked that the operation is present; the result is the firmware's
 * register value, to be read as an int for PSCI status codes. Only the
 * kernel's firmware has its calls counted. Inlined: it also runs on the
 * idle path.
 */
static __always_inline unsigned long psci_call(const struct psci_state *s, enum psci_fn fn,
					       unsigned long a0, unsigned long a1,
					       unsigned long a2)
{
	if (s == &psci)
		psci_count_call(fn);
	return s->call(s->fid[fn], a0, a1, a2);
}

static void psci_forget(struct psci_state *s)
{
	s->call = NULL;
	s->conduit = SMCCC_CONDUIT_NONE;
}

static bool psci_has(const struct psci_state *s, enum psci_fn fn)
{
	return s->call && s->fid[fn];
}

static int psci_features(const struct psci_state *s, enum psci_fn fn)
{
	return psci_call(s, PSCI_FN_FEATURES, psci_fn_std_id(fn), 0, 0);
}

/*
 * Is @fn there to call? Present in this version (or node), and not denied
 * by PSCI_FEATURES at boot (1.0+: the optional functions are asked about
 * at probe, as the stock driver asks about SYSTEM_RESET2). A
 * MIGRATE_INFO_TYPE that answered NOT_SUPPORTED is not offered either.
 */
static bool psci_offered(const struct psci_state *s, enum psci_fn fn)
{
	if (!psci_has(s, fn) || (s->denied & BIT(fn)))
		return false;
	return fn != PSCI_FN_MIGRATE_INFO_TYPE || s->tos_type != PSCI_RET_NOT_SUPPORTED;
}

/* ---- status codes ----------------------------------------------------- */

static const char *psci_err_name(int err)
{
	switch (err) {
	case PSCI_RET_SUCCESS:
		return "SUCCESS";
	case PSCI_RET_NOT_SUPPORTED:
		return "NOT_SUPPORTED";
	case PSCI_RET_INVALID_PARAMS:
		return "INVALID_PARAMETERS";
	case PSCI_RET_DENIED:
		return "DENIED";
	case PSCI_RET_ALREADY_ON:
		return "ALREADY_ON";
	case PSCI_RET_ON_PENDING:
		return "ON_PENDING";
	case PSCI_RET_INTERNAL_FAILURE:
		return "INTERNAL_FAILURE";
	case PSCI_RET_NOT_PRESENT:
		return "NOT_PRESENT";
	case PSCI_RET_DISABLED:
		return "DISABLED";
	case PSCI_RET_INVALID_ADDRESS:
		return "INVALID_ADDRESS";
	default:
		return "unknown error";
	}
}

/*
 * Map a PSCI status to an errno, as callers have always seen it (arm64
 * and arm SMP, the PSCI checker, cpuidle): DENIED is -EPERM, NOT_SUPPORTED
 * -EOPNOTSUPP, anything else but SUCCESS -EINVAL. The kernel log names
 * the PSCI code itself (psci_err_name()). Inlined: CPU_SUSPEND uses it on
 * the idle path.
 */
static __always_inline int psci_to_errno(int err)
{
	switch (err) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_DENIED:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

static void psci_report(const struct psci_state *s, enum psci_fn fn, int err,
			const char *what, const char *then)
{
	pr_err("%s (0x%08x)%s failed: %s (%d)%s\n", psci_fn_name(fn),
	       s->fid[fn], what, psci_err_name(err), err, then);
}

/* ---- operations ------------------------------------------------------- */

/*
 * Each operation exists twice: psci_do_*() works on any state (the unit
 * tests' fake firmware included), psci_op_*() is the psci_ops entry the
 * rest of the kernel calls, on the kernel's firmware.
 */

static int psci_do_cpu_off(const struct psci_state *s, u32 state)
{
	int err = psci_call(s, PSCI_FN_CPU_OFF, state, 0, 0);

	/* CPU_OFF only returns on failure. */
	psci_report(s, PSCI_FN_CPU_OFF, err, "", "");
	return psci_to_errno(err);
}

/*
 * The one line a refused CPU_ON gets (arm64's bring-up adds only its
 * errno): DENIED is the firmware's right and needs no error.
 */
static int psci_do_cpu_on(const struct psci_state *s, unsigned long cpuid,
			  unsigned long entry_point)
{
	int err = psci_call(s, PSCI_FN_CPU_ON, cpuid, entry_point, 0);

	if (err == PSCI_RET_DENIED)
		pr_info("CPU_ON for MPIDR 0x%lx denied by firmware\n", cpuid);
	else if (err)
		pr_err("CPU_ON (0x%08x) for MPIDR 0x%lx failed: %s (%d)\n",
		       s->fid[PSCI_FN_CPU_ON], cpuid, psci_err_name(err), err);
	return psci_to_errno(err);
}

static int psci_do_migrate(const struct psci_state *s, unsigned long cpuid)
{
	if (!psci_offered(s, PSCI_FN_MIGRATE))
		return -EOPNOTSUPP;
	return psci_to_errno(psci_call(s, PSCI_FN_MIGRATE, cpuid, 0, 0));
}

static u32 psci_op_get_version(void)
{
	return psci.version;
}

/* Runs after ct_cpuidle_enter(): see psci_call_hvc(). */
static noinstr int psci_op_cpu_suspend(u32 state, unsigned long entry_point)
{
	return psci_to_errno(psci_call(&psci, PSCI_FN_CPU_SUSPEND, state, entry_point, 0));
}

static int psci_op_cpu_off(u32 state)
{
	return psci_do_cpu_off(&psci, state);
}

static int psci_op_cpu_on(unsigned long cpuid, unsigned long entry_point)
{
	return psci_do_cpu_on(&psci, cpuid, entry_point);
}

static int psci_op_migrate(unsigned long cpuid)
{
	return psci_do_migrate(&psci, cpuid);
}

static int psci_op_affinity_info(unsigned long target_affinity,
				 unsigned long lowest_affinity_level)
{
	return psci_call(&psci, PSCI_FN_AFFINITY_INFO, target_affinity,
			 lowest_affinity_level, 0);
}

static int psci_op_migrate_info_type(void)
{
	return psci_call(&psci, PSCI_FN_MIGRATE_INFO_TYPE, 0, 0, 0);
}

/* The psci_ops entries for the operations whose function ID is known. */
static struct psci_operations psci_make_ops(const struct psci_state *s)
{
	struct psci_operations ops = { .get_version = psci_op_get_version };

	if (s->fid[PSCI_FN_CPU_SUSPEND])
		ops.cpu_suspend = psci_op_cpu_suspend;
	if (s->fid[PSCI_FN_CPU_OFF])
		ops.cpu_off = psci_op_cpu_off;
	if (s->fid[PSCI_FN_CPU_ON])
		ops.cpu_on = psci_op_cpu_on;
	if (s->fid[PSCI_FN_MIGRATE])
		ops.migrate = psci_op_migrate;
	if (s->fid[PSCI_FN_AFFINITY_INFO])
		ops.affinity_info = psci_op_affinity_info;
	if (s->fid[PSCI_FN_MIGRATE_INFO_TYPE])
		ops.migrate_info_type = psci_op_migrate_info_type;
	return ops;
}

/* ---- CPU_SUSPEND power_state ------------------------------------------ */

static bool psci_ext_power_state(const struct psci_state *s)
{
	return s->cpu_suspend_features & PSCI_1_0_FEATURES_CPU_SUSPEND_PF_MASK;
}

static u32 psci_power_state_valid_bits(const struct psci_state *s)
{
	if (psci_ext_power_state(s))
		return PSCI_1_0_EXT_POWER_STATE_ID_MASK |
		       PSCI_1_0_EXT_POWER_STATE_TYPE_MASK;
	return PSCI_0_2_POWER_STATE_ID_MASK | PSCI_0_2_POWER_STATE_TYPE_MASK |
	       PSCI_0_2_POWER_STATE_AFFL_MASK;
}

/* Used by the idle path (CONFIG_CPU_IDLE) and the unit tests only. */
static bool __maybe_unused psci_power_state_loses_context(const struct psci_state *s, u32 state)
{
	u32 type = psci_ext_power_state(s) ? PSCI_1_0_EXT_POWER_STATE_TYPE_MASK :
					     PSCI_0_2_POWER_STATE_TYPE_MASK;

	return state & type;
}

/**
 * psci_power_state_is_valid() - check a CPU_SUSPEND power_state parameter
 * @state: the power_state value, e.g. from "arm,psci-suspend-param"
 *
 * Return: true when @state sets no bit reserved in the power_state format
 * the firmware uses (the extended format if PSCI_FEATURES says so).
 */
bool psci_power_state_is_valid(u32 state)
{
	return !(state & ~psci_power_state_valid_bits(&psci));
}

static bool psci_state_has_osi(const struct psci_state *s)
{
	return (s->cpu_suspend_features & PSCI_1_0_OS_INITIATED) &&
	       psci_has(s, PSCI_FN_SET_SUSPEND_MODE);
}

/**
 * psci_has_osi_support() - does the firmware offer OS-initiated suspend mode
 *
 * Return: true when PSCI_FEATURES(CPU_SUSPEND) advertises OSI mode and
 * SET_SUSPEND_MODE is available to switch to it.
 */
bool psci_has_osi_support(void)
{
	return psci_state_has_osi(&psci);
}

static int psci_do_set_osi_mode(const struct psci_state *s, bool enable)
{
	int err;

	/* Without SET_SUSPEND_MODE, platform-coordinated is the only mode. */
	if (!psci_has(s, PSCI_FN_SET_SUSPEND_MODE))
		return enable ? -EOPNOTSUPP : 0;

	err = psci_call(s, PSCI_FN_SET_SUSPEND_MODE,
			enable ? PSCI_1_0_SUSPEND_MODE_OSI : PSCI_1_0_SUSPEND_MODE_PC,
			0, 0);
	if (err)
		psci_report(s, PSCI_FN_SET_SUSPEND_MODE, err,
			    enable ? " to OS-initiated" : " to platform-coordinated", "");
	return psci_to_errno(err);
}

/**
 * psci_set_osi_mode() - choose OS-initiated or platform-coordinated suspend
 * @enable: true for OS-initiated, false for platform-coordinated
 *
 * Return: 0 on success (asking for platform-coordinated mode from a firmware
 * that has no other succeeds without a call), a negative errno when the
 * firmware refused or has no OS-initiated mode.
 */
int psci_set_osi_mode(bool enable)
{
	return psci_do_set_osi_mode(&psci, enable);
}

#ifdef CONFIG_CPU_IDLE
/*
 * Runs with the CPU context saved and RCU not watching: nothing here may be
 * traced, so the resume address is computed without the debug checks.
 */
static noinstr int psci_suspend_finisher(unsigned long state)
{
	phys_addr_t resume = __pa_symbol_nodebug((unsigned long)cpu_resume);

	return psci_op_cpu_suspend(state, resume);
}

/**
 * psci_cpu_suspend_enter() - enter an idle state through CPU_SUSPEND
 * @state: the power_state parameter of the state
 *
 * A retention state returns straight from the firmware; a power-down
 * state loses the CPU context, so it is entered through cpu_suspend(),
 * which saves the context and resumes at cpu_resume. Between
 * ct_cpuidle_enter() and ct_cpuidle_exit() only noinstr and
 * __always_inline code runs.
 *
 * Return: 0 after a successful suspend, a negative errno otherwise.
 */
int psci_cpu_suspend_enter(u32 state)
{
	struct arm_cpuidle_irq_context irq_ctx;
	int ret;

	if (!psci_has(&psci, PSCI_FN_CPU_SUSPEND))
		return -EOPNOTSUPP;

	if (psci_power_state_loses_context(&psci, state)) {
		/* arm64's cpu_suspend() tells context tracking itself. */
		if (!IS_ENABLED(CONFIG_ARM64))
			ct_cpuidle_enter();
		ret = cpu_suspend(state, psci_suspend_finisher);
		if (!IS_ENABLED(CONFIG_ARM64))
			ct_cpuidle_exit();
		return ret;
	}

	ct_cpuidle_enter();
	arm_cpuidle_save_irq_context(&irq_ctx);
	ret = psci_op_cpu_suspend(state, 0);
	arm_cpuidle_restore_irq_context(&irq_ctx);
	ct_cpuidle_exit();
	return ret;
}
#endif

/* ---- Trusted OS ------------------------------------------------------- */

static bool psci_state_tos_resident_on(const struct psci_state *s, int cpu)
{
	if (s->tos_type != PSCI_0_2_TOS_UP_MIGRATE &&
	    s->tos_type != PSCI_0_2_TOS_UP_NO_MIGRATE)
		return false;
	if (cpu < 0 || cpu >= nr_cpu_ids)
		return false;
	return cpu_logical_map(cpu) == s->tos_mpidr;
}

/**
 * psci_tos_resident_on() - is a uniprocessor Trusted OS resident on @cpu
 * @cpu: logical CPU number
 *
 * Such a CPU must not be turned off: the Trusted OS would deny CPU_OFF.
 *
 * Return: true when MIGRATE_INFO_TYPE/MIGRATE_INFO_UP_CPU name @cpu.
 */
bool psci_tos_resident_on(int cpu)
{
	return psci_state_tos_resident_on(&psci, cpu);
}

/*
 * Ask where a Trusted OS lives. The answer is kept as an MPIDR and matched
 * against the logical map when asked: this runs before the secondary CPUs
 * have logical numbers.
 */
static void __init psci_probe_trusted_os(struct psci_state *s)
{
	unsigned long mpidr;

	if (!psci_has(s, PSCI_FN_MIGRATE_INFO_TYPE))
		return;

	s->tos_type = psci_call(s, PSCI_FN_MIGRATE_INFO_TYPE, 0, 0, 0);
	switch (s->tos_type) {
	case PSCI_0_2_TOS_UP_MIGRATE:
	case PSCI_0_2_TOS_UP_NO_MIGRATE:
		break;
	case PSCI_0_2_TOS_MP:
		pr_info("Trusted OS migration not required\n");
		return;
	case PSCI_RET_NOT_SUPPORTED:
		pr_info("MIGRATE_INFO_TYPE not supported.\n");
		return;
	default:
		pr_err("MIGRATE_INFO_TYPE returned unknown type (%d)\n", s->tos_type);
		s->tos_type = PSCI_RET_NOT_SUPPORTED;
		return;
	}

	mpidr = psci_has(s, PSCI_FN_MIGRATE_INFO_UP_CPU) ?
		psci_call(s, PSCI_FN_MIGRATE_INFO_UP_CPU, 0, 0, 0) : ~0UL;
	if (mpidr & ~MPIDR_HWID_BITMASK) {
		pr_warn("MIGRATE_INFO_UP_CPU reported invalid physical ID (0x%lx)\n", mpidr);
		s->tos_type = PSCI_RET_NOT_SUPPORTED;
		return;
	}
	s->tos_mpidr = mpidr;
	pr_info("Trusted OS resident on physical CPU 0x%lx\n", mpidr);
}

/* ---- power off and restart -------------------------------------------- */

/*
 * SYSTEM_OFF only returns when the firmware refused. Other power-off
 * handlers may still follow (the kernel runs the rest of its chain), so
 * this is an error, not the end of the machine.
 */
static void psci_do_system_off(const struct psci_state *s)
{
	int err = psci_call(s, PSCI_FN_SYSTEM_OFF, 0, 0, 0);

	psci_report(s, PSCI_FN_SYSTEM_OFF, err, "", "; trying the next power-off handler");
}

static void psci_power_off(void)
{
	psci_do_system_off(&psci);
}

#ifdef CONFIG_HIBERNATION
/*
 * The power-off that ends a hibernation, where the firmware offers
 * SYSTEM_OFF2 with HIBERNATE_OFF (a hypervisor then keeps the guest for
 * its resume). Type 0 is HIBERNATE_OFF by default (DEN0022F.b); some
 * hypervisors refuse an explicit 1, so 0 it is, as mainline settled.
 */
static void psci_do_system_off2(const struct psci_state *s)
{
	int err = psci_call(s, PSCI_FN_SYSTEM_OFF2, 0, 0, 0);

	psci_report(s, PSCI_FN_SYSTEM_OFF2, err, " (hibernate)",
		    "; trying the next power-off handler");
}

/*
 * Is a hibernation under way? 6.12's system_entering_hibernation() is true
 * only on the platform (ACPI S4) path; a PM notifier covers the others.
 */
static bool psci_hibernating;

static int psci_hibernate_pm_notify(struct notifier_block *nb, unsigned long action,
				    void *data)
{
	if (action == PM_HIBERNATION_PREPARE)
		WRITE_ONCE(psci_hibernating, true);
	else if (action == PM_POST_HIBERNATION)
		WRITE_ONCE(psci_hibernating, false);
	return NOTIFY_DONE;
}

static struct notifier_block psci_hibernate_pm_nb = {
	.notifier_call = psci_hibernate_pm_notify,
};

static int psci_hibernate_power_off(struct sys_off_data *data)
{
	if (READ_ONCE(psci_hibernating) || system_entering_hibernation())
		psci_do_system_off2(data->cb_data);
	return NOTIFY_DONE;
}

/*
 * Ahead of every other power-off handler (EFI's is SYS_OFF_PRIO_FIRMWARE
 * + 1), but acting only while hibernating: any other power-off is
 * SYSTEM_OFF, last, through pm_power_off. Registered once the allocator
 * is up; no hibernation comes earlier.
 */
static int __init psci_hibernate_init(void)
{
	struct sys_off_handler *h;
	int err;

	if (!psci_has(&psci, PSCI_FN_SYSTEM_OFF2))
		return 0;
	err = register_pm_notifier(&psci_hibernate_pm_nb);
	if (err) {
		pr_err("cannot register the SYSTEM_OFF2 hibernation notifier (%d)\n", err);
		return 0;
	}
	h = register_sys_off_handler(SYS_OFF_MODE_POWER_OFF, SYS_OFF_PRIO_FIRMWARE + 2,
				     psci_hibernate_power_off, &psci);
	if (IS_ERR(h))
		pr_err("cannot register the SYSTEM_OFF2 hibernation handler (%ld)\n", PTR_ERR(h));
	return 0;
}
device_initcall(psci_hibernate_init);
#endif

/* The SYSTEM_RESET2 call a restart tries before SYSTEM_RESET. */
struct psci_reset2_req {
	u32 type;
	u64 cookie;
	const char *cmd;	/* the reboot command of a vendor type, else NULL */
};

static const struct psci_reset_mode *psci_find_reset_mode(const struct psci_state *s,
							  const char *cmd)
{
	int i;

	for (i = 0; cmd && i < PSCI_RESET_MODES && s->reset_modes[i].cmd[0]; i++)
		if (!strcmp(cmd, s->reset_modes[i].cmd))
			return &s->reset_modes[i];
	return NULL;
}

/*
 * One mode-<command> property of @child into @m, or false after one line
 * saying why not. @whole: the reboot-mode form, whose first cell is the
 * whole reset_type and which may carry a 64-bit cookie; else the 2024
 * reset-types form, whose type is bits [30:0] (the vendor bit implied).
 */
static bool __init psci_dt_reset_mode(const struct device_node *child,
				      const struct property *prop, bool whole,
				      struct psci_reset_mode *m)
{
	const __be32 *cell = prop->value;
	const char *cmd = prop->name + 5;
	int cells = prop->length / 4;
	u32 type;

	if (!cell || prop->length % 4 || !cells || cells > (whole ? 3 : 2)) {
		pr_err("%pOF: %s ignored: %d bytes, expected %s\n", child, prop->name,
		       prop->length, whole ? "<reset_type [[cookie_hi] cookie_lo]> (1 to 3 cells)" :
		       "<type [cookie]> (1 or 2 cells)");
		return false;
	}
	type = be32_to_cpu(cell[0]);
	if (whole && !(type & PSCI_1_1_RESET_TYPE_VENDOR_START)) {
		pr_err("%pOF: %s ignored: reset_type 0x%08x is not a vendor type (expected bit 31 set, 0x80000000 and above)\n",
		       child, prop->name, type);
		return false;
	}
	if (!whole && (type & PSCI_1_1_RESET_TYPE_VENDOR_START)) {
		pr_err("%pOF: %s ignored: type 0x%08x has bit 31 set (reset-types takes bits [30:0]; a reboot-mode child takes the whole reset_type)\n",
		       child, prop->name, type);
		return false;
	}
	if (whole && !strcmp(cmd, "normal")) {
		pr_err("%pOF: %s ignored: the normal reboot is SYSTEM_RESET itself\n",
		       child, prop->name);
		return false;
	}
	if (!*cmd || strlen(cmd) >= sizeof(m->cmd)) {
		pr_err("%pOF: %s ignored: expected a command of 1 to %zu characters\n",
		       child, prop->name, sizeof(m->cmd) - 1);
		return false;
	}
	m->type = type | PSCI_1_1_RESET_TYPE_VENDOR_START;
	if (cells == 3)
		m->cookie = (u64)be32_to_cpu(cell[1]) << 32 | be32_to_cpu(cell[2]);
	else
		m->cookie = cells == 2 ? be32_to_cpu(cell[1]) : 0;
	if (!IS_ENABLED(CONFIG_64BIT) && upper_32_bits(m->cookie)) {
		pr_err("%pOF: %s ignored: cookie 0x%llx needs SMC64 SYSTEM_RESET2, which a 32-bit kernel cannot call\n",
		       child, prop->name, m->cookie);
		return false;
	}
	strscpy(m->cmd, cmd, sizeof(m->cmd));
	m->child = whole ? "reboot-mode" : "reset-types";
	return true;
}

/* The modes of the psci node's child @name after the @n already read. */
static int __init psci_dt_read_mode_child(struct psci_state *s, const struct device_node *np,
					  const char *name, bool whole, int n)
{
	struct device_node *child = of_get_child_by_name(np, name);
	const struct property *prop;

	if (!child)
		return n;
	for_each_property_of_node(child, prop) {
		const struct psci_reset_mode *other;
		struct psci_reset_mode m;

		if (strncmp(prop->name, "mode-", 5) || !psci_dt_reset_mode(child, prop, whole, &m))
			continue;
		other = psci_find_reset_mode(s, m.cmd);
		if (other) {
			pr_err("%pOF: %s ignored: %s already names reboot mode \"%s\" (reset_type 0x%08x)\n",
			       child, prop->name, other->child, other->cmd, other->type);
			continue;
		}
		if (n == PSCI_RESET_MODES) {
			pr_err("%pOF: %s ignored: at most %d reboot modes\n",
			       child, prop->name, PSCI_RESET_MODES);
			continue;
		}
		s->reset_modes[n++] = m;
	}
	of_node_put(child);
	return n;
}

/*
 * Vendor reset types for reboot commands, from a child of the psci node in
 * either form: reboot-mode, mode-<command> = <reset_type [[cookie_hi]
 * cookie_lo]> (the binding upstream review settled on), or the earlier
 * reset-types, mode-<command> = <type [cookie]>. A command both name keeps
 * its reboot-mode entry.
 */
static void __init psci_dt_read_reset_modes(struct psci_state *s, const struct device_node *np)
{
	int n = psci_dt_read_mode_child(s, np, "reboot-mode", true, 0);

	psci_dt_read_mode_child(s, np, "reset-types", false, n);
}

static bool psci_vendor_reset_type(const struct psci_state *s, const char *cmd,
				   struct psci_reset2_req *r)
{
	const struct psci_reset_mode *vendor = psci_find_reset_mode(s, cmd);

	if (!vendor)
		return false;
	r->type = vendor->type;
	r->cookie = vendor->cookie;
	r->cmd = vendor->cmd;
	return true;
}

/*
 * Try SYSTEM_RESET2 with @r where the firmware has it. Returns only if it
 * is absent or refused, SYSTEM_RESET being the fallback.
 */
static void psci_try_reset2(const struct psci_state *s, const struct psci_reset2_req *r)
{
	int err;

	if (!psci_offered(s, PSCI_FN_SYSTEM_RESET2)) {
		if (r->cmd)
			pr_notice("no SYSTEM_RESET2 for reboot mode \"%s\" (reset_type 0x%08x), using SYSTEM_RESET\n",
				  r->cmd, r->type);
		else
			pr_notice("no SYSTEM_RESET2 for a warm reset, using SYSTEM_RESET\n");
		return;
	}
	err = psci_call(s, PSCI_FN_SYSTEM_RESET2, r->type, r->cookie, 0);
	if (r->cmd) {
		char what[96];

		snprintf(what, sizeof(what),
			 " for reboot mode \"%s\" (reset_type 0x%08x, cookie 0x%llx)",
			 r->cmd, r->type, r->cookie);
		psci_report(s, PSCI_FN_SYSTEM_RESET2, err, what, "; falling back to SYSTEM_RESET");
	} else {
		psci_report(s, PSCI_FN_SYSTEM_RESET2, err, " (warm reset)",
			    "; falling back to SYSTEM_RESET");
	}
}

/*
 * Reset for reboot @mode and command @cmd: a vendor reset type the command
 * names, or a warm reset, through SYSTEM_RESET2 where the firmware has it;
 * SYSTEM_RESET otherwise and as the fallback. Returns only if all failed.
 */
static void psci_do_restart(const struct psci_state *s, enum reboot_mode mode, const char *cmd)
{
	struct psci_reset2_req r = { .type = PSCI_1_1_RESET_TYPE_SYSTEM_WARM_RESET };
	bool reset2 = mode == REBOOT_WARM || mode == REBOOT_SOFT;
	int err;

	reset2 |= psci_vendor_reset_type(s, cmd, &r);
	if (reset2)
		psci_try_reset2(s, &r);
	err = psci_call(s, PSCI_FN_SYSTEM_RESET, 0, 0, 0);
	psci_report(s, PSCI_FN_SYSTEM_RESET, err, "", "; trying the next restart handler");
}

static int psci_restart_notify(struct notifier_block *nb, unsigned long mode, void *cmd)
{
	psci_do_restart(&psci, mode, cmd);
	return NOTIFY_DONE;
}

/*
 * PSCI resets the whole system, so it runs before the board restart
 * handlers at their defaults (watchdogs at 128, gpio-restart at 129), as
 * it always has, and warm and vendor resets reach the firmware. 130, not
 * the stock driver's 129: a sys-off restart handler must own its priority
 * alone, and gpio-restart's default 129 would then fail to register
 * (-EBUSY, as it does beside the stock driver).
 */
#define PSCI_RESTART_PRIORITY	130

static struct notifier_block psci_restart_nb = {
	.notifier_call = psci_restart_notify,
	.priority = PSCI_RESTART_PRIORITY,
};

/*
 * Called from setup_arch() once the kernel's firmware is probed, so that
 * even an early panic with panic=N resets through PSCI. Nothing here
 * allocates. Power-off goes through pm_power_off, which the kernel runs
 * after the board's own power-off handlers at the default priority
 * (gpio-poweroff, PMICs) and which leaves every sys-off priority free for
 * them (a non-default one must be unique, SYS_OFF_PRIO_FIRMWARE included).
 */
static void __init psci_register_hooks(void)
{
	int err;

	/*
	 * PSCI 0.1 has no SYSTEM_OFF or SYSTEM_RESET: nothing to register.
	 * The board's own handlers do it, or the kernel says that it halted
	 * ("reboot: System halted", "Reboot failed -- System halted").
	 */
	if (psci.version < PSCI_VERSION(0, 2))
		return;

	if (psci_has(&psci, PSCI_FN_SYSTEM_OFF))
		pm_power_off = psci_power_off;

	if (psci_has(&psci, PSCI_FN_SYSTEM_RESET)) {
		err = register_restart_handler(&psci_restart_nb);
		if (err)
			pr_err("cannot register the SYSTEM_RESET restart handler (%d)\n", err);
	}
}

/* ---- system suspend ---------------------------------------------------- */

#ifdef CONFIG_SUSPEND
static int psci_system_suspend_finisher(unsigned long unused)
{
	int err = psci_call(&psci, PSCI_FN_SYSTEM_SUSPEND, __pa_symbol(cpu_resume), 0, 0);

	return psci_to_errno(err);
}

/*
 * SYSTEM_SUSPEND hands the whole system to the firmware, as ACPI S3 does:
 * say so, so that drivers which choose how deep to suspend by it (NVMe,
 * for one) do not leave their devices in a state the firmware then cuts
 * the power from (as mainline does since 2026).
 */
static int psci_system_suspend_begin(suspend_state_t state)
{
	pm_set_suspend_via_firmware();
	return 0;
}

static int psci_system_suspend_enter(suspend_state_t state)
{
	int err = cpu_suspend(0, psci_system_suspend_finisher);

	if (!err)
		pm_set_resume_via_firmware();
	return err;
}

static const struct platform_suspend_ops psci_suspend_ops = {
	.valid = suspend_valid_only_mem,
	.begin = psci_system_suspend_begin,
	.enter = psci_system_suspend_enter,
};
#endif

/* ---- probe: PSCI 0.2 and later ----------------------------------------- */

/* The newest major version whose functions this driver knows. */
#define PSCI_MAJOR_KNOWN	1

/* A version a 0.2+ firmware can answer: 0.2 or later, and not an error. */
static bool psci_version_plausible(u32 ver)
{
	return (s32)ver >= 0 && ver >= PSCI_VERSION(0, 2);
}

static void __init psci_probe_smccc(struct psci_state *s)
{
	int feature = psci_call(s, PSCI_FN_FEATURES, ARM_SMCCC_VERSION_FUNC_ID, 0, 0);
	u32 ver = ARM_SMCCC_VERSION_1_0;

	if (feature >= 0) {
		u32 answer = s->call(ARM_SMCCC_VERSION_FUNC_ID, 0, 0, 0);

		if ((s32)answer >= (s32)ARM_SMCCC_VERSION_1_1)
			ver = answer;
	}
	s->smccc_version = ver;
	pr_info("SMC Calling Convention v%d.%d\n", PSCI_VERSION_MAJOR(ver),
		PSCI_VERSION_MINOR(ver));
}

/*
 * SYSTEM_OFF2 (PSCI 1.3) serves only to end a hibernation, and only with
 * its HIBERNATE_OFF type: kept when the firmware offers that (asked at
 * boot, with hibernation built in), dropped otherwise, with a line when
 * the function is there without the type.
 */
static void __init psci_probe_off2(struct psci_state *s)
{
	int types;

	if (!psci_has(s, PSCI_FN_SYSTEM_OFF2))
		return;
	if (!IS_ENABLED(CONFIG_HIBERNATION)) {
		s->fid[PSCI_FN_SYSTEM_OFF2] = 0;
		return;
	}
	types = psci_features(s, PSCI_FN_SYSTEM_OFF2);
	if (types >= 0 && !(types & PSCI_1_3_OFF_TYPE_HIBERNATE_OFF))
		pr_warn("SYSTEM_OFF2 (0x%08x) offers no HIBERNATE_OFF type (PSCI_FEATURES: 0x%x): hibernation ends in SYSTEM_OFF\n",
			s->fid[PSCI_FN_SYSTEM_OFF2], types);
	if (types < 0 || !(types & PSCI_1_3_OFF_TYPE_HIBERNATE_OFF))
		s->fid[PSCI_FN_SYSTEM_OFF2] = 0;
}

/*
 * On 1.0+, ask at boot, in the stock driver's order: CPU_SUSPEND's flags
 * (power_state format, OSI), SYSTEM_SUSPEND and SYSTEM_RESET2; then the
 * other optional functions, so that /sys/firmware/psci/functions/ is true
 * and no firmware call is left for the restart path. SET_SUSPEND_MODE
 * comes with OSI. A firmware newer than this driver knows is asked about
 * every function: only what it confirms is used.
 */
static void __init psci_probe_features(struct psci_state *s)
{
	static const enum psci_fn optional[] __initconst = {
		PSCI_FN_SYSTEM_RESET2, PSCI_FN_MIGRATE, PSCI_FN_MIGRATE_INFO_TYPE,
		PSCI_FN_MIGRATE_INFO_UP_CPU,
	};
	enum psci_fn fn;
	int feature, i;

	/*
	 * CPU_SUSPEND is mandatory: an error here is the firmware's bug, and
	 * like the stock driver this keeps CPU_SUSPEND (idle states stay
	 * usable), in the original power_state format.
	 */
	feature = psci_features(s, PSCI_FN_CPU_SUSPEND);
	if (feature >= 0)
		s->cpu_suspend_features = feature;
	else
		pr_warn(FW_BUG "PSCI_FEATURES(CPU_SUSPEND) returned %d; assuming the original power_state format\n",
			feature);

	if (!(s->cpu_suspend_features & PSCI_1_0_OS_INITIATED))
		s->fid[PSCI_FN_SET_SUSPEND_MODE] = 0;

	if (!IS_ENABLED(CONFIG_SUSPEND) || psci_features(s, PSCI_FN_SYSTEM_SUSPEND) < 0)
		s->fid[PSCI_FN_SYSTEM_SUSPEND] = 0;

	for (i = 0; i < ARRAY_SIZE(optional); i++)
		if (psci_has(s, optional[i]) && psci_features(s, optional[i]) < 0)
			s->denied |= BIT(optional[i]);

	psci_probe_off2(s);

	if (PSCI_VERSION_MAJOR(s->version) <= PSCI_MAJOR_KNOWN)
		return;
	for (fn = 0; fn < PSCI_FN_MAX; fn++) {
		if (fn == PSCI_FN_VERSION || fn == PSCI_FN_FEATURES ||
		    fn == PSCI_FN_CPU_SUSPEND || fn == PSCI_FN_SYSTEM_SUSPEND ||
		    fn == PSCI_FN_SYSTEM_OFF2 || !s->fid[fn])
			continue;
		if (psci_features(s, fn) < 0)
			s->fid[fn] = 0;
	}
}

static void __init psci_use_standard_ids(struct psci_state *s, bool v1)
{
	enum psci_fn fn;

	for (fn = 0; fn < PSCI_FN_MAX; fn++)
		s->fid[fn] = psci_fn_std_id(fn);
	if (!v1) {
		/* Functions introduced by PSCI 1.0 and 1.1. */
		s->fid[PSCI_FN_FEATURES] = 0;
		s->fid[PSCI_FN_SYSTEM_SUSPEND] = 0;
		s->fid[PSCI_FN_SET_SUSPEND_MODE] = 0;
		s->fid[PSCI_FN_SYSTEM_RESET2] = 0;
	}
	/* PSCI 1.3's. */
	if (s->version < PSCI_VERSION(1, 3))
		s->fid[PSCI_FN_SYSTEM_OFF2] = 0;
}

/*
 * Probe a firmware that should implement PSCI 0.2 or later over the
 * conduit already chosen. Returns -ENODEV, touching nothing else, when
 * PSCI_VERSION gives no plausible answer (left in @version).
 */
static int __init psci_probe_standard(struct psci_state *s, u32 *version)
{
	u32 ver;

	s->fid[PSCI_FN_VERSION] = PSCI_0_2_FN_PSCI_VERSION;
	ver = psci_call(s, PSCI_FN_VERSION, 0, 0, 0);
	*version = ver;
	/* The stock driver's lines, which test farms and bug reports grep. */
	pr_info("PSCIv%d.%d detected in firmware.\n", PSCI_VERSION_MAJOR(ver),
		PSCI_VERSION_MINOR(ver));
	if (PSCI_VERSION_MAJOR(ver) == 0 && PSCI_VERSION_MINOR(ver) < 2)
		pr_err("Conflicting PSCI version detected.\n");
	if (!psci_version_plausible(ver)) {
		s->fid[PSCI_FN_VERSION] = 0;
		return -ENODEV;
	}

	s->version = ver;
	s->smccc_version = ARM_SMCCC_VERSION_1_0;
	psci_use_standard_ids(s, PSCI_VERSION_MAJOR(ver) >= 1);
	pr_info("Using standard PSCI v0.2 function IDs\n");
	if (PSCI_VERSION_MAJOR(ver) > PSCI_MAJOR_KNOWN)
		pr_warn("PSCI_VERSION says %u.%u, newer than the 1.x this kernel knows; using the functions PSCI_FEATURES confirms\n",
			PSCI_VERSION_MAJOR(ver), PSCI_VERSION_MINOR(ver));
	/* MIGRATE_INFO_UP_CPU is asked only when a Trusted OS says so. */
	psci_probe_trusted_os(s);
	if (PSCI_VERSION_MAJOR(ver) >= 1) {
		psci_probe_smccc(s);
		psci_probe_features(s);
	}

	pr_info("PSCIv%u.%u over %s from %s; SMCCC v%u.%u%s%s%s\n",
		PSCI_VERSION_MAJOR(ver), PSCI_VERSION_MINOR(ver),
		psci_conduit_name(s->conduit), s->source,
		PSCI_VERSION_MAJOR(s->smccc_version),
		PSCI_VERSION_MINOR(s->smccc_version),
		psci_has(s, PSCI_FN_SYSTEM_SUSPEND) ? ", SYSTEM_SUSPEND" : "",
		psci_ext_power_state(s) ? ", extended power_state" : "",
		psci_state_has_osi(s) ? ", OSI" : "");

	/* A kernel started after one that chose OSI must not inherit it. */
	if (psci_state_has_osi(s)) {
		if (s->source && !strcmp(s->source, "arm,psci-1.0"))
			pr_info("OSI mode supported.\n");
		psci_do_set_osi_mode(s, false);
	}
	return 0;
}

/* ---- probe: device tree ------------------------------------------------- */

/* What a psci node's compatible says about the firmware's function IDs. */
enum psci_dt_ids {
	PSCI_DT_STANDARD,	/* PSCI 0.2 and later: the SMCCC standard IDs */
	PSCI_DT_LEGACY,		/* PSCI 0.1: the node's own cpu_on, ... IDs */
};

/*
 * The compatibles, best first: a node listing several is probed as the
 * first of them in this table, whatever their order in the node.
 */
static const struct of_device_id psci_of_match[] __initconst = {
	{ .compatible = "arm,psci-1.0", .data = (void *)PSCI_DT_STANDARD },
	{ .compatible = "arm,psci-0.2", .data = (void *)PSCI_DT_STANDARD },
	{ .compatible = "arm,psci", .data = (void *)PSCI_DT_LEGACY },
	{}
};

/*
 * The compatible a probe used, as the string the state keeps: the match
 * table is freed after boot, and /sys/firmware/psci/source reads it later.
 */
static const char *const psci_dt_sources[] = { "arm,psci-1.0", "arm,psci-0.2", "arm,psci" };

static const char *__init psci_dt_source(const struct of_device_id *m)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(psci_dt_sources); i++)
		if (!strcmp(m->compatible, psci_dt_sources[i]))
			return psci_dt_sources[i];
	return "DT";
}

static enum psci_dt_ids __init psci_dt_match_ids(const struct of_device_id *m)
{
	return (uintptr_t)m->data;
}

/* The best entry of psci_of_match for @np (of the legacy ones, if @legacy). */
static const struct of_device_id *__init psci_dt_match(const struct device_node *np,
						      bool legacy)
{
	const struct of_device_id *m;

	for (m = psci_of_match; m->compatible[0]; m++)
		if ((!legacy || psci_dt_match_ids(m) == PSCI_DT_LEGACY) &&
		    of_device_is_compatible(np, m->compatible))
			return m;
	return NULL;
}

/*
 * The first available psci node anywhere in the tree; @disabled is set to
 * the first disabled one, so that a board author can be told why PSCI is
 * off.
 */
static struct device_node *__init psci_find_node(struct device_node **disabled)
{
	struct device_node *np, *found = NULL;

	*disabled = NULL;
	for_each_of_allnodes(np) {
		if (!psci_dt_match(np, false))
			continue;
		if (!of_device_is_available(np)) {
			if (!*disabled)
				*disabled = np;
			continue;
		}
		if (found) {
			pr_warn("%pOF: a second psci node, ignored; using %pOF\n", np, found);
			continue;
		}
		found = of_node_get(np);
	}
	return found;
}

/*
 * The conduit from "method"; false (and one line) when it is unusable. Of
 * a list of strings the first counts, as for the stock driver (psci-lint
 * tells the board's author).
 */
static bool __init psci_dt_conduit(struct psci_state *s, const struct device_node *np)
{
	const struct property *prop = of_find_property(np, "method", NULL);
	const char *val;

	pr_info("probing for conduit method from DT.\n");
	if (!prop) {
		pr_err("%pOF: missing \"method\" property, expected \"smc\" or \"hvc\"; PSCI disabled\n",
		       np);
		return false;
	}
	val = prop->value;
	/* Not a string: unterminated, or a cell (it reads as an empty string). */
	if (prop->length < 1 || !val || strnlen(val, prop->length) == prop->length ||
	    (!val[0] && prop->length > 1)) {
		pr_err("%pOF: \"method\" is not a string (%d bytes), expected \"smc\" or \"hvc\"; PSCI disabled\n",
		       np, prop->length);
		return false;
	}
	if (!strcmp(val, "hvc")) {
		psci_set_conduit(s, SMCCC_CONDUIT_HVC);
	} else if (!strcmp(val, "smc")) {
		psci_set_conduit(s, SMCCC_CONDUIT_SMC);
	} else {
		pr_err("%pOF: invalid \"method\" \"%s\", expected \"smc\" or \"hvc\"; PSCI disabled\n",
		       np, val);
		return false;
	}
	return true;
}

/*
 * The name of the standard function @id calls, when that is a function
 * other than @fn; NULL when @id is outside the standard range or is @fn's
 * own standard ID (of either width: a 0.1 node does not know the kernel's).
 */
static const char *psci_std_id_clash(u32 id, enum psci_fn fn)
{
	u32 n = (id & ~PSCI_0_2_64BIT) - PSCI_0_2_FN_BASE;

	if (n >= ARRAY_SIZE(psci_std_functions) || n == psci_fn_number[fn])
		return NULL;
	return psci_std_functions[n].name;
}

/*
 * Read the legacy IDs of an "arm,psci" node. Each is optional; one shorter
 * than a cell, or 0, is dropped with a line saying why. What the stock
 * driver accepts is accepted silently (psci-lint tells the board's author):
 * the first cell of a longer property, two operations sharing one ID. In a node that is only
 * "arm,psci", the IDs are whatever that firmware defined (Calxeda's
 * cpu_on is 0x84000006), so they are used as they are. Only when a node
 * that also says "arm,psci-0.2"/"arm,psci-1.0" falls back to them
 * (@standard_too) does the firmware speak the standard numbering as well,
 * and an ID that is the standard ID of another function would call that
 * function: such an ID is dropped.
 */
static void __init psci_dt_read_legacy(struct psci_state *s, const struct device_node *np,
				       bool standard_too)
{
	u32 ids[ARRAY_SIZE(psci_legacy_props)] = { };
	int i;

	for (i = 0; i < ARRAY_SIZE(psci_legacy_props); i++) {
		const char *name = psci_legacy_props[i].prop;
		enum psci_fn fn = psci_legacy_props[i].fn;
		const struct property *prop = of_find_property(np, name, NULL);
		const char *clash;
		u32 id;

		if (!prop)
			continue;
		if (prop->length < sizeof(u32) || !prop->value) {
			pr_err("%pOF: \"%s\" is %d bytes, expected one 32-bit cell; %s disabled\n",
			       np, name, prop->length, psci_fn_name(fn));
			continue;
		}
		id = be32_to_cpup(prop->value);
		if (!id) {
			pr_err("%pOF: \"%s\" is 0, not a function ID; %s disabled\n",
			       np, name, psci_fn_name(fn));
			continue;
		}
		clash = standard_too ? psci_std_id_clash(id, fn) : NULL;
		if (clash) {
			pr_err("%pOF: \"%s\" = 0x%08x is the standard ID of %s, which this firmware also speaks; %s disabled\n",
			       np, name, id, clash, psci_fn_name(fn));
			continue;
		}
		ids[i] = id;
	}

	for (i = 0; i < ARRAY_SIZE(ids); i++)
		s->fid[psci_legacy_props[i].fn] = ids[i];
	s->legacy_ids = (struct psci_0_1_function_ids){
		.cpu_suspend = s->fid[PSCI_FN_CPU_SUSPEND],
		.cpu_off = s->fid[PSCI_FN_CPU_OFF],
		.cpu_on = s->fid[PSCI_FN_CPU_ON],
		.migrate = s->fid[PSCI_FN_MIGRATE],
	};
}

static int __init psci_probe_legacy(struct psci_state *s, const struct device_node *np,
				    bool standard_too)
{
	pr_info("Using PSCI v0.1 Function IDs from DT\n");
	s->version = PSCI_VERSION(0, 1);
	/* What a firmware that reports no SMCCC version implements (ABI). */
	s->smccc_version = ARM_SMCCC_VERSION_1_0;
	psci_dt_read_legacy(s, np, standard_too);
	if (!s->fid[PSCI_FN_CPU_SUSPEND] && !s->fid[PSCI_FN_CPU_OFF] &&
	    !s->fid[PSCI_FN_CPU_ON] && !s->fid[PSCI_FN_MIGRATE]) {
		pr_err("%pOF: \"arm,psci\" node without a usable cpu_suspend, cpu_off, cpu_on or migrate ID; no PSCI\n",
		       np);
		s->version = 0;
		psci_forget(s);
		return -ENODEV;
	}

	pr_info("PSCIv0.1 over %s from %pOF: cpu_suspend %s, cpu_off %s, cpu_on %s, migrate %s; no SYSTEM_OFF/SYSTEM_RESET\n",
		psci_conduit_name(s->conduit), np,
		s->fid[PSCI_FN_CPU_SUSPEND] ? "yes" : "no", s->fid[PSCI_FN_CPU_OFF] ? "yes" : "no",
		s->fid[PSCI_FN_CPU_ON] ? "yes" : "no", s->fid[PSCI_FN_MIGRATE] ? "yes" : "no");
	return 0;
}

/*
 * Probe the firmware behind one psci node: the conduit, then the best
 * compatible the node lists, falling back from 0.2/1.0 to the node's
 * legacy IDs when it is also "arm,psci" and PSCI_VERSION says no.
 */
static int __init psci_probe_node(struct psci_state *s, const struct device_node *np)
{
	const struct of_device_id *m = psci_dt_match(np, false);
	const struct of_device_id *legacy;
	u32 ver;

	if (!m || !psci_dt_conduit(s, np)) {
		psci_forget(s);
		return -ENODEV;
	}
	s->source = psci_dt_source(m);

	if (psci_dt_match_ids(m) == PSCI_DT_LEGACY)
		return psci_probe_legacy(s, np, false);

	psci_dt_read_reset_modes(s, np);
	if (!psci_probe_standard(s, &ver))
		return 0;
	legacy = psci_dt_match(np, true);
	if (!legacy) {
		pr_err("%pOF: PSCI_VERSION over %s returned 0x%08x, not PSCI 0.2 or later; PSCI disabled\n",
		       np, psci_conduit_name(s->conduit), ver);
		psci_forget(s);
		return -ENODEV;
	}
	pr_warn("%pOF: PSCI_VERSION over %s returned 0x%08x, not PSCI 0.2 or later; falling back to the legacy \"arm,psci\" IDs\n",
		np, psci_conduit_name(s->conduit), ver);
	s->source = psci_dt_source(legacy);
	return psci_probe_legacy(s, np, true);
}

/* ---- the kernel's firmware: publish, and the DT and ACPI entry points -- */

/*
 * The kernel's firmware is probed: publish it to the rest of the kernel
 * (psci_ops, the SMCCC version, KVM's hypervisor services, suspend ops)
 * and install the power-off and restart hooks.
 */
static void __init psci_publish(void)
{
	psci_ops = psci_make_ops(&psci);
	/* SMCCC 1.1, SYSTEM_SUSPEND and KVM's services come with 1.0 and later. */
	if (psci.smccc_version >= ARM_SMCCC_VERSION_1_1)
		arm_smccc_version_init(psci.smccc_version, psci.conduit);
#ifdef CONFIG_SUSPEND
	if (psci_has(&psci, PSCI_FN_SYSTEM_SUSPEND))
		suspend_set_ops(&psci_suspend_ops);
#endif
	if (PSCI_VERSION_MAJOR(psci.version) >= 1)
		kvm_init_hyp_services();
	psci_register_hooks();
}

/**
 * psci_dt_init() - find and probe the PSCI firmware from the device tree
 *
 * Called from setup_arch(), before the allocator and the secondary CPUs.
 * A tree without a psci node (a spin-table board) is not an error and
 * draws no line.
 *
 * Return: 0 when PSCI is usable, a negative errno otherwise (the kernel
 * then boots without it).
 */
int __init psci_dt_init(void)
{
	struct device_node *disabled;
	struct device_node *np = psci_find_node(&disabled);
	int ret;

	if (!np && disabled) {
		pr_warn("%pOF: psci node is disabled (status is not \"okay\"); no PSCI\n",
			disabled);
		return -ENODEV;
	}
	if (!np)
		return -ENODEV;
	ret = psci_probe_node(&psci, np);
	of_node_put(np);
	if (!ret)
		psci_publish();
	return ret;
}

#ifdef CONFIG_ACPI
/**
 * psci_acpi_init() - probe the PSCI firmware the ACPI FADT announces
 *
 * Return: 0 when PSCI is usable, a negative errno otherwise.
 */
int __init psci_acpi_init(void)
{
	u32 ver;

	if (!acpi_psci_present()) {
		pr_info("is not implemented in ACPI.\n");
		return -EOPNOTSUPP;
	}
	pr_info("probing for conduit method from ACPI.\n");

	psci.source = "ACPI";
	psci_set_conduit(&psci, acpi_psci_use_hvc() ? SMCCC_CONDUIT_HVC : SMCCC_CONDUIT_SMC);
	if (psci_probe_standard(&psci, &ver)) {
		pr_err("FADT: PSCI_VERSION over %s returned 0x%08x, not PSCI 0.2 or later; PSCI disabled\n",
		       psci_conduit_name(psci.conduit), ver);
		psci_forget(&psci);
		return -ENODEV;
	}
	psci_publish();
	return 0;
}
#endif

/* ---- /sys/firmware/psci ---------------------------------------------------- */

#ifdef CONFIG_SYSFS
/* The calls made to the kernel's firmware for @fn since boot. */
static unsigned long psci_calls_total(enum psci_fn fn)
{
	unsigned long sum = psci_boot_calls[fn];
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(psci_calls, cpu)[fn];
	return sum;
}

static const char *psci_tos_name(void)
{
	switch (psci.tos_type) {
	case PSCI_0_2_TOS_UP_MIGRATE:
		return "up-migratable";
	case PSCI_0_2_TOS_UP_NO_MIGRATE:
		return "up-not-migratable";
	case PSCI_0_2_TOS_MP:
		return "mp";
	default:
		return "none";
	}
}

static ssize_t version_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u.%u\n", PSCI_VERSION_MAJOR(psci.version),
			  PSCI_VERSION_MINOR(psci.version));
}

static ssize_t conduit_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", psci_conduit_name(psci.conduit));
}

static ssize_t source_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", psci.source);
}

static ssize_t smccc_version_show(struct kobject *kobj, struct kobj_attribute *attr,
				  char *buf)
{
	return sysfs_emit(buf, "%u.%u\n", PSCI_VERSION_MAJOR(psci.smccc_version),
			  PSCI_VERSION_MINOR(psci.smccc_version));
}

static ssize_t power_state_format_show(struct kobject *kobj, struct kobj_attribute *attr,
				       char *buf)
{
	return sysfs_emit(buf, "%s\n", psci_ext_power_state(&psci) ? "extended" : "original");
}

static ssize_t suspend_mode_show(struct kobject *kobj, struct kobj_attribute *attr,
				 char *buf)
{
	return sysfs_emit(buf, "%s\n", psci_state_has_osi(&psci) ?
			  "platform-coordinated os-initiated" : "platform-coordinated");
}

static ssize_t trusted_os_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	if (psci.tos_type == PSCI_0_2_TOS_UP_MIGRATE ||
	    psci.tos_type == PSCI_0_2_TOS_UP_NO_MIGRATE)
		return sysfs_emit(buf, "%s 0x%llx\n", psci_tos_name(), psci.tos_mpidr);
	return sysfs_emit(buf, "%s\n", psci_tos_name());
}

/* The optional functions offered (what the probe asked PSCI_FEATURES). */
static ssize_t features_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	static const enum psci_fn optional[] = {
		PSCI_FN_CPU_SUSPEND, PSCI_FN_MIGRATE, PSCI_FN_MIGRATE_INFO_UP_CPU,
		PSCI_FN_SYSTEM_SUSPEND, PSCI_FN_SET_SUSPEND_MODE, PSCI_FN_SYSTEM_RESET2,
		PSCI_FN_SYSTEM_OFF2,
	};
	int i, len = 0;

	for (i = 0; i < ARRAY_SIZE(optional); i++)
		if (psci_offered(&psci, optional[i]))
			len += sysfs_emit_at(buf, len, "%s%s", len ? " " : "",
					     psci_fn_name(optional[i]));
	len += sysfs_emit_at(buf, len, "\n");
	return len;
}

/* The vendor reboot modes of the device tree: command, reset_type, cookie, child. */
static ssize_t reboot_modes_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	const struct psci_reset_mode *m;
	int len = 0;

	for (m = psci.reset_modes; m < psci.reset_modes + PSCI_RESET_MODES && m->cmd[0]; m++)
		len += sysfs_emit_at(buf, len, "%s 0x%08x 0x%llx %s\n", m->cmd, m->type,
				     m->cookie, m->child);
	return len;
}

static struct kobj_attribute psci_attr_version = __ATTR_RO(version);
static struct kobj_attribute psci_attr_conduit = __ATTR_RO(conduit);
static struct kobj_attribute psci_attr_source = __ATTR_RO(source);
static struct kobj_attribute psci_attr_smccc_version = __ATTR_RO(smccc_version);
static struct kobj_attribute psci_attr_power_state_format = __ATTR_RO(power_state_format);
static struct kobj_attribute psci_attr_suspend_mode = __ATTR_RO(suspend_mode);
static struct kobj_attribute psci_attr_trusted_os = __ATTR_RO(trusted_os);
static struct kobj_attribute psci_attr_features = __ATTR_RO(features);
static struct kobj_attribute psci_attr_reboot_modes = __ATTR_RO(reboot_modes);

static struct attribute *psci_attrs[] = {
	&psci_attr_version.attr,
	&psci_attr_conduit.attr,
	&psci_attr_source.attr,
	&psci_attr_smccc_version.attr,
	&psci_attr_power_state_format.attr,
	&psci_attr_suspend_mode.attr,
	&psci_attr_trusted_os.attr,
	&psci_attr_features.attr,
	&psci_attr_reboot_modes.attr,
	NULL
};

static const struct attribute_group psci_group = {
	.attrs = psci_attrs,
};

/* functions/NAME (the ID in use) and calls/NAME (calls since boot). */
static struct kobj_attribute psci_fn_id_attr[PSCI_FN_MAX];
static struct kobj_attribute psci_fn_calls_attr[PSCI_FN_MAX];
static struct attribute *psci_fn_id_attrs[PSCI_FN_MAX + 1];
static struct attribute *psci_fn_calls_attrs[PSCI_FN_MAX + 1];

static ssize_t psci_fn_id_show(struct kobject *kobj, struct kobj_attribute *attr,
			       char *buf)
{
	return sysfs_emit(buf, "0x%08x\n", psci.fid[attr - psci_fn_id_attr]);
}

static ssize_t psci_fn_calls_show(struct kobject *kobj, struct kobj_attribute *attr,
				  char *buf)
{
	return sysfs_emit(buf, "%lu\n",
			  psci_calls_total(attr - psci_fn_calls_attr));
}

static umode_t psci_fn_visible(struct kobject *kobj, struct attribute *attr, int n)
{
	return psci_offered(&psci, n) ? attr->mode : 0;
}

static const struct attribute_group psci_fn_id_group = {
	.name = "functions",
	.attrs = psci_fn_id_attrs,
	.is_visible = psci_fn_visible,
};

static const struct attribute_group psci_fn_calls_group = {
	.name = "calls",
	.attrs = psci_fn_calls_attrs,
	.is_visible = psci_fn_visible,
};

static const struct attribute_group *psci_groups[] = {
	&psci_group, &psci_fn_id_group, &psci_fn_calls_group, NULL
};

static int __init psci_sysfs_init(void)
{
	struct kobject *kobj;
	enum psci_fn fn;
	int err;

	if (!psci.call)
		return 0;

	for (fn = 0; fn < PSCI_FN_MAX; fn++) {
		struct kobj_attribute *id = &psci_fn_id_attr[fn];
		struct kobj_attribute *calls = &psci_fn_calls_attr[fn];

		sysfs_attr_init(&id->attr);
		id->attr.name = psci_fn_name(fn);
		id->attr.mode = 0444;
		id->show = psci_fn_id_show;
		psci_fn_id_attrs[fn] = &id->attr;
		sysfs_attr_init(&calls->attr);
		calls->attr.name = psci_fn_name(fn);
		calls->attr.mode = 0444;
		calls->show = psci_fn_calls_show;
		psci_fn_calls_attrs[fn] = &calls->attr;
	}

	kobj = kobject_create_and_add("psci", firmware_kobj);
	if (!kobj)
		return -ENOMEM;
	err = sysfs_create_groups(kobj, psci_groups);
	if (err) {
		pr_err("cannot create /sys/firmware/psci (%d)\n", err);
		kobject_put(kobj);
	}
	return err;
}
late_initcall(psci_sysfs_init);
#endif

/* ---- debugfs ------------------------------------------------------------ */

#ifdef CONFIG_DEBUG_FS
/*
 * /sys/kernel/debug/psci says what the 6.12 driver's file says, in its
 * words and order (bug reports and scripts quote it), from the firmware's
 * answers at the time of reading; the probe's view, the IDs in use and
 * the call counts are in /sys/firmware/psci.
 */
/* MEM_PROTECT_CHECK_RANGE: the last function the 6.12 file lists. */
#define PSCI_DEBUGFS_LAST_FN	0x14

static void psci_debugfs_features(struct seq_file *m, const char *name, u32 id)
{
	int feature = psci_call(&psci, PSCI_FN_FEATURES, id, 0, 0);

	if (feature == PSCI_RET_NOT_SUPPORTED)
		return;
	if (feature < 0)
		seq_printf(m, "PSCI_FEATURES(%s) error (%d)\n", name, feature);
	else
		seq_printf(m, "%s is supported\n", name);
}

static void psci_debugfs_trusted_os(struct seq_file *m)
{
	int type = psci_call(&psci, PSCI_FN_MIGRATE_INFO_TYPE, 0, 0, 0);
	unsigned long cpuid = 0;

	switch (type) {
	case PSCI_0_2_TOS_UP_MIGRATE:
	case PSCI_0_2_TOS_UP_NO_MIGRATE:
		seq_printf(m, "Trusted OS %smigrate capable\n",
			   type == PSCI_0_2_TOS_UP_NO_MIGRATE ? "not " : "");
		if (psci_has(&psci, PSCI_FN_MIGRATE_INFO_UP_CPU))
			cpuid = psci_call(&psci, PSCI_FN_MIGRATE_INFO_UP_CPU, 0, 0, 0);
		seq_printf(m, "Trusted OS resident on physical CPU 0x%lx (#%d)\n", cpuid,
			   max(get_logical_index(cpuid & MPIDR_HWID_BITMASK), -1));
		break;
	case PSCI_0_2_TOS_MP:
		seq_puts(m, "Trusted OS migration not required\n");
		break;
	case PSCI_RET_NOT_SUPPORTED:
		break;
	default:
		seq_printf(m, "MIGRATE_INFO_TYPE returned unknown type (%d)\n", type);
	}
}

static int psci_debugfs_show(struct seq_file *m, void *unused)
{
	unsigned int n;
	int feature;
	u32 smccc;

	seq_printf(m, "PSCIv%u.%u\n", PSCI_VERSION_MAJOR(psci.version),
		   PSCI_VERSION_MINOR(psci.version));
	if (PSCI_VERSION_MAJOR(psci.version) < 1)
		return 0;

	feature = psci_call(&psci, PSCI_FN_FEATURES, ARM_SMCCC_VERSION_FUNC_ID, 0, 0);
	if (feature != PSCI_RET_NOT_SUPPORTED) {
		smccc = psci.call(ARM_SMCCC_VERSION_FUNC_ID, 0, 0, 0);
		seq_printf(m, "SMC Calling Convention v%u.%u\n",
			   PSCI_VERSION_MAJOR(smccc), PSCI_VERSION_MINOR(smccc));
	} else {
		seq_puts(m, "SMC Calling Convention v1.0 is assumed\n");
	}

	feature = psci_call(&psci, PSCI_FN_FEATURES, psci_fn_std_id(PSCI_FN_CPU_SUSPEND), 0, 0);
	if (feature < 0) {
		seq_printf(m, "PSCI_FEATURES(CPU_SUSPEND) error (%d)\n", feature);
	} else {
		seq_printf(m, "OSI is %ssupported\n",
			   feature & PSCI_1_0_OS_INITIATED ? "" : "not ");
		seq_printf(m, "%s StateID format is used\n",
			   feature & PSCI_1_0_FEATURES_CPU_SUSPEND_PF_MASK ?
			   "Extended" : "Original");
	}

	if (psci_has(&psci, PSCI_FN_MIGRATE_INFO_TYPE))
		psci_debugfs_trusted_os(m);

	/* The optional functions, from MIGRATE on, as 6.12 lists them. */
	for (n = psci_fn_number[PSCI_FN_MIGRATE]; n <= PSCI_DEBUGFS_LAST_FN; n++)
		if (n < psci_fn_number[PSCI_FN_SYSTEM_OFF] || n > psci_fn_number[PSCI_FN_FEATURES])
			psci_debugfs_features(m, psci_std_functions[n].name,
					      psci_std_number_id(n));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(psci_debugfs);

static int __init psci_debugfs_init(void)
{
	if (psci.call)
		debugfs_create_file("psci", 0444, NULL, NULL, &psci_debugfs_fops);
	return 0;
}
late_initcall(psci_debugfs_init);
#endif

#if IS_ENABLED(CONFIG_ARM_PSCI_KUNIT_TEST)
#include "psci_kunit.c"
#endif
