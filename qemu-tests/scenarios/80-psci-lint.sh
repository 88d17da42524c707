# psci-lint (tools/psci-lint): examples clean, CLI contract, broken blobs,
# a bounded libFuzzer run. The bad-input matrix checks its findings too.
# shellcheck shell=bash

gates lint bash qemu-tests/lint-tests.sh

# The negative control: with a psci-lint that crashes on every input,
# every one of those tests fails (the fuzzer left out).
lint_control() {
	local out oks fails
	out=$(LINT=$PWD/qemu-tests/controls/crashing-lint FUZZ_SECONDS=0 bash qemu-tests/lint-tests.sh 2>&1)
	oks=$(grep -c '^ok - ' <<< "$out")
	fails=$(grep -c '^not ok - ' <<< "$out")
	if [ "$oks" = 0 ] && [ "$fails" -ge 20 ]; then
		echo "ok - a crashing psci-lint fails all $fails of its tests"
	else
		echo "not ok - a crashing psci-lint fails all of its tests: $oks passed, $fails failed"
		grep '^ok - ' <<< "$out" | sed 's/^/  # /' | head -n 8
	fi
}
gates lint-control lint_control

# The dt-schema binding: valid schema, examples pass, bad nodes fail.
gates schema bash qemu-tests/schema-tests.sh
