#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Worst cases for the .ods reader: crafted files of at most 10 MB, each aimed at
one way to make a reader slow or hungry, measured with /usr/bin/time.

  worst_cases.py --build BUILD [--keep DIR] [--only NAME]

For each file: its size, how the reader (tests/bench/bench-ods: read + schema
rules) and the whole CLI (ikuflet --out TMP) end, their wall time and peak RSS.
The targets (issue 9): at most 2 s and 300 MB for any .ods up to 10 MB, or a
clear error. A benchmark, not a test: nothing here fails on a figure.
"""

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TIME = "/usr/bin/time"
MAX_FILE = 10 * 1024 * 1024

_spec = importlib.util.spec_from_file_location(
    "make_fixtures", os.path.join(ROOT, "tests", "data", "ods", "make-fixtures.py"))
mf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mf)

HEAD = mf.document([mf.table("Skema", [[mf.H_NAME, mf.H_INDIVIDUAL, mf.H_TEAM]], tail=False)])
HEAD, TAIL = HEAD.split("</table:table>")[0], "</table:table>" + HEAD.split("</table:table>")[1]


def streamed(path, parts):
    """Writes an .ods whose content.xml is the concatenation of @parts (bytes),
    streamed so that a gigabyte never sits in memory."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(mf.zinfo("mimetype", zipfile.ZIP_STORED), mf.MIMETYPE)
        zf.writestr(mf.zinfo("META-INF/manifest.xml"), mf.manifest(["content.xml"]))
        with zf.open(mf.zinfo("content.xml"), "w", force_zip64=True) as f:
            for part in parts:
                f.write(part)


def repeated(chunk, total):
    n = 0
    while n < total:
        yield chunk
        n += len(chunk)


def many_attributes(path):
    attrs = "".join(' table:a%d="x"' % i for i in range(100000))
    row = '<table:table-row><table:table-cell%s><text:p>x</text:p></table:table-cell></table:table-row>'
    mf.write_ods(path, HEAD + row % attrs + TAIL)


def attributes_everywhere(path):
    # Every element as many attributes as the markup guard lets through.
    attrs = "".join(' a%d=""' % i for i in range(128)).encode()
    span = b"<text:span" + attrs + b"/>"
    streamed(path, [HEAD.encode(), b"<table:table-row><table:table-cell><text:p>"]
             + list(repeated(span * 64, 31 * 1024 * 1024))
             + [b"</text:p></table:table-cell></table:table-row>", TAIL.encode()])


def namespaces_everywhere(path):
    # As many declarations in scope as allowed, and prefixed names everywhere.
    decls = "".join(' xmlns:n%d="urn:x:%d"' % (i, i) for i in range(100)).encode()
    span = b"<text:span text:a=\"\" table:b=\"\" office:c=\"\"/>"
    streamed(path, [HEAD.encode(), b"<table:table-row><table:table-cell" + decls + b"><text:p>"]
             + list(repeated(span * 64, 31 * 1024 * 1024))
             + [b"</text:p></table:table-cell></table:table-row>", TAIL.encode()])


def many_namespaces(path):
    # Namespace declarations in scope at every element of a long sheet.
    decls = "".join(' xmlns:n%d="urn:x:%d"' % (i, i) for i in range(20000))
    rows = '<table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>'
    mf.write_ods(path, HEAD + '<table:table-row-group%s>' % decls + rows * 200000
                 + '</table:table-row-group>' + TAIL)


def sheets_of_repeated_cells(path):
    sheet = ('<table:table table:name="Ark%d"><table:table-row table:number-rows-repeated="192">'
             '<table:table-cell table:number-columns-repeated="1024"><text:p>x</text:p>'
             '</table:table-cell></table:table-row></table:table>')
    body = "".join(sheet % i for i in range(256))
    mf.write_ods(path, mf.document([body]))


def zip_bomb(path):
    streamed(path, [HEAD.encode()] + list(repeated(b"<table:table-row/>" + b" " * 65536, 1 << 30))
             + [TAIL.encode()])


def dense_elements(path):
    span = b"<text:span/>"
    streamed(path, [HEAD.encode(), b"<table:table-row><table:table-cell><text:p>"]
             + list(repeated(span * 4096, 31 * 1024 * 1024))
             + [b"</text:p></table:table-cell></table:table-row>", TAIL.encode()])


def dense_cells(path):
    cell = b"<table:table-cell/>"
    rowx = b"<table:table-row>" + cell * 1000 + b"</table:table-row>"
    streamed(path, [HEAD.encode()] + list(repeated(rowx * 16, 31 * 1024 * 1024)) + [TAIL.encode()])


