#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Excel workbooks through both front doors, in a real LibreOffice set to the
Danish locale (as the leaders' offices are; the CLI shows numbers as Calc does for
da-DK):

- a schema saved by LibreOffice as .ods and as .xlsx (and .xlsm) gives the same
  IKUs from the command line: the same files, the same texts (pdftotext);
- the extension on the .xlsx opened in Calc gives the IKUs the command line makes
  from that .xlsx: the same files, texts and warnings.

Two schemas: the rich one of fixtures.py (formats, formulas, a merged name cell,
an annotation, copied team items), and one of numbers in the formats a schema
uses (general, decimals, percent, dates, a time, a boolean, an error).

Usage: test_parity_xlsx.py --oxt PATH --cli PATH (with IKUFLET_DATA_DIR set for the CLI)
"""

import argparse
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import Office, pv, run_unittests, stop_and_clean  # noqa: E402
import fixtures  # noqa: E402
from fixtures import list_pdfs, pdf_text  # noqa: E402

import tempfile  # noqa: E402

OXT = CLI = None
office = None
work = None

# The numbers schema: (cell value, format code in the document's locale, da-DK,
# where ',' is the decimal separator; None: the default, general).
FORMATS = {
    "Tal": (1234.5, None),
    "Decimaler": (2.675, "0,00"),
    "Tusinder": (1234567.891, "#.##0,00"),
    "Procent": (0.125, "0,00%"),
    "Dato": (45291.75, "DD.MM.YYYY"),
    "Lang dato": (45291.75, "D. MMMM YYYY"),
    "Tid": (45291.75, "HH:MM"),
    "Lille": (1e-7, None),
}


def setUpModule():
    global office, work
    work = tempfile.mkdtemp(prefix="ikuflet-parity-xlsx-")
    office = Office(time_limit=1500)
    office.start()
    # The locale takes effect when the office starts again: installing the
    # extension restarts it.
    provider = office.smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (pv("nodepath", "/org.openoffice.Setup/L10N"),))
    access.setPropertyValue("ooSetupSystemLocale", "da-DK")
    access.commitChanges()
    office.install_extension(OXT)


def tearDownModule():
    stop_and_clean(office, work)


def make_numbers_schema(path, filter_name):
    doc = office.new_spreadsheet()
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Skema"
    rows = [("Team:", "Tallenes team"), ("", ""), fixtures.HEADERS]
    names = list(FORMATS)
    rows += [("Person %d %s" % (k + 1, name), 0.0, "Fælles punkt") for k, name in enumerate(names)]
    rows += [("Person sand", "", ""), ("Person fejl", "", "")]
    fixtures.set_cells(sheet, 0, rows)
    for k, name in enumerate(names):
        value, code = FORMATS[name]
        cell = sheet.getCellByPosition(1, 3 + k)
        cell.setValue(value)
        if code is not None:
            cell.NumberFormat = fixtures.number_format(doc, code)
    sheet.getCellByPosition(1, 3 + len(names)).setFormula("=1=1")
    sheet.getCellByPosition(1, 4 + len(names)).setFormula("=1/0")
    fixtures.store(doc, path, filter_name)
    doc.close(True)


def run_cli(path, out):
    os.makedirs(out)
    proc = subprocess.run([CLI, "--json", "--out", out, path], capture_output=True, timeout=300)
    return json.loads(proc.stdout.decode("utf-8"))


def run_extension(path, out):
    os.makedirs(out)
    doc = office.load(path)
    try:
        return office.export(document=doc, folder=out)
    finally:
        doc.close(True)


def texts(folder):
    return {name: pdf_text(os.path.join(folder, name)) for name in list_pdfs(folder)}


class TestParityXlsx(unittest.TestCase):
    def check(self, stem, make):
        base = os.path.join(work, stem)
        paths = {kind: os.path.join(base, "%s.%s" % (stem, kind)) for kind in ("ods", "xlsx", "xlsm")}
        os.makedirs(base)
        make(paths["ods"], fixtures.ODS_FILTER)
        make(paths["xlsx"], fixtures.XLSX_FILTER)
        make(paths["xlsm"], fixtures.XLSM_FILTER)
        reports = {kind: run_cli(path, os.path.join(base, "cli-" + kind))
                   for kind, path in paths.items()}
        outs = {kind: texts(os.path.join(base, "cli-" + kind)) for kind in paths}
        self.assertIsNone(reports["ods"]["error"])
        self.assertTrue(outs["ods"])
        for kind in ("xlsx", "xlsm"):
            self.assertIsNone(reports[kind]["error"], kind)
            for name in outs["ods"]:
                self.assertEqual(" ".join(outs[kind].get(name, "").split()),
                                 " ".join(outs["ods"][name].split()),
                                 "CLI: .%s against .ods, %s" % (kind, name))
            self.assertEqual(sorted(outs[kind]), sorted(outs["ods"]))
            self.assertEqual(reports[kind]["warnings"], reports["ods"]["warnings"])
        ext = run_extension(paths["xlsx"], os.path.join(base, "extension"))
        self.assertFalse(ext["Error"], ext["Error"])
        self.assertEqual(texts(os.path.join(base, "extension")), outs["xlsx"],
                         "extension on the .xlsx against the CLI")
        self.assertEqual(ext["Warnings"], reports["xlsx"]["warnings"])
        return outs["xlsx"]

    def test_rich_schema(self):
        out = self.check("rich", lambda path, f: fixtures.make_rich_schema(office, path, f))
        joined = " ".join(" ".join(out.values()).split())
        for items in fixtures.EXPECTED.values():
            for item in items:
                self.assertIn(item, joined)
        for secret in fixtures.NEVER_SHOWN:
            self.assertNotIn(secret, joined)

    def test_numbers_schema(self):
        out = self.check("tal", make_numbers_schema)
        joined = " ".join(" ".join(out.values()).split())
        # As Calc shows them for da-DK.
        for shown in ("1234,5", "2,68", "1.234.567,89", "12,50%", "31.12.2023",
                      "31. december 2023", "18:00", "0,0000001", "SAND", "#DIV/0!"):
            self.assertIn(shown, joined)


def main():
    global OXT, CLI
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--cli", required=True)
    args, rest = parser.parse_known_args()
    OXT, CLI = args.oxt, args.cli
    run_unittests(rest)


if __name__ == "__main__":
    main()
