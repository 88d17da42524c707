#!/usr/bin/env python3
"""make mutants: is every plausible bug in the driver caught by the suite?

Each mutant (scripts/mutants.txt) is one small change to our driver, a bug
someone could write. For each: the change is made in a tree of its own
(build/src/linux-mutant, hard links to ours but for the two mutated files),
the kernel is rebuilt incrementally from a copy of our object tree, and
the part of the suite named for it runs against that image (OURS_VARIANT=
mutant). A mutant is caught when that part reports a failed test; one
that survives means a missing test. Prints a table (mutant, verdict, the
first test that failed) and writes build/mutants/results.tsv.

  scripts/mutants.py [NAME-SUBSTRING]
"""
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("BUILD", os.path.join(ROOT, "build"))
OURS = os.path.join(BUILD, "src", "linux-ours")
MUT = os.path.join(BUILD, "src", "linux-mutant")
OUT = os.path.join(BUILD, "mutants")
# Each kernel flavour a mutant can be built as (scripts/build-kernel.sh's
# names): make's ARCH, the cross compiler, the target.
FLAVOURS = {
    "base": ("arm64", "aarch64-linux-gnu-", "Image"),
    "arm32-boards": ("arm", "arm-linux-gnueabihf-", "zImage"),
}

# Project file -> where it sits in the kernel tree (scripts/overlay.map).
FILES = {
    "drivers/firmware/psci.c": "drivers/firmware/psci/psci.c",
    "arch/arm64/kernel/psci.c": "arch/arm64/kernel/psci.c",
}


def read_mutants(path):
    """The stanzas of scripts/mutants.txt, as dicts."""
    mutants, cur, key = [], None, None
    with open(path) as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                cur = {"name": line[1:-1], "units": "", "filter": "", "flavour": "base"}
                mutants.append(cur)
                key = None
                continue
            if cur is None or not line.strip():
                key = None
                continue
            if line.startswith("\t") and key in ("old", "new"):
                cur[key] += "\n" + line[1:]
                continue
            k, sep, v = line.partition(" = ")
            if not sep:
                sys.exit(f"mutants.txt: cannot read {line!r} in [{cur['name']}]")
            key = k.strip()
            cur[key] = v
    names = [m["name"] for m in mutants]
    for n in sorted({n for n in names if names.count(n) > 1}):
        sys.exit(f"mutants.txt: [{n}] twice (results are kept by name)")
    for m in mutants:
        for k in ("file", "old", "new", "units", "why"):
            if not m.get(k) and k != "new":
                sys.exit(f"mutants.txt: [{m['name']}] has no {k}")
        if m["flavour"] not in FLAVOURS:
            sys.exit(f"mutants.txt: [{m['name']}]: no flavour {m['flavour']}")
        if m["file"] not in FILES:
            sys.exit(f"mutants.txt: [{m['name']}]: {m['file']} is not a driver file")
        # A unit that does not exist would "catch" every mutant (the run
        # reports it as a unit that cannot be read).
        for u in m["units"].split():
            if not os.path.isfile(os.path.join(ROOT, "qemu-tests", "scenarios", u)):
                sys.exit(f"mutants.txt: [{m['name']}]: no unit qemu-tests/scenarios/{u}")
        m["new"] = m.get("new", "")
    return mutants


def sh(cmd, **kw):
    return subprocess.run(["bash", "-c", cmd], cwd=ROOT, **kw)


def prepare(flavours):
    """The mutant tree and its object trees, from ours (once)."""
    for flav in flavours:
        if not os.path.isfile(os.path.join(OURS, f".obj-{flav}", "vmlinux")):
            sys.exit(f"mutants: build our {flav} kernel first (scripts/build-kernel.sh ours {flav})")
    if not os.path.isdir(MUT):
        os.makedirs(MUT)
        for e in os.listdir(OURS):
            if e.startswith(".obj-"):
                continue
            sh(f'cp -al "{OURS}/{e}" "{MUT}/"', check=True)
    # Our object tree again when ours was configured differently since
    # (a guest config change): a mutant must be our kernel but for the
    # mutated file.
    def config(tree, flav):
        try:
            with open(os.path.join(tree, f".obj-{flav}", ".config")) as f:
                return f.read()
        except OSError:
            return None
    for flav in flavours:
        obj = f".obj-{flav}"
        if (not os.path.isfile(os.path.join(MUT, obj, "vmlinux"))
                or config(MUT, flav) != config(OURS, flav)):
            sh(f'rm -rf "{MUT}/{obj}" && cp -a "{OURS}/{obj}" "{MUT}/{obj}"', check=True)
    # Our other files as they are now (the KUnit suites among them): the
    # tree's hard links may still point at an earlier copy.
    with open(os.path.join(ROOT, "scripts/overlay.map")) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and not parts[0].startswith("#") and parts[0] not in FILES:
                with open(os.path.join(ROOT, parts[0])) as src:
                    place(src.read(), os.path.join(MUT, parts[1]))


