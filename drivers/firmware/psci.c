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
 * Every firmware call goes through psci_call(), which picks the function ID
 * in use for the operation, so that one table says which IDs this kernel
 * sends and a unit test can stand in for the firmware.
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
	PSCI_FN_MAX
};

/*
 * The standard (0.2+) function IDs. A 64-bit kernel uses the SMC64 form
 * where the specification has one; a 32-bit kernel must use SMC32.
 */
#define PSCI_STD(n32, n64)	(IS_ENABLED(CONFIG_64BIT) ? (n64) : (n32))

struct psci_fn_desc {
	const char *name;
	u32 std_id;
};

static const struct psci_fn_desc psci_fn_table[PSCI_FN_MAX] = {
	[PSCI_FN_VERSION]	= { "PSCI_VERSION", PSCI_0_2_FN_PSCI_VERSION },
	[PSCI_FN_CPU_SUSPEND]	= { "CPU_SUSPEND", PSCI_STD(PSCI_0_2_FN_CPU_SUSPEND,
							    PSCI_0_2_FN64_CPU_SUSPEND) },
	[PSCI_FN_CPU_OFF]	= { "CPU_OFF", PSCI_0_2_FN_CPU_OFF },
	[PSCI_FN_CPU_ON]	= { "CPU_ON", PSCI_STD(PSCI_0_2_FN_CPU_ON,
						       PSCI_0_2_FN64_CPU_ON) },
	[PSCI_FN_AFFINITY_INFO]	= { "AFFINITY_INFO", PSCI_STD(PSCI_0_2_FN_AFFINITY_INFO,
							      PSCI_0_2_FN64_AFFINITY_INFO) },
	[PSCI_FN_MIGRATE]	= { "MIGRATE", PSCI_STD(PSCI_0_2_FN_MIGRATE,
							PSCI_0_2_FN64_MIGRATE) },
	[PSCI_FN_MIGRATE_INFO_TYPE] = { "MIGRATE_INFO_TYPE", PSCI_0_2_FN_MIGRATE_INFO_TYPE },
	[PSCI_FN_MIGRATE_INFO_UP_CPU] = { "MIGRATE_INFO_UP_CPU",
					  PSCI_STD(PSCI_0_2_FN_MIGRATE_INFO_UP_CPU,
						   PSCI_0_2_FN64_MIGRATE_INFO_UP_CPU) },
	[PSCI_FN_SYSTEM_OFF]	= { "SYSTEM_OFF", PSCI_0_2_FN_SYSTEM_OFF },
	[PSCI_FN_SYSTEM_RESET]	= { "SYSTEM_RESET", PSCI_0_2_FN_SYSTEM_RESET },
	[PSCI_FN_FEATURES]	= { "PSCI_FEATURES", PSCI_1_0_FN_PSCI_FEATURES },
	[PSCI_FN_SYSTEM_SUSPEND] = { "SYSTEM_SUSPEND", PSCI_STD(PSCI_1_0_FN_SYSTEM_SUSPEND,
								PSCI_1_0_FN64_SYSTEM_SUSPEND) },
	[PSCI_FN_SET_SUSPEND_MODE] = { "SET_SUSPEND_MODE", PSCI_1_0_FN_SET_SUSPEND_MODE },
	[PSCI_FN_SYSTEM_RESET2]	= { "SYSTEM_RESET2", PSCI_STD(PSCI_1_1_FN_SYSTEM_RESET2,
							      PSCI_1_1_FN64_SYSTEM_RESET2) },
};

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

/* What the probe found. Written once at boot, read-only afterwards. */
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
};

static struct psci_state psci = {
	.conduit = SMCCC_CONDUIT_NONE,
	.tos_type = PSCI_RET_NOT_SUPPORTED,
};

struct psci_operations psci_ops;

static struct psci_0_1_function_ids psci_legacy_ids;

/**
 * get_psci_0_1_function_ids() - the legacy (PSCI 0.1) function IDs in use
 *
 * Return: the IDs read from an "arm,psci" node when the kernel runs on
 * PSCI 0.1, zero for each one absent (psci_ops says which are present);
 * all zero on PSCI 0.2 and later.
 */
struct psci_0_1_function_ids get_psci_0_1_function_ids(void)
{
	return psci_legacy_ids;
}

/* ---- the conduit ------------------------------------------------------ */

static unsigned long psci_call_hvc(unsigned long fid, unsigned long a0,
				   unsigned long a1, unsigned long a2)
{
	struct arm_smccc_res res;

	arm_smccc_hvc(fid, a0, a1, a2, 0, 0, 0, 0, &res);
	return res.a0;
}

static unsigned long psci_call_smc(unsigned long fid, unsigned long a0,
				   unsigned long a1, unsigned long a2)
{
	struct arm_smccc_res res;

	arm_smccc_smc(fid, a0, a1, a2, 0, 0, 0, 0, &res);
	return res.a0;
}

/* A stand-in firmware for the unit tests; NULL in normal operation. */
static psci_call_fn *psci_conduit_hook;

