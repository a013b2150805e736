#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parity: every .ods fixture through the Linux CLI and through ikuflet.exe under
Wine must give the same exit code, the same JSON report (paths aside), the same
file names and the same text (pdftotext) in every PDF."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import winrun  # noqa: E402


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                          capture_output=True, text=True).stdout


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
            texts = {n: pdf_text(os.path.join(out, n)) for n in files if n.endswith(".pdf")}
            results[side] = (r.returncode, report, files, texts)
        return results

    def test_every_fixture(self):
        fixtures = sorted(f for f in os.listdir(winrun.DATA) if f.endswith(".ods"))
        self.assertGreater(len(fixtures), 40)
        for name in fixtures:
            with self.subTest(fixture=name):
                res = self.run_one(os.path.join(winrun.DATA, name))
                (lrc, lrep, lfiles, ltexts), (wrc, wrep, wfiles, wtexts) = res["linux"], res["windows"]
                self.assertEqual(wrc, lrc, "exit code")
                self.assertEqual(wrep, lrep, "JSON report")
                self.assertEqual(wfiles, lfiles, "files written")
                for n in ltexts:
                    self.assertEqual(wtexts[n], ltexts[n], "text of " + n)


if __name__ == "__main__":
    unittest.main(verbosity=2)
