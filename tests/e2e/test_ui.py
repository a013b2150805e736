#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The extension as a person meets it: a real Calc window on a private Xvfb
display, the "Lav IKU'er"/"Make IKUs" entry in the Tools menu and on the IKU
toolbar, a real mouse click on the toolbar button (xdotool), and the message box
that follows, read and closed through the accessibility API. Covers the result
box, the "save first" error box, and the box in Danish when the UI is Danish.

Usage: test_ui.py --oxt PATH        (exits 77, "skipped", without Xvfb/xdotool)
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import Office, end_process, pv  # noqa: E402
import fixtures  # noqa: E402
from fixtures import EXPECTED, list_pdfs, pdf_name  # noqa: E402

SKIP = 77
TOOLBAR = "private:resource/toolbar/addon_org.ikuflet.toolbar"
ROLE_MENU = 34
ROLE_PUSH_BUTTON = 44

OXT = None
office = None
xvfb = None
display = None
work = None


def start_xvfb():
    """A private X server; -displayfd makes it pick a free display number."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1400x900x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    number = b""
    deadline = time.monotonic() + 30
    with os.fdopen(read_fd, "rb") as f:
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = f.read(1)
            if not chunk:
                break
            number += chunk
    if not number.strip():
        proc.kill()
        proc.wait(10)
        raise RuntimeError("Xvfb did not start")
    return proc, ":" + number.decode().strip()


def setUpModule():
    global office, xvfb, display, work
    work = tempfile.mkdtemp(prefix="ikuflet-ui-")
    xvfb, display = start_xvfb()
    office = Office(time_limit=600, display=display)
    office.start()
    office.install_extension(OXT)


def tearDownModule():
    if office is not None:
        office.stop()
    if xvfb is not None:
        xvfb.terminate()
        try:
            xvfb.wait(15)
        except subprocess.TimeoutExpired:
            xvfb.kill()
            xvfb.wait(15)
    shutil.rmtree(work, ignore_errors=True)


def children(context):
    n = context.getAccessibleChildCount()
    # Tables report up to 2^31-1 children: never walk those.
    for i in range(min(n, 200)):
        child = context.getAccessibleChild(i)
        if child is not None:
            yield child.getAccessibleContext()


def find(context, predicate, depth=6):
    if predicate(context):
        return context
    if depth == 0:
        return None
    for child in children(context):
        found = find(child, predicate, depth - 1)
        if found is not None:
            return found
    return None


class TestUi(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)
        self.toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)

    def tearDown(self):
        office.close_all()

    def show(self, doc):
        window = doc.getCurrentController().getFrame().getContainerWindow()
        window.toFront()   # no window manager: windows overlap at 0,0
        self.toolkit.processEventsToIdle()
        return window

    def click_toolbar_button(self, doc):
        self.show(doc)
        layout = doc.getCurrentController().getFrame().LayoutManager
        toolbar = layout.getElement(TOOLBAR)
        self.assertIsNotNone(toolbar, "the IKU toolbar is missing")
        self.assertTrue(layout.isElementVisible(TOOLBAR))
        button = find(toolbar.getRealInterface().getAccessibleContext(),
                      lambda c: c.getAccessibleRole() == ROLE_PUSH_BUTTON)
        self.assertIsNotNone(button)
        where = button.getLocationOnScreen()
        size = button.getSize()
        x, y = where.X + size.Width // 2, where.Y + size.Height // 2
        env = dict(os.environ, DISPLAY=display)
        subprocess.run(["xdotool", "mousemove", str(x), str(y)], env=env, check=True, timeout=30)
        subprocess.run(["xdotool", "click", "1"], env=env, check=True, timeout=30)
        return button.getAccessibleName()

    def take_message_box(self, title, timeout=60):
        """Waits for the message box @title, returns its text and presses OK."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i in range(self.toolkit.getTopWindowCount()):
                context = self.toolkit.getTopWindow(i).getAccessibleContext()
                if context is None or context.getAccessibleName() != title:
                    continue
                text = "\n".join(c.getAccessibleName() for c in children(context)
                                 if c.getAccessibleRole() != ROLE_PUSH_BUTTON)
                ok = find(context, lambda c: c.getAccessibleRole() == ROLE_PUSH_BUTTON)
                ok.doAccessibleAction(0)
                return text
            time.sleep(0.2)
        self.fail("no message box %r within %d s" % (title, timeout))

    def test_menu_entry(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, path)
        doc = office.load(path, hidden=False)
        window = self.show(doc)
        tools = find(window.getAccessibleContext(),
                     lambda c: c.getAccessibleRole() == ROLE_MENU and c.getAccessibleName() == "Tools")
        self.assertIsNotNone(tools)
        self.assertIn("Make IKUs", [c.getAccessibleName() for c in children(tools)])

    def test_toolbar_button_and_result_box(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, path)
        doc = office.load(path, hidden=False)
        self.assertEqual(self.click_toolbar_button(doc), "Make IKUs")
        text = self.take_message_box("Make IKUs")
        self.assertIn("%d IKUs were made in the folder" % len(EXPECTED), text)
        self.assertIn(self.dir, text)
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in EXPECTED))
        self.assertFalse(doc.isModified())

    def test_never_saved_document_says_save_first(self):
        doc = office.new_spreadsheet(hidden=False)
        fixtures.set_cells(doc.Sheets.getByIndex(0), 0, [fixtures.HEADERS, ("Anna Andersen", "x")])
        self.click_toolbar_button(doc)
        text = self.take_message_box("Make IKUs")
        self.assertIn("No IKUs were made.", text)
        self.assertIn("Save it first", text)

    def test_danish_user_interface(self):
        settings = office.ctx.getValueByName(
            "/singletons/com.sun.star.configuration.theDefaultProvider")
        access = settings.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationUpdateAccess",
            (pv("nodepath", "/org.openoffice.Office.Linguistic/General"),))
        old = access.getByName("UILocale")
        access.replaceByName("UILocale", "da-DK")
        access.commitChanges()
        try:
            path = os.path.join(self.dir, "skema.ods")
            fixtures.make_rich_schema(office, path)
            doc = office.load(path, hidden=False)
            self.click_toolbar_button(doc)
            text = self.take_message_box("Lav IKU'er")
            self.assertIn("Der er lavet %d IKU'er i mappen" % len(EXPECTED), text)
        finally:
            access.replaceByName("UILocale", old)
            access.commitChanges()


def main():
    global OXT
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            print("%s is not installed: skipped" % tool)
            end_process(SKIP)
    program = unittest.main(argv=[sys.argv[0]] + rest, exit=False, verbosity=2)
    end_process(0 if program.result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
