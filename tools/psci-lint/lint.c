// SPDX-License-Identifier: GPL-2.0-only
/*
 * psci-lint checks: everything about a flattened device tree's PSCI
 * description that a schema cannot see. The blob is untrusted: every
 * libfdt answer is checked, and a blob that fails fdt_check_full() is
 * reported, not walked.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>
#include <linux/psci.h>

#include "lint.h"

/* SMCCC: bit 31 of a function ID marks a fast call (no uapi header has it). */
#define FAST_CALL	0x80000000u
#define SMC64		PSCI_0_2_64BIT
#define STD_BASE	PSCI_0_2_FN_BASE

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The standard functions' names by number (DEN0022; the uapi IDs). */
static const struct {
	const char *name;
} psci_std_functions[] = {
	[PSCI_0_2_FN_PSCI_VERSION - STD_BASE] = { "PSCI_VERSION" },
	[PSCI_0_2_FN_CPU_SUSPEND - STD_BASE] = { "CPU_SUSPEND" },
	[PSCI_0_2_FN_CPU_OFF - STD_BASE] = { "CPU_OFF" },
	[PSCI_0_2_FN_CPU_ON - STD_BASE] = { "CPU_ON" },
	[PSCI_0_2_FN_AFFINITY_INFO - STD_BASE] = { "AFFINITY_INFO" },
	[PSCI_0_2_FN_MIGRATE - STD_BASE] = { "MIGRATE" },
	[PSCI_0_2_FN_MIGRATE_INFO_TYPE - STD_BASE] = { "MIGRATE_INFO_TYPE" },
	[PSCI_0_2_FN_MIGRATE_INFO_UP_CPU - STD_BASE] = { "MIGRATE_INFO_UP_CPU" },
	[PSCI_0_2_FN_SYSTEM_OFF - STD_BASE] = { "SYSTEM_OFF" },
	[PSCI_0_2_FN_SYSTEM_RESET - STD_BASE] = { "SYSTEM_RESET" },
	[PSCI_1_0_FN_PSCI_FEATURES - STD_BASE] = { "PSCI_FEATURES" },
	[PSCI_1_0_FN_CPU_FREEZE - STD_BASE] = { "CPU_FREEZE" },
	[PSCI_1_0_FN_CPU_DEFAULT_SUSPEND - STD_BASE] = { "CPU_DEFAULT_SUSPEND" },
	[PSCI_1_0_FN_NODE_HW_STATE - STD_BASE] = { "NODE_HW_STATE" },
	[PSCI_1_0_FN_SYSTEM_SUSPEND - STD_BASE] = { "SYSTEM_SUSPEND" },
	[PSCI_1_0_FN_SET_SUSPEND_MODE - STD_BASE] = { "SET_SUSPEND_MODE" },
	[PSCI_1_0_FN_STAT_RESIDENCY - STD_BASE] = { "STAT_RESIDENCY" },
	[PSCI_1_0_FN_STAT_COUNT - STD_BASE] = { "STAT_COUNT" },
	[PSCI_1_1_FN_SYSTEM_RESET2 - STD_BASE] = { "SYSTEM_RESET2" },
	[PSCI_1_1_FN_MEM_PROTECT - STD_BASE] = { "MEM_PROTECT" },
	[PSCI_1_1_FN_MEM_PROTECT_CHECK_RANGE - STD_BASE] = { "MEM_PROTECT_CHECK_RANGE" },
	[PSCI_0_2_FN(0x15) - STD_BASE] = { "SYSTEM_OFF2" },	/* PSCI 1.3 */
};

#define NR_STD	ARRAY_SIZE(psci_std_functions)

static const struct {
	const char *prop;
	unsigned int fn;	/* standard function number */
} legacy[] = {
	{ "cpu_suspend", 1 }, { "cpu_off", 2 }, { "cpu_on", 3 }, { "migrate", 5 },
};

#define NR_LEGACY	ARRAY_SIZE(legacy)

/*
 * Cores that can only run AArch32: SMC64 IDs cannot be called from them,
 * and a 32-bit kernel may start them through its platform's own SMP
 * operations instead of an enable-method.
 */
