# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks of tagged PDF by two independent readers.

walk(pdf): with pikepdf (qpdf's parser) — every page's content stream: marked
content balanced per page and never crossing BT/ET, every text-showing and
path-painting operator inside an MCID sequence or an /Artifact, each MCID used
once per page; the structure tree: /S on every element, /P pointing back at the
parent, /K as MCIDs on /Pg or MCR dictionaries, every MCID of the content claimed
by exactly one element and nothing else claimed; the /ParentTree: for each
page's /StructParents, entry n is the element claiming MCID n; the catalog's
/MarkInfo, /Lang and /ViewerPreferences. Returns the list of problems (empty
when the file is sound).

struct_text(pdf): with poppler — `pdfinfo -struct-text` parsed into a list of
(depth, role, text) entries in reading order (text None for elements)."""
import re
import subprocess

import pikepdf
from pikepdf import Array, Dictionary, Name

TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}


def _scan_page(pageno, page, problems):
    """The MCIDs of one page's content, in order."""
    mcids = []
    stack = []          # ("mcid", n, opened_in_text) / ("artifact", opened_in_text) / ("other", ...)
    in_text = False
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "BT":
            if in_text:
                problems.append("page %d: BT inside BT" % pageno)
            in_text = True
        elif op == "ET":
            if any(entry[-1] for entry in stack):
                problems.append("page %d: ET with a sequence opened inside BT still open" % pageno)
            in_text = False
        elif op in ("BDC", "BMC"):
            tag = str(operands[0])
            props = operands[1] if op == "BDC" else None
            if isinstance(props, Dictionary) and "/MCID" in props:
                n = int(props.MCID)
                if n in mcids:
                    problems.append("page %d: MCID %d used twice" % (pageno, n))
                mcids.append(n)
                stack.append(("mcid", n, in_text))
            elif tag == "/Artifact":
                stack.append(("artifact", in_text))
            else:
                stack.append(("other", in_text))
        elif op == "EMC":
            if not stack:
                problems.append("page %d: EMC without BDC" % pageno)
            else:
                entry = stack.pop()
                if entry[-1] != in_text:
                    problems.append("page %d: sequence closed in another mode than opened" % pageno)
        elif op in TEXT_OPS or op in PAINT_OPS:
            if not any(e[0] in ("mcid", "artifact") for e in stack):
                problems.append("page %d: %s outside marked content and artifacts" % (pageno, op))
    if stack:
        problems.append("page %d: %d sequences left open" % (pageno, len(stack)))
    if in_text:
        problems.append("page %d: BT left open" % pageno)
    return mcids


def _same(a, b):
    return (a is not None and b is not None and a.is_indirect and b.is_indirect
            and a.objgen == b.objgen)


def walk(path):
    problems = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        pages = list(pdf.pages)
        page_index = {p.obj.objgen: i for i, p in enumerate(pages)}

        mark_info = root.get("/MarkInfo")
        if mark_info is None or not bool(mark_info.get("/Marked", False)):
            problems.append("no /MarkInfo << /Marked true >>")
        if str(root.get("/Lang", "")) != "da-DK":
            problems.append("/Lang is not da-DK")
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            problems.append("no /ViewerPreferences << /DisplayDocTitle true >>")

        content = {}    # (page, mcid) -> None
        for i, page in enumerate(pages):
            for n in _scan_page(i + 1, page, problems):
                content[(i, n)] = None

        tree = root.get("/StructTreeRoot")
        if tree is None:
            problems.append("no /StructTreeRoot")
            return problems
        claimed = {}    # (page, mcid) -> element

        def claim(page_obj, mcid, element):
            if page_obj is None or page_obj.objgen not in page_index:
                problems.append("MCID %d of a %s without a valid page" % (mcid, element.get("/S")))
                return
            key = (page_index[page_obj.objgen], mcid)
            if key in claimed:
                problems.append("MCID %d on page %d claimed twice" % (mcid, key[0] + 1))
            claimed[key] = element

        def visit(element, parent, depth):
            if depth > 50:
                problems.append("structure tree too deep")
                return
            if "/S" not in element:
                problems.append("element without /S")
            if not _same(element.get("/P"), parent):
                problems.append("%s: /P is not its parent" % element.get("/S"))
            kids = element.get("/K")
            kids = list(kids) if isinstance(kids, Array) else ([] if kids is None else [kids])
            for kid in kids:
                if isinstance(kid, int):
                    claim(element.get("/Pg"), int(kid), element)
                elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                    claim(kid.get("/Pg", element.get("/Pg")), int(kid.MCID), element)
                elif isinstance(kid, Dictionary) and "/S" in kid:
                    visit(kid, element, depth + 1)
                else:
                    problems.append("%s: unexpected kid %r" % (element.get("/S"), kid))

        top = tree.get("/K")
        for kid in (list(top) if isinstance(top, Array) else [top]):
            visit(kid, tree, 0)

        for key in content:
            if key not in claimed:
                problems.append("MCID %d on page %d claimed by no element" % (key[1], key[0] + 1))
        for key in claimed:
            if key not in content:
                problems.append("element claims MCID %d on page %d, not in the content" % (key[1], key[0] + 1))

        nums = tree.get("/ParentTree", Dictionary()).get("/Nums")
        if nums is None:
            problems.append("no /ParentTree /Nums")
            return problems
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        next_key = int(tree.get("/ParentTreeNextKey", -1))
        for i, page in enumerate(pages):
            mcids = [k[1] for k in content if k[0] == i]
            if not mcids:
                continue
            if "/StructParents" not in page.obj:
                problems.append("page %d has marked content but no /StructParents" % (i + 1))
                continue
            sp = int(page.obj.StructParents)
            if sp >= next_key:
                problems.append("page %d: /StructParents %d not below /ParentTreeNextKey" % (i + 1, sp))
            owners = parents.get(sp)
            if owners is None:
                problems.append("page %d: no /ParentTree entry %d" % (i + 1, sp))
                continue
            for n in mcids:
                if n >= len(owners) or not _same(owners[n], claimed.get((i, n))):
                    problems.append("page %d: /ParentTree entry for MCID %d is not its element" % (i + 1, n))
    return problems


_ROLE = re.compile(r"^( *)([A-Za-z][A-Za-z0-9]*)(?: \((?:block|inline)\))?:?$")
_TEXT = re.compile(r'^( *)"(.*)"$')


def struct_text(path):
    r = subprocess.run(["pdfinfo", "-struct-text", path], capture_output=True, text=True,
                       encoding="utf-8", errors="replace")
    if r.returncode != 0 or r.stderr:
        raise AssertionError("pdfinfo -struct-text %s: %s" % (path, r.stderr))
    entries = []
    for line in r.stdout.splitlines():
        m = _TEXT.match(line)
        if m:
            entries.append((len(m.group(1)) // 2, None, m.group(2)))
            continue
        m = _ROLE.match(line)
        if m:
            entries.append((len(m.group(1)) // 2, m.group(2), None))
    return entries


def texts(entries):
    """The texts of struct_text() in reading order."""
    return [t for _, role, t in entries if role is None]


def leaves(entries):
    """(role, text) of every element that holds text, in reading order."""
    out = []
    for i, (depth, role, text) in enumerate(entries):
        if role is not None and i + 1 < len(entries) and entries[i + 1][1] is None:
            out.append((role, entries[i + 1][2]))
    return out
