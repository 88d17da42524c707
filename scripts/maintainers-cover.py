#!/usr/bin/env python3
"""maintainers-cover.py TREE SECTION PATCH: is every file PATCH adds already
covered by an F: pattern of MAINTAINERS section SECTION in TREE?

checkpatch asks of any patch that adds a file "does MAINTAINERS need
updating?" (FILE_PATH_CHANGES). For a file under a directory the entry
already lists, the answer is no; this says so, as get_maintainer.pl would
match it: a pattern ending in "/" covers everything below it, others are
shell globs whose "*" stays within one directory. Exit 0 when every added
file is covered, 1 (naming the first that is not) otherwise."""
import fnmatch
import re
import sys


def section_patterns(tree, section):
    pats, inside = [], False
    with open(f"{tree}/MAINTAINERS", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line == section:
                inside = True
            elif inside and not line:
                break
            elif inside and line.startswith("F:"):
                pats.append(line[2:].strip())
    return pats


def covered(path, pats):
    for p in pats:
        if p.endswith("/") and path.startswith(p):
            return True
        if fnmatch.fnmatch(path, p) and path.count("/") == p.count("/"):
            return True
    return False


def main():
    tree, section, patch = sys.argv[1:4]
    pats = section_patterns(tree, section)
    if not pats:
        sys.exit(f"no section {section!r} with F: lines in {tree}/MAINTAINERS")
    text = open(patch, encoding="utf-8").read()
    added = re.findall(r"^diff --git a/\S+ b/(\S+)\nnew file mode", text, re.M)
    for path in added:
        if not covered(path, pats):
            print(f"{path} is not covered by the {section} entry")
            sys.exit(1)
    print(f"every added file ({', '.join(added) or 'none'}) is in the {section} entry")


if __name__ == "__main__":
    main()
