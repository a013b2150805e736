#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Packs ikuflet.oxt, the LibreOffice extension: the given files under their names
in the archive, plus the shared libraries the component needs that LibreOffice does
not bring (--bundle-needed PREFIX: each DT_NEEDED entry of the component starting
with PREFIX is copied beside it under its soname, where the component's $ORIGIN
RUNPATH finds it). The archive is reproducible: sorted entries, fixed times."""

import argparse
import os
import re
import subprocess
import sys
import zipfile

LIBRARY_DIRS = ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib", "/lib")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def needed_libraries(module):
    out = subprocess.run(["readelf", "-d", module], check=True, capture_output=True,
                         text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def find_library(soname):
    for d in LIBRARY_DIRS:
        path = os.path.join(d, soname)
        if os.path.isfile(path):
            return os.path.realpath(path)
    sys.exit("make-oxt: %s not found in %s" % (soname, ", ".join(LIBRARY_DIRS)))


def add(archive, name, path, mode=0o644):
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100000 | mode) << 16
    with open(path, "rb") as f:
        archive.writestr(info, f.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", required=True)
    parser.add_argument("--module", required=True, nargs=2, metavar=("NAME", "PATH"),
                        help="the component library and its name in the archive")
    parser.add_argument("--bundle-needed", action="append", default=[], metavar="PREFIX")
    parser.add_argument("--file", action="append", nargs=2, default=[],
                        metavar=("NAME", "PATH"))
    args = parser.parse_args()

    module_name, module_path = args.module
    entries = {name: (path, 0o644) for name, path in args.file}
    entries[module_name] = (module_path, 0o755)
    module_dir = os.path.dirname(module_name)
    for soname in needed_libraries(module_path):
        if any(soname.startswith(prefix) for prefix in args.bundle_needed):
            entries[os.path.join(module_dir, soname)] = (find_library(soname), 0o755)
    missing = [p for p, _ in entries.values() if not os.path.isfile(p)]
    if missing:
        sys.exit("make-oxt: missing input files: %s" % ", ".join(missing))

    tmp = args.output + ".tmp"
    with zipfile.ZipFile(tmp, "w") as archive:
        for name in sorted(entries):
            path, mode = entries[name]
            add(archive, name, path, mode)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
