#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Makes the IKUs of a schema through the extension, the way Calc does it: starts a
throwaway headless LibreOffice, installs the .oxt, loads the schema, calls
org.ikuflet.Export and prints the PDFs written. The office is stopped afterwards.

Usage: demo.py --oxt PATH/ikuflet.oxt --schema PATH.ods [--out DIR]
Exit status: 0 when IKUs were written, 1 when the export reported an error,
2 for wrong usage, 3 when the office could not be used."""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import Office, OfficeError, end_process  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True, help="the built ikuflet.oxt")
    parser.add_argument("--schema", required=True, help="a competence schema (.ods, .xlsx)")
    parser.add_argument("--out", help="folder for the IKUs (default: beside the schema)")
    args = parser.parse_args()
    for path in (args.oxt, args.schema):
        if not os.path.isfile(path):
            print("demo: %s findes ikke" % path, file=sys.stderr)
            return 2
    if args.out and not os.path.isdir(args.out):
        os.makedirs(args.out)

    office = Office(time_limit=900)
    try:
        started = time.monotonic()
        office.start()
        office.install_extension(args.oxt)
        doc = office.load(args.schema)
        ready = time.monotonic()
        result = office.export(document=doc, folder=os.path.abspath(args.out) if args.out else None)
        done = time.monotonic()
    except OfficeError as e:
        print("demo: LibreOffice kunne ikke bruges: %s" % e, file=sys.stderr)
        office.stop()
        return 3
    office.stop()

    for path in result["Written"]:
        print(path)
    for warning in result["Warnings"]:
        print("Bemærk: %s" % warning)
    print("demo: %d IKU'er på %.0f ms (LibreOffice startet og udvidelsen installeret på %.1f s)"
          % (len(result["Written"]), (done - ready) * 1000, ready - started), file=sys.stderr)
    if result["Error"]:
        print("Fejl: %s" % result["Error"], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    end_process(main())