static const char *const cpus32[] = {
	"arm,cortex-a5", "arm,cortex-a7", "arm,cortex-a8", "arm,cortex-a9",
	"arm,cortex-a12", "arm,cortex-a15", "arm,cortex-a17", "arm,cortex-r7",
	"arm,arm11mpcore", "arm,arm1176jzf-s", "marvell,pj4a", "marvell,pj4b",
	"marvell,sheeva-v7", "qcom,krait", "qcom,scorpion", "brcm,brahma-b15",
	"mrvl,pj4b",
};

void lint_report(struct lint *l, enum lint_level level, const char *path,
		 const char *fmt, ...)
{
	struct lint_finding *f;
	va_list ap;

	if (l->nr == LINT_MAX_FINDINGS)
		return;
	f = &l->findings[l->nr++];
	f->level = level;
	snprintf(f->path, sizeof(f->path), "%s", path);
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof(f->msg), fmt, ap);
	va_end(ap);
}

static void node_path(const void *fdt, int node, char *buf, int len)
{
	if (fdt_get_path(fdt, node, buf, len) < 0)
		snprintf(buf, len, "<node at offset %d>", node);
}

/* Does the string-list property @name of @node hold @want? */
static int has_string(const void *fdt, int node, const char *name, const char *want)
{
	int len, pos = 0;
	const char *p = fdt_getprop(fdt, node, name, &len);

	if (!p || len <= 0)
		return 0;
	while (pos < len) {
		int n = strnlen(p + pos, len - pos);

		if (n == (int)strlen(want) && !memcmp(p + pos, want, n))
			return 1;
		pos += n + 1;
	}
	return 0;
}

/* A property that is exactly one NUL-terminated string, or NULL. */
static const char *one_string(const void *fdt, int node, const char *name)
{
	int len;
	const char *p = fdt_getprop(fdt, node, name, &len);

	if (!p || len < 1 || p[len - 1] != '\0' || (int)strlen(p) != len - 1)
		return NULL;
	return p;
}

static int is_psci(const void *fdt, int node)
{
	return has_string(fdt, node, "compatible", "arm,psci-1.0") ||
	       has_string(fdt, node, "compatible", "arm,psci-0.2") ||
	       has_string(fdt, node, "compatible", "arm,psci");
}

static int is_available(const void *fdt, int node)
{
	const char *s = one_string(fdt, node, "status");

	return !s || !strcmp(s, "okay") || !strcmp(s, "ok");
}

static int cpus_are_32bit(const void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus"), cpu;
	unsigned int i;

	if (cpus < 0)
		return 0;
	fdt_for_each_subnode(cpu, fdt, cpus)
		for (i = 0; i < ARRAY_SIZE(cpus32); i++)
			if (has_string(fdt, cpu, "compatible", cpus32[i]))
				return 1;
	return 0;
}

/* The first CPU node under /cpus: the boot CPU needs no enable-method. */
static int first_cpu(const void *fdt, int cpus)
{
	int cpu;

	fdt_for_each_subnode(cpu, fdt, cpus)
		if (has_string(fdt, cpu, "device_type", "cpu"))
			return cpu;
	return -1;
}

static int cpus_with_method(const void *fdt, int cpus)
{
	int cpu, n = 0;

	fdt_for_each_subnode(cpu, fdt, cpus)
		if (has_string(fdt, cpu, "device_type", "cpu") &&
		    fdt_getprop(fdt, cpu, "enable-method", NULL))
			n++;
	return n;
}

static void check_method(struct lint *l, const void *fdt, int node, const char *path)
{
	int len;
	const char *raw = fdt_getprop(fdt, node, "method", &len);
	const char *m = one_string(fdt, node, "method");

	if (!raw) {
		lint_report(l, LINT_ERROR, path,
			    "missing \"method\"; add method = \"smc\" or \"hvc\"");
		return;
	}
	if (!m) {
		lint_report(l, LINT_ERROR, path,
			    "\"method\" is not one string (%d bytes); use method = \"smc\" or \"hvc\"",
			    len);
		return;
	}
	if (strcmp(m, "smc") && strcmp(m, "hvc"))
		lint_report(l, LINT_ERROR, path,
			    "invalid method \"%s\"; use \"smc\" (firmware at a higher EL) or \"hvc\" (hypervisor)",
			    m);
}