def place(text, dest):
    """Write @text as @dest, a file of its own (never through a hard link)."""
    if os.path.exists(dest):
        with open(dest) as f:
            if f.read() == text:
                return
        os.unlink(dest)
    with open(dest, "w") as f:
        f.write(text)


def build(flav):
    """The mutant as build/images/mutant-FLAVOUR/ (with our image's DTBs)."""
    arch, cross, target = FLAVOURS[flav]
    obj = f"{MUT}/.obj-{flav}"
    r = sh(f'. scripts/lib.sh; kmake_for {arch} {cross} "{MUT}" "{obj}" {target}',
           capture_output=True, text=True)
    if r.returncode:
        return (r.stdout + r.stderr).strip().splitlines()[-3:]
    images = os.path.join(BUILD, "images", f"mutant-{flav}")
    os.makedirs(images, exist_ok=True)
    shutil.copy(os.path.join(obj, "arch", arch, "boot", target), images)
    dtbs = os.path.join(BUILD, "images", f"ours-{flav}", "dtbs")
    if os.path.isdir(dtbs):
        shutil.rmtree(os.path.join(images, "dtbs"), ignore_errors=True)
        shutil.copytree(dtbs, os.path.join(images, "dtbs"))
    return None


def run_part(m):
    """The suite part named for @m against the mutant: first failed test."""
    logdir = os.path.join(OUT, m["name"])
    shutil.rmtree(logdir, ignore_errors=True)
    env = dict(os.environ, OURS_VARIANT="mutant", CHECK_LOGDIR=logdir,
               UNITS=" ".join("qemu-tests/scenarios/" + u for u in m["units"].split()),
               T=m["filter"], BUILD=BUILD)
    r = subprocess.run(["bash", "qemu-tests/run.sh"], cwd=ROOT, env=env,
                       capture_output=True, text=True)
    os.makedirs(logdir, exist_ok=True)
    with open(os.path.join(logdir, "run.tap"), "w") as f:
        f.write(r.stdout)
    failed = [l for l in r.stdout.splitlines() if l.startswith("not ok ")]
    summary = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else "no output"
    return failed, summary


def main():
    pick = sys.argv[1] if len(sys.argv) > 1 else ""
    mutants = [m for m in read_mutants(os.path.join(ROOT, "scripts/mutants.txt"))
               if pick in m["name"]]
    os.makedirs(OUT, exist_ok=True)
    prepare(sorted({m["flavour"] for m in mutants}))
    originals = {}
    for proj, tree in FILES.items():
        with open(os.path.join(ROOT, proj)) as f:
            originals[proj] = f.read()
    rows = []
    try:
        for m in mutants:
            t0 = time.time()
            src = originals[m["file"]]
            count = src.count(m["old"])
            if count != 1:
                rows.append((m["name"], "BAD", f"the change matches {count} places"))
                print(f"{m['name']}: BAD ({count} matches)", flush=True)
                continue
            for proj, tree in FILES.items():
                text = originals[proj]
                if proj == m["file"]:
                    text = text.replace(m["old"], m["new"], 1)
                place(text, os.path.join(MUT, tree))
            err = build(m["flavour"])
            if err:
                verdict, by = "caught", "the build: " + " | ".join(err)
            else:
                failed, summary = run_part(m)
                if failed:
                    verdict, by = "caught", failed[0].split(" - ", 1)[-1]
                else:
                    verdict, by = "SURVIVED", summary
            rows.append((m["name"], verdict, by))
            print(f"{m['name']}: {verdict} by {by} ({time.time() - t0:.0f} s)", flush=True)
    finally:
        for proj, tree in FILES.items():
            place(originals[proj], os.path.join(MUT, tree))
    with open(os.path.join(OUT, "results.tsv"), "w") as f:
        for r in rows:
            f.write("\t".join(r) + "\n")
    print()
    print("| mutant | what it breaks | verdict | caught by |")
    print("|---|---|---|---|")
    why = {m["name"]: m["why"] for m in mutants}
    for name, verdict, by in rows:
        print(f"| {name} | {why[name]} | {verdict} | {by} |")
    caught = sum(1 for r in rows if r[1] == "caught")
    print(f"\n{caught} of {len(rows)} mutants caught")
    sys.exit(0 if caught == len(rows) else 1)


if __name__ == "__main__":
    main()
