# psci-lint (tools/psci-lint): examples clean, CLI contract, broken blobs,
# a bounded libFuzzer run. The bad-input matrix checks its findings too.
# shellcheck shell=bash

gates lint bash qemu-tests/lint-tests.sh

# The dt-schema binding: valid schema, examples pass, bad nodes fail.
gates schema bash qemu-tests/schema-tests.sh
