#!/usr/bin/env python3
"""The worked examples of the binding document must be the dts-examples.

For every example in Documentation/devicetree/bindings/arm/psci.txt that
names its file "(dts-examples/NAME.dts)", the tab-indented block after it
(up to the first blank line) must appear, line for line, in that file.
Prints "ok - ..." / "not ok - ..." lines; exits 1 on a mismatch.
"""
import re
import sys

DOC = "Documentation/devicetree/bindings/arm/psci.txt"


def blocks(text):
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = re.search(r"\((dts-examples/[\w.-]+\.dts)\)", line)
        if not m:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].startswith("\t"):
            j += 1
        block = []
        while j < len(lines) and lines[j].strip():
            block.append(lines[j].strip())
            j += 1
        yield m.group(1), block


def main():
    failed = 0
    found = 0
    for path, block in blocks(open(DOC).read()):
        found += 1
        try:
            src = [l.strip() for l in open(path).read().split("\n")]
        except OSError as e:
            print(f"not ok - {DOC}: example file {path}: {e}")
            failed += 1
            continue
        n = len(block)
        same = n > 0 and any(src[k:k + n] == block for k in range(len(src) - n + 1))
        if same:
            print(f"ok - {DOC}: example ({n} lines) is in {path}")
        else:
            print(f"not ok - {DOC}: example ({n} lines) differs from {path}")
            failed += 1
    if found == 0:
        print(f"not ok - {DOC}: no examples found")
        failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