static void check_legacy_ids(struct lint *l, const void *fdt, int node, const char *path,
			     int v02, int v01_listed_first)
{
	unsigned int ids[NR_LEGACY] = { 0 };
	int is32 = cpus_are_32bit(fdt);
	unsigned int i, j;

	for (i = 0; i < NR_LEGACY; i++) {
		int len;
		const fdt32_t *p = fdt_getprop(fdt, node, legacy[i].prop, &len);
		unsigned int id, n;

		if (!p)
			continue;
		if (len != 4) {
			lint_report(l, LINT_ERROR, path,
				    "\"%s\" is %d bytes; it must be one 32-bit cell",
				    legacy[i].prop, len);
			continue;
		}
		id = fdt32_to_cpu(*p);
		ids[i] = id;
		if (!id) {
			lint_report(l, LINT_ERROR, path,
				    "\"%s\" is 0, not a function ID; remove it if the firmware has no such call",
				    legacy[i].prop);
			continue;
		}
		n = (id & ~SMC64) - STD_BASE;
		/*
		 * In a node that also says 0.2/1.0 the firmware speaks the
		 * standard numbering, so such an ID calls another function. A
		 * 0.1-only node defines its own numbering (Calxeda's cpu_on is
		 * 0x84000006): only worth knowing.
		 */
		if (n < NR_STD && n != legacy[i].fn && v02) {
			lint_report(l, LINT_ERROR, path,
				    "\"%s\" = 0x%08x is the standard ID of %s: a 0.2+ firmware would run that instead; use the firmware's %s ID",
				    legacy[i].prop, id, psci_std_functions[n].name,
				    psci_std_functions[legacy[i].fn].name);
			continue;
		}
		if (n < NR_STD && n != legacy[i].fn)
			lint_report(l, LINT_INFO, path,
				    "\"%s\" = 0x%08x is the standard ID of %s; fine for PSCI 0.1 firmware with its own numbering, wrong if it also implements PSCI 0.2",
				    legacy[i].prop, id, psci_std_functions[n].name);
		/*
		 * Firmware older than the SMC Calling Convention numbers its
		 * 0.1 calls as it likes (Xen's are 1 and 2); one that also
		 * speaks 0.2 follows the convention.
		 */
		if (!(id & FAST_CALL))
			lint_report(l, v02 ? LINT_WARNING : LINT_INFO, path,
				    "\"%s\" = 0x%08x is outside the SMCCC fast-call range (bit 31 clear)%s",
				    legacy[i].prop, id,
				    v02 ? "; check the firmware's ID" :
				    ": fine for firmware that predates the SMC Calling Convention");
		if (is32 && (id & SMC64))
			lint_report(l, LINT_ERROR, path,
				    "\"%s\" = 0x%08x is an SMC64 ID but the CPUs are 32-bit; use the SMC32 form 0x%08x",
				    legacy[i].prop, id, id & ~SMC64);
		if (v02 && n >= NR_STD && v01_listed_first)
			lint_report(l, LINT_WARNING, path,
				    "\"%s\" = 0x%08x differs from the standard %s ID 0x%08x and \"arm,psci\" comes first in compatible: clients that follow list order (Linux up to 6.12) use this 0.1 ID; list \"arm,psci\" last",
				    legacy[i].prop, id, psci_std_functions[legacy[i].fn].name,
				    STD_BASE + legacy[i].fn);
		else if (v02 && n >= NR_STD)
			lint_report(l, LINT_INFO, path,
				    "\"%s\" = 0x%08x differs from the standard %s ID 0x%08x: only a 0.1-only client uses it",
				    legacy[i].prop, id, psci_std_functions[legacy[i].fn].name,
				    STD_BASE + legacy[i].fn);
	}
	for (i = 0; i < NR_LEGACY; i++)
		for (j = i + 1; j < NR_LEGACY; j++)
			if (ids[i] && ids[i] == ids[j])
				lint_report(l, LINT_ERROR, path,
					    "\"%s\" and \"%s\" share ID 0x%08x; each operation needs its own",
					    legacy[i].prop, legacy[j].prop, ids[i]);
	if (!v02 && (ids[0] || ids[1] || ids[3]) && !ids[2])
		lint_report(l, LINT_WARNING, path,
			    "PSCI 0.1 node without cpu_on: secondary CPUs cannot be started through PSCI");
	if (!v02 && ids[2] && !ids[1])
		lint_report(l, LINT_INFO, path,
			    "PSCI 0.1 node without cpu_off: CPUs cannot be taken offline");
	if (!v02 && !ids[0] && !ids[1] && !ids[2] && !ids[3])
		lint_report(l, LINT_ERROR, path,
			    "\"arm,psci\" node without cpu_suspend, cpu_off, cpu_on or migrate: PSCI 0.1 is unusable; add the firmware's IDs or a 0.2+ compatible");
}