static void psci_set_conduit(enum arm_smccc_conduit conduit)
{
	psci.conduit = conduit;
	if (psci_conduit_hook)
		psci.call = psci_conduit_hook;
	else
		psci.call = conduit == SMCCC_CONDUIT_HVC ? psci_call_hvc : psci_call_smc;
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
 * One firmware call for operation @fn with the ID in use. The caller has
 * checked that the operation is present; the result is the firmware's
 * register value, to be read as an int for PSCI status codes.
 */
/* Calls made per operation since boot, for /sys/firmware/psci/calls/. */
static atomic_long_t psci_call_count[PSCI_FN_MAX];

static unsigned long psci_call(enum psci_fn fn, unsigned long a0,
			       unsigned long a1, unsigned long a2)
{
	/* Uninstrumented: this also runs on the idle path, RCU not watching. */
	raw_atomic_long_inc(&psci_call_count[fn]);
	return psci.call(psci.fid[fn], a0, a1, a2);
}

static void psci_forget(void)
{
	psci.call = NULL;
	psci.conduit = SMCCC_CONDUIT_NONE;
}

static bool psci_has(enum psci_fn fn)
{
	return psci.call && psci.fid[fn];
}

/*
 * PSCI_FEATURES answers for functions asked about only when first needed
 * (MIGRATE, SYSTEM_RESET2): 0 not asked yet, 1 advertised, -1 not.
 */
static int psci_feature_cache[PSCI_FN_MAX];

static int psci_features(enum psci_fn fn)
{
	return psci_call(PSCI_FN_FEATURES, psci_fn_table[fn].std_id, 0, 0);
}

/*
 * Is @fn there to call? On 1.0+ the firmware is asked once; before 1.0
 * there is no PSCI_FEATURES and every function of the version is assumed.
 */
static bool psci_advertised(enum psci_fn fn)
{
	int known;

	if (!psci_has(fn))
		return false;
	if (!psci_has(PSCI_FN_FEATURES))
		return true;
	known = READ_ONCE(psci_feature_cache[fn]);
	if (!known) {
		known = psci_features(fn) >= 0 ? 1 : -1;
		WRITE_ONCE(psci_feature_cache[fn], known);
	}
	return known > 0;
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

/* Map a PSCI status to an errno. Callers rely on DENIED -> -EPERM. */
static int psci_to_errno(int err)
{
	switch (err) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_INVALID_PARAMS:
	case PSCI_RET_INVALID_ADDRESS:
		return -EINVAL;
	case PSCI_RET_DENIED:
		return -EPERM;
	case PSCI_RET_ALREADY_ON:
		return -EALREADY;
	case PSCI_RET_ON_PENDING:
		return -EINPROGRESS;
	case PSCI_RET_INTERNAL_FAILURE:
		return -EIO;
	case PSCI_RET_NOT_PRESENT:
	case PSCI_RET_DISABLED:
		return -ENODEV;
	default:
		return -EINVAL;
	}
}

static void psci_report(enum psci_fn fn, int err, const char *what)
{
	pr_err("%s (0x%08x)%s failed: %s (%d)\n", psci_fn_table[fn].name,
	       psci.fid[fn], what, psci_err_name(err), err);
}

/* ---- psci_ops --------------------------------------------------------- */

static u32 psci_op_get_version(void)
{
	return psci.version;
}

static int psci_op_cpu_suspend(u32 state, unsigned long entry_point)
{
	return psci_to_errno(psci_call(PSCI_FN_CPU_SUSPEND, state, entry_point, 0));
}

static int psci_op_cpu_off(u32 state)
{
	int err = psci_call(PSCI_FN_CPU_OFF, state, 0, 0);

	/* CPU_OFF only returns on failure. */
	psci_report(PSCI_FN_CPU_OFF, err, "");
	return psci_to_errno(err);
}

static int psci_op_cpu_on(unsigned long cpuid, unsigned long entry_point)
{
	int err = psci_call(PSCI_FN_CPU_ON, cpuid, entry_point, 0);

	if (err == PSCI_RET_DENIED)
		pr_info("CPU_ON for MPIDR 0x%lx denied by firmware\n", cpuid);
	else if (err)
		pr_err("CPU_ON (0x%08x) for MPIDR 0x%lx failed: %s (%d)\n",
		       psci.fid[PSCI_FN_CPU_ON], cpuid, psci_err_name(err), err);
	return psci_to_errno(err);
}

static int psci_op_migrate(unsigned long cpuid)
{
	if (!psci_advertised(PSCI_FN_MIGRATE))
		return -EOPNOTSUPP;
	return psci_to_errno(psci_call(PSCI_FN_MIGRATE, cpuid, 0, 0));
}

static int psci_op_affinity_info(unsigned long target_affinity,
				 unsigned long lowest_affinity_level)
{
	return psci_call(PSCI_FN_AFFINITY_INFO, target_affinity,
			 lowest_affinity_level, 0);
}

static int psci_op_migrate_info_type(void)
{
	return psci_call(PSCI_FN_MIGRATE_INFO_TYPE, 0, 0, 0);
}

/* Publish the operations whose function ID is known. */
static void psci_publish_ops(void)
{
	psci_ops = (struct psci_operations){ .get_version = psci_op_get_version };
	if (psci.fid[PSCI_FN_CPU_SUSPEND])
		psci_ops.cpu_suspend = psci_op_cpu_suspend;
	if (psci.fid[PSCI_FN_CPU_OFF])
		psci_ops.cpu_off = psci_op_cpu_off;
	if (psci.fid[PSCI_FN_CPU_ON])
		psci_ops.cpu_on = psci_op_cpu_on;
	if (psci.fid[PSCI_FN_MIGRATE])
		psci_ops.migrate = psci_op_migrate;
	if (psci.fid[PSCI_FN_AFFINITY_INFO])
		psci_ops.affinity_info = psci_op_affinity_info;
	if (psci.fid[PSCI_FN_MIGRATE_INFO_TYPE])
		psci_ops.migrate_info_type = psci_op_migrate_info_type;
}

/* ---- CPU_SUSPEND power_state ------------------------------------------ */

static bool psci_ext_power_state(void)
{
	return psci.cpu_suspend_features & PSCI_1_0_FEATURES_CPU_SUSPEND_PF_MASK;
}

static u32 psci_power_state_valid_bits(void)
{
	if (psci_ext_power_state())
		return PSCI_1_0_EXT_POWER_STATE_ID_MASK |
		       PSCI_1_0_EXT_POWER_STATE_TYPE_MASK;
	return PSCI_0_2_POWER_STATE_ID_MASK | PSCI_0_2_POWER_STATE_TYPE_MASK |
	       PSCI_0_2_POWER_STATE_AFFL_MASK;
}

static bool psci_power_state_loses_context(u32 state)
{
	u32 type = psci_ext_power_state() ? PSCI_1_0_EXT_POWER_STATE_TYPE_MASK :
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
	return !(state & ~psci_power_state_valid_bits());
}

/**
 * psci_has_osi_support() - does the firmware offer OS-initiated suspend mode
 *
 * Return: true when PSCI_FEATURES(CPU_SUSPEND) advertises OSI mode and
 * SET_SUSPEND_MODE is available to switch to it.
 */
bool psci_has_osi_support(void)
{
	return (psci.cpu_suspend_features & PSCI_1_0_OS_INITIATED) &&
	       psci_has(PSCI_FN_SET_SUSPEND_MODE);
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
	int err;

	/* Without SET_SUSPEND_MODE, platform-coordinated is the only mode. */
	if (!psci_has(PSCI_FN_SET_SUSPEND_MODE))
		return enable ? -EOPNOTSUPP : 0;

	err = psci_call(PSCI_FN_SET_SUSPEND_MODE,
			enable ? PSCI_1_0_SUSPEND_MODE_OSI : PSCI_1_0_SUSPEND_MODE_PC,
			0, 0);
	if (err)
		psci_report(PSCI_FN_SET_SUSPEND_MODE, err,
			    enable ? " to OS-initiated" : " to platform-coordinated");
	return psci_to_errno(err);
}

#ifdef CONFIG_CPU_IDLE
/*
 * Runs with the CPU context saved and RCU not watching: nothing here may be
 * traced, so the resume address is computed without the debug checks.
 */
static noinstr int psci_suspend_finisher(unsigned long state)
{
	phys_addr_t resume = __pa_symbol_nodebug((unsigned long)cpu_resume);

	return psci_ops.cpu_suspend(state, resume);
}

/**
 * psci_cpu_suspend_enter() - enter an idle state through CPU_SUSPEND
 * @state: the power_state parameter of the state
 *
 * A retention state returns straight from the firmware; a power-down
 * state loses the CPU context, so it is entered through cpu_suspend(),
 * which saves the context and resumes at cpu_resume.
 *
 * Return: 0 after a successful suspend, a negative errno otherwise.
 */
int psci_cpu_suspend_enter(u32 state)
{
	struct arm_cpuidle_irq_context irq_ctx;
	int ret;

	if (!psci_ops.cpu_suspend)
		return -EOPNOTSUPP;

	if (psci_power_state_loses_context(state)) {
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
	ret = psci_ops.cpu_suspend(state, 0);
	arm_cpuidle_restore_irq_context(&irq_ctx);
	ct_cpuidle_exit();
	return ret;
}
#endif

/* ---- Trusted OS ------------------------------------------------------- */

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
	if (psci.tos_type != PSCI_0_2_TOS_UP_MIGRATE &&
	    psci.tos_type != PSCI_0_2_TOS_UP_NO_MIGRATE)
		return false;
	if (cpu < 0 || cpu >= nr_cpu_ids)
		return false;
	return cpu_logical_map(cpu) == psci.tos_mpidr;
}

/*
 * Ask where a Trusted OS lives. The answer is kept as an MPIDR and matched
 * against the logical map when asked: this runs before the secondary CPUs
 * have logical numbers.
 */
static void __init psci_probe_trusted_os(void)
{
	unsigned long mpidr;

	if (!psci_has(PSCI_FN_MIGRATE_INFO_TYPE))
		return;

	psci.tos_type = psci_call(PSCI_FN_MIGRATE_INFO_TYPE, 0, 0, 0);
	switch (psci.tos_type) {
	case PSCI_0_2_TOS_UP_MIGRATE:
	case PSCI_0_2_TOS_UP_NO_MIGRATE:
		break;
	case PSCI_0_2_TOS_MP:
	case PSCI_RET_NOT_SUPPORTED:
		return;
	default:
		pr_warn("MIGRATE_INFO_TYPE returned %d, expected 0, 1, 2 or NOT_SUPPORTED; assuming no Trusted OS\n",
			psci.tos_type);
		psci.tos_type = PSCI_RET_NOT_SUPPORTED;
		return;
	}

	mpidr = psci_has(PSCI_FN_MIGRATE_INFO_UP_CPU) ?
		psci_call(PSCI_FN_MIGRATE_INFO_UP_CPU, 0, 0, 0) : ~0UL;
	if (mpidr & ~MPIDR_HWID_BITMASK) {
		pr_warn("MIGRATE_INFO_UP_CPU returned 0x%lx, not an MPIDR; Trusted OS CPU unknown\n",
			mpidr);
		psci.tos_type = PSCI_RET_NOT_SUPPORTED;
		return;
	}
	psci.tos_mpidr = mpidr;
	pr_info("Trusted OS resident on MPIDR 0x%lx (%smigratable); that CPU stays online\n",
		mpidr, psci.tos_type == PSCI_0_2_TOS_UP_MIGRATE ? "" : "not ");
}

/* ---- power off and restart -------------------------------------------- */

static int psci_sys_off(struct sys_off_data *data)
{
	int err = psci_call(PSCI_FN_SYSTEM_OFF, 0, 0, 0);

	psci_report(PSCI_FN_SYSTEM_OFF, err, "");
	pr_emerg("the machine could not be powered off\n");
	return NOTIFY_DONE;
}

/*
 * Vendor reset types for reboot commands ("reboot bootloader"), from the
 * psci node's reset-types child: mode-<command> = <type [cookie]>, type
 * being bits [30:0] of a vendor-specific SYSTEM_RESET2 reset_type.
 */
#define PSCI_RESET_MODES	8

static struct psci_reset_mode {
	char cmd[24];
	u32 type;
	u32 cookie;
} psci_reset_modes[PSCI_RESET_MODES];

static void __init psci_dt_read_reset_modes(const struct device_node *np)
{
	struct device_node *types = of_get_child_by_name(np, "reset-types");
	const struct property *prop;
	int n = 0;

	if (!types)
		return;
	for_each_property_of_node(types, prop) {
		struct psci_reset_mode *m;
		const __be32 *cell = prop->value;

		if (strncmp(prop->name, "mode-", 5))
			continue;
		if ((prop->length != 4 && prop->length != 8) || !cell ||
		    (be32_to_cpu(cell[0]) & PSCI_1_1_RESET_TYPE_VENDOR_START) ||
		    strlen(prop->name + 5) >= sizeof(m->cmd) || n == PSCI_RESET_MODES) {
			pr_err("%pOF: \"%s\" ignored: expected <type> or <type cookie>, type below 0x80000000, a command under %zu characters, at most %d modes\n",
			       types, prop->name, sizeof(m->cmd), PSCI_RESET_MODES);
			continue;
		}
		m = &psci_reset_modes[n++];
		strscpy(m->cmd, prop->name + 5, sizeof(m->cmd));
		m->type = be32_to_cpu(cell[0]);
		m->cookie = prop->length == 8 ? be32_to_cpu(cell[1]) : 0;
	}
	of_node_put(types);
}

static const struct psci_reset_mode *psci_find_reset_mode(const char *cmd)
{
	int i;

	for (i = 0; cmd && i < PSCI_RESET_MODES && psci_reset_modes[i].cmd[0]; i++)
		if (!strcmp(cmd, psci_reset_modes[i].cmd))
			return &psci_reset_modes[i];
	return NULL;
}

static int psci_restart(struct sys_off_data *data)
{
	const struct psci_reset_mode *mode = psci_find_reset_mode(data ? data->cmd : NULL);
	int err;

	if (mode) {
		if (psci_advertised(PSCI_FN_SYSTEM_RESET2)) {
			err = psci_call(PSCI_FN_SYSTEM_RESET2,
					PSCI_1_1_RESET_TYPE_VENDOR_START | mode->type,
					mode->cookie, 0);
			psci_report(PSCI_FN_SYSTEM_RESET2, err, " (vendor reset)");
			pr_emerg("reset for \"%s\" failed, falling back to SYSTEM_RESET\n",
				 mode->cmd);
		} else {
			pr_notice("no SYSTEM_RESET2 for reboot command \"%s\", using SYSTEM_RESET\n",
				  mode->cmd);
		}
	} else if (reboot_mode == REBOOT_WARM || reboot_mode == REBOOT_SOFT) {
		if (psci_advertised(PSCI_FN_SYSTEM_RESET2)) {
			err = psci_call(PSCI_FN_SYSTEM_RESET2,
					PSCI_1_1_RESET_TYPE_SYSTEM_WARM_RESET, 0, 0);
			psci_report(PSCI_FN_SYSTEM_RESET2, err, " (warm reset)");
			pr_emerg("warm reset failed, falling back to SYSTEM_RESET\n");
		} else {
			pr_notice("no SYSTEM_RESET2 for a warm reset, using SYSTEM_RESET\n");
		}
	}

	err = psci_call(PSCI_FN_SYSTEM_RESET, 0, 0, 0);
	psci_report(PSCI_FN_SYSTEM_RESET, err, "");
	return NOTIFY_DONE;
}

/* PSCI 0.1 cannot power off or reset; say so when the kernel tries. */
static int psci_legacy_reboot_notify(struct notifier_block *nb,
				     unsigned long action, void *unused)
{
	if (action == SYS_RESTART)
		pr_emerg("PSCI 0.1 offers no SYSTEM_RESET: cannot restart through PSCI\n");
	else
		pr_emerg("PSCI 0.1 offers no SYSTEM_OFF: cannot power off through PSCI, halting\n");
	return NOTIFY_DONE;
}

static struct notifier_block psci_legacy_reboot_nb = {
	.notifier_call = psci_legacy_reboot_notify,
};

/*
 * The sys-off handler API allocates, so the hooks are registered once the
 * allocator is up rather than from the probe in setup_arch().
 */
static int __init psci_register_hooks(void)
{
	int err = 0;

	if (!psci.call)
		return 0;

	if (psci.version < PSCI_VERSION(0, 2))
		return register_reboot_notifier(&psci_legacy_reboot_nb);

	if (psci_has(PSCI_FN_SYSTEM_OFF))
		err = PTR_ERR_OR_ZERO(register_sys_off_handler(SYS_OFF_MODE_POWER_OFF,
							       SYS_OFF_PRIO_FIRMWARE,
							       psci_sys_off, NULL));
	if (err)
		pr_err("cannot register the SYSTEM_OFF power-off handler (%d)\n", err);

	/* Just above the default: PSCI resets the whole system. */
	if (psci_has(PSCI_FN_SYSTEM_RESET))
		err = PTR_ERR_OR_ZERO(register_sys_off_handler(SYS_OFF_MODE_RESTART,
							       SYS_OFF_PRIO_DEFAULT + 1,
							       psci_restart, NULL));
	if (err)
		pr_err("cannot register the SYSTEM_RESET restart handler (%d)\n", err);
	return 0;
}
early_initcall(psci_register_hooks);

/* ---- system suspend ---------------------------------------------------- */

#ifdef CONFIG_SUSPEND
static int psci_system_suspend_finisher(unsigned long unused)
{
	int err = psci_call(PSCI_FN_SYSTEM_SUSPEND, __pa_symbol(cpu_resume), 0, 0);

	return psci_to_errno(err);
}

static int psci_system_suspend_enter(suspend_state_t state)
{
	return cpu_suspend(0, psci_system_suspend_finisher);
}

static const struct platform_suspend_ops psci_suspend_ops = {
	.valid = suspend_valid_only_mem,
	.enter = psci_system_suspend_enter,
};
#endif

/* ---- probe: PSCI 0.2 and later ----------------------------------------- */

/*
 * Set while the unit tests probe a fake firmware: the hand-offs to the
 * rest of the kernel (SMCCC version, KVM services, suspend ops) are then
 * skipped, so the running kernel keeps what the real probe gave it.
 */
static bool psci_probe_is_test;

/* A version a 0.2+ firmware can answer: 0.2 or later, and not an error. */
static bool psci_version_plausible(u32 ver)
{
	if ((s32)ver < 0)
		return false;
	return ver >= PSCI_VERSION(0, 2) && PSCI_VERSION_MAJOR(ver) <= 1;
}

static void __init psci_probe_smccc(void)
{
	int feature = psci_call(PSCI_FN_FEATURES, ARM_SMCCC_VERSION_FUNC_ID, 0, 0);
	u32 ver = ARM_SMCCC_VERSION_1_0;

	if (feature >= 0) {
		u32 answer = psci.call(ARM_SMCCC_VERSION_FUNC_ID, 0, 0, 0);

		if ((s32)answer >= (s32)ARM_SMCCC_VERSION_1_1)
			ver = answer;
	}
	psci.smccc_version = ver;
	if (ver >= ARM_SMCCC_VERSION_1_1 && !psci_probe_is_test)
		arm_smccc_version_init(ver, psci.conduit);
}

/*
 * On 1.0+, ask at boot about what the boot needs: CPU_SUSPEND's flags
 * (power_state format, OSI) and SYSTEM_SUSPEND (suspend_set_ops() wants
 * to know now). SET_SUSPEND_MODE comes with OSI; MIGRATE and SYSTEM_RESET2
 * are asked about when first used (psci_advertised()).
 */
static void __init psci_probe_features(void)
{
	int feature;

	feature = psci_features(PSCI_FN_CPU_SUSPEND);
	if (feature >= 0)
		psci.cpu_suspend_features = feature;
	else
		psci.fid[PSCI_FN_CPU_SUSPEND] = 0;

	if (!(psci.cpu_suspend_features & PSCI_1_0_OS_INITIATED))
		psci.fid[PSCI_FN_SET_SUSPEND_MODE] = 0;

	if (!IS_ENABLED(CONFIG_SUSPEND) || psci_features(PSCI_FN_SYSTEM_SUSPEND) < 0)
		psci.fid[PSCI_FN_SYSTEM_SUSPEND] = 0;
}

static void __init psci_use_standard_ids(bool v1)
{
	enum psci_fn fn;

	for (fn = 0; fn < PSCI_FN_MAX; fn++)
		psci.fid[fn] = psci_fn_table[fn].std_id;
	if (!v1) {
		/* Functions introduced by PSCI 1.0 and 1.1. */
		psci.fid[PSCI_FN_FEATURES] = 0;
		psci.fid[PSCI_FN_SYSTEM_SUSPEND] = 0;
		psci.fid[PSCI_FN_SET_SUSPEND_MODE] = 0;
		psci.fid[PSCI_FN_SYSTEM_RESET2] = 0;
	}
}

/*
 * Probe a firmware that should implement PSCI 0.2 or later over the
 * conduit already chosen. Returns -ENODEV, touching nothing, when
 * PSCI_VERSION gives no plausible answer (left in @version).
 */
static int __init psci_probe_standard(u32 *version)
{
	u32 ver;

	raw_atomic_long_inc(&psci_call_count[PSCI_FN_VERSION]);
	ver = psci.call(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	*version = ver;
	if (!psci_version_plausible(ver))
		return -ENODEV;

	psci.version = ver;
	psci_use_standard_ids(PSCI_VERSION_MAJOR(ver) >= 1);
	if (PSCI_VERSION_MAJOR(ver) >= 1) {
		psci_probe_smccc();
		psci_probe_features();
	}
	/* MIGRATE_INFO_UP_CPU is asked only when a Trusted OS says so. */
	psci_probe_trusted_os();
	psci_publish_ops();

	if (!psci_probe_is_test) {
#ifdef CONFIG_SUSPEND
		if (psci_has(PSCI_FN_SYSTEM_SUSPEND))
			suspend_set_ops(&psci_suspend_ops);
#endif
		if (PSCI_VERSION_MAJOR(ver) >= 1)
			kvm_init_hyp_services();
	}

	pr_info("PSCIv%u.%u over %s from %s; SMCCC v%u.%u%s%s%s\n",
		PSCI_VERSION_MAJOR(ver), PSCI_VERSION_MINOR(ver),
		psci_conduit_name(psci.conduit), psci.source,
		PSCI_VERSION_MAJOR(psci.smccc_version),
		PSCI_VERSION_MINOR(psci.smccc_version),
		psci_has(PSCI_FN_SYSTEM_SUSPEND) ? ", SYSTEM_SUSPEND" : "",
		psci_ext_power_state() ? ", extended power_state" : "",
		psci_has_osi_support() ? ", OSI" : "");

	/* A kernel started after one that chose OSI must not inherit it. */
	if (psci_has_osi_support())
		psci_set_osi_mode(false);
	return 0;
}

/* ---- probe: device tree ------------------------------------------------- */

/* The compatibles, best first. */
static const char * const psci_compatibles[] = {
	"arm,psci-1.0", "arm,psci-0.2", "arm,psci",
};

static bool psci_node_is_psci(const struct device_node *np)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(psci_compatibles); i++)
		if (of_device_is_compatible(np, psci_compatibles[i]))
			return true;
	return false;
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
		if (!psci_node_is_psci(np))
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

/* The conduit from "method"; false (and one line) when it is unusable. */
static bool __init psci_dt_conduit(const struct device_node *np)
{
	const struct property *prop = of_find_property(np, "method", NULL);
	const char *val;

	if (!prop) {
		pr_err("%pOF: missing \"method\" property, expected \"smc\" or \"hvc\"; PSCI disabled\n",
		       np);
		return false;
	}
	val = prop->value;
	if (prop->length < 1 || !val || strnlen(val, prop->length) != prop->length - 1) {
		pr_err("%pOF: \"method\" is not a string (%d bytes), expected \"smc\" or \"hvc\"; PSCI disabled\n",
		       np, prop->length);
		return false;
	}
	if (!strcmp(val, "hvc")) {
		psci_set_conduit(SMCCC_CONDUIT_HVC);
	} else if (!strcmp(val, "smc")) {
		psci_set_conduit(SMCCC_CONDUIT_SMC);
	} else {
		pr_err("%pOF: invalid \"method\" \"%s\", expected \"smc\" or \"hvc\"; PSCI disabled\n",
		       np, val);
		return false;
	}
	return true;
}

/* Every standard function, by its number in the SMCCC standard range. */
static const char * const psci_std_names[] = {
	"PSCI_VERSION", "CPU_SUSPEND", "CPU_OFF", "CPU_ON", "AFFINITY_INFO",
	"MIGRATE", "MIGRATE_INFO_TYPE", "MIGRATE_INFO_UP_CPU", "SYSTEM_OFF",
	"SYSTEM_RESET", "PSCI_FEATURES", "CPU_FREEZE", "CPU_DEFAULT_SUSPEND",
	"NODE_HW_STATE", "SYSTEM_SUSPEND", "SET_SUSPEND_MODE",
	"PSCI_STAT_RESIDENCY", "PSCI_STAT_COUNT", "SYSTEM_RESET2",
	"MEM_PROTECT", "MEM_PROTECT_CHECK_RANGE", "SYSTEM_OFF2",
};

/*
 * The name of the standard function @id calls, when that is a function
 * other than @fn; NULL when @id is outside the standard range or is @fn's
 * own standard ID (of either width: a 0.1 node does not know the kernel's).
 */
static const char *psci_std_id_clash(u32 id, enum psci_fn fn)
{
	u32 n = (id & ~PSCI_0_2_64BIT) - PSCI_0_2_FN_BASE;

	if (n >= ARRAY_SIZE(psci_std_names))
		return NULL;
	if (n == (psci_fn_table[fn].std_id & ~PSCI_0_2_64BIT) - PSCI_0_2_FN_BASE)
		return NULL;
	return psci_std_names[n];
}

/*
 * Read the legacy IDs of an "arm,psci" node. Each is optional; a malformed
 * one, or one that would make the firmware do something else, is dropped
 * with a line saying why.
 */
static void __init psci_dt_read_legacy(const struct device_node *np)
{
	u32 ids[ARRAY_SIZE(psci_legacy_props)] = { };
	int i, j;

	for (i = 0; i < ARRAY_SIZE(psci_legacy_props); i++) {
		const char *name = psci_legacy_props[i].prop;
		enum psci_fn fn = psci_legacy_props[i].fn;
		const struct property *prop = of_find_property(np, name, NULL);
		const char *clash;
		u32 id;

		if (!prop)
			continue;
		if (prop->length != sizeof(u32) || !prop->value) {
			pr_err("%pOF: \"%s\" is %d bytes, expected one 32-bit cell; %s disabled\n",
			       np, name, prop->length, psci_fn_table[fn].name);
			continue;
		}
		id = be32_to_cpup(prop->value);
		if (!id) {
			pr_err("%pOF: \"%s\" is 0, not a function ID; %s disabled\n",
			       np, name, psci_fn_table[fn].name);
			continue;
		}
		clash = psci_std_id_clash(id, fn);
		if (clash) {
			pr_err("%pOF: \"%s\" = 0x%08x is the standard ID of %s; %s disabled so that it cannot call the wrong function\n",
			       np, name, id, clash, psci_fn_table[fn].name);
			continue;
		}
		ids[i] = id;
	}

	/* Two operations sharing one ID cannot both be right. */
	for (i = 0; i < ARRAY_SIZE(ids); i++)
		for (j = i + 1; j < ARRAY_SIZE(ids); j++)
			if (ids[i] && ids[i] == ids[j]) {
				pr_err("%pOF: \"%s\" and \"%s\" share ID 0x%08x; both disabled\n",
				       np, psci_legacy_props[i].prop,
				       psci_legacy_props[j].prop, ids[i]);
				ids[j] = 0;
				ids[i] = 0;
			}

	for (i = 0; i < ARRAY_SIZE(ids); i++)
		psci.fid[psci_legacy_props[i].fn] = ids[i];
	psci_legacy_ids.cpu_suspend = ids[0];
	psci_legacy_ids.cpu_off = ids[1];
	psci_legacy_ids.cpu_on = ids[2];
	psci_legacy_ids.migrate = ids[3];
}

static int __init psci_probe_legacy(const struct device_node *np)
{
	psci.version = PSCI_VERSION(0, 1);
	psci_dt_read_legacy(np);
	if (!psci.fid[PSCI_FN_CPU_SUSPEND] && !psci.fid[PSCI_FN_CPU_OFF] &&
	    !psci.fid[PSCI_FN_CPU_ON] && !psci.fid[PSCI_FN_MIGRATE]) {
		pr_err("%pOF: \"arm,psci\" node without a usable cpu_suspend, cpu_off, cpu_on or migrate ID; no PSCI\n",
		       np);
		psci.version = 0;
		psci_forget();
		return -ENODEV;
	}
	psci_publish_ops();

	pr_info("PSCIv0.1 over %s from %pOF: cpu_suspend %s, cpu_off %s, cpu_on %s, migrate %s; no SYSTEM_OFF/SYSTEM_RESET\n",
		psci_conduit_name(psci.conduit), np,
		psci_ops.cpu_suspend ? "yes" : "no", psci_ops.cpu_off ? "yes" : "no",
		psci_ops.cpu_on ? "yes" : "no", psci_ops.migrate ? "yes" : "no");
	return 0;
}

static const char *psci_best_compatible(const struct device_node *np)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(psci_compatibles); i++)
		if (of_device_is_compatible(np, psci_compatibles[i]))
			return psci_compatibles[i];
	return NULL;
}

