#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ikuflet command line on Excel workbooks (.xlsx, .xlsm; tests/data/xlsx and
workbooks written here by a second producer, Debian's python3-openpyxl): the IKUs
and their texts checked with poppler and qpdf, the same IKU texts as for the
.ods the workbook was saved from, the format told by content, refusals."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iku_pdf_check as pdf  # noqa: E402

IKUFLET = os.environ["IKUFLET"]
DATA = os.environ["IKUFLET_TEST_DATA"]
HEADERS = ("Indsæt navn på medarbejder", "Indsæt indhold vedrørende medarbejder",
           "Indsæt indhold vedrørende teamet")
SECRETS = ("HEMMELIG", "LOKKEDUE", "SKJULT")
DATE = "1. juni 2026"


def xlsx(name):
    return os.path.join(DATA, "xlsx", name)


def ods(name):
    return os.path.join(DATA, "ods", name)


class XlsxTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-xlsx-")
        self.out = os.path.join(self.tmp, "ud")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args):
        return subprocess.run([IKUFLET, *args], capture_output=True, text=True, encoding="utf-8",
                              timeout=600)

    def export(self, path, out=None, expect=0):
        r = self.run_cli("--json", "--date", DATE, "--out", out or self.out, path)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return json.loads(r.stdout)

    def texts(self, folder):
        """{file name: pdftotext's text} of every PDF in @folder."""
        out = {}
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            pdf.assert_sound(path)
            out[name] = pdf.text(path)
        return out

    def assert_no_secret(self, texts):
        for name, text in texts.items():
            for secret in SECRETS:
                self.assertNotIn(secret, text, name)

    def test_hand_schema(self):
        for name in ("hand-schema.xlsx", "hand-schema.xlsm"):
            with self.subTest(name=name):
                out = os.path.join(self.tmp, name)
                report = self.export(xlsx(name), out)
                self.assertIsNone(report["error"])
                # Bo Skjult's only row is hidden: no IKU.
                self.assertEqual(sorted(os.path.basename(p) for p in report["written"]),
                                 ["IKU - Anna Jensen.pdf", "IKU - Carl Nielsen.pdf"])
                texts = self.texts(out)
                self.assert_no_secret(texts)
                anna = " ".join(texts["IKU - Anna Jensen.pdf"].split())
                for item in ("Kursus i samtaleteknik", "Mentor for ny kollega",
                             "Fælles temadag om arbejdsmiljø", "Hjemmeplejen Nord"):
                    self.assertIn(item, anna)

    def test_wrong_extension(self):
        """The content decides: an .xlsx named .ods and an .ods named .xlsx both read."""
        as_ods = os.path.join(self.tmp, "skema.ods")
        shutil.copyfile(xlsx("hand-schema.xlsx"), as_ods)
        as_xlsx = os.path.join(self.tmp, "skema.xlsx")
        shutil.copyfile(ods("schema-basic.ods"), as_xlsx)
        a = self.export(as_ods, os.path.join(self.tmp, "a"))
        b = self.export(as_xlsx, os.path.join(self.tmp, "b"))
        self.assertEqual(len(a["written"]), 2)
        self.assertEqual(len(b["written"]), 3)
        reference = self.export(xlsx("hand-schema.xlsx"), os.path.join(self.tmp, "c"))
        self.assertEqual(self.texts(os.path.join(self.tmp, "a")),
                         self.texts(os.path.join(self.tmp, "c")))
        self.assertEqual(len(reference["written"]), 2)

    def test_same_texts_as_ods(self):
        """A schema saved by LibreOffice as .ods and as .xlsx gives the same IKUs."""
        for base in ("schema-libreoffice", "schema-short-headers"):
            with self.subTest(base=base):
                a = os.path.join(self.tmp, base + "-ods")
                b = os.path.join(self.tmp, base + "-xlsx")
                self.export(ods(base + ".ods"), a)
                self.export(xlsx("lo-%s.xlsx" % base), b)
                ta, tb = self.texts(a), self.texts(b)
                self.assertTrue(ta)
                self.assertEqual(ta, tb)

    def test_openpyxl(self):
        """A workbook of a second producer: openpyxl writes inline-free shared
        strings, its own styles, a comment part, merged cells, a hidden row."""
        import openpyxl
        from openpyxl.comments import Comment
        wb = openpyxl.Workbook()
        guide = wb.active
        guide.title = "Vejledning"
        guide["A1"] = "Skriv ét navn pr. række."
        ws = wb.create_sheet("Skema")
        ws["A1"], ws["B1"] = "Team:", "Dagplejen Vest"
        ws["A2"], ws["B2"] = "Dato:", 46000
        ws["B2"].number_format = "dd-mm-yyyy"
        for col, header in zip("ABC", HEADERS):
            ws["%s4" % col] = header
        rows = [("Dorte Holm", "Kursus i konflikthåndtering\nOpfølgning i maj", "Ugentligt teammøde"),
                ("", "Supervision", "Ugentligt teammøde"),
                ("Erik Skjult", "SKJULT-PERSON", ""),
                ("Fatima Ali", "Førstehjælp", "")]
        for k, row in enumerate(rows):
            for col, value in zip("ABC", row):
                if value:
                    ws["%s%d" % (col, 5 + k)] = value
        ws.row_dimensions[7].hidden = True
        ws["B8"].comment = Comment("HEMMELIG-KOMMENTAR", "Lea")
        ws["D8"] = "LOKKEDUE-UNDER-FLETNING"
        ws.merge_cells("C8:D8")
        ws["C8"] = "Teamdag i juni"
        wb.active = 1
        path = os.path.join(self.tmp, "openpyxl.xlsx")
        wb.save(path)
        report = self.export(path)
        self.assertEqual(sorted(os.path.basename(p) for p in report["written"]),
                         ["IKU - Dorte Holm.pdf", "IKU - Fatima Ali.pdf"])
        texts = self.texts(self.out)
        self.assert_no_secret(texts)
        dorte = " ".join(texts["IKU - Dorte Holm.pdf"].split())
        for item in ("Kursus i konflikthåndtering", "Opfølgning i maj", "Supervision",
                     "Ugentligt teammøde", "Teamdag i juni", "Dagplejen Vest"):
            self.assertIn(item, dorte)

    def test_refused(self):
        cases = {
            "broken-encrypted.xlsx": "beskyttet med en adgangskode",
            "broken-doctype.xlsx": "DOCTYPE",
            "broken-zip-bomb.xlsx": "er for stor",
            "broken-shared-index.xlsx": "delt tekst",
            "broken-malformed.xlsx": "XML-fejl",
            "broken-no-workbook.xlsx": "xl/workbook.xml mangler",
        }
        for name, words in cases.items():
            with self.subTest(name=name):
                report = self.export(xlsx(name), expect=1)
                self.assertEqual(report["written"], [])
                self.assertIn(name, report["error"])
                self.assertIn(words, report["error"])
                self.assertFalse(os.path.exists(self.out) and os.listdir(self.out))
                r = self.run_cli("--out", self.out, xlsx(name))
                self.assertEqual(r.returncode, 1)
                self.assertTrue(r.stderr.startswith("Fejl: "), r.stderr)


if __name__ == "__main__":
    unittest.main()
