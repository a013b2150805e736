#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The export's messages as a leader meets them in a real Calc window (real clicks
with xdotool on the IKU toolbar button and on the message box's buttons):

- an empty document that was never saved is told that it is no schema, not asked
  to save itself first;
- after a successful export the result box offers to open the folder: "Yes"
  hands the folder's file URL to the desktop (SystemShellExecute; the test
  office records it instead of starting a file manager), "No" does not;
- a file that cannot be written is told once, and so is a read-only folder,
  each with what the leader can do about it.

Screenshots of each box are kept in --artifacts (message-*.png).

Usage: test_messages.py --oxt PATH --artifacts DIR
(exits 77, "skipped", without Xvfb, xdotool or ImageMagick)
"""

import argparse
import gc
import os
import shutil
import sys
import tempfile
import subprocess
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

from office import file_url  # noqa: E402
import fixtures  # noqa: E402
from fixtures import EXPECTED, list_pdfs, pdf_name  # noqa: E402
from screen import ROLE_PUSH_BUTTON, Session, centre, children, find, run_tests  # noqa: E402

TITLE = "Make IKUs"
TOOLBAR = "private:resource/toolbar/addon_org.ikuflet.toolbar"
OPEN_QUESTION = "Do you want to open the folder now?"

OXT = ARTIFACTS = None
session = office = screen = None
work = None


def setUpModule():
    global session, office, screen, work
    work = tempfile.mkdtemp(prefix="ikuflet-gui-messages-")
    session = Session(OXT, time_limit=300).start()
    office, screen = session.office, session.screen


def tearDownModule():
    if session is not None:
        session.stop()
    shutil.rmtree(work, ignore_errors=True)


def find_box(title):
    """The shown box titled @title as (window, text, {button name: centre}), or None.
    Keeps no accessible object (see screen.Screen._find_box)."""
    for i in range(screen.toolkit.getTopWindowCount()):
        window = screen.toolkit.getTopWindow(i)
        if window is None or not window.isVisible():
            continue
        context = window.getAccessibleContext()
        if context is None or context.getAccessibleName() != title:
            continue
        text = "\n".join(c.getAccessibleName() for c in children(context)
                         if c.getAccessibleRole() != ROLE_PUSH_BUTTON)
        buttons = {}
        stack = [context]
        while stack:
            c = stack.pop()
            if c.getAccessibleRole() == ROLE_PUSH_BUTTON:
                buttons[c.getAccessibleName()] = centre(c)
            else:
                stack.extend(children(c))
        return window, text, buttons
    return None


def answer_box(title, button, screenshot=None):
    """Waits for the box @title, keeps a @screenshot, clicks its button @button;
    returns (text, the names of its buttons)."""
    window, text, buttons = screen.wait_for(lambda: find_box(title), "message box %r" % title, 60)
    gc.collect()
    screen.idle()
    # Where the buttons are now: a box just shown may still be moved to its place.
    window, text, buttons = screen.wait_for(lambda: find_box(title), "message box %r" % title, 60)
    gc.collect()
    if screenshot is not None:
        screen.screenshot(os.path.join(ARTIFACTS, screenshot))
    if button not in buttons:
        raise AssertionError("the box %r has no button %r, only %s" % (title, button, sorted(buttons)))
    screen.click(*buttons[button])
    screen.wait_for(lambda: not window.isVisible(), "message box %r closed" % title, 15)
    return text, sorted(buttons)


class Messages(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)

    def tearDown(self):
        office.close_all()

    def click_toolbar_button(self, doc):
        controller = doc.getCurrentController()
        screen.show(controller)
        toolbar = controller.getFrame().LayoutManager.getElement(TOOLBAR)
        self.assertIsNotNone(toolbar, "the IKU toolbar is missing")
        button = find(toolbar.getRealInterface().getAccessibleContext(),
                      lambda c: c.getAccessibleRole() == ROLE_PUSH_BUTTON)
        self.assertIsNotNone(button)
        screen.click(*centre(button))

    def schema(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, path)
        return office.load(path, hidden=False)

    def test_empty_unsaved_document_is_no_schema(self):
        doc = office.new_spreadsheet(hidden=False)
        self.click_toolbar_button(doc)
        text, buttons = answer_box(TITLE, "OK", "message-not-a-schema.png")
        self.assertIn("No IKUs were made.", text)
        self.assertIn("kolonneoverskrifter", text)
        self.assertNotIn("Save it first", text)
        self.assertEqual(buttons, ["OK"])

    def test_result_offers_to_open_the_folder(self):
        doc = self.schema()
        before = office.opened_urls()
        self.click_toolbar_button(doc)
        text, buttons = answer_box(TITLE, "Yes", "message-result.png")
        self.assertIn("%d IKUs were made in the folder" % len(EXPECTED), text)
        self.assertIn(OPEN_QUESTION, text)
        self.assertEqual(buttons, ["No", "Yes"])
        opened = screen.wait_for(lambda: office.opened_urls()[len(before):], "the folder opened", 15)
        self.assertEqual(opened, [file_url(self.dir)])
        self.assertFalse(doc.isModified())

    def test_no_leaves_the_folder_closed(self):
        doc = self.schema()
        before = office.opened_urls()
        self.click_toolbar_button(doc)
        answer_box(TITLE, "No")
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in EXPECTED))
        # The box is gone and nothing was handed to the desktop.
        screen.idle()
        self.assertEqual(office.opened_urls(), before)

    def test_file_that_cannot_be_written_is_told_once(self):
        doc = self.schema()
        blocked = pdf_name("Bo Berg")
        os.mkdir(os.path.join(self.dir, blocked))
        self.click_toolbar_button(doc)
        text, buttons = answer_box(TITLE, "OK", "message-not-written.png")
        self.assertIn("Only %d IKUs were made." % (len(EXPECTED) - 1), text)
        self.assertEqual(text.count("»%s« kunne ikke gemmes" % blocked), 1, text)
        self.assertIn("Omdøb eller flyt mappen", text)
        self.assertNotIn(OPEN_QUESTION, text)
        self.assertEqual(buttons, ["OK"])

    def test_read_only_folder_is_told_once(self):
        # The schema in a folder nobody may write in: a tmpfs mounted read-only.
        if os.geteuid() != 0 or shutil.which("mount") is None:
            self.skipTest("mounting a read-only folder needs root")
        folder = os.path.join(self.dir, "skrivebeskyttet")
        os.mkdir(folder)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", folder]).returncode:
            self.skipTest("this machine does not allow mounting a tmpfs")
        try:
            path = os.path.join(folder, "skema.ods")
            fixtures.make_rich_schema(office, path)
            subprocess.run(["mount", "-o", "remount,ro", folder], check=True)
            doc = office.load(path, hidden=False)
            self.click_toolbar_button(doc)
            text, buttons = answer_box(TITLE, "OK", "message-folder-denied.png")
            self.assertIn("No IKUs were made.", text)
            self.assertEqual(text.count("Du har ikke lov til at gemme filer i mappen"), 1, text)
            self.assertIn("Gem skemaet i en mappe, du kan skrive i", text)
            self.assertNotIn("Please note", text)
            self.assertEqual(buttons, ["OK"])
            office.close_all()
        finally:
            office.close_all()
            subprocess.run(["umount", folder])


def main():
    global OXT, ARTIFACTS
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--artifacts", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    ARTIFACTS = os.path.abspath(args.artifacts)
    run_tests(rest)


if __name__ == "__main__":
    main()