/*
 * Probe the firmware behind one psci node: the conduit, then the best
 * compatible the node lists, falling back from 0.2/1.0 to the node's
 * legacy IDs when it is also "arm,psci" and PSCI_VERSION says no.
 */
static int __init psci_probe_node(const struct device_node *np)
{
	u32 ver;

	psci.source = psci_best_compatible(np);
	if (!psci.source || !psci_dt_conduit(np)) {
		psci_forget();
		return -ENODEV;
	}

	if (strcmp(psci.source, "arm,psci")) {
		if (!psci_probe_standard(&ver)) {
			psci_dt_read_reset_modes(np);
			return 0;
		}
		if (!of_device_is_compatible(np, "arm,psci")) {
			pr_err("%pOF: PSCI_VERSION over %s returned 0x%08x, not PSCI 0.2 or later; PSCI disabled\n",
			       np, psci_conduit_name(psci.conduit), ver);
			psci_forget();
			return -ENODEV;
		}
		pr_warn("%pOF: PSCI_VERSION over %s returned 0x%08x, not PSCI 0.2 or later; falling back to the legacy \"arm,psci\" IDs\n",
			np, psci_conduit_name(psci.conduit), ver);
		psci.source = "arm,psci";
	}
	return psci_probe_legacy(np);
}

