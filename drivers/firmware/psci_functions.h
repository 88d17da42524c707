/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The standard PSCI functions (Arm DEN0022), indexed by their number in
 * the SMCCC standard-service range: function ID PSCI_0_2_FN(number) in
 * the SMC32 form, PSCI_0_2_FN64(number) in the SMC64 form where the
 * function has one. The names are those of <uapi/linux/psci.h>.
 *
 * One table, read by the PSCI client (drivers/firmware/psci/psci.c) and by
 * the project's device-tree checker, psci-lint: include it once per
 * program.
 */
#ifndef __PSCI_FUNCTIONS_H
#define __PSCI_FUNCTIONS_H

struct psci_std_function {
	const char *name;
	bool smc64;		/* has an SMC64 form */
};

static const struct psci_std_function psci_std_functions[] = {
	[0x00] = { "PSCI_VERSION", false },
	[0x01] = { "CPU_SUSPEND", true },
	[0x02] = { "CPU_OFF", false },
	[0x03] = { "CPU_ON", true },
	[0x04] = { "AFFINITY_INFO", true },
	[0x05] = { "MIGRATE", true },
	[0x06] = { "MIGRATE_INFO_TYPE", false },
	[0x07] = { "MIGRATE_INFO_UP_CPU", true },
	[0x08] = { "SYSTEM_OFF", false },
	[0x09] = { "SYSTEM_RESET", false },
	[0x0a] = { "PSCI_FEATURES", false },
	[0x0b] = { "CPU_FREEZE", false },
	[0x0c] = { "CPU_DEFAULT_SUSPEND", true },
	[0x0d] = { "NODE_HW_STATE", true },
	[0x0e] = { "SYSTEM_SUSPEND", true },
	[0x0f] = { "SET_SUSPEND_MODE", false },
	[0x10] = { "STAT_RESIDENCY", true },
	[0x11] = { "STAT_COUNT", true },
	[0x12] = { "SYSTEM_RESET2", true },
	[0x13] = { "MEM_PROTECT", false },
	[0x14] = { "MEM_PROTECT_CHECK_RANGE", true },
	[0x15] = { "SYSTEM_OFF2", true },
};

#endif /* __PSCI_FUNCTIONS_H */
