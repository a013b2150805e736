#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the two fixtures that must come from LibreOffice itself, from
# lo-schema.fods: schema-libreoffice.ods (soffice --convert-to) and
# broken-password.ods (saved with the password "ikuflet" through UNO). Run once
# by hand when lo-schema.fods changes, and check the results in; the output is
# not byte-reproducible (LibreOffice stamps times into the package). Needs
# LibreOffice and python3-uno (Debian); the test suite does not.
#
#   /usr/bin/python3 tests/data/ods/make-lo-fixtures.py

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, 'lo-schema.fods')
PROFILE = 'file:///tmp/ikuods-lo-profile'
PIPE = 'ikuflet-fixtures-%d' % os.getpid()


def convert(out_dir):
    subprocess.run(['soffice', '--headless', '-env:UserInstallation=' + PROFILE,
                    '--convert-to', 'ods', '--outdir', out_dir, SOURCE],
                   check=True, timeout=300, stdout=subprocess.DEVNULL)
    shutil.copyfile(os.path.join(out_dir, 'lo-schema.ods'),
                    os.path.join(HERE, 'schema-libreoffice.ods'))


def save_with_password():
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    office = subprocess.Popen(['soffice', '--headless', '--invisible', '--norestore',
                               '-env:UserInstallation=' + PROFILE,
                               '--accept=pipe,name=%s;urp;' % PIPE],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            'com.sun.star.bridge.UnoUrlResolver', local)
        for _ in range(120):
            try:
                context = resolver.resolve(
                    'uno:pipe,name=%s;urp;StarOffice.ComponentContext' % PIPE)
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise RuntimeError('LibreOffice did not answer on its pipe')
        desktop = context.ServiceManager.createInstanceWithContext(
            'com.sun.star.frame.Desktop', context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(SOURCE), '_blank', 0,
                                           (prop('Hidden', True),))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.join(HERE, 'broken-password.ods')),
                       (prop('FilterName', 'calc8'), prop('Password', 'ikuflet')))
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
    with tempfile.TemporaryDirectory() as out_dir:
        convert(out_dir)
    save_with_password()
    return 0


if __name__ == '__main__':
    sys.exit(main())
