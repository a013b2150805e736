#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the .xlsx fixtures that must come from LibreOffice itself: the .ods
# fixtures below saved by LibreOffice as .xlsx (soffice --convert-to, "Calc MS
# Excel 2007 XML"), so each can be read both ways and compared. (LibreOffice 7.4
# saves an .xlsx given a password unencrypted, so the CFB container of an
# encrypted workbook is written by make-fixtures.py.) Run once by hand when the
# sources change, and check the results in; the output is not byte-reproducible
# (LibreOffice stamps times into the package). Needs LibreOffice (Debian); the
# test suite does not.
#
#   /usr/bin/python3 tests/data/xlsx/make-lo-fixtures.py

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ODS = os.path.join(HERE, '..', 'ods')
# The .ods fixtures converted: lo-<name>.xlsx each.
SOURCES = ['schema-basic.ods', 'schema-libreoffice.ods', 'schema-short-headers.ods',
           'constructs-layout.ods', 'constructs-text.ods', 'constructs-values.ods',
           'big-2000-employees.ods']
XLSX_FILTER = 'Calc MS Excel 2007 XML'


def convert(profile, out_dir):
    paths = [os.path.join(ODS, name) for name in SOURCES]
    subprocess.run(['soffice', '--headless', '-env:UserInstallation=' + profile,
                    '--convert-to', 'xlsx:' + XLSX_FILTER, '--outdir', out_dir] + paths,
                   check=True, timeout=600, stdout=subprocess.DEVNULL)
    for name in SOURCES:
        base = os.path.splitext(name)[0]
        shutil.copyfile(os.path.join(out_dir, base + '.xlsx'),
                        os.path.join(HERE, 'lo-%s.xlsx' % base))


def main():
    with tempfile.TemporaryDirectory(prefix='ikuflet-xlsx-lo-') as work:
        profile = 'file://' + os.path.join(work, 'profile')
        out_dir = os.path.join(work, 'out')
        os.makedirs(out_dir)
        convert(profile, out_dir)
    return 0


if __name__ == '__main__':
    sys.exit(main())
