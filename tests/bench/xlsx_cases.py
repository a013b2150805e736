#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Workbooks for the .xlsx benchmarks (tests/bench/bench.py), written with the
standard library so that each is exactly what it says:

- employees(path, n): a schema of @n employees of bench_schema's realistic
  content, as shared strings (as Excel and LibreOffice write them);
- WORST: crafted files of at most 10 MB, each aimed at one way to make the
  .xlsx reader slow or hungry (targets, issue 11: at most 2 s and 300 MB, or a
  clear refusal);
- bench(), table_rows(), verdicts(): what bench.py measures and prints of them
  (tests/bench/bench-ods reads any format: read + schema rules, peak RSS).

  xlsx_cases.py --out DIR   writes them all, to look at
"""

import argparse
import json
import os
import statistics
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench_schema  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADERS = ("Indsæt navn på medarbejder", "Indsæt indhold vedrørende medarbejder",
           "Indsæt indhold vedrørende teamet")
MiB = 1024 * 1024


def _info(name):
    info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_book(path, sheets, strings=None, styles=None):
    """@sheets: (name, iterable of bytes: the sheet part); @strings: iterable of
    bytes (the sharedStrings part) or None; @styles: text or None."""
    n = len(sheets)
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(_info("[Content_Types].xml"),
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                   'ContentType="application/xml"/></Types>')
        z.writestr(_info("_rels/.rels"),
                   '<Relationships xmlns="%s"><Relationship Id="r" Type="%s/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>' % (PKG, REL))
        z.writestr(_info("xl/workbook.xml"),
                   '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>'
                   % (MAIN, REL, "".join('<sheet name="%s" sheetId="%d" r:id="s%d"/>'
                                         % (escape(name), i + 1, i)
                                         for i, (name, _) in enumerate(sheets))))
        rels = ['<Relationship Id="s%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
                % (i, REL, i) for i in range(n)]
        if strings is not None:
            rels.append('<Relationship Id="t" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                        % REL)
        if styles is not None:
            rels.append('<Relationship Id="y" Type="%s/styles" Target="styles.xml"/>' % REL)
        z.writestr(_info("xl/_rels/workbook.xml.rels"),
                   '<Relationships xmlns="%s">%s</Relationships>' % (PKG, "".join(rels)))
        for i, (_, parts) in enumerate(sheets):
            with z.open(_info("xl/worksheets/sheet%d.xml" % i), "w", force_zip64=True) as f:
                f.write(b'<worksheet xmlns="%s"><sheetData>' % MAIN.encode())
                for part in parts:
                    f.write(part)
                f.write(b"</sheetData></worksheet>")
        if strings is not None:
            with z.open(_info("xl/sharedStrings.xml"), "w", force_zip64=True) as f:
                f.write(b'<sst xmlns="%s">' % MAIN.encode())
                for part in strings:
                    f.write(part)
                f.write(b"</sst>")
        if styles is not None:
            z.writestr(_info("xl/styles.xml"), styles)


def col_name(c):
    name = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        name = chr(65 + r) + name
    return name


def employees(path, n):
    """@n employees of bench_schema's content under its header area; returns them."""
    people = bench_schema.employees(n)
    rows = [("Team:", bench_schema.TEAM, ""), ("Leder:", bench_schema.LEADER, ""),
            ("Dato:", bench_schema.DATE, ""), ("", "", ""), HEADERS]
    rows += bench_schema.schema_rows(people)
    table, index, sheet = [], {}, []
    for r, row in enumerate(rows):
        cells = []
        for c, text in enumerate(row):
            if not text:
                continue
            if text not in index:
                index[text] = len(table)
                table.append(text)
            cells.append('<c r="%s%d" t="s"><v>%d</v></c>' % (col_name(c), r + 1, index[text]))
        sheet.append(('<row r="%d">%s</row>' % (r + 1, "".join(cells))).encode())
    strings = [('<si><t xml:space="preserve">%s</t></si>' % escape(t)).encode() for t in table]
    write_book(path, [("Skema", sheet)], strings)
    return people


