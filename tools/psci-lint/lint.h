/* SPDX-License-Identifier: GPL-2.0-only */
/* psci-lint: the checks (lint.c) and what they report. */
#ifndef PSCI_LINT_H
#define PSCI_LINT_H

#include <stddef.h>

#define LINT_MAX_FINDINGS	256
#define LINT_PATH_MAX		256

enum lint_level { LINT_INFO, LINT_WARNING, LINT_ERROR };

struct lint_finding {
	enum lint_level level;
	char path[LINT_PATH_MAX];
	char msg[320];
};

struct lint {
	int nr;
	struct lint_finding findings[LINT_MAX_FINDINGS];
};

/* Check a blob of @size bytes; safe on any bytes at all. */
void lint_blob(struct lint *l, const void *fdt, size_t size);
void lint_report(struct lint *l, enum lint_level level, const char *path,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* reboot_modes.c: the reboot-mode / reset-types children of psci node @node. */
void lint_reboot_modes(struct lint *l, const void *fdt, int node, const char *path, int v10);
/* 0 clean (info only), 1 warnings, 2 errors. */
int lint_exit_status(const struct lint *l);

#endif
