#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ikuflet.exe under Wine, where Windows differs: a PDF held open by a PDF reader,
names outside the ANSI code page, a path over 260 characters, and employees
named like Windows devices."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
import winrun  # noqa: E402
from ods_writer import write_schema  # noqa: E402

BASIC = os.path.join(winrun.DATA, "schema-basic.ods")
BASIC_PDFS = ["IKU - Anne Æbelø.pdf", "IKU - Søren Østergaard.pdf", "IKU - Åse Hansen.pdf"]


class WindowsCasesTest(unittest.TestCase):
    def setUp(self):
        winrun.require_dist(self)
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-win-")
        self.out = os.path.join(self.tmp, "ud")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def export(self, *args, expect=0):
        r = winrun.ikuflet_exe("--json", *args)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return json.loads(r.stdout)

    def assert_no_temp_files(self, folder):
        self.assertEqual([n for n in os.listdir(folder) if not n.endswith(".pdf")], [])

    def test_pdf_open_in_a_reader(self):
        self.export("--out", self.out, BASIC)
        held = os.path.join(self.out, "IKU - Søren Østergaard.pdf")
        with open(held, "rb") as f:
            held_before = f.read()
        others = [os.path.join(self.out, n) for n in BASIC_PDFS if n not in held]
        for p in others:
            os.utime(p, (0, 0))
        locker = subprocess.Popen([winrun.WINE, os.environ["IKUFLET_LOCKER"], held],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                  env=winrun.wine_env())
        try:
            self.assertEqual(locker.stdout.readline().strip(), "locked")
            report = self.export("--out", self.out, BASIC, expect=3)
        finally:
            locker.stdin.close()
            locker.wait(timeout=60)
            locker.stdout.close()
        self.assertIn("Luk »IKU - Søren Østergaard.pdf« i PDF-læseren, og prøv igen", report["error"])
        self.assertEqual(sorted(report["written"]), sorted(others))
        for p in others:   # rewritten now
            self.assertGreater(os.stat(p).st_mtime, 0)
        with open(held, "rb") as f:
            self.assertEqual(f.read(), held_before, "the held PDF must be untouched")
        self.assert_no_temp_files(self.out)
        # Closed in the reader, it is replaced like any other.
        report = self.export("--out", self.out, BASIC)
        self.assertEqual(len(report["written"]), 3)
        self.assert_no_temp_files(self.out)

    def test_names_outside_the_ansi_code_page(self):
        folder = os.path.join(self.tmp, "Łódź Ωmega 日本")
        os.makedirs(folder)
        schema = os.path.join(folder, "Łukasz Wąsowicz.ods")
        shutil.copy(BASIC, schema)
        report = self.export(schema)   # no --out: the schema's own folder
        self.assertEqual(sorted(report["written"]), [os.path.join(folder, n) for n in BASIC_PDFS])
        self.assertIn("Søren Østergaard", winrun.pdf_text(os.path.join(folder, BASIC_PDFS[1])))
        # The plain report, as a console shows it: UTF-8, names intact.
        r = winrun.ikuflet_exe(schema)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Łódź Ωmega 日本", r.stdout)
        self.assertIn("Åse Hansen", r.stdout)
        missing = os.path.join(folder, "Żółw ĳ.ods")
        r = winrun.ikuflet_exe("--json", missing)
        self.assertEqual(r.returncode, 1)
        self.assertIn("Żółw ĳ.ods", json.loads(r.stdout)["error"])

    def test_path_over_260_characters(self):
        deep = self.tmp
        while len(deep) < 300:
            deep = os.path.join(deep, "en ret lang mappe med et dansk navn æøå")
        os.makedirs(deep)
        schema = os.path.join(deep, "Skema.ods")
        shutil.copy(BASIC, schema)
        out = os.path.join(deep, "IKU'er")
        self.assertGreater(len(os.path.join(out, BASIC_PDFS[1])), 260)
        report = self.export("--out", out, schema)
        self.assertEqual(len(report["written"]), 3)
        self.assertEqual(sorted(os.listdir(out)), BASIC_PDFS)
        self.assertIn("Åse Hansen", winrun.pdf_text(os.path.join(out, BASIC_PDFS[2])))

    def test_employees_named_like_devices(self):
        names = ["CON", "nul", "COM1", "LPT9", "AUX.txt", "Prn  ", "CLOCK$", "Con.Tekst"]
        schema = os.path.join(self.tmp, "enheder.ods")
        write_schema(schema, [(n, "Kursus i %s" % n.strip(), "") for n in names])
        native_out = os.path.join(self.tmp, "linux")
        rn = subprocess.run([winrun.NATIVE, "--json", "--out", native_out, schema],
                            capture_output=True, text=True, encoding="utf-8")
        self.assertEqual(rn.returncode, 0, rn.stdout + rn.stderr)
        report = self.export("--out", self.out, schema)
        self.assertEqual(len(report["written"]), len(names))
        self.assertEqual(sorted(os.listdir(self.out)), sorted(os.listdir(native_out)))
        devices = {"CON", "PRN", "AUX", "NUL", "COM1", "LPT9"}
        for n in os.listdir(self.out):
            self.assertTrue(n.startswith("IKU - ") and n.endswith(".pdf"), n)
            # Windows reserves a device name before the first dot of a file name.
            self.assertNotIn(n.split(".")[0].rstrip(" ").upper(), devices, n)
            self.assertGreater(os.path.getsize(os.path.join(self.out, n)), 1000)
        self.assertIn("Kursus i CON", winrun.pdf_text(os.path.join(self.out, "IKU - CON_.pdf")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