def repeated(chunk, total):
    n = 0
    while n < total:
        yield chunk
        n += len(chunk)


def dense_shared(path):
    """199,000 cells, each its own shared string of 60 bytes: near the cell
    bound, 12 MB of text."""
    n = 199000
    strings = (("<si><t>Tekst nummer %08d med lidt mere indhold til cellen</t></si>" % i).encode()
               for i in range(n))
    rows = (("<row r=\"%d\">%s</row>" % (r + 1, "".join(
        '<c r="%s%d" t="s"><v>%d</v></c>' % (col_name(c), r + 1, r * 10 + c) for c in range(10))))
            .encode() for r in range(n // 10))
    write_book(path, [("Skema", rows)], strings)


def shared_strings_31mib(path):
    """A string table of 31 MiB (2.6 million tiny strings), none used."""
    write_book(path, [("Skema", [b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>'])],
               repeated(b"<si><t>x</t></si>" * 4096, 31 * MiB))


def empty_cells(path):
    """31 MiB of empty styled cells."""
    row = b"<row>" + b'<c s="0"/>' * 1000 + b"</row>"
    write_book(path, [("Skema", repeated(row * 16, 31 * MiB))])


def formatted_numbers(path):
    """199,000 numbers in a custom date code of 1 KB (the longest kept)."""
    code = 'dd"."mm"."yyyy' + ' "' + "x" * 990 + '"'
    styles = ('<styleSheet xmlns="%s"><numFmts><numFmt numFmtId="164" formatCode="%s"/></numFmts>'
              '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'
              % (MAIN, escape(code, {'"': "&quot;"})))
    rows = (("<row>%s</row>" % ('<c s="1"><v>45291.5</v></c>' * 10)).encode() for _ in range(19900))
    write_book(path, [("Skema", rows)], styles=styles)


def hidden_rows(path):
    """Every other row of the sheet hidden: 524,288 ranges."""
    rows = (('<row r="%d" hidden="1"/>' % r).encode() for r in range(1, 1048577, 2))
    write_book(path, [("Skema", rows)])


def many_merges(path):
    """199,000 merged areas of 2 by 1,000 cells, and cells under them."""
    cells = (("<row r=\"%d\">%s</row>" % (r + 1, "".join(
        '<c r="%s%d" t="inlineStr"><is><t>x</t></is></c>' % (col_name(c), r + 1) for c in range(0, 200, 2))))
             .encode() for r in range(0, 1990, 10))
    merges = (('<mergeCell ref="%s%d:%s%d"/>' % (col_name(c), r + 1, col_name(c + 1), r + 1000)).encode()
              for r in range(0, 19900, 10) for c in range(0, 200, 2))

    def parts():
        yield from cells
        yield b"</sheetData><mergeCells>"
        yield from merges
        yield b"</mergeCells><sheetData>"
    write_book(path, [("Skema", parts())])


def sheets_256(path):
    """256 sheets of 1 MiB of empty cells each: the workbook's budget stops them."""
    row = b"<row>" + b"<c/>" * 1000 + b"</row>"
    write_book(path, [("Ark%d" % i, list(repeated(row * 16, MiB))) for i in range(256)])


def attributes_everywhere(path):
    """Cells with 120 attributes each (the guard allows 128)."""
    attrs = "".join(' a%d="1"' % i for i in range(120)).encode()
    row = b"<row>" + (b"<c" + attrs + b"/>") * 100 + b"</row>"
    write_book(path, [("Skema", repeated(row, 31 * MiB))])


def inline_strings(path):
    """199,000 inline strings with rich runs."""
    row = ("<row>%s</row>" % ('<c t="inlineStr"><is><r><t>Indlejret </t></r><r><rPr><b/></rPr>'
                               '<t>tekst</t></r></is></c>' * 10)).encode()
    write_book(path, [("Skema", (row for _ in range(19900)))])


WORST = [
    ("dense-shared-strings", dense_shared),
    ("shared-strings-31MiB", shared_strings_31mib),
    ("empty-cells-31MiB", empty_cells),
    ("formatted-numbers", formatted_numbers),
    ("hidden-rows", hidden_rows),
    ("many-merges", many_merges),
    ("256-sheets", sheets_256),
    ("attributes-everywhere", attributes_everywhere),
    ("inline-strings", inline_strings),
]


TARGET_2000_MS = 1000
TARGET_WORST_MS = 2000
TARGET_WORST_MB = 300
MAX_FILE = 10 * MiB


def bench(binary, work, run_timed, rounds):
    """The reader on a 2,000-employee workbook (median of @rounds in one
    process) and on each worst case (one run each, wall time and peak RSS of
    the whole process)."""
    path = os.path.join(work, "team-2000.xlsx")
    employees(path, 2000)
    _, _, peak, code, out, err = run_timed([binary, path, str(rounds)], dict(os.environ))
    if code != 0:
        raise RuntimeError("bench-ods: %s" % err.decode("utf-8", "replace"))
    result = json.loads(out)
    reader = {"employees": result["employees"], "rounds": rounds,
              "read_ms": round(statistics.median(result["read_ms"]), 1),
              "schema_ms": round(statistics.median(result["schema_ms"]), 1),
              "peak_rss_kb": peak, "file_bytes": os.path.getsize(path)}
    worst = []
    for name, make in WORST:
        case = os.path.join(work, "worst-%s.xlsx" % name)
        make(case)
        size = os.path.getsize(case)
        wall, _, peak, code, _, err = run_timed([binary, case, "1"], dict(os.environ))
        message = err.decode("utf-8", "replace").strip()
        worst.append({"case": name, "file_bytes": size, "ms": round(wall * 1000.0, 1),
                      "peak_rss_kb": peak, "read": code == 0,
                      "message": message[:160], "over_10_mb": size > MAX_FILE})
        os.remove(case)
    return {"reader": reader, "worst": worst}


def table_rows(results, fmt, mb):
    if not results:
        return []
    r = results["reader"]
    rows = [(".xlsx reader + rules, 2000 employees", r["employees"],
             fmt((r["read_ms"] + r["schema_ms"]) / r["employees"], 3), "",
             "%s+%s" % (fmt(r["read_ms"], 0), fmt(r["schema_ms"], 0)),
             fmt(mb(r["peak_rss_kb"]), 1), "", "", "")]
    slow = max(results["worst"], key=lambda w: w["ms"])
    hungry = max(results["worst"], key=lambda w: w["peak_rss_kb"] or 0)
    rows.append(("worst .xlsx <= 10 MB, time: %s" % slow["case"], "", "", "", fmt(slow["ms"], 0),
                 fmt(mb(slow["peak_rss_kb"]), 1), "", "", ""))
    rows.append(("worst .xlsx <= 10 MB, memory: %s" % hungry["case"], "", "", "",
                 fmt(hungry["ms"], 0), fmt(mb(hungry["peak_rss_kb"]), 1), "", "", ""))
    return rows


def verdicts(results, say):
    if not results:
        return
    r = results["reader"]
    total = r["read_ms"] + r["schema_ms"]
    say(total < TARGET_2000_MS, ".xlsx of 2000 employees read (and its rules) well under 1 s "
        "(%.0f ms)" % total)
    worst = results["worst"]
    slow = max(w["ms"] for w in worst)
    rss = max(w["peak_rss_kb"] or 0 for w in worst) / 1024.0
    say(slow <= TARGET_WORST_MS and rss <= TARGET_WORST_MB,
        "no .xlsx up to 10 MB over 2 s or 300 MB (%d cases: slowest %.0f ms, largest %.1f MB)"
        % (len(worst), slow, rss))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    employees(os.path.join(args.out, "employees-2000.xlsx"), 2000)
    for name, make in WORST:
        path = os.path.join(args.out, name + ".xlsx")
        make(path)
        print("%-24s %8d bytes" % (name, os.path.getsize(path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
