#!/usr/bin/env python3
"""Print, one per line, the dtb make targets of the .dts files under
arch/ARCH/boot/dts of kernel tree SRC that mention psci themselves or
through any file they include (#include or /include/).

    psci-sources.py SRC ARCH
"""
import os
import re
import sys

src, arch = sys.argv[1], sys.argv[2]
dts_root = os.path.join(src, "arch", arch, "boot", "dts")
search = [dts_root, os.path.join(src, "include"),
          os.path.join(src, "scripts", "dtc", "include-prefixes")]
inc_re = re.compile(r'^\s*(?:#include|/include/)\s*[<"]([^>"]+)[>"]', re.M)

cache = {}


def resolve(name, here):
    for d in [here] + search:
        p = os.path.normpath(os.path.join(d, name))
        if os.path.isfile(p):
            return p
    return None


def mentions(path, stack=()):
    """Does @path, or anything it includes, mention psci?"""
    if path in cache:
        return cache[path]
    if path in stack:
        return False
    try:
        text = open(path, errors="replace").read()
    except OSError:
        cache[path] = False
        return False
    found = "psci" in text
    if not found:
        for name in inc_re.findall(text):
            inc = resolve(name, os.path.dirname(path))
            if inc and mentions(inc, stack + (path,)):
                found = True
                break
    cache[path] = found
    return found


for dirpath, _, files in sorted(os.walk(dts_root)):
    for f in sorted(files):
        if not f.endswith(".dts"):
            continue
        p = os.path.join(dirpath, f)
        if mentions(p):
            print(os.path.relpath(p, dts_root)[:-4] + ".dtb")
