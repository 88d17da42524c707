#!/usr/bin/env python3
"""Write the project as a git format-patch series against the stock tree.

    make-patches.py STOCK_TREE OUT_DIR

The series is described by series/series.conf (see the comment at its top)
and its messages by series/NAME.msg. Every file a patch brings comes from
the project (scripts/overlay.map says which project file is which tree
path); nothing in the output is written by hand. A patch before the one
that owns part of a file gets the file without that part ("cut"), so each
patch can be built and reviewed alone. After the last patch every file is
exactly the project's.

Writes OUT_DIR/NNNN-*.patch and OUT_DIR/series (quilt order); the commits
are made in a scratch git repository holding only the touched files, with
fixed dates, so that the same project gives the same patches.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, "series", "series.conf")


def die(msg):
    sys.exit(f"[make-patches] error: {msg}")


def overlay_map():
    """Kernel tree path -> project file, from scripts/overlay.map."""
    paths = {}
    with open(os.path.join(ROOT, "scripts", "overlay.map")) as f:
        for line in f:
            words = line.split()
            if words and not words[0].startswith("#"):
                paths[words[1]] = os.path.join(ROOT, words[0])
    return paths


class Patch:
    def __init__(self, name):
        self.name = name
        self.files = []     # tree paths brought to their final content
        self.cuts = []      # (path, from_re, to_re or None)
        self.adds = []      # (path, anchor_re, after_re, line)


def read_spec():
    author, patches = None, []
    with open(SPEC) as f:
        for lineno, line in enumerate(f, 1):
            words = shlex.split(line, comments=True)
            if not words:
                continue
            op, args = words[0], words[1:]
            where = f"{SPEC}:{lineno}"
            if op == "author" and len(args) == 1:
                author = args[0]
            elif op == "patch" and len(args) == 1:
                patches.append(Patch(args[0]))
            elif not patches:
                die(f"{where}: '{op}' before any patch")
            elif op == "file" and len(args) == 1:
                patches[-1].files.append(args[0])
            elif op == "cut" and len(args) in (2, 3):
                patches[-1].cuts.append((args[0], args[1], args[2] if len(args) == 3 else None))
            elif op == "add" and len(args) == 4:
                patches[-1].adds.append(tuple(args))
            else:
                die(f"{where}: cannot read '{line.strip()}'")
    if not author or not patches:
        die(f"{SPEC}: needs an author and at least one patch")
    return author, patches


def cut_range(lines, from_re, to_re, where):
    """The [start, end) lines one cut takes: FROM's line (with the comment
    block right above it) through the first TO line at or after it."""
    starts = [i for i, l in enumerate(lines) if re.search(from_re, l)]
    if len(starts) != 1:
        die(f"{where}: {len(starts)} lines match /{from_re}/, not one")
    start = end = starts[0]
    end += 1
    if to_re:
        end = next((i + 1 for i in range(start, len(lines)) if re.search(to_re, lines[i])), None)
        if end is None:
            die(f"{where}: no line matches /{to_re}/ after /{from_re}/")
    above = lines[start - 1].strip() if start > 0 else ""
    if above.startswith(("/*", "*")) and above.endswith("*/"):
        top = start - 1
        while top > 0 and not lines[top].lstrip().startswith("/*"):
            top -= 1
        start = top
    return start, end


def apply_cuts(text, cuts, where):
    """TEXT without the CUTS' lines. Where a cut leaves a blank line on
    each side, one goes; a cut at the end leaves no trailing blank line."""
    lines = text.split("\n")
    drop = set()
    for from_re, to_re in cuts:
        drop.update(range(*cut_range(lines, from_re, to_re, where)))
    out, cut = [], False
    for i, line in enumerate(lines):
        if i in drop:
            cut = True
            continue
        if not (cut and line == "" and out and out[-1] == ""):
            out.append(line)
        cut = False
    while len(out) > 1 and out[-1] == "" and out[-2] == "":
        out.pop()
    return "\n".join(out)


def apply_adds(text, adds, where):
    lines = text.split("\n")
    for anchor_re, after_re, new in adds:
        a = next((i for i, l in enumerate(lines) if re.search(anchor_re, l)), None)
        if a is None:
            die(f"{where}: no line matches /{anchor_re}/")
        b = next((i for i in range(a, len(lines)) if re.search(after_re, lines[i])), None)
        if b is None:
            die(f"{where}: no line matches /{after_re}/ after /{anchor_re}/")
        lines.insert(b + 1, new)
    return "\n".join(lines)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def stage(path, k, patches, stock, project):
    """PATH's content after patch K (0-based), or None when absent."""
    brought = next((i for i, p in enumerate(patches) if path in p.files), None)
    stock_file = os.path.join(stock, path)
    if brought is not None and brought <= k:
        if path not in project:
            die(f"{path}: brought by {patches[brought].name} but not in scripts/overlay.map")
        text = read(project[path])
    elif os.path.exists(stock_file):
        text = read(stock_file)
    else:
        return None
    # Cuts are parts of the project's file that later patches bring.
    later = [(f, t) for p in patches[k + 1:] for (cp, f, t) in p.cuts if cp == path]
    if later and brought is not None and brought <= k:
        text = apply_cuts(text, later, path)
    adds = [(a, b, n) for p in patches[:k + 1] for (ap, a, b, n) in p.adds if ap == path]
    if adds:
        text = apply_adds(text, adds, path)
    return text


