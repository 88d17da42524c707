// SPDX-License-Identifier: GPL-2.0-only
/*
 * psci-lint: the vendor reboot modes of a psci node (PSCI 1.1 SYSTEM_RESET2).
 *
 * Two forms name them, as the driver reads them:
 *   reboot-mode { mode-<cmd> = <reset_type [[cookie_hi] cookie_lo]>; }
 *     the form upstream review settled on: reset_type whole, bit 31 set;
 *   reset-types { mode-<cmd> = <type [cookie]>; }
 *     its 2024 form: type is bits [30:0], the vendor bit implied.
 * For the older form the report says how to move, with the node rewritten.
 */
#include <stdio.h>
#include <string.h>

#include <libfdt.h>

#include "lint.h"

#define VENDOR_BIT	0x80000000u
#define CMD_MAX		23	/* the driver's command length */

static unsigned int cell(const void *val, int i)
{
	return fdt32_ld((const fdt32_t *)val + i);
}

/* The mode-<cmd> properties of @child, checked; returns how many are good. */
static int check_modes(struct lint *l, const void *fdt, int child, const char *path,
		       int whole, const char *other_path, int other_node)
{
	int prop, good = 0;

	fdt_for_each_property_offset(prop, fdt, child) {
		const char *name;
		const void *val;
		int len, cells;
		unsigned int type;

		val = fdt_getprop_by_offset(fdt, prop, &name, &len);
		if (!val || !name || strncmp(name, "mode-", 5))
			continue;
		cells = len / 4;
		if (len % 4 || !cells || cells > (whole ? 3 : 2)) {
			lint_report(l, LINT_ERROR, path, "%s: %d bytes; expected %s", name, len,
				    whole ? "<reset_type [[cookie_hi] cookie_lo]> (1 to 3 cells)" :
				    "<type [cookie]> (1 or 2 cells)");
			continue;
		}
		type = cell(val, 0);
		if (whole && !(type & VENDOR_BIT)) {
			lint_report(l, LINT_ERROR, path,
				    "%s: reset_type 0x%08x lacks vendor bit 31 (reboot-mode takes the whole reset_type: 0x%08x?)",
				    name, type, type | VENDOR_BIT);
			continue;
		}
		if (!whole && (type & VENDOR_BIT)) {
			lint_report(l, LINT_ERROR, path,
				    "%s: type 0x%08x has bit 31 set; reset-types takes bits [30:0] (or move the mode to reboot-mode)",
				    name, type);
			continue;
		}
		if (whole && !strcmp(name, "mode-normal")) {
			lint_report(l, LINT_ERROR, path,
				    "mode-normal: not allowed, the normal reboot is SYSTEM_RESET itself");
			continue;
		}
		if (!name[5] || strlen(name + 5) > CMD_MAX) {
			lint_report(l, LINT_ERROR, path,
				    "%s: expected a command of 1 to %d characters", name, CMD_MAX);
			continue;
		}
		if (other_node >= 0 && fdt_getprop(fdt, other_node, name, NULL)) {
			lint_report(l, LINT_WARNING, path,
				    "%s: %s names the same command; the driver takes reboot-mode's and ignores this one",
				    name, other_path);
			continue;
		}
		good++;
	}
	return good;
}

/* The older node, rewritten in the reboot-mode form. */
static void suggest_reboot_mode(struct lint *l, const void *fdt, int child, const char *path)
{
	char out[240], cookie[16];
	int prop, n;

	n = snprintf(out, sizeof(out), "reboot-mode {");
	fdt_for_each_property_offset(prop, fdt, child) {
		const char *name;
		const void *val;
		int len;

		val = fdt_getprop_by_offset(fdt, prop, &name, &len);
		if (!val || !name || strncmp(name, "mode-", 5) || (len != 4 && len != 8) ||
		    (cell(val, 0) & VENDOR_BIT) || n >= (int)sizeof(out))
			continue;
		cookie[0] = 0;
		if (len == 8)
			snprintf(cookie, sizeof(cookie), " 0x%x", cell(val, 1));
		n += snprintf(out + n, sizeof(out) - n, " %s = <0x%08x%s>;", name,
			      cell(val, 0) | VENDOR_BIT, cookie);
	}
	if (n < (int)sizeof(out))
		snprintf(out + n, sizeof(out) - n, " };");
	lint_report(l, LINT_INFO, path,
		    "the 2024 reset-types form; the current binding is a reboot-mode child with bit 31 in each reset_type: %s",
		    out);
}

void lint_reboot_modes(struct lint *l, const void *fdt, int node, const char *path, int v10)
{
	char mpath[LINT_PATH_MAX], tpath[LINT_PATH_MAX];
	int modes = fdt_subnode_offset(fdt, node, "reboot-mode");
	int types = fdt_subnode_offset(fdt, node, "reset-types");

	snprintf(mpath, sizeof(mpath), "%s/reboot-mode", path);
	snprintf(tpath, sizeof(tpath), "%s/reset-types", path);
	if (modes >= 0) {
		int good = check_modes(l, fdt, modes, mpath, 1, NULL, -1);

		lint_report(l, LINT_INFO, mpath,
			    "vendor reboot modes in the reboot-mode form: %d usable (reboot <command> calls SYSTEM_RESET2 with the reset_type and cookie given)",
			    good);
		if (!v10)
			lint_report(l, LINT_ERROR, mpath,
				    "reboot-mode needs compatible \"arm,psci-1.0\" (SYSTEM_RESET2 is PSCI 1.1)");
	}
	if (types >= 0) {
		check_modes(l, fdt, types, tpath, 0, mpath, modes);
		suggest_reboot_mode(l, fdt, types, tpath);
	}
}
