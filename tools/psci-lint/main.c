// SPDX-License-Identifier: GPL-2.0-only
/*
 * psci-lint: check the PSCI description of a device tree (.dts through
 * dtc, or .dtb) for what a schema cannot see. Compiler-style messages:
 *   FILE: /path/to/node: error|warning|info: what is wrong; what to do
 * Exit status: 0 clean, 1 warnings only, 2 errors (3: could not read).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint.h"

static const char *const level_name[] = { "info", "warning", "error" };

static void usage(FILE *f)
{
	fprintf(f,
		"usage: psci-lint [--format=text|json] FILE.dts|FILE.dtb...\n"
		"\n"
		"Checks the psci node, the CPUs' enable-method and the PSCI idle states:\n"
		"legacy IDs that call another standard function, are malformed, outside\n"
		"the SMCCC fast-call range or SMC64 on 32-bit CPUs; 0.2/1.0 nodes whose\n"
		"legacy IDs differ from the standard ones; CPUs using a missing psci\n"
		"node and a psci node no CPU uses; idle-state parameters with reserved\n"
		"bits or a power-down type in a retention state; duplicate and disabled\n"
		"nodes. A .dts is compiled with dtc first.\n"
		"\n"
		"Exit status: 0 clean, 1 warnings only, 2 errors, 3 unreadable input.\n");
}

/* Read a whole file, or compile a .dts with dtc into memory. */
static void *load(const char *file, size_t *size)
{
	size_t n = strlen(file), cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	FILE *f;

	if (!buf)
		return NULL;
	if (n > 4 && !strcmp(file + n - 4, ".dts")) {
		char *cmd = malloc(2 * n + 64), *q;
		const char *p;

		if (!cmd) {
			free(buf);
			return NULL;
		}
		q = cmd + sprintf(cmd, "dtc -q -I dts -O dtb -- '");
		for (p = file; *p; p++) {
			if (*p == '\'') {
				strcpy(q, "'\\''");
				q += 4;
			} else {
				*q++ = *p;
			}
		}
		strcpy(q, "'");
		f = popen(cmd, "r");
		free(cmd);
	} else {
		f = fopen(file, "rb");
	}
	if (!f) {
		free(buf);
		return NULL;
	}
	for (;;) {
		size_t got;

		if (len == cap) {
			char *nb = realloc(buf, cap *= 2);

			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
		}
		got = fread(buf + len, 1, cap - len, f);
		if (!got)
			break;
		len += got;
	}
	if ((n > 4 && !strcmp(file + n - 4, ".dts") ? pclose(f) : fclose(f)) != 0 || !len) {
		free(buf);
		return NULL;
	}
	*size = len;
	return buf;
}

static void json_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

int main(int argc, char **argv)
{
	int json = 0, status = 0, i, files = 0, first = 1;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(argv[i], "--format=json"))
			json = 1;
		else if (!strcmp(argv[i], "--format=text"))
			json = 0;
		else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "psci-lint: unknown option %s\n", argv[i]);
			usage(stderr);
			return 3;
		} else {
			files++;
		}
	}
	if (!files) {
		usage(stderr);
		return 3;
	}
	if (json)
		printf("[");
	for (i = 1; i < argc; i++) {
		static struct lint l;
		size_t size;
		void *blob;
		int k, st;

		if (argv[i][0] == '-' && argv[i][1])
			continue;
		blob = load(argv[i], &size);
		if (!blob) {
			fprintf(stderr, "%s: error: cannot read or compile: %s\n", argv[i],
				errno ? strerror(errno) : "dtc failed");
			status = 3;
			continue;
		}
		memset(&l, 0, sizeof(l));
		lint_blob(&l, blob, size);
		free(blob);
		for (k = 0; k < l.nr; k++) {
			const struct lint_finding *f = &l.findings[k];

			if (json) {
				printf("%s\n  {\"file\": ", first ? "" : ",");
				json_string(argv[i]);
				printf(", \"node\": ");
				json_string(f->path);
				printf(", \"level\": \"%s\", \"message\": ", level_name[f->level]);
				json_string(f->msg);
				printf("}");
				first = 0;
			} else {
				printf("%s: %s: %s: %s\n", argv[i], f->path, level_name[f->level],
				       f->msg);
			}
		}
		st = lint_exit_status(&l);
		if (status != 3 && st > status)
			status = st;
	}
	if (json)
		printf("\n]\n");
	return status;
}
