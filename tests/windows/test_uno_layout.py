#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The binary UNO C structs as the Win64 build sees them (uno-layout.exe, built
against the SDK shim, run under Wine) must have the sizes, alignments and field
offsets of the Linux x86-64 build (the same source compiled here against
Debian's SDK), except sizeof(long): Win64 is LLP64. A wrong shim (e.g. Linux's
sizeof(long) == 8) would make sal_Int64 or a struct field silently wrong."""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import winrun  # noqa: E402


class UnoLayoutTest(unittest.TestCase):
    def test_same_layout_as_linux(self):
        with tempfile.TemporaryDirectory() as tmp:
            linux_exe = os.path.join(tmp, "uno-layout")
            subprocess.run(["cc", "-std=gnu11", "-isystem", "/usr/include/libreoffice", "-DLINUX",
                            "-DUNX", os.environ["IKUFLET_UNO_LAYOUT_SRC"], "-o", linux_exe],
                           check=True)
            linux = subprocess.run([linux_exe], check=True, capture_output=True,
                                   text=True).stdout.splitlines()
        r = winrun.wine(os.environ["IKUFLET_UNO_LAYOUT"])
        self.assertEqual(r.returncode, 0, r.stderr)
        windows = r.stdout.splitlines()
        self.assertGreater(len(linux), 100)
        self.assertEqual(linux[0], "sizeof(long)=8 alignof=8")
        self.assertEqual(windows[0], "sizeof(long)=4 alignof=4")
        self.assertEqual(windows[1:], linux[1:])


if __name__ == "__main__":
    unittest.main(verbosity=2)
