#!/bin/bash
# psci-lint's own tests: clean on every example, the CLI contract, blobs
# that are cut short or corrupt, and a bounded libFuzzer run. Prints
# "ok - X" / "not ok - X" lines (qemu-tests/run.sh counts them).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

# LINT: the linter under test (the suite's negative control gives one
# that crashes: every test must then fail). Each test checks its exit
# status, never only its output.
LINT=${LINT:-$BUILD/psci-lint/psci-lint}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
# Under build/ (make clean's build/tmp.*): the fuzzer's artifacts, a
# crash-* file among them, land here and nowhere in the source tree.
mkdir -p "$BUILD"
work=$(mktemp -d "$BUILD/tmp.lint.XXXXXX")
trap 'rm -rf "$work"' EXIT

t() { # t NAME CMD...: ok when CMD succeeds
	local name=$1
	shift
	if out=$("$@" 2>&1); then
		echo "ok - $name"
	else
		echo "not ok - $name"
		sed 's/^/  # /' <<< "$out" | head -n 8
	fi
}

for f in dts-examples/*.dts; do
	t "clean on $f" bash -c "$LINT '$f' > $work/c; test \$? = 0 && ! grep -v ': info: ' $work/c"
done

t "--help exits 0 and explains the exit status" bash -c "$LINT --help > $work/h; test \$? = 0 && grep -q 'Exit status' $work/h"
t "exit status 2 and compiler-style line on an error" bash -c \
	"$LINT qemu-tests/dts/bad-method.dts > $work/o; test \$? = 2 &&
	 grep -qx 'qemu-tests/dts/bad-method.dts: /psci: error: invalid method \"foo\"; use \"smc\" (firmware at a higher EL) or \"hvc\" (hypervisor)' $work/o"
dtc -q -I dts -O dtb -o "$work/disabled.dtb" - <<'EOF2'
/dts-v1/;
/ { #address-cells = <2>; #size-cells = <2>;
    cpus { #address-cells = <1>; #size-cells = <0>;
           cpu@0 { device_type = "cpu"; reg = <0>; enable-method = "spin-table"; };
           cpu@1 { device_type = "cpu"; reg = <1>; }; };
    psci { compatible = "arm,psci-0.2"; method = "hvc"; status = "disabled"; }; };
EOF2
t "exit status 1 on warnings only (.dtb input)" bash -c "$LINT $work/disabled.dtb; test \$? = 1"
t "--format=json is valid JSON with the findings" bash -c \
	"$LINT --format=json qemu-tests/dts/bad-method.dts > $work/j; python3 -c 'import json,sys; d=json.load(open(\"$work/j\")); assert d and d[0][\"level\"]==\"error\" and d[0][\"node\"]==\"/psci\", d'"

# Vendor reboot modes: each property the binding rules out is an error
# naming it; a clash with reset-types a warning; the 2024 form gets the
# node rewritten in the reboot-mode form.
RM=qemu-tests/dts/reboot-modes.dts
t "reboot-mode: exit 2, a reset_type without bit 31 named" bash -c \
	"$LINT $RM > $work/rm; test \$? = 2 &&
	 grep -qF '/psci/reboot-mode: error: mode-recovery: reset_type 0x00010001 lacks vendor bit 31 (reboot-mode takes the whole reset_type: 0x80010001?)' $work/rm"
t "reboot-mode: mode-normal refused" grep -qF \
	'/psci/reboot-mode: error: mode-normal: not allowed, the normal reboot is SYSTEM_RESET itself' "$work/rm"
t "reboot-mode: 4 cells refused" grep -qF \
	'/psci/reboot-mode: error: mode-dload: 16 bytes; expected <reset_type [[cookie_hi] cookie_lo]> (1 to 3 cells)' "$work/rm"
t "reboot-mode: 3 usable modes counted" grep -qF \
	'/psci/reboot-mode: info: vendor reboot modes in the reboot-mode form: 3 usable' "$work/rm"
t "reset-types: the clash with reboot-mode is a warning" grep -qF \
	'/psci/reset-types: warning: mode-edl: /psci/reboot-mode names the same command' "$work/rm"
t "reset-types: the node rewritten in the reboot-mode form" grep -qF \
	'reboot-mode { mode-edl = <0x80000005>; mode-fastboot = <0x80000003 0x4>; };' "$work/rm"
for f in qemu-tests/schema-bad/reboot-mode-*.dts; do
	t "error on $f" bash -c "$LINT $f > /dev/null; test \$? = 2"
done

dtc -q -I dts -O dtb -o "$work/good.dtb" dts-examples/psci-1.0-hvc.dts
head -c 100 "$work/good.dtb" > "$work/cut.dtb"
t "truncated .dtb: error, no crash" bash -c "$LINT $work/cut.dtb | grep -q 'truncated blob'; test \${PIPESTATUS[0]} = 2"
python3 - "$work/good.dtb" "$work/bad.dtb" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[0x28:0x2c] = b"\xff\xff\xff\xf0"   # a node tag in the middle of the structure
b[64:72] = b"\x00\x00\x00\x09\x00\x00\x00\x03"
open(sys.argv[2], "wb").write(bytes(b))
PY
t "corrupt .dtb: error, no crash" bash -c "$LINT $work/bad.dtb; test \$? = 2"
head -c 4096 /dev/urandom > "$work/noise.dtb"
t "random bytes: error, no crash" bash -c "$LINT $work/noise.dtb | grep -q 'not a flattened device tree'; s=\${PIPESTATUS[0]}; test \$s = 2 -o \$s = 3"

# Inputs the fuzzer once crashed or hung on (tools/psci-lint/regressions/):
# a clean error now, in a few seconds.
for f in tools/psci-lint/regressions/*.dtb; do
	t "regression ${f##*/}: error, no crash" bash -c "timeout 10 $LINT $f | grep -q ': error: \(unsupported blob version\|corrupt blob\)'; test \${PIPESTATUS[0]} = 2"
