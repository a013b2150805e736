#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the .xlsx fixtures that must come from LibreOffice itself: the .ods
# fixtures below saved by LibreOffice as .xlsx (soffice --convert-to, "Calc MS
# Excel 2007 XML"), so each can be read both ways and compared, and
# broken-password.xlsx (lo-schema.fods saved as .xlsx with the password
# "ikuflet" through UNO: Excel's encryption, a CFB container). Run once by hand
# when the sources change, and check the results in; the output is not
# byte-reproducible (LibreOffice stamps times into the package). Needs
# LibreOffice and python3-uno (Debian); the test suite does not.
#
#   /usr/bin/python3 tests/data/xlsx/make-lo-fixtures.py

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ODS = os.path.join(HERE, '..', 'ods')
# The .ods fixtures converted: lo-<name>.xlsx each.
SOURCES = ['schema-basic.ods', 'schema-libreoffice.ods', 'schema-short-headers.ods',
           'constructs-layout.ods', 'constructs-text.ods', 'constructs-values.ods',
           'big-2000-employees.ods']
PASSWORD_SOURCE = os.path.join(ODS, 'lo-schema.fods')
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


def save_with_password(profile):
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    pipe = 'ikuflet-xlsx-fixtures-%d' % os.getpid()
    office = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore',
                               '-env:UserInstallation=' + profile,
                               '--accept=pipe,name=%s;urp;' % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            'com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(120):
            try:
                context = resolver.resolve(
                    'uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise RuntimeError('LibreOffice did not answer on its pipe')
        desktop = context.ServiceManager.createInstanceWithContext(
            'com.sun.star.frame.Desktop', context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(PASSWORD_SOURCE), '_blank',
                                           0, (prop('Hidden', True),))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.join(HERE, 'broken-password.xlsx')),
                       (prop('FilterName', XLSX_FILTER), prop('Password', 'ikuflet')))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away with the office
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


def main():
    with tempfile.TemporaryDirectory(prefix='ikuflet-xlsx-lo-') as work:
        profile = 'file://' + os.path.join(work, 'profile')
        out_dir = os.path.join(work, 'out')
        os.makedirs(out_dir)
        convert(profile, out_dir)
        save_with_password(profile)
    return 0


if __name__ == '__main__':
    sys.exit(main())
