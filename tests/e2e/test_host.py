#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the component runs. A user restarts LibreOffice after the Extension Manager
has added ikuflet, and from then on the component lives inside soffice.bin, next to
the unsaved document. An office that was not restarted serves a newly added native
component from a separate uno.bin helper process instead. Every office-based suite
restarts after installing (office.py); this program shows that the check office.py
relies on tells the two apart, and that an export keeps the component in soffice.bin.

Usage: test_host.py --oxt PATH/ikuflet.oxt
"""

import argparse
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import COMPONENT_LIBRARY, Office, OfficeError, end_process  # noqa: E402
import fixtures  # noqa: E402
from fixtures import EXPECTED  # noqa: E402

OXT = None


def uno_helpers(office):
    return [p for p in office.helper_processes() if p[1].strip() == "uno.bin"]


class TestComponentHost(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="ikuflet-host-")
        self.office = Office(time_limit=300)
        self.office.start()

    def tearDown(self):
        self.office.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    def test_installed_without_restart_runs_in_a_helper(self):
        self.office.install_extension(OXT, restart=False)
        self.office.export_service()
        self.assertFalse(self.office.component_mapped())
        self.assertTrue(uno_helpers(self.office), self.office.helper_processes())
        with self.assertRaises(OfficeError):
            self.office.check_component_in_office()

    def test_after_restart_the_component_runs_in_soffice_bin(self):
        self.office.install_extension(OXT)   # restarts and checks
        self.assertTrue(self.office.component_mapped(),
                        "%s not in /proc/%d/maps" % (COMPONENT_LIBRARY, self.office.proc.pid))
        self.assertEqual(uno_helpers(self.office), [])
        path = os.path.join(self.work, "skema.ods")
        fixtures.make_rich_schema(self.office, path)
        result = self.office.export(document=self.office.load(path))
        self.assertEqual(result["Error"], "")
        self.assertEqual(len(result["Written"]), len(EXPECTED))
        self.assertTrue(self.office.component_mapped())
        self.assertEqual(uno_helpers(self.office), [])


def main():
    global OXT
    parser = argparse.ArgumentParser()
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    program = unittest.main(argv=[sys.argv[0]] + rest, exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    end_process(main())
