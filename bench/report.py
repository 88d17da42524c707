#!/usr/bin/env python3
"""Turn the logs of bench/run.sh into the side-by-side table.

Prints: figure, stock median, ours median, ratio ours/stock; writes
OUT/results.csv and OUT/results.png (bar chart of the ratios).
"""
import csv
import glob
import os
import re
import statistics
import sys

OUT = sys.argv[1]
LOGS = os.path.join(OUT, "logs")
TS = re.compile(r"^\[\s*(\d+\.\d+)\]\s(.*)$")


def lines(path):
    with open(path, "rb") as f:
        for raw in f:
            yield raw.decode("utf-8", "replace").rstrip("\r\n")


def stamp(path, text):
    """Kernel timestamp (s) of the first console line containing text."""
    for line in lines(path):
        m = TS.match(line)
        if m and text in m.group(2):
            return float(m.group(1))
    return None


def between(paths, a, b, scale=1e3):
    vals = []
    for p in paths:
        ta, tb = stamp(p, a), stamp(p, b)
        if ta is not None and tb is not None:
            vals.append((tb - ta) * scale)
    return vals


KILL = r"PSCI-KILL:.*?([\d.]+) us\s+\|\s+cpu_psci_cpu_kill"
HOTPLUG = r"PSCI-BENCH: offline_us ([\d.]+) online_us ([\d.]+)"


def values(paths, pattern, group=1, scale=1.0):
    """Group group of every match of pattern in the logs, as floats."""
    out = []
    for p in paths:
        for line in lines(p):
            m = re.search(pattern, line)
            if m:
                out.append(float(m.group(group)) * scale)
    return out


def logs(variant, kind):
    return sorted(glob.glob(os.path.join(LOGS, f"{variant}.{kind}-r*.log")))


def figures(v):
    f = {}
    smp4, smp8, smp16 = logs(v, "smp4"), logs(v, "smp8"), logs(v, "smp16")
    f["kernel start to init (ms)"] = [stamp(p, "Run /init as init process") * 1e3
                                      for p in smp4 if stamp(p, "Run /init")]
    f["bring-up, 4 vCPUs (ms)"] = between(smp4, "smp: Bringing up secondary CPUs", "smp: Brought up")
    f["bring-up, 8 vCPUs (ms)"] = between(smp8, "smp: Bringing up secondary CPUs", "smp: Brought up")
    f["bring-up, 16 vCPUs GICv3 (ms)"] = between(smp16, "smp: Bringing up secondary CPUs",
                                                 "smp: Brought up")
    f["one CPU online (us)"] = values(smp4, HOTPLUG, 2)
    f["one CPU offline (us)"] = values(smp4, HOTPLUG, 1)
    f["poweroff, syscall to firmware call (ms)"] = between(
        smp4 + smp16, "psci-bench: poweroff now", "reboot: Power down")
    f["reboot, syscall to firmware call (ms)"] = between(
        smp8, "psci-bench: reboot now", "reboot: Restarting system")
    for log, label in (("kill", "kill wait (us), no icount"),
                       ("kill-tfa", "kill wait on TF-A (us), no icount")):
        f[label] = values(glob.glob(os.path.join(LOGS, f"{v}.{log}-r[0-9]*.log")), KILL)
    # Under KVM (nested).
    kvm_kill, kvm_smp4 = logs(v, "kvm-kill"), logs(v, "kvm-smp4")
    f["KVM: kill wait (us)"] = values(kvm_kill, KILL)
    f["KVM: one CPU online (us)"] = values(kvm_kill, HOTPLUG, 2)
    f["KVM: bring-up, 4 vCPUs (ms)"] = between(kvm_smp4, "smp: Bringing up secondary CPUs",
                                               "smp: Brought up")
    for what, paths in (("poweroff", kvm_kill), ("reboot", kvm_smp4)):
        l1 = [p + ".l1" for p in paths if os.path.exists(p + ".l1")]
        relay = r"relay to_last_us ([\d.-]+) last_to_exit_us ([\d.-]+)"
        to_call = values(l1, relay, 1, 1e-3)
        f[f"KVM: {what}, syscall to firmware call (ms)"] = to_call
        f[f"KVM: {what}, syscall to L2 QEMU exit (ms)"] = [
            a + b for a, b in zip(to_call, values(l1, relay, 2, 1e-3))]
    calls = []
    for p in glob.glob(os.path.join(LOGS, f"{v}.calls.int")):
        calls.append(sum(1 for line in lines(p) if "handled as PSCI call" in line))
    f["PSCI calls, boot to poweroff"] = calls
    return f


def pct(vals, q):
    s = sorted(vals)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def main():
    stock, ours = figures("stock"), figures("ours")
    rows = []
    for name in stock:
        a, b = stock[name], ours[name]
        if not a or not b:
            rows.append([name, "n/a", "n/a", "n/a", len(a), len(b)])
            continue
        ma, mb = statistics.median(a), statistics.median(b)
        rows.append([name, f"{ma:.3f}", f"{mb:.3f}", f"{mb / ma:.3f}" if ma else "n/a",
                     len(a), len(b)])
        if "kill wait" in name:
            for q, label in ((0.95, "p95"), (1.0, "max")):
                pa, pb = pct(a, q), pct(b, q)
                rows.append([name.replace(" (us)", f" {label} (us)"), f"{pa:.3f}", f"{pb:.3f}",
                             f"{pb / pa:.3f}" if pa else "n/a", len(a), len(b)])

    head = ["figure", "stock median", "ours median", "ours/stock", "n stock", "n ours"]
    with open(os.path.join(OUT, "results.csv"), "w", newline="") as f:
        csv.writer(f).writerows([head] + rows)

    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'stock':>12}  {'ours':>12}  {'ours/stock':>10}")
    for r in rows:
        print(f"{r[0]:<{width}}  {r[1]:>12}  {r[2]:>12}  {r[3]:>10}")

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("report: no matplotlib, no chart", file=sys.stderr)
        return 0
    ok = [r for r in rows if r[3] != "n/a"]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(ok) + 1.2))
    ax.barh([r[0] for r in ok], [float(r[3]) for r in ok],
            color=["tab:green" if float(r[3]) <= 1.0 else "tab:red" for r in ok])
    ax.axvline(1.0, color="black", linewidth=1)
    ax.invert_yaxis()
    ax.set_xlabel("ours / stock (lower is better, 1.0 = same)")
    ax.set_title("PSCI client vs stock Linux 6.12 driver")
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "results.png"), dpi=100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
