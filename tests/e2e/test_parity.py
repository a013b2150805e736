#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two front doors must agree: for every schema fixture in tests/data/ods, the
IKUs the extension makes from the live document (loaded in a real LibreOffice) are
the IKUs the command line makes from the file: the same files, the same texts (by
pdftotext), the same warnings, and an error exactly when the CLI reports one.

Two known differences are allowed: the CLI's messages start with the file's name,
and the value of a date cell in a file not saved by an office: the file stores a
display text, but LibreOffice shows the date in the cell's (here default) number
format, as a user sees it. test_export.py checks formatted dates on its own.

Usage: test_parity.py --oxt PATH --cli PATH --fixtures DIR [--also SCHEMA]...
       (with IKUFLET_DATA_DIR set for the CLI)
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import end_process, start_with_extension, stop_and_clean  # noqa: E402
from fixtures import list_pdfs, pdf_text  # noqa: E402

# Fixtures a reader of either kind must turn into IKUs or a schema error; the broken
# files are the .ods reader's own business, and the huge ones the benchmarks'.
PATTERNS = ("schema-*.ods", "constructs-*.ods", "error-*.ods")

OXT = CLI = FIXTURES = None
office = None
work = None


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-parity-")


def tearDownModule():
    stop_and_clean(office, work)


class TestParity(unittest.TestCase):
    pass


def run_cli(fixture, out):
    proc = subprocess.run([CLI, "--json", "--out", out, fixture],
                          capture_output=True, timeout=300)
    return json.loads(proc.stdout.decode("utf-8"))


def run_extension(fixture, out):
    doc = office.load(fixture)
    try:
        return office.export(document=doc, folder=out)
    finally:
        doc.close(True)


DATE_LINE = re.compile(r"(Dato for samtalen:) .*? (Teamfokus)")


def mask_date(text):
    return DATE_LINE.sub(r"\1 <dato> \2", text)


def make_test(fixture):
    def test(self):
        base = os.path.join(work, os.path.basename(fixture))
        cli_out = os.path.join(base, "cli")
        ext_out = os.path.join(base, "extension")
        os.makedirs(cli_out)
        os.makedirs(ext_out)
        cli = run_cli(fixture, cli_out)
        ext = run_extension(fixture, ext_out)
        self.assertEqual(bool(ext["Error"]), cli["error"] is not None,
                         "extension error %r, CLI error %r" % (ext["Error"], cli["error"]))
        if cli["error"] is not None:
            self.assertEqual(cli["error"], "%s: %s" % (os.path.basename(fixture), ext["Error"]))
        self.assertEqual(list_pdfs(ext_out), list_pdfs(cli_out))
        self.assertEqual(ext["Warnings"], cli["warnings"])
        for name in list_pdfs(cli_out):
            cli_text = pdf_text(os.path.join(cli_out, name))
            ext_text = pdf_text(os.path.join(ext_out, name))
            self.assertEqual(mask_date(ext_text), mask_date(cli_text), name)
    return test


def main():
    global OXT, CLI, FIXTURES
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--also", action="append", default=[], metavar="SCHEMA",
                        help="another schema to compare (e.g. the template's example)")
    args, rest = parser.parse_known_args()
    OXT, CLI, FIXTURES = args.oxt, args.cli, args.fixtures
    fixtures = sorted(f for p in PATTERNS for f in glob.glob(os.path.join(FIXTURES, p)))
    fixtures += args.also
    for fixture in fixtures:
        stem = os.path.splitext(os.path.basename(fixture))[0]
        name = "test_" + re.sub(r"\W+", "_", stem.lower())
        setattr(TestParity, name, make_test(fixture))
    program = unittest.main(argv=[sys.argv[0]] + rest, exit=False, verbosity=2)
    end_process(0 if program.result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
