#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The live-document reader's bounds, in a real office with the component inside
soffice.bin: it reads only what the schema needs (the header area and, below the
header, the name, individual and team columns), and the text and cells it keeps are
capped per workbook as the .ods reader caps them, ending in a clear Danish error.

The shared-text sheet: Z1 holds 250,000 characters and thousands of cells below the
header refer to it (=$Z$1; Calc needs some 5 ms per such cell to fill them in, so the
test uses 3,000 and the bench 20,000). Before the bound, soffice grew by some 240 KB
per such cell (720 MB here, 4.8 GB for 20,000). The test asserts what the user gets (IKUs, or the error) and,
with a wide margin, that soffice's resident memory grows by less than 100 MB while
the export runs: the growth is deterministic (a few MB when the column is not read,
a little over the text cap, IKU_MAX_BOOK_TEXT_BYTES, when it stops the read), so the margin does not make the
test flaky, and an unbounded reader would exceed it by gigabytes. The exact figures
are measured by ./build.sh bench (tests/bench/bench_shared_text.py).

Usage: test_bounds.py --oxt PATH/ikuflet.oxt
"""

import argparse
import os
import re
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import run_unittests, start_with_extension, stop_and_clean  # noqa: E402
import fixtures  # noqa: E402
from fixtures import HEADERS, SHARED_TEXT_EMPLOYEES, list_pdfs, pdf_name, pdf_text  # noqa: E402

OXT = None
office = None
work = None

SHARED_TEXT_ROWS = 3000       # outside the schema columns (the bench uses 20,000)
SCHEMA_COLUMN_ROWS = 1000     # the cap stops the read after some 130 of them
GROWTH_LIMIT_KB = 100 * 1024
HERE = os.path.dirname(os.path.abspath(__file__))


def limit(name):
    """A bound of native/core/iku-limits.h, e.g. (16u * 1024u * 1024u), as a number."""
    with open(os.path.join(HERE, "..", "..", "native", "core", "iku-limits.h")) as f:
        m = re.search(r"#define %s \(?([0-9u* ]+)\)?" % name, f.read())
    value = 1
    for factor in m.group(1).replace("u", "").split("*"):
        value *= int(factor)
    return value


SHEET_LIMIT = limit("IKU_MAX_SHEETS")
BOOK_TEXT_BYTES = limit("IKU_MAX_BOOK_TEXT_BYTES")
TEXT_CAP_MESSAGE = "mere end %d MB tekst" % (BOOK_TEXT_BYTES // (1024 * 1024))


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-bounds-")


def tearDownModule():
    stop_and_clean(office, work)


def rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class PeakRss:
    """soffice.bin's highest resident memory while a block runs (sampled every 5 ms)."""

    def __init__(self, pid):
        self.pid = pid
        self.start = self.peak = rss_kb(pid)
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while not self._done.wait(0.005):
            self.peak = max(self.peak, rss_kb(self.pid))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._done.set()
        self._thread.join()
        self.peak = max(self.peak, rss_kb(self.pid))
        return False

    @property
    def growth_kb(self):
        return self.peak - self.start


