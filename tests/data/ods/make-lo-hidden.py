#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the two fixtures with hidden rows that must come from LibreOffice
# itself, so that the .ods reader is tested on what Calc really writes:
#   schema-autofilter.ods   a real AutoFilter on the name column showing only
#                           "Bo Ek" (its empty-name continuation rows are
#                           filtered out too: table:visibility="filter")
#   schema-hidden-rows.ods  one row hidden by hand and a collapsed row group
#                           (table:visibility="collapse", table:table-row-group)
# The schemas are written by tests/cli/ods_writer.py (the template's generator),
# then opened, filtered or hidden and saved through UNO. Run once by hand and
# check the results in; the output is not byte-reproducible. Needs LibreOffice
# and python3-uno (Debian); the test suite does not.
#
#   /usr/bin/python3 tests/data/ods/make-lo-hidden.py

import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "cli"))
import ods_writer  # noqa: E402

PIPE = "ikuflet-hidden-fixtures-%d" % os.getpid()

FILTERED_ROWS = [
    ("Anne Hansen", "Kursus i forflytning", "Teammøde hver uge"),
    ("", "Anne fortsat", ""),
    ("Bo Ek", "Førstehjælp", "Fælles temadag"),
    ("", "Bo fortsat en", ""),
    ("", "Bo fortsat to", "Teampunkt i en bortfiltreret række"),
    ("Ce Lund", "Sårpleje", ""),
]

HIDDEN_ROWS = [
    ("Anne Hansen", "Anne synlig", "Teammøde hver uge"),
    ("Bo Ek", "Bo skjult", "Teampunkt i en skjult række"),
    ("Ce Lund", "Ce synlig", ""),
    ("Dorte Dam", "Dorte i gruppe", "Teampunkt i en lukket gruppe"),
    ("Eva Ege", "Eva i gruppe", ""),
    ("Finn Fos", "Finn synlig", ""),
]


def prop(name, value):
    from com.sun.star.beans import PropertyValue
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def header_row(sheet):
    """0-based row of the name header in column A."""
    for r in range(60):
        if sheet.getCellByPosition(0, r).getString().startswith("Indsæt navn"):
            return r
    raise RuntimeError("no header row")


def auto_filter(doc, sheet):
    from com.sun.star.sheet import TableFilterField
    from com.sun.star.sheet.FilterOperator import EQUAL
    from com.sun.star.table import CellRangeAddress
    h = header_row(sheet)
    address = CellRangeAddress()
    address.Sheet, address.StartColumn, address.StartRow = 0, 0, h
    address.EndColumn, address.EndRow = 2, h + len(FILTERED_ROWS)
    doc.DatabaseRanges.addNewByName("Filter", address)
    db = doc.DatabaseRanges.getByName("Filter")
    db.AutoFilter = True
    field = TableFilterField()
    field.Field, field.Operator, field.IsNumeric, field.StringValue = 0, EQUAL, False, "Bo Ek"
    descriptor = db.getFilterDescriptor()
    descriptor.setFilterFields((field,))
    db.refresh()


def hide_rows(doc, sheet):
    from com.sun.star.table import CellRangeAddress
    from com.sun.star.table.TableOrientation import ROWS
    h = header_row(sheet)
    sheet.Rows.getByIndex(h + 2).IsVisible = False          # Bo Ek, hidden by hand
    group = CellRangeAddress()
    group.Sheet, group.StartColumn, group.EndColumn = 0, 0, 2
    group.StartRow, group.EndRow = h + 4, h + 5               # Dorte Dam, Eva Ege
    sheet.group(group, ROWS)
    sheet.hideDetail(group)


def main():
    import uno
    with tempfile.TemporaryDirectory() as tmp:
        profile = uno.systemPathToFileUrl(os.path.join(tmp, "profile"))
        office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore",
                                   "-env:UserInstallation=" + profile,
                                   "--accept=pipe,name=%s;urp;" % PIPE],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext(
                "com.sun.star.bridge.UnoUrlResolver", local)
            for _ in range(240):
                try:
                    context = resolver.resolve(
                        "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % PIPE)
                    break
                except Exception:
                    time.sleep(0.5)
            else:
                raise RuntimeError("LibreOffice did not answer on its pipe")
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
            for name, rows, change in (("schema-autofilter.ods", FILTERED_ROWS, auto_filter),
                                       ("schema-hidden-rows.ods", HIDDEN_ROWS, hide_rows)):
                source = os.path.join(tmp, name)
                ods_writer.write_schema(source, rows, team="Nord", leader="Lea Leder",
                                        date="1. juni 2026")
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                                   (prop("Hidden", True),))
                change(doc, doc.Sheets.getByIndex(0))
                doc.storeToURL(uno.systemPathToFileUrl(os.path.join(HERE, name)),
                               (prop("FilterName", "calc8"),))
                doc.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes away with the office
        finally:
            try:
                office.wait(timeout=60)
            except subprocess.TimeoutExpired:
                office.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