/* Does "arm,psci" come before "arm,psci-0.2"/"arm,psci-1.0" in compatible? */
static int v01_first(const void *fdt, int node)
{
	int len, pos = 0;
	const char *p = fdt_getprop(fdt, node, "compatible", &len);

	while (p && pos < len) {
		const char *c = p + pos;
		int n = strnlen(c, len - pos);

		if (n == 8 && !memcmp(c, "arm,psci", 8))
			return 1;
		if ((n == 12 && !memcmp(c, "arm,psci-0.2", 12)) ||
		    (n == 12 && !memcmp(c, "arm,psci-1.0", 12)))
			return 0;
		pos += n + 1;
	}
	return 0;
}

static void check_psci_node(struct lint *l, const void *fdt, int node)
{
	char path[LINT_PATH_MAX];
	int v10, v02, v01;

	node_path(fdt, node, path, sizeof(path));
	v10 = has_string(fdt, node, "compatible", "arm,psci-1.0");
	v02 = has_string(fdt, node, "compatible", "arm,psci-0.2");
	v01 = has_string(fdt, node, "compatible", "arm,psci");

	/* Boards whose firmware has no PSCI disable the SoC's node on purpose. */
	if (!is_available(fdt, node)) {
		lint_report(l, LINT_INFO, path,
			    "psci node is disabled; clients ignore it (set status = \"okay\" if the firmware has PSCI)");
		return;
	}
	check_method(l, fdt, node, path);
	if (v10 && !v02)
		lint_report(l, LINT_INFO, path,
			    "\"arm,psci-1.0\" without \"arm,psci-0.2\": clients that predate 1.0 will not use it");
	if (v01 || fdt_getprop(fdt, node, "cpu_on", NULL) ||
	    fdt_getprop(fdt, node, "cpu_off", NULL))
		check_legacy_ids(l, fdt, node, path, v10 || v02, v01_first(fdt, node));
	lint_reboot_modes(l, fdt, node, path, v10);
}

/* Reserved bits of a power_state in the original and the extended format. */
#define ORIG_VALID	0x0301ffffu
#define EXT_VALID	0x4fffffffu

