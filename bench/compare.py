#!/usr/bin/env python3
"""Do two runs of the benchmark agree within their intervals?

    compare.py FIRST/results.csv SECOND/results.csv

For every figure with a ratio interval in both runs: is the second run's
ratio inside the first run's 95% interval, and the first's inside the
second's? Prints one line per figure and the count; exit status 0 always
(it is a reading, not a gate: two honest runs may still disagree on a
figure in about one case in twenty).
"""
import csv
import sys


def read(path):
    rows = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            ci = r["ratio 95% CI"]
            if ci == "n/a" or r["ours/stock"] == "n/a":
                continue
            lo, hi = (float(x) for x in ci.strip("[]").split(","))
            rows[r["figure"]] = (float(r["ours/stock"]), lo, hi, r["verdict"])
    return rows


def main():
    a, b = read(sys.argv[1]), read(sys.argv[2])
    both = [k for k in a if k in b]
    agree = 0
    print("| figure | first ratio [CI] | second ratio [CI] | each inside the other's | verdicts |")
    print("|---|---|---|---|---|")
    for k in both:
        ra, la, ha, va = a[k]
        rb, lb, hb, vb = b[k]
        ok = la <= rb <= ha and lb <= ra <= hb
        agree += ok
        print(f"| {k} | {ra:.3f} [{la:.3f}, {ha:.3f}] | {rb:.3f} [{lb:.3f}, {hb:.3f}] | "
              f"{'yes' if ok else 'no'} | {va} / {vb} |")
    same_verdict = sum(a[k][3] == b[k][3] for k in both)
    print(f"\n{agree} of {len(both)} ratios inside each other's intervals; "
          f"{same_verdict} of {len(both)} with the same verdict")
    return 0


if __name__ == "__main__":
    sys.exit(main())
