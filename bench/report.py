#!/usr/bin/env python3
"""Turn the logs of bench/run.sh into the side-by-side table.

Prints: figure, stock median, ours median, ratio ours/stock, each with its
95% confidence interval, and a verdict: "better" or "worse" only when the
ratio's interval excludes 1. Writes OUT/results.csv and OUT/results.png
(bar chart of the ratios).

The intervals are a cluster bootstrap (2000 resamples, fixed seed): the
unit resampled is a boot, not a single figure. The 200 offlines of one boot
share that boot's host scheduling, so resampling them one by one treats
them as independent and gives intervals that a second run does not fall
into; resampling whole boots carries the boot-to-boot spread. Each figure
is therefore a list of boots, each boot a list of values.

  report.py OUT          the table of OUT/logs
  report.py --self-test  the interval code against data with a known answer
"""
import csv
import glob
import os
import random
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
    """One cluster per boot: the time from line a to line b (ms)."""
    vals = []
    for p in paths:
        ta, tb = stamp(p, a), stamp(p, b)
        if ta is not None and tb is not None:
            vals.append([(tb - ta) * scale])
    return vals


KILL = re.compile(r"PSCI-KILL:.*?\s(\d+\.\d+): kill_(in|out):")
# The conduit call that ends a poweroff or reboot window (trace_conduit's
# kprobe events, printed by tp_printk before the call).
CONDUIT = {"poweroff": re.compile(r"(hvc|smc): .*fid=0x84000008"),
           "reboot": re.compile(r"(hvc|smc): .*fid=0x84000009")}
HOTPLUG = r"PSCI-BENCH: offline_us ([\d.]+) online_us ([\d.]+)"


def kill_waits(paths):
    """Each cpu_psci_cpu_kill entry/return pair of the kprobe trace (us),
    one cluster per boot."""
    out = []
    for p in paths:
        start = None
        boot = []
        out.append(boot)
        for line in lines(p):
            m = KILL.search(line)
            if not m:
                continue
            if m.group(2) == "in":
                start = float(m.group(1))
            elif start is not None:
                boot.append((float(m.group(1)) - start) * 1e6)
                start = None
    return [b for b in out if b]


def to_conduit(paths, marker, what):
    """From the marker line to the first conduit call of @what after it (ms)."""
    vals = []
    for p in paths:
        t0 = None
        for line in lines(p):
            m = TS.match(line)
            if not m:
                continue
            if t0 is None and marker in m.group(2):
                t0 = float(m.group(1))
            elif t0 is not None and CONDUIT[what].search(m.group(2)):
                vals.append([(float(m.group(1)) - t0) * 1e3])
                break
    return vals


def values(paths, pattern, group=1, scale=1.0):
    """Group group of every match of pattern, as floats, one cluster per
    log (boot) that has any."""
    out = []
    for p in paths:
        boot = [float(m.group(group)) * scale
                for m in (re.search(pattern, line) for line in lines(p)) if m]
        if boot:
            out.append(boot)
    return out


def logs(variant, kind):
    return sorted(glob.glob(os.path.join(LOGS, f"{variant}.{kind}-r*.log")))