def many_rows(path):
    rowx = b"<table:table-row><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>"
    streamed(path, [HEAD.encode()] + list(repeated(rowx * 256, 31 * 1024 * 1024)) + [TAIL.encode()])


def book_text(path):
    # Employees with a 200 KB text each, up to the workbook's text bound.
    text = ("Lang tekst " * 18619)[:200 * 1024]
    rows = "".join('<table:table-row><table:table-cell><text:p>Person %d</text:p></table:table-cell>'
                   '<table:table-cell table:number-columns-repeated="2"><text:p>%s</text:p>'
                   '</table:table-cell></table:table-row>' % (i, text) for i in range(40))
    mf.write_ods(path, HEAD + rows + TAIL)


def many_merges(path):
    rowx = ('<table:table-row>' + '<table:table-cell table:number-columns-spanned="2" '
            'table:number-rows-spanned="1000"><text:p>x</text:p></table:table-cell>' * 8000
            + '</table:table-row>')
    below = '<table:table-row><table:table-cell table:number-columns-repeated="16000">' \
            '<text:p>y</text:p></table:table-cell></table:table-row>'
    mf.write_ods(path, HEAD + rowx * 10 + below * 10 + TAIL)


def many_entries(path):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(mf.zinfo("mimetype", zipfile.ZIP_STORED), mf.MIMETYPE)
        zf.writestr(mf.zinfo("content.xml"), mf.small_content())
        for i in range(60000):
            zf.writestr(mf.zinfo("d/%d" % i, zipfile.ZIP_STORED), b"")


CASES = [
    ("many-attributes", many_attributes),
    ("many-namespaces", many_namespaces),
    ("attributes-everywhere", attributes_everywhere),
    ("namespaces-everywhere", namespaces_everywhere),
    ("256-sheets-repeated-cells", sheets_of_repeated_cells),
    ("zip-bomb-lying", lambda p: shutil.copy(os.path.join(ROOT, "tests", "data", "ods",
                                                          "broken-zip-bomb-lying.ods"), p)),
    ("zip-bomb-1GB", zip_bomb),
    ("dense-elements", dense_elements),
    ("dense-empty-cells", dense_cells),
    ("many-rows", many_rows),
    ("book-text", book_text),
    ("many-merges", many_merges),
    ("many-zip-entries", many_entries),
]


def measure(argv):
    with tempfile.NamedTemporaryFile("r") as t:
        p = subprocess.run([TIME, "-f", "%e %U %S %M", "-o", t.name] + argv,
                           capture_output=True, text=True, timeout=600)
        wall, user, system, rss = t.read().split()[-4:]
    out = (p.stderr or p.stdout).strip().splitlines()
    what = "ok" if p.returncode == 0 else "exit %d: %s" % (p.returncode, out[-1][:90] if out else "")
    return float(wall), float(user) + float(system), int(rss) / 1024, what


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", required=True)
    parser.add_argument("--keep", help="write the files here and keep them")
    parser.add_argument("--only")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="ikuflet-worst-")
    os.makedirs(work, exist_ok=True)
    bench = os.path.join(args.build, "tests", "bench", "bench-ods")
    cli = os.path.join(args.build, "native", "cli", "ikuflet")
    env_dir = os.path.join(args.build, "templates")
    os.environ.setdefault("IKUFLET_DATA_DIR", env_dir)
    print("%-26s %8s  %6s %6s %7s  %6s %6s %7s  %s" % (
        "file", "size", "read s", "cpu s", "MB", "cli s", "cpu s", "MB", "outcome (reader)"))
    try:
        for name, make in CASES:
            if args.only and name != args.only:
                continue
            path = os.path.join(work, name + ".ods")
            if not os.path.exists(path):
                make(path)
            size = os.path.getsize(path)
            assert size <= MAX_FILE, (name, size)
            rt, rc, rm, what = measure([bench, path, "1"])
            out = os.path.join(work, name + "-out")
            shutil.rmtree(out, ignore_errors=True)
            ct, cc, cm, _ = measure([cli, "--out", out, path])
            shutil.rmtree(out, ignore_errors=True)
            print("%-26s %7.1fK  %6.2f %6.2f %7.1f  %6.2f %6.2f %7.1f  %s" % (
                name, size / 1024, rt, rc, rm, ct, cc, cm, re.sub(r"\s+", " ", what)))
            sys.stdout.flush()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