class TestBounds(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)

    def tearDown(self):
        office.close_all()

    def assertOfficeAnswers(self):
        self.assertTrue(office.alive(), "soffice.bin is gone:\n" + office.log_tail())
        self.assertEqual(office.export_service().ImplementationName, "org.ikuflet.Export")

    def export_measured(self, doc):
        with PeakRss(office.proc.pid) as rss:
            result = office.export(document=doc, folder=self.dir)
        print("\n  soffice RSS %.1f MB -> peak %.1f MB (+%.1f MB)"
              % (rss.start / 1024, rss.peak / 1024, rss.growth_kb / 1024))
        self.assertLess(rss.growth_kb, GROWTH_LIMIT_KB)
        return result

    def test_shared_text_outside_the_schema_columns_is_not_read(self):
        doc = fixtures.make_shared_text_document(office, SHARED_TEXT_ROWS, column="D")
        result = self.export_measured(doc)
        self.assertEqual(result["Error"], "")
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n, _ in SHARED_TEXT_EMPLOYEES))
        for name, item in SHARED_TEXT_EMPLOYEES:
            text = pdf_text(os.path.join(self.dir, pdf_name(name)))
            self.assertIn(item, text)
            self.assertIn("Hjemmeplejen Nord", text)
            self.assertNotIn("xxxxxxxxxx", text)
        self.assertOfficeAnswers()

    def test_shared_text_in_a_schema_column_ends_in_a_clear_error(self):
        for column in ("C", "B"):   # the team column, the individual column
            doc = fixtures.make_shared_text_document(office, SCHEMA_COLUMN_ROWS, column=column)
            result = self.export_measured(doc)
            self.assertEqual(result["Written"], [])
            self.assertIn(TEXT_CAP_MESSAGE, result["Error"])
            self.assertIn("arket »Skema«", result["Error"])
            self.assertIn("Slet det, der ikke hører til skemaet", result["Error"])
            self.assertEqual(list_pdfs(self.dir), [])
            self.assertOfficeAnswers()
            doc.close(True)

    def test_text_cap_counts_the_whole_workbook(self):
        # Three schema sheets, each with 40 % of the cap in team text: each alone
        # and the first two together are under the cap, all three are not.
        cell_bytes, cells = 200000, int(0.4 * BOOK_TEXT_BYTES / 200000)
        doc = office.new_spreadsheet()
        sheets = doc.Sheets
        for i in range(3):
            if i > 0:
                sheets.insertNewByName("Team %d" % (i + 1), i)
            sheet = sheets.getByIndex(i)
            fixtures.set_cells(sheet, 0, [HEADERS, ("Anna Andersen", "Kursus", "")])
            sheet.getCellRangeByName("Z1").setString("y" * cell_bytes)
            sheet.getCellRangeByName("C3:C%d" % (2 + cells)).setFormulaArray(
                tuple(("=$Z$1",) for _ in range(cells)))
        result = self.export_measured(doc)
        self.assertEqual(result["Written"], [])
        self.assertIn(TEXT_CAP_MESSAGE, result["Error"])
        self.assertIn("arket »Team 3«", result["Error"])
        self.assertEqual(list_pdfs(self.dir), [])
        self.assertOfficeAnswers()

    def test_more_sheets_than_the_file_reader_reads_is_an_error(self):
        doc = office.new_spreadsheet()
        sheets = doc.Sheets
        for i in range(1, SHEET_LIMIT):
            sheets.insertNewByName("Ark %d" % (i + 1), i)
        self.assertEqual(sheets.getCount(), SHEET_LIMIT)
        # The schema on the last sheet the reader reads: found.
        fixtures.set_cells(sheets.getByIndex(SHEET_LIMIT - 1), 0,
                           [HEADERS, ("Anna Andersen", "Kursus", "")])
        result = office.export(document=doc, folder=self.dir)
        self.assertEqual(result["Error"], "")
        self.assertEqual(list_pdfs(self.dir), [pdf_name("Anna Andersen")])
        os.unlink(os.path.join(self.dir, pdf_name("Anna Andersen")))
        # One sheet more: refused as the .ods reader refuses it, never cut silently.
        sheets.insertNewByName("Ark %d" % (SHEET_LIMIT + 1), SHEET_LIMIT)
        result = office.export(document=doc, folder=self.dir)
        self.assertEqual(result["Written"], [])
        self.assertIn("Regnearket har %d ark; ikuflet læser højst %d" % (SHEET_LIMIT + 1, SHEET_LIMIT),
                      result["Error"])
        self.assertEqual(list_pdfs(self.dir), [])
        self.assertOfficeAnswers()


def main():
    global OXT
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    run_unittests(rest)


if __name__ == "__main__":
    main()
