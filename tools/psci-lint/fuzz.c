// SPDX-License-Identifier: GPL-2.0-only
/* libFuzzer target: psci-lint's blob checks on arbitrary bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct lint l;
	/* libfdt wants an aligned blob; the fuzzer's buffer may not be. */
	void *copy = malloc(size ? size : 1);

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	memset(&l, 0, sizeof(l));
	lint_blob(&l, copy, size);
	free(copy);
	return 0;
}
