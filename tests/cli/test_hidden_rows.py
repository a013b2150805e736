#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hidden and filtered rows on the command line: a real AutoFilter and rows
hidden by hand or in a collapsed group, as LibreOffice saves them
(tests/data/ods/make-lo-hidden.py), and hand-written table:visibility in
repeated rows, header rows and row groups. An employee is left out when every
row with their name is hidden; their continuation rows still count; team items
always count; --all-rows takes everyone."""
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

IKUFLET = os.environ["IKUFLET"]
DATA = os.path.join(os.environ["IKUFLET_TEST_DATA"], "ods")

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def row(*cells, **attrs):
    a = "".join(' table:%s="%s"' % (k.replace("_", "-"), v) for k, v in attrs.items())
    body = "".join('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % c
                   if c else "<table:table-cell/>" for c in cells)
    return "<table:table-row%s>%s</table:table-row>" % (a, body)


def write_ods(path, table_body, sheet="Skema"):
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content %s office:version="1.3">'
               '<office:body><office:spreadsheet><table:table table:name="%s">%s</table:table>'
               '</office:spreadsheet></office:body></office:document-content>' % (NS, sheet, table_body))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


HEADER = row("Navn", "Individuelt fokus", "Teamfokus")


class HiddenRowsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-hidden-")
        self.out = os.path.join(self.tmp, "ud")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def export(self, path, *extra, expect=0):
        r = subprocess.run([IKUFLET, "--json", "--out", self.out, *extra, path],
                           capture_output=True, text=True, encoding="utf-8", timeout=600)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return json.loads(r.stdout)

    def assert_warned(self, report, start):
        self.assertTrue(any(w.startswith(start) for w in report["warnings"]), report["warnings"])

    def names(self, report):
        return [os.path.basename(p) for p in report["written"]]

    def text(self, name):
        return pdf.flat_text(os.path.join(self.out, name))

    def test_autofilter_exports_only_the_visible_employee(self):
        report = self.export(os.path.join(DATA, "schema-autofilter.ods"))
        self.assertIsNone(report["error"])
        self.assertEqual(self.names(report), ["IKU - Bo Ek.pdf"])
        self.assertEqual(sorted(os.listdir(self.out)), ["IKU - Bo Ek.pdf"])
        pdf.assert_sound(report["written"][0])
        text = self.text("IKU - Bo Ek.pdf")
        # The continuation rows the filter hid are still Bo's.
        for item in ("Førstehjælp", "Bo fortsat en", "Bo fortsat to"):
            self.assertIn(item, text)
        # Team items count whatever their visibility.
        for item in ("Teammøde hver uge", "Fælles temadag", "Teampunkt i en bortfiltreret række"):
            self.assertIn(item, text)
        for other in ("Anne", "Kursus i forflytning", "Sårpleje", "Ce Lund"):
            self.assertNotIn(other, text)
        self.assert_warned(report, "2 medarbejdere er sprunget over, fordi rækkerne med deres navne er skjult "
                      "eller filtreret fra (række 7 og 12).")

    def test_all_rows_includes_the_filtered(self):
        report = self.export(os.path.join(DATA, "schema-autofilter.ods"), "--all-rows")
        self.assertEqual(self.names(report),
                         ["IKU - Anne Hansen.pdf", "IKU - Bo Ek.pdf", "IKU - Ce Lund.pdf"])
        self.assertIn("Anne fortsat", self.text("IKU - Anne Hansen.pdf"))
        self.assertFalse([w for w in report["warnings"] if "sprunget over" in w], report["warnings"])

    def test_hidden_by_hand_and_collapsed_group(self):
        report = self.export(os.path.join(DATA, "schema-hidden-rows.ods"))
        self.assertEqual(self.names(report),
                         ["IKU - Anne Hansen.pdf", "IKU - Ce Lund.pdf", "IKU - Finn Fos.pdf"])
        text = self.text("IKU - Finn Fos.pdf")
        self.assertIn("Teampunkt i en skjult række", text)
        self.assertIn("Teampunkt i en lukket gruppe", text)
        self.assertNotIn("Bo skjult", text)
        self.assert_warned(report, "3 medarbejdere er sprunget over, fordi rækkerne med deres navne er skjult "
                      "eller filtreret fra (række 8, 10 og 11).")
        everyone = self.export(os.path.join(DATA, "schema-hidden-rows.ods"), "--all-rows")
        self.assertEqual(len(everyone["written"]), 6)

    def test_plain_text_report_says_how_many(self):
        r = subprocess.run([IKUFLET, "--out", self.out, os.path.join(DATA, "schema-hidden-rows.ods")],
                           capture_output=True, text=True, encoding="utf-8", timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("3 medarbejdere er sprunget over", r.stderr)

    def test_repeated_rows_header_rows_and_groups(self):
        path = os.path.join(self.tmp, "haand.ods")
        write_ods(path, "".join([
            # A header row hidden in table:table-header-rows is still the header.
            "<table:table-header-rows>", row("Navn", "Individuelt fokus", "Teamfokus", visibility="collapse"),
            "</table:table-header-rows>",
            row("Anne", "a1", "T1"),
            # One element, two rows, both filtered out: one employee on two rows.
            row("Gemt", "g", "T2", number_rows_repeated="2", visibility="filter"),
            "<table:table-row-group>",
            row("Bo", "b1", "", visibility="filter"),
            row("", "b2", "T3"),
            row("Ce", "c1", ""),
            "</table:table-row-group>",
            row("Dorte", "d1", "", visibility="visible"),
            # A hidden empty row repeated to the end of the sheet costs nothing.
            row("", number_rows_repeated="1048570", visibility="collapse"),
        ]))
        report = self.export(path)
        self.assertEqual(self.names(report), ["IKU - Anne.pdf", "IKU - Ce.pdf", "IKU - Dorte.pdf"])
        text = self.text("IKU - Anne.pdf")
        for item in ("T1", "T2", "T3"):
            self.assertIn(item, text)
        self.assert_warned(report, "2 medarbejdere er sprunget over, fordi rækkerne med deres navne er skjult "
                      "eller filtreret fra (række 3 og 5).")
        everyone = self.export(path, "--all-rows")
        self.assertEqual(self.names(everyone),
                         ["IKU - Anne.pdf", "IKU - Gemt.pdf", "IKU - Bo.pdf", "IKU - Ce.pdf", "IKU - Dorte.pdf"])
        self.assertIn("b2", self.text("IKU - Bo.pdf"))
        self.assertTrue(any("»Gemt« står i flere rækker (3 og 4)" in w for w in everyone["warnings"]),
                        everyone["warnings"])

    def test_everyone_hidden_is_an_input_problem(self):
        path = os.path.join(self.tmp, "alle-skjult.ods")
        write_ods(path, HEADER + row("Anne", "a", "", visibility="filter")
                  + row("Bo", "b", "", visibility="collapse"), sheet="Team Syd")
        report = self.export(path, expect=1)
        self.assertIn("»Team Syd«", report["error"])
        self.assertIn("skjult eller filtreret fra", report["error"])
        self.assertFalse(os.path.exists(self.out) and os.listdir(self.out))
        self.assertEqual(len(self.export(path, "--all-rows")["written"]), 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
