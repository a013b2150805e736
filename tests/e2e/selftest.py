#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ikuflet's self-test for a real PC, Windows or Linux: one verdict line.

It starts a headless LibreOffice with a throwaway profile, installs ikuflet.oxt
into that profile, restarts the office (as a user does after installing),
exports a bundled schema through org.ikuflet.Export, and checks that one PDF per
employee was written and that the document was not modified. The user's own
LibreOffice profile and documents are not touched.

On Windows, from a folder holding this file, tests/data/ods/schema-basic.ods and
dist/ikuflet.oxt (a copy of the repository will do), with LibreOffice's own Python:

  "C:\\Program Files\\LibreOffice\\program\\python.exe" tests\\e2e\\selftest.py

On Linux: python3 tests/e2e/selftest.py (Debian's python3-uno).
Options: --oxt FILE, --schema FILE, --office PATH (soffice.bin), --timeout S.
Exit code 0 when the verdict is OK. Only the Python standard library and uno."""

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid

# IKUFLET_SOFFICE (the project's test runs) names the office to test; this client
# then uses that office's own pyuno when its program folder has one.
_CHOSEN = os.environ.get("IKUFLET_SOFFICE")
if _CHOSEN and os.path.isfile(os.path.join(os.path.dirname(os.path.realpath(_CHOSEN)), "uno.py")):
    sys.path.insert(0, os.path.dirname(os.path.realpath(_CHOSEN)))

import uno  # noqa: E402
from com.sun.star.beans import NamedValue, PropertyValue
from com.sun.star.connection import NoConnectException

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
RESTART_EXIT_CODE = 81
# The bundled schema and what it must give.
EXPECTED_PDFS = ["IKU - Anne Æbelø.pdf", "IKU - Søren Østergaard.pdf", "IKU - Åse Hansen.pdf"]


class Failure(Exception):
    pass


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def default_office():
    """IKUFLET_SOFFICE if set, else soffice.bin beside the uno module (LibreOffice's
    program folder on Windows), else where Debian installs it."""
    if _CHOSEN:
        return _CHOSEN
    candidates = [os.path.join(os.path.dirname(os.path.abspath(uno.__file__)), "soffice.bin"),
                  "/usr/lib/libreoffice/program/soffice.bin"]
    for c in candidates:
        if os.path.isfile(c):
            return c
    return candidates[0]


def make_command_environment():
    """An XCommandEnvironment that approves what installing asks (the licence)."""
    import unohelper
    from com.sun.star.task import XInteractionHandler
    from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

    class Handler(unohelper.Base, XInteractionHandler):
        def handle(self, request):
            for wanted in ("com.sun.star.task.XInteractionApprove",
                           "com.sun.star.task.XInteractionAbort"):
                t = uno.getTypeByName(wanted)
                for c in request.getContinuations():
                    if c.queryInterface(t) is not None:
                        c.select()
                        return

    class Progress(unohelper.Base, XProgressHandler):
        def push(self, status):
            pass

        def update(self, status):
            pass

        def pop(self):
            pass

    class Environment(unohelper.Base, XCommandEnvironment):
        def getInteractionHandler(self):
            return Handler()

        def getProgressHandler(self):
            return Progress()

    return Environment()


class Office:
    """A headless office on a throwaway profile, stopped by its own process only."""

    def __init__(self, soffice, work):
        self.soffice = soffice
        self.profile = os.path.join(work, "profile")
        self.log = open(os.path.join(work, "soffice.log"), "ab")
        self.pipe = "ikuflet_selftest_%d_%s" % (os.getpid(), uuid.uuid4().hex[:8])
        self.proc = None
        self.ctx = None
        self.desktop = None

    def start(self, timeout=180):
        args = [self.soffice, "--headless", "--invisible", "--norestore", "--nologo",
                "--nodefault", "--nolockcheck", "-env:UserInstallation=" + file_url(self.profile),
                "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe]
        # Nothing that would make the office load another office's bootstrap file,
        # libraries or types (the uno module sets URE_BOOTSTRAP for this process).
        env = {k: v for k, v in os.environ.items()
               if k not in ("LD_LIBRARY_PATH", "URE_BOOTSTRAP", "UNO_TYPES", "PYTHONPATH",
                            "PYTHONHOME")}
        if os.name != "nt":
            env["SAL_USE_VCLPLUGIN"] = "svp"
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        restarts = 0
        while True:
            rc = self.proc.poll()
            if rc is not None:
                if rc == RESTART_EXIT_CODE and restarts < 2:   # a fresh profile's first start
                    restarts += 1
                    self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log,
                                                 stderr=subprocess.STDOUT, env=env)
                    continue
                raise Failure("LibreOffice sluttede med kode %d" % rc)
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if time.monotonic() > deadline:
                    raise Failure("LibreOffice svarede ikke inden for %d s" % timeout)
                time.sleep(0.3)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx)

    def stop(self, timeout=60):
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            for component in list(self.desktop.Components):
                component.close(True)
            self.desktop.terminate()
        except Exception:
            pass   # the connection goes down with the office
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(30)
        self.ctx = self.desktop = None

    def kill(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()

    def version(self):
        provider = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        node = PropertyValue("nodepath", 0, "/org.openoffice.Setup/Product", 0)
        access = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", (node,))
        return "%s %s" % (access.ooName, access.ooSetupVersionAboutBox)

    def install(self, oxt):
        manager = self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        package = manager.addExtension(file_url(oxt), (), "user", manager.createAbortChannel(),
                                       make_command_environment())
        if package is None:
            raise Failure("udvidelsen %s blev ikke installeret" % oxt)


def run(args, work):
    office = Office(args.office, work)
    watchdog = threading.Timer(args.timeout, office.kill)
    watchdog.daemon = True
    watchdog.start()
    try:
        office.start()
        office.install(args.oxt)
        # As a user does after installing: the component then runs inside the office.
        office.stop()
        office.start()
        version = office.version()
        service = office.ctx.ServiceManager.createInstanceWithContext("org.ikuflet.Export",
                                                                      office.ctx)
        if service is None:
            raise Failure("org.ikuflet.Export findes ikke efter installationen "
                          "(komponenten blev ikke indlæst på denne platform)")

        schema = os.path.join(work, "Kompetenceskema.ods")
        shutil.copyfile(args.schema, schema)
        out = os.path.join(work, "IKU'er")
        os.mkdir(out)
        doc = office.desktop.loadComponentFromURL(file_url(schema), "_blank", 0,
                                                  (PropertyValue("Hidden", 0, True, 0),))
        if doc is None:
            raise Failure("skemaet %s kunne ikke åbnes" % args.schema)
        result = service.execute((NamedValue("Document", doc), NamedValue("Folder", file_url(out))))
        result = {r.Name: r.Value for r in result}
        if result.get("Error"):
            raise Failure("eksporten fejlede: %s" % result["Error"])
        if doc.isModified():
            raise Failure("dokumentet blev ændret af eksporten")
        names = sorted(os.listdir(out))
        if names != sorted(EXPECTED_PDFS):
            raise Failure("forventede %s, fik %s" % (EXPECTED_PDFS, names))
        if len(result.get("Written", ())) != len(EXPECTED_PDFS):
            raise Failure("rapporten nævner %d filer, ikke %d"
                          % (len(result.get("Written", ())), len(EXPECTED_PDFS)))
        for name in names:
            with open(os.path.join(out, name), "rb") as f:
                data = f.read()
            if not data.startswith(b"%PDF-1.") or b"%%EOF" not in data[-32:] or len(data) < 2000:
                raise Failure("%s er ikke en hel PDF" % name)
        doc.close(True)
        return version, len(names)
    finally:
        office.stop()
        watchdog.cancel()
        office.log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", default=os.path.join(ROOT, "dist", "ikuflet.oxt"))
    parser.add_argument("--schema", default=os.path.join(ROOT, "tests", "data", "ods",
                                                         "schema-basic.ods"))
    parser.add_argument("--office", default=default_office())
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()
    where = "%s %s" % (platform.system(), platform.machine())
    work = tempfile.mkdtemp(prefix="ikuflet-selftest-")
    try:
        for path, what in ((args.oxt, "udvidelsen"), (args.schema, "skemaet"),
                           (args.office, "LibreOffice")):
            if not os.path.isfile(path):
                raise Failure("%s findes ikke: %s" % (what, path))
        version, n = run(args, work)
        print("ikuflet selvtest: OK – %d IKU'er lavet gennem udvidelsen i %s på %s; "
              "dokumentet er uændret" % (n, version, where))
        return 0
    except Exception as e:   # one verdict line, whatever went wrong
        print("ikuflet selvtest: FEJL – %s (%s)" % (e, where))
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
