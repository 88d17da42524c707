# psci-lint (tools/psci-lint): examples clean, CLI contract, broken blobs,
# a bounded libFuzzer run. The bad-input matrix checks its findings too.
# shellcheck shell=bash

gates lint bash selftests/lint-tests.sh
