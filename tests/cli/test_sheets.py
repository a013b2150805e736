#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Several teams in one workbook on the command line: the report names the
sheet (and team) it read; --all-sheets exports every schema sheet in one run,
the same name on two sheets gets " (2)" and a warning naming sheet and row,
never a silent overwrite; a schema sheet without employees is told and left
out; --check covers every sheet."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iku_pdf_check as pdf  # noqa: E402
from test_hidden_rows import NS, row  # noqa: E402

IKUFLET = os.environ["IKUFLET"]
HEADER = row("Navn", "Individuelt fokus", "Teamfokus")


def write_book(path, sheets):
    tables = "".join('<table:table table:name="%s">%s</table:table>' % (name, body) for name, body in sheets)
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s office:version="1.3">'
               '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body>'
               '</office:document-content>' % (NS, tables))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


class SheetsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-sheets-")
        self.out = os.path.join(self.tmp, "ud")
        self.book = os.path.join(self.tmp, "teams.ods")
        self.env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(self.tmp, "config"))
        write_book(self.book, [
            ("Noter", row("Husk mødet")),
            ("Nord", row("Team:", "Nord") + HEADER + row("Anne Hansen", "Nordkursus", "Nordmøder")
             + row("Bo Ek", "b", "")),
            ("Tom", HEADER),
            ("Syd", row("Team:", "Syd") + HEADER + row("Ce Lund", "c", "Sydmøder")
             + row("anne hansen", "Sydkursus", "")),
        ])

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args, expect=0):
        r = subprocess.run([IKUFLET, *args], capture_output=True, text=True, encoding="utf-8",
                           env=self.env, timeout=600)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return r

    def test_one_sheet_is_named(self):
        r = self.run_cli("--out", self.out, self.book)
        self.assertTrue(r.stdout.endswith("\nLæst fra arket »Nord« (team Nord).\n"), r.stdout)
        self.assertEqual(sorted(os.listdir(self.out)), ["IKU - Anne Hansen.pdf", "IKU - Bo Ek.pdf"])

    def test_all_sheets_in_one_run(self):
        r = self.run_cli("--all-sheets", "--out", self.out, self.book)
        self.assertTrue(r.stdout.endswith("\nLæst fra arket »Nord« (team Nord) og arket »Syd« (team Syd).\n"),
                        r.stdout)
        self.assertIn("4 IKU'er er gemt i", r.stdout)
        self.assertEqual(sorted(os.listdir(self.out)), ["IKU - Anne Hansen.pdf", "IKU - Bo Ek.pdf",
                                                        "IKU - Ce Lund.pdf", "IKU - anne hansen (2).pdf"])
        self.assertIn("»Anne Hansen« (arket »Nord«, række 3) og »anne hansen« (arket »Syd«, række 4) "
                      "ville få samme filnavn", r.stderr)
        self.assertIn("Arket »Tom« er sprunget over:", r.stderr)
        nord = pdf.flat_text(os.path.join(self.out, "IKU - Anne Hansen.pdf"))
        syd = pdf.flat_text(os.path.join(self.out, "IKU - anne hansen (2).pdf"))
        self.assertIn("Nordkursus", nord)
        self.assertNotIn("Sydkursus", nord)
        self.assertIn("Sydkursus", syd)
        self.assertIn("Sydmøder", syd)
        self.assertNotIn("Nordmøder", syd)

    def test_all_sheets_json_and_check(self):
        report = json.loads(self.run_cli("--all-sheets", "--json", "--out", self.out, self.book).stdout)
        self.assertEqual(len(report["written"]), 4)
        self.assertTrue(any(w.startswith("Arket »Tom« er sprunget over: ") for w in report["warnings"]),
                        report["warnings"])
        self.assertTrue(any("ville få samme filnavn" in w for w in report["warnings"]), report["warnings"])
        check = json.loads(self.run_cli("--all-sheets", "--check", "--json", "--out",
                                        os.path.join(self.tmp, "tjek"), self.book).stdout)
        self.assertEqual([(i["sheet"], i["team"], i["file"]) for i in check["check"]["ikus"]],
                         [("Nord", "Nord", "IKU - Anne Hansen.pdf"), ("Nord", "Nord", "IKU - Bo Ek.pdf"),
                          ("Syd", "Syd", "IKU - Ce Lund.pdf"), ("Syd", "Syd", "IKU - anne hansen (2).pdf")])
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "tjek")))
        text = self.run_cli("--all-sheets", "--check", "--out", self.out, self.book).stdout
        self.assertIn("Arket »Nord« (team Nord): 2 IKU'er", text)
        self.assertIn("Arket »Syd« (team Syd): 2 IKU'er", text)

    def test_no_schema_sheet_at_all(self):
        write_book(self.book, [("Noter", row("Husk mødet"))])
        report = json.loads(self.run_cli("--all-sheets", "--json", self.book, expect=1).stdout)
        self.assertIn("kolonneoverskrifter", report["error"])
        write_book(self.book, [("Tom", HEADER)])
        report = json.loads(self.run_cli("--all-sheets", "--json", self.book, expect=1).stdout)
        self.assertIn("»Tom« har ingen medarbejdere", report["error"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
