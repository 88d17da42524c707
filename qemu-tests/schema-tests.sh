#!/bin/bash
# The dt-schema gate (Debian's dt-schema): the binding schema is a valid
# schema, every dts-example validates against it, and every bad node in
# qemu-tests/schema-bad/ fails for the reason its "// expect:" line names.
# Prints "ok - X" / "not ok - X" lines.
set -uo pipefail
cd "$(dirname "$0")/.."

. scripts/lib.sh
SCHEMA=Documentation/devicetree/bindings/arm/psci.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Our schema beside the one kernel schema it refers to (the power domain
# children), as it sits in the kernel tree.
mkdir -p "$work/bindings/arm" "$work/bindings/power"
cp "$SCHEMA" "$work/bindings/arm/"
cp "$SRC_STOCK/Documentation/devicetree/bindings/power/power-domain.yaml" "$work/bindings/power/"

if out=$(dt-doc-validate -u "$work/bindings" "$work/bindings/arm/psci.yaml" 2>&1) && [ -z "$out" ]; then
	echo "ok - dt-doc-validate $SCHEMA"
else
	echo "not ok - dt-doc-validate $SCHEMA"
	sed 's/^/  # /' <<< "$out" | head
fi
if ! dt-mk-schema -o "$work/processed.yaml" "$work/bindings" > "$work/mk" 2>&1; then
	echo "not ok - dt-mk-schema"
	sed 's/^/  # /' "$work/mk" | head
	exit 0
fi

validate() { # FILE.dts -> dt-validate's findings on stdout
	dtc -q -I dts -O yaml -o "$work/t.dt.yaml" "$1" 2>&1 || return 0
	dt-validate -s "$work/processed.yaml" "$work/t.dt.yaml" 2>&1
}

for f in dts-examples/*.dts; do
	out=$(validate "$f")
	if [ -z "$out" ]; then
		echo "ok - dt-validate $f"
	else
		echo "not ok - dt-validate $f"
		sed 's/^/  # /' <<< "$out" | head
	fi
done

for f in qemu-tests/schema-bad/*.dts; do
	expect=$(sed -n 's|^// expect: ||p' "$f")
	out=$(validate "$f")
	if [ -n "$out" ] && grep -qF -- "$expect" <<< "$out"; then
		echo "ok - dt-validate rejects $f ($expect)"
	else
		echo "not ok - dt-validate rejects $f (expected: $expect)"
		sed 's/^/  # /' <<< "${out:-no finding}" | head
	fi
done
