#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A new user's first IKUs: with ikuflet installed, Tools > "New competence schema"
(Danish: "Nyt kompetenceskema") is chosen with real mouse clicks in a Calc window
on a private Xvfb display. It opens a new, untitled schema made from the template
in the extension. Two employees are typed in (through the API), the schema is
saved to a temporary folder, and a real double-click on its button makes two IKUs
beside it and a message that says so. Screenshots kept in --artifacts:
new-schema.png (the new schema in its window) and new-schema-result.png.

Usage: test_new_schema.py --oxt PATH --artifacts DIR
(exits 77, "skipped", without Xvfb, xdotool or ImageMagick)
"""

import argparse
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

from office import file_url, pv  # noqa: E402
import fixtures  # noqa: E402
from fixtures import (BUTTON_TEXT, TEMPLATE_BUTTON, TEMPLATE_SHEET, list_pdfs,  # noqa: E402
                      pdf_name, pdf_text)
from screen import Session, run_tests  # noqa: E402

MENU = "Tools"
ITEM = "New competence schema"
TITLE = "Make IKUs"
EMPLOYEES = [
    ("Mette Madsen", "Kursus i demens", "Fælles kursus i forflytning"),
    ("Niels Nielsen", "Introduktion til journalsystemet", ""),
]

OXT = ARTIFACTS = None
session = office = screen = None
work = None


def setUpModule():
    global session, office, screen, work
    work = tempfile.mkdtemp(prefix="ikuflet-gui-")
    session = Session(OXT, time_limit=100).start()
    office, screen = session.office, session.screen


def tearDownModule():
    if session is not None:
        session.stop()
    shutil.rmtree(work, ignore_errors=True)


def untitled_schemas():
    found = []
    for component in office.desktop.Components:
        if (component.supportsService("com.sun.star.sheet.SpreadsheetDocument") and
                component.getURL() == "" and component.Sheets.hasByName(TEMPLATE_SHEET)):
            found.append(component)
    return found


class NewSchema(unittest.TestCase):
    def test_new_user_makes_two_ikus(self):
        # Calc as it opens, with an empty spreadsheet.
        blank = office.new_spreadsheet(hidden=False)
        screen.choose_menu_item(blank.getCurrentController(), MENU, ITEM)
        schema = screen.wait_for(untitled_schemas, "a new schema from the menu")
        self.assertEqual(len(schema), 1)
        doc = schema[0]
        controller = doc.getCurrentController()
        screen.show(controller)

        # An untitled copy of the template: saving asks for a place, never the template.
        self.assertFalse(doc.hasLocation())
        self.assertEqual(doc.Sheets.getElementNames(), (TEMPLATE_SHEET, "Vejledning"))
        sheet = doc.Sheets.getByName(TEMPLATE_SHEET)
        self.assertEqual(sheet.getCellByPosition(TEMPLATE_BUTTON[1], TEMPLATE_BUTTON[0]).getString(),
                         BUTTON_TEXT)
        self.assertEqual(controller.getActiveSheet().getName(), TEMPLATE_SHEET)
        self.assertTrue(controller.hasFrozenPanes(), "the header rows should stay in view")
        screen.screenshot(os.path.join(ARTIFACTS, "new-schema.png"))

        fixtures.fill_template(doc, "Plejecenter Syd", "Karen Knudsen", "", EMPLOYEES)
        path = os.path.join(work, "Plejecenter Syd.ods")
        doc.storeAsURL(file_url(path), (pv("FilterName", fixtures.ODS_FILTER),))
        self.assertEqual(doc.getURL(), file_url(path))

        screen.double_click_cell(controller, *TEMPLATE_BUTTON)
        text = screen.take_message_box(
            TITLE, timeout=30, screenshot=os.path.join(ARTIFACTS, "new-schema-result.png"))
        self.assertIn("2 IKUs were made in the folder", text)
        self.assertIn(work, text)
        self.assertFalse(screen.in_edit_mode(controller))
        self.assertEqual(list_pdfs(work), sorted(pdf_name(n) for n, _, _ in EMPLOYEES))
        for name, individual, _ in EMPLOYEES:
            pdf = pdf_text(os.path.join(work, pdf_name(name)))
            for expected in (name, individual, "Fælles kursus i forflytning", "Plejecenter Syd",
                             "Karen Knudsen"):
                self.assertIn(expected, pdf, "%s: %r missing" % (name, expected))
        office.close_all()


def main():
    global OXT, ARTIFACTS
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--artifacts", required=True)
    args, rest = parser.parse_known_args()
    OXT, ARTIFACTS = os.path.abspath(args.oxt), os.path.abspath(args.artifacts)
    run_tests(rest)


if __name__ == "__main__":
    main()
