#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shipped ikuflet.uno.dll (from dist/ikuflet.oxt) loads under Wine next to
stand-ins of LibreOffice's sal3.dll and cppu3.dll that abort when called: every
import resolves, the environment is "uno", loading and asking for an unknown
factory call nothing of the office, and it unloads. A load test, not a test of
the component inside LibreOffice for Windows (tests/e2e/selftest.py is that)."""
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import winrun  # noqa: E402


class UnoLoadTest(unittest.TestCase):
    def setUp(self):
        winrun.require_dist(self)

    def test_load_and_unload(self):
        with tempfile.TemporaryDirectory() as tmp:
            dll = winrun.shipped_dll(tmp)
            for stub in os.environ["IKUFLET_UNO_STUBS"].split(":"):
                shutil.copy(stub, tmp)
            loadtest = shutil.copy(os.environ["IKUFLET_UNO_LOADTEST"], tmp)
            r = winrun.wine(loadtest, dll, cwd=tmp)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            self.assertIn("environment uno", r.stdout)
            self.assertTrue(r.stdout.rstrip().endswith("OK"), r.stdout)
            self.assertNotIn("stand-in", r.stderr)

    def test_missing_office_dll_is_refused(self):
        """Without sal3.dll the load must fail: the test above is not vacuous."""
        with tempfile.TemporaryDirectory() as tmp:
            dll = winrun.shipped_dll(tmp)
            for stub in os.environ["IKUFLET_UNO_STUBS"].split(":"):
                if not stub.endswith("sal3.dll"):
                    shutil.copy(stub, tmp)
            loadtest = shutil.copy(os.environ["IKUFLET_UNO_LOADTEST"], tmp)
            r = winrun.wine(loadtest, dll, cwd=tmp)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("FAIL LoadLibraryW", r.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