def figures(v):
    f = {}
    smp4, smp8, smp16 = logs(v, "smp4"), logs(v, "smp8"), logs(v, "smp16")
    f["kernel start to init (ms)"] = [[stamp(p, "Run /init as init process") * 1e3]
                                      for p in smp4 if stamp(p, "Run /init")]
    f["bring-up, 4 vCPUs (ms)"] = between(smp4, "smp: Bringing up secondary CPUs", "smp: Brought up")
    f["bring-up, 8 vCPUs (ms)"] = between(smp8, "smp: Bringing up secondary CPUs", "smp: Brought up")
    f["bring-up, 16 vCPUs GICv3 (ms)"] = between(smp16, "smp: Bringing up secondary CPUs",
                                                 "smp: Brought up")
    f["one CPU online (us)"] = values(smp4, HOTPLUG, 2)
    f["one CPU offline (us)"] = values(smp4, HOTPLUG, 1)
    f["poweroff, syscall to firmware call (ms)"] = to_conduit(
        smp4 + smp16, "psci-bench: poweroff now", "poweroff")
    f["reboot, syscall to firmware call (ms)"] = to_conduit(
        smp8, "psci-bench: reboot now", "reboot")
    for log, label in (("kill", "kill wait (us), no icount"),
                       ("kill-tfa", "kill wait on TF-A (us), no icount")):
        f[label] = kill_waits(glob.glob(os.path.join(LOGS, f"{v}.{log}-r[0-9]*.log")))
    # Under KVM (nested).
    kvm_kill, kvm_smp4 = logs(v, "kvm-kill"), logs(v, "kvm-smp4")
    f["KVM: kill wait (us)"] = kill_waits(kvm_kill)
    f["KVM: one CPU online (us)"] = values(kvm_kill, HOTPLUG, 2)
    f["KVM: bring-up, 4 vCPUs (ms)"] = between(kvm_smp4, "smp: Bringing up secondary CPUs",
                                               "smp: Brought up")
    for what, paths in (("poweroff", kvm_kill), ("reboot", kvm_smp4)):
        l1 = [p + ".l1" for p in paths if os.path.exists(p + ".l1")]
        relay = r"relay to_last_us ([\d.-]+) last_to_exit_us ([\d.-]+)"
        to_call = values(l1, relay, 1, 1e-3)
        f[f"KVM: {what}, syscall to firmware call (ms)"] = to_call
        f[f"KVM: {what}, syscall to L2 QEMU exit (ms)"] = [
            [a + b for a, b in zip(ca, cb)]
            for ca, cb in zip(to_call, values(l1, relay, 2, 1e-3))]
    calls = []
    for p in glob.glob(os.path.join(LOGS, f"{v}.calls.int")):
        calls.append([sum(1 for line in lines(p) if "handled as PSCI call" in line)])
    f["PSCI calls, boot to poweroff"] = calls
    return f


def pct(vals, q):
    s = sorted(vals)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


RESAMPLES = 2000


def flat(clusters):
    return [v for c in clusters for v in c]


def resample(rng, clusters):
    """A bootstrap sample: as many boots as there are, drawn with
    replacement, their values pooled."""
    return flat(clusters[rng.randrange(len(clusters))] for _ in clusters)


def interval(stat, a, b=None):
    """95% cluster-bootstrap interval of stat(a) or, with b, of
    stat(b) / stat(a); a and b are lists of boots (lists of values), each
    resampled by boot. None with fewer than 2 boots on a side: one boot
    says nothing about the next."""
    if len(a) < 2 or (b is not None and len(b) < 2):
        return None
    rng = random.Random(1)
    est = []
    for _ in range(RESAMPLES):
        ra = resample(rng, a)
        if b is None:
            est.append(stat(ra))
            continue
        rb = resample(rng, b)
        den = stat(ra)
        if den:
            est.append(stat(rb) / den)
    if len(est) < RESAMPLES // 2:
        return None
    est.sort()
    return est[int(0.025 * (len(est) - 1))], est[int(0.975 * (len(est) - 1))]


def fmt_ci(ci):
    return f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "n/a"


def verdict(ci):
    if not ci:
        return "n/a"
    if ci[1] < 1.0:
        return "better"
    if ci[0] > 1.0:
        return "worse"
    return "same"


def row(name, stat, a, b):
    sa, sb = stat(flat(a)), stat(flat(b))
    ratio = sb / sa if sa else None
    ci_r = interval(stat, a, b)
    return [name, f"{sa:.3f}", fmt_ci(interval(stat, a)), f"{sb:.3f}", fmt_ci(interval(stat, b)),
            f"{ratio:.3f}" if ratio is not None else "n/a", fmt_ci(ci_r), verdict(ci_r),
            len(flat(a)), len(flat(b)), len(a), len(b)]


