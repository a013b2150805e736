#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""valgrind memcheck over the CLI on every .ods fixture: no memory errors and no
definite leaks, on success and on every error path. The fixtures that only
measure size (2000 employees; a zip bomb that lies about its size, which is
inflated to the reader's 32 MiB bound; 16 MB of text and 200,000 cells counted
over a workbook) are left to the ASan suite and the benchmarks: under valgrind
they take minutes."""
import glob
import os
import shutil
import subprocess
import tempfile
import unittest

IKUFLET = os.environ["IKUFLET"]
DATA = os.path.join(os.environ["IKUFLET_TEST_DATA"], "ods")
SLOW = {"big-2000-employees.ods", "broken-zip-bomb-lying.ods", "broken-book-text.ods",
        "broken-book-cells.ods"}


class ValgrindTest(unittest.TestCase):
    def test_fixtures_clean(self):
        fixtures = sorted(f for f in glob.glob(os.path.join(DATA, "*.ods"))
                          if os.path.basename(f) not in SLOW)
        self.assertGreater(len(fixtures), 20)
        for f in fixtures:
            with self.subTest(fixture=os.path.basename(f)):
                out = tempfile.mkdtemp(prefix="ikuflet-vg-")
                try:
                    r = subprocess.run(
                        ["valgrind", "--tool=memcheck", "--error-exitcode=99", "--leak-check=full",
                         "--errors-for-leak-kinds=definite", "--show-leak-kinds=definite",
                         "--track-origins=no", "--quiet", IKUFLET, "--json", "--out", out, f],
                        capture_output=True, text=True, timeout=900)
                    self.assertIn(r.returncode, (0, 1, 3), r.stderr[-4000:])
                    reports = [l for l in r.stderr.splitlines() if l.startswith("==")]
                    self.assertEqual(reports, [], r.stderr[-4000:])
                finally:
                    shutil.rmtree(out, ignore_errors=True)
        print("valgrind: %d fixtures, no errors, no definite leaks" % len(fixtures))


if __name__ == "__main__":
    unittest.main(verbosity=2)
