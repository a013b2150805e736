#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs ikuflet.oxt into a LibreOffice user profile through a short-lived
headless office on that profile, accepting the licence. Unlike `unopkg add`, this
also works for root's own profile. LibreOffice must not be running on the profile.

Usage: install.py --oxt PATH [--profile DIR]
DIR is the user installation folder (the one holding user/); by default the
current user's, ~/.config/libreoffice/4."""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import Office, OfficeError, end_process  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--profile", default=os.path.expanduser("~/.config/libreoffice/4"))
    args = parser.parse_args()
    if not os.path.isfile(args.oxt):
        print("install: %s findes ikke" % args.oxt, file=sys.stderr)
        return 2
    if os.path.exists(os.path.join(args.profile, ".lock")):
        print("install: LibreOffice kører (eller gik ned) med profilen %s. Luk LibreOffice, "
              "og prøv igen; findes filen .lock stadig, kan den slettes." % args.profile,
              file=sys.stderr)
        return 1
    os.makedirs(args.profile, exist_ok=True)
    office = Office(time_limit=300, profile_dir=os.path.abspath(args.profile))
    try:
        office.start()
        # The next LibreOffice started on the profile loads it: no restart needed here.
        package = office.install_extension(args.oxt, restart=False)
        version = package.getVersion()
    except OfficeError as e:
        print("install: %s" % e, file=sys.stderr)
        office.stop()
        return 3
    office.stop()
    print("ikuflet %s er installeret i %s. Start LibreOffice Calc: menuen Funktioner har nu "
          "»Lav IKU'er«." % (version, args.profile))
    return 0


if __name__ == "__main__":
    end_process(main())
