#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parity: every .ods fixture (and a choice of .xlsx ones) through the Linux CLI and
through ikuflet.exe under
Wine must give the same exit code, the same JSON report (paths aside), the same
file names, and PDFs that are the same byte for byte except the time they were
made (CreationDate, ModDate) and their source id (a keyed hash of the schema's
path: another path and another user's key under Wine), so also the same text; pdftotext's text is compared
too where a fixture makes at most TEXT_CHECK_LIMIT PDFs."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import winrun  # noqa: E402

TEXT_CHECK_LIMIT = 50
DATES = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9Z+'-]+\)")
SOURCE = re.compile(rb"/IkufletSource \([0-9a-f]{64}\)")


def pdf_bytes_without_dates(path):
    with open(path, "rb") as f:
        data = f.read()
    # Every IKU carries one source id, on both sides; its value differs by design.
    if os.path.basename(path).startswith("IKU - "):
        assert len(SOURCE.findall(data)) == 1, path
    return SOURCE.sub(b"/IkufletSource (ID)", DATES.sub(rb"/\1 (D:)", data))


class ParityTest(unittest.TestCase):
    def setUp(self):
        winrun.require_dist(self)
        if not os.path.isfile(winrun.NATIVE):
            self.fail("IKUFLET_NATIVE must name the Linux ikuflet (./build.sh test sets it)")
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-parity-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_one(self, fixture):
        stem = os.path.splitext(os.path.basename(fixture))[0]
        results = {}
        for side in ("linux", "windows"):
            out = os.path.join(self.tmp, stem, side)
            args = ["--json", "--date", "1. juni 2026", "--out", out, fixture]
            if side == "linux":
                r = subprocess.run([winrun.NATIVE, *args], capture_output=True, text=True,
                                   encoding="utf-8", timeout=600)
            else:
                r = winrun.ikuflet_exe(*args)
            report = json.loads(r.stdout.replace(out, "OUT")) if r.stdout.strip() else None
            files = sorted(os.listdir(out)) if os.path.isdir(out) else []
            pdfs = [os.path.join(out, n) for n in files if n.endswith(".pdf")]
            texts = ({os.path.basename(p): winrun.pdf_text(p) for p in pdfs}
                     if len(pdfs) <= TEXT_CHECK_LIMIT else {})
            contents = {os.path.basename(p): pdf_bytes_without_dates(p) for p in pdfs}
            results[side] = (r.returncode, report, files, texts, contents)
        return results

    def test_every_fixture(self):
        fixtures = sorted(f for f in os.listdir(winrun.DATA) if f.endswith(".ods"))
        self.assertGreater(len(fixtures), 40)
        for name in fixtures:
            with self.subTest(fixture=name):
                res = self.run_one(os.path.join(winrun.DATA, name))
                lrc, lrep, lfiles, ltexts, lbytes = res["linux"]
                wrc, wrep, wfiles, wtexts, wbytes = res["windows"]
                self.assertEqual(wrc, lrc, "exit code")
                self.assertEqual(wrep, lrep, "JSON report")
                self.assertEqual(wfiles, lfiles, "files written")
                for n in ltexts:
                    self.assertEqual(wtexts[n], ltexts[n], "text of " + n)
                for n in lbytes:
                    self.assertTrue(wbytes[n] == lbytes[n], n + " differs (beyond its dates)")

    def test_xlsx_fixtures(self):
        """The .xlsx reader under Wine: schemas written by hand and by LibreOffice,
        a macro workbook, a CFB container, a zip bomb, a sheet without a schema."""
        folder = os.path.join(os.path.dirname(winrun.DATA), "xlsx")
        for name in ("hand-schema.xlsx", "hand-schema.xlsm", "lo-schema-libreoffice.xlsx",
                     "hand-types.xlsx", "broken-encrypted.xlsx", "broken-zip-bomb.xlsx"):
            with self.subTest(fixture=name):
                res = self.run_one(os.path.join(folder, name))
                lrc, lrep, lfiles, ltexts, lbytes = res["linux"]
                wrc, wrep, wfiles, wtexts, wbytes = res["windows"]
                self.assertEqual(wrc, lrc, "exit code")
                self.assertEqual(wrep, lrep, "JSON report")
                self.assertEqual(wfiles, lfiles, "files written")
                self.assertEqual(wtexts, ltexts)
                for n in lbytes:
                    self.assertTrue(wbytes[n] == lbytes[n], n + " differs (beyond its dates)")
                if name.startswith("hand-schema"):
                    self.assertEqual(wfiles, ["IKU - Anna Jensen.pdf", "IKU - Carl Nielsen.pdf"])

if __name__ == "__main__":
    unittest.main(verbosity=2)