/**
 * psci_dt_init() - find and probe the PSCI firmware from the device tree
 *
 * Called from setup_arch(), before the allocator and the secondary CPUs.
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
	if (!np) {
		pr_info("no psci node in the device tree\n");
		return -ENODEV;
	}
	ret = psci_probe_node(np);
	of_node_put(np);
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
		pr_info("FADT does not announce PSCI\n");
		return -EOPNOTSUPP;
	}

	psci.source = "ACPI";
	psci_set_conduit(acpi_psci_use_hvc() ? SMCCC_CONDUIT_HVC : SMCCC_CONDUIT_SMC);
	if (psci_probe_standard(&ver)) {
		pr_err("FADT: PSCI_VERSION over %s returned 0x%08x, not PSCI 0.2 or later; PSCI disabled\n",
		       psci_conduit_name(psci.conduit), ver);
		psci_forget();
		return -ENODEV;
	}
	return 0;
}
#endif

/* ---- /sys/firmware/psci ---------------------------------------------------- */

#ifdef CONFIG_SYSFS
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
	return sysfs_emit(buf, "%s\n", psci_ext_power_state() ? "extended" : "original");
}

static ssize_t suspend_mode_show(struct kobject *kobj, struct kobj_attribute *attr,
				 char *buf)
{
	return sysfs_emit(buf, "%s\n", psci_has_osi_support() ?
			  "platform-coordinated os-initiated" : "platform-coordinated");
}