def self_test():
    """The interval code against data whose answer is known. Two drivers
    equal but for boot-to-boot noise: 6 boots each, every boot 50 copies
    of one value drawn around 100. Resampling single values sees 300
    'independent' figures and excludes 1 for most seeds; resampling boots
    must not. And a real 30% difference with the same noise must still
    show."""
    failures = 0
    gen = random.Random(7)
    wrong_naive = wrong_cluster = missed = 0
    trials = 20
    for _ in range(trials):
        a = [[gen.gauss(100, 10)] * 50 for _ in range(6)]
        b = [[gen.gauss(100, 10)] * 50 for _ in range(6)]
        naive = interval(statistics.median, [[v] for v in flat(a)], [[v] for v in flat(b)])
        clus = interval(statistics.median, a, b)
        wrong_naive += verdict(naive) != "same"
        wrong_cluster += verdict(clus) != "same"
        c = [[gen.gauss(130, 10)] * 50 for _ in range(6)]
        missed += verdict(interval(statistics.median, a, c)) != "worse"
    checks = [
        (wrong_naive > trials // 4,
         f"control: resampling single values calls equal drivers different "
         f"({wrong_naive} of {trials})"),
        (wrong_cluster <= trials // 10,
         f"resampling boots calls equal drivers the same ({trials - wrong_cluster} of {trials})"),
        (missed <= trials // 10,
         f"resampling boots sees a 30% difference ({trials - missed} of {trials})"),
        (interval(statistics.median, [[1.0, 2.0]], [[1.0], [2.0]]) is None,
         "one boot gives no interval"),
    ]
    for ok, what in checks:
        failures += not ok
        print(f"{'ok' if ok else 'not ok'} - {what}")
    return 1 if failures else 0


def main():
    if OUT == "--self-test":
        return self_test()
    stock, ours = figures("stock"), figures("ours")
    rows = []
    for name in stock:
        a, b = stock[name], ours[name]
        if not a or not b:
            rows.append([name, "n/a", "n/a", "n/a", "n/a", "n/a", "n/a", "n/a",
                         len(flat(a)), len(flat(b)), len(a), len(b)])
            continue
        rows.append(row(name, statistics.median, a, b))
        if "kill wait" in name:
            rows.append(row(name.replace(" (us)", " p95 (us)"), lambda v: pct(v, 0.95), a, b))
            r = row(name.replace(" (us)", " max (us)"), max, a, b)
            # The maximum of a sample has no useful bootstrap interval.
            r[2] = r[4] = r[6] = "n/a"
            r[7] = "n/a"
            rows.append(r)

    head = ["figure", "stock median", "stock 95% CI", "ours median", "ours 95% CI",
            "ours/stock", "ratio 95% CI", "verdict", "n stock", "n ours",
            "boots stock", "boots ours"]
    with open(os.path.join(OUT, "results.csv"), "w", newline="") as f:
        csv.writer(f).writerows([head] + rows)

    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(str(c) for c in r) + " |")
    failed = os.path.join(LOGS, "failed")
    if os.path.exists(failed):
        print("boots that failed 3 times (their figures are missing):", file=sys.stderr)
        print(open(failed).read(), file=sys.stderr)

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("report: no matplotlib, no chart", file=sys.stderr)
        return 0
    ok = [r for r in rows if r[5] != "n/a"]
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(ok) + 1.2))
    colour = {"better": "tab:green", "worse": "tab:red"}
    ax.barh([r[0] for r in ok], [float(r[5]) for r in ok],
            color=[colour.get(r[7], "tab:gray") for r in ok])
    ax.axvline(1.0, color="black", linewidth=1)
    ax.invert_yaxis()
    ax.set_xlabel("ours / stock (lower is better, 1.0 = same)")
    ax.set_title("PSCI client vs stock Linux 6.12 driver")
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "results.png"), dpi=100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