def git(repo, *args, env=None):
    subprocess.run(["git", "-C", repo, *args], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def main():
    if len(sys.argv) != 3:
        die("usage: make-patches.py STOCK_TREE OUT_DIR")
    stock, out = sys.argv[1], sys.argv[2]
    author, patches = read_spec()
    project = overlay_map()
    touched = sorted({p for pt in patches for p in pt.files}
                     | {c[0] for pt in patches for c in pt.cuts}
                     | {a[0] for pt in patches for a in pt.adds})
    m = re.fullmatch(r"(.*) <(.*)>", author)
    if not m:
        die(f"author '{author}' is not 'Name <email>'")
    env = dict(os.environ, GIT_AUTHOR_NAME=m[1], GIT_AUTHOR_EMAIL=m[2],
               GIT_COMMITTER_NAME=m[1], GIT_COMMITTER_EMAIL=m[2],
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)

    with tempfile.TemporaryDirectory(prefix="series.") as repo:
        git(repo, "init", "-q", env=env)

        def write_stage(k):
            for path in touched:
                text = stage(path, k, patches, stock, project)
                dest = os.path.join(repo, path)
                if text is None:
                    if os.path.exists(dest):
                        os.remove(dest)
                    continue
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(dest, "w", encoding="utf-8") as f:
                    f.write(text)

        def commit(msg, n):
            date = f"2026-01-01T00:{n:02d}:00Z"
            git(repo, "add", "-A", env=env)
            subprocess.run(["git", "-C", repo, "commit", "-q", "-F", "-"], input=msg,
                           text=True, check=True,
                           env=dict(env, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date))

        write_stage(-1)
        commit("baseline: linux-source-6.12 as unpacked\n", 0)
        for k, p in enumerate(patches):
            write_stage(k)
            if not subprocess.run(["git", "-C", repo, "status", "--porcelain"],
                                  capture_output=True, text=True, check=True).stdout:
                die(f"{p.name}: changes nothing")
            msg = read(os.path.join(ROOT, "series", p.name + ".msg")).rstrip("\n")
            commit(f"{msg}\n\nSigned-off-by: {author}\n", k + 1)

        # After the last patch, every file is the project's own.
        for path in touched:
            if path in project and read(os.path.join(repo, path)) != read(project[path]):
                die(f"{path}: differs from {project[path]} after the last patch")

        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        subprocess.run(["git", "-C", repo, "format-patch", "-q", "--no-signature",
                        "--zero-commit", "-o", os.path.abspath(out), "HEAD~%d" % len(patches)],
                       check=True, env=env)
    names = sorted(n for n in os.listdir(out) if n.endswith(".patch"))
    with open(os.path.join(out, "series"), "w") as f:
        f.write("".join(n + "\n" for n in names))
    print(f"[make-patches] {len(names)} patches in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