static ssize_t trusted_os_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	if (psci.tos_type == PSCI_0_2_TOS_UP_MIGRATE ||
	    psci.tos_type == PSCI_0_2_TOS_UP_NO_MIGRATE)
		return sysfs_emit(buf, "%s 0x%llx\n", psci_tos_name(), psci.tos_mpidr);
	return sysfs_emit(buf, "%s\n", psci_tos_name());
}

/* The optional functions present, asking PSCI_FEATURES where not yet done. */
static ssize_t features_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	static const enum psci_fn optional[] = {
		PSCI_FN_CPU_SUSPEND, PSCI_FN_MIGRATE, PSCI_FN_MIGRATE_INFO_UP_CPU,
		PSCI_FN_SYSTEM_SUSPEND, PSCI_FN_SET_SUSPEND_MODE, PSCI_FN_SYSTEM_RESET2,
	};
	int i, len = 0;

	for (i = 0; i < ARRAY_SIZE(optional); i++)
		if (psci_advertised(optional[i]))
			len += sysfs_emit_at(buf, len, "%s%s", len ? " " : "",
					     psci_fn_table[optional[i]].name);
	len += sysfs_emit_at(buf, len, "\n");
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

static struct attribute *psci_attrs[] = {
	&psci_attr_version.attr,
	&psci_attr_conduit.attr,
	&psci_attr_source.attr,
	&psci_attr_smccc_version.attr,
	&psci_attr_power_state_format.attr,
	&psci_attr_suspend_mode.attr,
	&psci_attr_trusted_os.attr,
	&psci_attr_features.attr,
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
	return sysfs_emit(buf, "%ld\n",
			  atomic_long_read(&psci_call_count[attr - psci_fn_calls_attr]));
}

