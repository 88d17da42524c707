#!/usr/bin/python3
"""Group the board device trees by their psci nodes.

    psci-nodes.py OUTDIR DTB...

Each DTB's psci nodes (compatible "arm,psci", "arm,psci-0.2" or
"arm,psci-1.0"; every property but phandles, children left out: they
describe power domains, not the PSCI path) make its key; boards with the
same key boot the same way. For each distinct key OUTDIR gets
node-NNN.dtsi, the nodes as device-tree source that grafts them onto QEMU's
virt board at their own paths, and OUTDIR/groups.tsv lists
"NNN<TAB>boards<TAB>first board<TAB>summary". Properties are written as
bytes, so that a malformed one is reproduced exactly.
"""
import os
import sys

import libfdt

PSCI = (b"arm,psci", b"arm,psci-0.2", b"arm,psci-1.0")


def psci_nodes(fdt):
    nodes = []
    off = 0
    depth = 0
    names = []          # the path to the current node, by depth
    while True:
        try:
            off, depth = fdt.next_node(off, depth, libfdt.QUIET_NOTFOUND)
        except libfdt.FdtException:
            break
        if off < 0 or depth <= 0:
            break
        del names[depth - 1:]
        names.append(fdt.get_name(off))
        # Properties are walked, never looked up by name: pylibfdt 1.6's
        # getprop() crashes the interpreter on a missing one.
        props = []
        poff = fdt.first_property_offset(off, libfdt.QUIET_NOTFOUND)
        while poff >= 0:
            prop = fdt.get_property_by_offset(poff)
            if prop.name not in ("phandle", "linux,phandle"):
                props.append((prop.name, bytes(prop)))
            poff = fdt.next_property_offset(poff, libfdt.QUIET_NOTFOUND)
        comp = dict(props).get("compatible", b"")
        if not any(c in PSCI for c in comp.split(b"\0")):
            continue
        nodes.append(("/" + "/".join(names), tuple(props)))
    return tuple(nodes)


def summary(nodes):
    parts = []
    for path, props in nodes:
        d = dict(props)
        comp = d.get("compatible", b"").rstrip(b"\0").replace(b"\0", b",").decode(errors="replace")
        bits = [path, comp, "method=" + d.get("method", b"-").rstrip(b"\0").decode(errors="replace")]
        if "status" in d:
            bits.append("status=" + d["status"].rstrip(b"\0").decode(errors="replace"))
        for name in ("cpu_suspend", "cpu_off", "cpu_on", "migrate"):
            if name in d:
                v = d[name]
                bits.append("%s=%s" % (name, "0x%08x" % int.from_bytes(v, "big") if len(v) == 4 else "%d bytes" % len(v)))
        parts.append(" ".join(bits))
    return " | ".join(parts)


def dtsi(nodes):
    out = []
    for path, props in nodes:
        names = [n for n in path.split("/") if n]
        out.append("/ {")
        for i, n in enumerate(names):
            out.append("\t" * (i + 1) + n + " {")
        ind = "\t" * (len(names) + 1)
        for name, val in props:
            if val:
                out.append("%s%s = [%s];" % (ind, name, " ".join("%02x" % b for b in val)))
            else:
                out.append("%s%s;" % (ind, name))
        for i in range(len(names), 0, -1):
            out.append("\t" * i + "};")
        out.append("};")
    return "\n".join(out) + "\n"


def main():
    outdir, dtbs = sys.argv[1], sys.argv[2:]
    groups = {}
    unreadable = []
    for dtb in dtbs:
        try:
            fdt = libfdt.Fdt(open(dtb, "rb").read())
        except (OSError, libfdt.FdtException) as e:
            # Never dropped in silence: the corpus check counts these.
            unreadable.append(f"{dtb}\t{e}")
            continue
        nodes = psci_nodes(fdt)
        if nodes:
            groups.setdefault(nodes, []).append(dtb)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "unreadable.tsv"), "w") as f:
        f.write("".join(u + "\n" for u in unreadable))
    with open(os.path.join(outdir, "groups.tsv"), "w") as tsv:
        for i, (nodes, boards) in enumerate(sorted(groups.items(), key=lambda g: -len(g[1]))):
            with open(os.path.join(outdir, "node-%03d.dtsi" % i), "w") as f:
                f.write(dtsi(nodes))
            tsv.write("%03d\t%d\t%s\t%s\n" % (i, len(boards), boards[0], summary(nodes)))
            with open(os.path.join(outdir, "node-%03d.boards" % i), "w") as f:
                f.write("\n".join(boards) + "\n")


main()
