#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The office a suite uses (IKUFLET_SOFFICE, see office.py) starts clean even when
the client's environment carries the variables that make a LibreOffice load another
office's bootstrap file, libraries or types and abort: LD_LIBRARY_PATH,
URE_BOOTSTRAP, UNO_TYPES and PYTHONPATH, each set to the other office's (or a
foreign) program folder. The running process is IKUFLET_SOFFICE's soffice.bin and
has none of them in its environment, and it loads and exports a schema.

Usage: test_office_env.py --oxt PATH
"""

import argparse
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import office  # noqa: E402
from office import Office, run_unittests  # noqa: E402

OXT = None


def other_program_folder():
    """A LibreOffice program folder that is not the one in use."""
    system = os.path.dirname(office.SYSTEM_SOFFICE)
    return system if office.PROGRAM_DIR != system else "/nonexistent/libreoffice/program"


class TestOfficeEnvironment(unittest.TestCase):
    def test_foreign_variables_do_not_reach_the_office(self):
        other = other_program_folder()
        trap = {
            "LD_LIBRARY_PATH": other,
            "URE_BOOTSTRAP": "vnd.sun.star.pathname:%s/fundamentalrc" % other,
            "UNO_TYPES": "file://%s/types.rdb" % other,
            "PYTHONPATH": other,
        }
        saved = {k: os.environ.get(k) for k in trap}
        os.environ.update(trap)
        try:
            with Office(time_limit=300) as o:
                with open("/proc/%d/environ" % o.proc.pid, "rb") as f:
                    environ = f.read().split(b"\0")
                for name in trap:
                    self.assertFalse(any(e.startswith(name.encode() + b"=") for e in environ),
                                     name)
                self.assertEqual(os.path.realpath("/proc/%d/exe" % o.proc.pid),
                                 os.path.realpath(office.SOFFICE_BIN))
                o.install_extension(OXT)
                with tempfile.TemporaryDirectory(prefix="ikuflet-env-") as out:
                    doc = o.new_spreadsheet()
                    sheet = doc.Sheets.getByIndex(0)
                    for col, text in enumerate(("Navn", "Individuelt fokus", "Teamfokus")):
                        sheet.getCellByPosition(col, 0).setString(text)
                    for col, text in enumerate(("Anne Æbelø", "Kursus", "Temadag")):
                        sheet.getCellByPosition(col, 1).setString(text)
                    path = os.path.join(out, "Skema.ods")
                    doc.storeAsURL(office.file_url(path), (office.pv("FilterName", "calc8"),))
                    result = o.export(document=doc, folder=out)
                    doc.close(True)
                    self.assertEqual(result["Error"], "")
                    self.assertEqual(result["Written"], [os.path.join(out, "IKU - Anne Æbelø.pdf")])
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def main():
    global OXT
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = args.oxt
    run_unittests(rest)


if __name__ == "__main__":
    main()