static void check_idle_state(struct lint *l, const void *fdt, int node, int psci_entry,
			     int psci10)
{
	char path[LINT_PATH_MAX];
	const char *name, *label;
	const fdt32_t *p;
	unsigned int v;
	int len;

	node_path(fdt, node, path, sizeof(path));
	p = fdt_getprop(fdt, node, "arm,psci-suspend-param", &len);
	if (!p) {
		if (psci_entry)
			lint_report(l, LINT_ERROR, path,
				    "idle state without arm,psci-suspend-param; add the firmware's power_state");
		return;
	}
	if (len != 4) {
		lint_report(l, LINT_ERROR, path,
			    "arm,psci-suspend-param is %d bytes; it must be one 32-bit cell", len);
		return;
	}
	v = fdt32_to_cpu(*p);
	/*
	 * The extended format is the normal one for PSCI 1.0 firmware, and a
	 * device tree cannot say which format its firmware uses: a value
	 * valid only in it is a fact worth knowing, not a fault. Before 1.0
	 * (no "arm,psci-1.0" node) there is no extended format.
	 */
	if ((v & ~ORIG_VALID) && (v & ~EXT_VALID))
		lint_report(l, LINT_ERROR, path,
			    "arm,psci-suspend-param 0x%08x sets reserved bits in both power_state formats; the kernel will not use this state",
			    v);
	else if ((v & ~ORIG_VALID) && !psci10)
		lint_report(l, LINT_INFO, path,
			    "arm,psci-suspend-param 0x%08x is in the extended format, which only PSCI 1.0+ firmware has, but no psci node says \"arm,psci-1.0\": consider adding it",
			    v);
	else if (v & ~ORIG_VALID)
		lint_report(l, LINT_INFO, path,
			    "arm,psci-suspend-param 0x%08x is in the extended format: the firmware must report it in PSCI_FEATURES(CPU_SUSPEND)",
			    v);

	name = fdt_get_name(fdt, node, NULL);
	label = one_string(fdt, node, "idle-state-name");
	/*
	 * A name is only a label: the kernel goes by the parameter, and a
	 * power-down bit makes it save the CPU context, which is always
	 * safe (MediaTek's "cpu-retention" states do this on purpose).
	 */
	if (((name && strstr(name, "ret")) || (label && strstr(label, "ret"))) &&
	    !(v & ~ORIG_VALID) && (v & 0x10000))
		lint_report(l, LINT_INFO, path,
			    "state named as retention but arm,psci-suspend-param 0x%08x asks for power down (bit 16): the kernel saves and restores the CPU context on every entry",
			    v);
}

static void check_idle_states(struct lint *l, const void *fdt, int psci10)
{
	int node;

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		int parent;

		if (!has_string(fdt, node, "compatible", "arm,idle-state") &&
		    !has_string(fdt, node, "compatible", "domain-idle-state"))
			continue;
		parent = fdt_parent_offset(fdt, node);
		check_idle_state(l, fdt, node,
				 parent >= 0 && one_string(fdt, parent, "entry-method") &&
				 !strcmp(one_string(fdt, parent, "entry-method"), "psci"), psci10);
	}
}

/*
 * Walk the structure block tag by tag: each tag must end after it starts
 * and inside the block, and FDT_END must come. libfdt 1.6.1's
 * fdt_check_full() can loop for ever on a blob that breaks this (found by
 * the fuzzer: a property length that sends the walk backwards), so this
 * runs first. Returns the offset of the first bad tag, or -1.
 */
static int struct_walk_bad(const void *fdt)
{
	int offset = 0, next = 0, limit;
	uint32_t tag;

	/* Version 16 has no size_dt_struct: the block may run to the end. */
	if (fdt_version(fdt) >= 17)
		limit = (int)fdt_size_dt_struct(fdt);
	else
		limit = (int)(fdt_totalsize(fdt) - fdt_off_dt_struct(fdt));

	do {
		if (offset >= limit)
			return offset;
		tag = fdt_next_tag(fdt, offset, &next);
		if (tag == FDT_END)
			return next <= limit ? -1 : offset;
		if (next <= offset || next > limit ||
		    (tag != FDT_BEGIN_NODE && tag != FDT_END_NODE && tag != FDT_PROP &&
		     tag != FDT_NOP))
			return offset;
		offset = next;
	} while (1);
}

