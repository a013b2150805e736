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
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import fixtures  # noqa: E402
from fixtures import EXPECTED, list_pdfs, pdf_name  # noqa: E402
from screen import (ROLE_MENU, ROLE_PUSH_BUTTON, Session, centre, children, find,  # noqa: E402
                    run_tests, set_ui_language)

TOOLBAR = "private:resource/toolbar/addon_org.ikuflet.toolbar"
# ikuflet's entries in the Tools menu, in order (English UI).
MENU = ["Make IKUs", "Make IKUs for all teams", "Make IKUs for the selected employees",
        "Check the schema", "New competence schema"]

OXT = None
session = None
office = None
screen = None
work = None


def setUpModule():
    global session, office, screen, work
    work = tempfile.mkdtemp(prefix="ikuflet-ui-")
    session = Session(OXT).start()
    office, screen = session.office, session.screen


def tearDownModule():
    if session is not None:
        session.stop()
    shutil.rmtree(work, ignore_errors=True)


class TestUi(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)

    def tearDown(self):
        office.close_all()

    def click_toolbar_button(self, doc):
        controller = doc.getCurrentController()
        screen.show(controller)
        layout = controller.getFrame().LayoutManager
        toolbar = layout.getElement(TOOLBAR)
        self.assertIsNotNone(toolbar, "the IKU toolbar is missing")
        self.assertTrue(layout.isElementVisible(TOOLBAR))
        button = find(toolbar.getRealInterface().getAccessibleContext(),
                      lambda c: c.getAccessibleRole() == ROLE_PUSH_BUTTON)
        self.assertIsNotNone(button)
        screen.click(*centre(button))
        return button.getAccessibleName()

    def test_menu_entry(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, path)
        doc = office.load(path, hidden=False)
        window = screen.show(doc.getCurrentController())
        tools = find(window.getAccessibleContext(),
                     lambda c: c.getAccessibleRole() == ROLE_MENU and c.getAccessibleName() == "Tools")
        self.assertIsNotNone(tools)
        items = [c.getAccessibleName() for c in children(tools)]
        self.assertIn("Make IKUs", items)
        start = items.index("Make IKUs")
        self.assertEqual(items[start:start + len(MENU)], MENU)

    def test_toolbar_button_and_result_box(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, path)
        doc = office.load(path, hidden=False)
        self.assertEqual(self.click_toolbar_button(doc), "Make IKUs")
        text = screen.take_message_box("Make IKUs")
        self.assertIn("%d IKUs were made in the folder" % len(EXPECTED), text)
        self.assertIn(self.dir, text)
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in EXPECTED))
        self.assertFalse(doc.isModified())

    def test_never_saved_document_says_save_first(self):
        doc = office.new_spreadsheet(hidden=False)
        fixtures.set_cells(doc.Sheets.getByIndex(0), 0, [fixtures.HEADERS, ("Anna Andersen", "x")])
        self.click_toolbar_button(doc)
        text = screen.take_message_box("Make IKUs")
        self.assertIn("No IKUs were made.", text)
        self.assertIn("Save it first", text)

    def test_danish_user_interface(self):
        old = set_ui_language(office, "da-DK")
        try:
            path = os.path.join(self.dir, "skema.ods")
            fixtures.make_rich_schema(office, path)
            doc = office.load(path, hidden=False)
            self.click_toolbar_button(doc)
            text = screen.take_message_box("Lav IKU'er")
            self.assertIn("Der er lavet %d IKU'er i mappen" % len(EXPECTED), text)
        finally:
            set_ui_language(office, old)


def main():
    global OXT
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    run_tests(rest)


if __name__ == "__main__":
    main()