static umode_t psci_fn_visible(struct kobject *kobj, struct attribute *attr, int n)
{
	return psci.fid[n] ? attr->mode : 0;
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
		id->attr.name = psci_fn_table[fn].name;
		id->attr.mode = 0444;
		id->show = psci_fn_id_show;
		psci_fn_id_attrs[fn] = &id->attr;
		sysfs_attr_init(&calls->attr);
		calls->attr.name = psci_fn_table[fn].name;
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
static int psci_debugfs_show(struct seq_file *m, void *unused)
{
	enum psci_fn fn;

	seq_printf(m, "version: %u.%u\n", PSCI_VERSION_MAJOR(psci.version),
		   PSCI_VERSION_MINOR(psci.version));
	seq_printf(m, "conduit: %s\n", psci_conduit_name(psci.conduit));
	seq_printf(m, "source: %s\n", psci.source);
	seq_printf(m, "smccc: %u.%u\n", PSCI_VERSION_MAJOR(psci.smccc_version),
		   PSCI_VERSION_MINOR(psci.smccc_version));
	seq_printf(m, "cpu_suspend_features: 0x%x\n", psci.cpu_suspend_features);
	seq_printf(m, "trusted_os: %d\n", psci.tos_type);
	for (fn = 0; fn < PSCI_FN_MAX; fn++)
		if (psci.fid[fn])
			seq_printf(m, "fn %s: 0x%08x, %ld calls\n", psci_fn_table[fn].name,
				   psci.fid[fn], atomic_long_read(&psci_call_count[fn]));
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

#if IS_BUILTIN(CONFIG_KUNIT)
#include "psci_kunit.c"
#endif