void lint_blob(struct lint *l, const void *fdt, size_t size)
{
	int node, usable = 0, users = 0, cpus, cpu, first = -1, is32, psci10 = 0, with_method;
	char path[LINT_PATH_MAX], first_path[LINT_PATH_MAX];
	int err;

	if (size < sizeof(struct fdt_header) || fdt_magic(fdt) != FDT_MAGIC) {
		lint_report(l, LINT_ERROR, "/", "not a flattened device tree (bad magic)");
		return;
	}
	if (fdt_totalsize(fdt) > size) {
		lint_report(l, LINT_ERROR, "/", "truncated blob: header says %u bytes, have %zu",
			    fdt_totalsize(fdt), size);
		return;
	}
	/*
	 * Every dtc since 2008 writes version 17. libfdt 1.6's full check
	 * can crash on the older layouts, so those are refused up front.
	 */
	if (fdt_version(fdt) < 16 || fdt_version(fdt) > 17 ||
	    fdt_last_comp_version(fdt) > 17) {
		lint_report(l, LINT_ERROR, "/",
			    "unsupported blob version %u (last compatible %u); recompile with dtc",
			    fdt_version(fdt), fdt_last_comp_version(fdt));
		return;
	}
	err = struct_walk_bad(fdt);
	if (err >= 0) {
		lint_report(l, LINT_ERROR, "/",
			    "corrupt blob: bad tag at offset %d of the structure block", err);
		return;
	}
	err = fdt_check_full(fdt, size);
	if (err) {
		lint_report(l, LINT_ERROR, "/", "corrupt blob: %s", fdt_strerror(err));
		return;
	}

	for (node = fdt_next_node(fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(fdt, node, NULL)) {
		if (!is_psci(fdt, node))
			continue;
		check_psci_node(l, fdt, node);
		if (!is_available(fdt, node))
			continue;
		usable++;
		psci10 |= has_string(fdt, node, "compatible", "arm,psci-1.0");
		if (first < 0) {
			first = node;
			node_path(fdt, node, first_path, sizeof(first_path));
		} else {
			node_path(fdt, node, path, sizeof(path));
			lint_report(l, LINT_ERROR, path,
				    "second psci node; clients use only %s: keep one", first_path);
		}
	}

	/*
	 * How secondary CPUs start: on arm64 only through enable-method
	 * ("psci" or "spin-table"). A 32-bit kernel may use its platform's
	 * own SMP operations, named by a vendor enable-method or by nothing
	 * at all, so those are no findings on 32-bit boards.
	 */
	is32 = cpus_are_32bit(fdt);
	cpus = fdt_path_offset(fdt, "/cpus");
	with_method = cpus >= 0 ? cpus_with_method(fdt, cpus) : 0;
	if (cpus >= 0 && !with_method && !is32 && first_cpu(fdt, cpus) >= 0)
		lint_report(l, LINT_INFO, "/cpus",
			    "no CPU has an enable-method: the boot loader must add them (U-Boot does on Layerscape boards), or only the boot CPU runs");
	if (cpus >= 0)
		fdt_for_each_subnode(cpu, fdt, cpus) {
			const char *m = one_string(fdt, cpu, "enable-method");

			if (!has_string(fdt, cpu, "device_type", "cpu"))
				continue;
			node_path(fdt, cpu, path, sizeof(path));
			/* Only some CPUs without one is an omission. */
			if (!m) {
				if (!is32 && with_method && cpu != first_cpu(fdt, cpus))
					lint_report(l, LINT_WARNING, path,
						    "CPU without enable-method while others have one: an arm64 kernel will not start it; add enable-method = \"psci\"");
				continue;
			}
			/*
			 * A vendor method ("qcom,msm8916-smp") is a 32-bit
			 * platform's SMP operation, which only a 32-bit kernel
			 * has; anything else is a misspelling.
			 */
			if (strcmp(m, "psci")) {
				if (!strcmp(m, "spin-table") || is32)
					continue;
				if (strchr(m, ','))
					lint_report(l, LINT_INFO, path,
						    "enable-method \"%s\" is a 32-bit platform's SMP method: only a 32-bit kernel can start this CPU",
						    m);
				else
					lint_report(l, LINT_WARNING, path,
						    "enable-method \"%s\" is neither \"psci\" nor \"spin-table\"; no kernel can start this CPU",
						    m);
				continue;
			}
			users++;
			if (!usable) {
				lint_report(l, LINT_ERROR, path,
					    "enable-method = \"psci\" but no usable psci node; add one or change the enable-method");
			}
		}
	if (usable && !users)
		lint_report(l, LINT_INFO, first_path,
			    "no CPU has enable-method = \"psci\"; the node is used only for idle and system power");

	check_idle_states(l, fdt, psci10);
}

int lint_exit_status(const struct lint *l)
{
	int i, status = 0;

	for (i = 0; i < l->nr; i++) {
		if (l->findings[i].level == LINT_ERROR)
			return 2;
		if (l->findings[i].level == LINT_WARNING)
			status = 1;
	}
	return status;
}