done

# libFuzzer with ASan/UBSan over the blob checks, seeded with the examples.
# A crashing input is kept in build/logs/psci-lint-fuzz/ (crash-*), for a
# new file in tools/psci-lint/regressions/. The corpus grows under build/
# from run to run. A binary that already passed a full run (its hash in
# fuzz-clean) is not fuzzed again for the same seconds: the corpus that
# run left is replayed instead, every input once (FUZZ_FORCE=1 fuzzes
# anyway); any change to psci-lint's code makes a new binary and a full run.
artifacts=$BUILD/logs/psci-lint-fuzz
if [ "$FUZZ_SECONDS" = 0 ]; then
	:
elif make -s -C tools/psci-lint fuzz O="$BUILD/psci-lint" > "$work/fuzz-build" 2>&1; then
	fuzz=$BUILD/psci-lint/psci-lint-fuzz
	corpus=$BUILD/psci-lint/fuzz-corpus
	mkdir -p "$corpus" "$artifacts"
	for f in dts-examples/*.dts; do
		dtc -q -I dts -O dtb -o "$corpus/$(basename "$f" .dts).dtb" "$f"
	done
	sum=$(sha256sum < "$fuzz" | cut -d' ' -f1)
	if [ -z "${FUZZ_FORCE:-}" ] && [ "$(cat "$BUILD/psci-lint/fuzz-clean" 2>/dev/null)" = "$sum" ]; then
		t "libFuzzer corpus of a clean ${FUZZ_SECONDS}s run of this binary replayed ($(find "$corpus" -type f | wc -l) inputs): no crash, no sanitizer report" \
			"$fuzz" -runs=0 -max_len=4096 -timeout=10 -artifact_prefix="$artifacts/" "$corpus"
	elif "$fuzz" -max_total_time="$FUZZ_SECONDS" -max_len=4096 -timeout=10 \
		-artifact_prefix="$artifacts/" -print_final_stats=1 "$corpus" > "$work/fuzz.log" 2>&1; then
		echo "$sum" > "$BUILD/psci-lint/fuzz-clean"
		echo "ok - libFuzzer ${FUZZ_SECONDS}s on the blob checks: no crash, no sanitizer report"
	else
		echo "not ok - libFuzzer ${FUZZ_SECONDS}s on the blob checks: no crash, no sanitizer report"
		tail -n 8 "$work/fuzz.log" | sed 's/^/  # /'
	fi
else
	echo "not ok - libFuzzer target builds"
	sed 's/^/  # /' "$work/fuzz-build" | head -n 8
fi
