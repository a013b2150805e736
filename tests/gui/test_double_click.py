#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The double-click button as a leader uses it: the empty schema (the template)
filled in through the API and saved to a temporary folder, opened in a real Calc
window on a private Xvfb display, and a real double-click (xdotool) on the cell
"Dobbeltklik for at lave PDF-filer", found on screen through the accessibility API.

Checks: the IKUs appear beside the file with the right texts (pdftotext); Calc does
not start editing the button cell; the result message appears and closes with its
OK button; a double-click on an ordinary cell starts editing as before; a second
window of the document (Window > New Window) and the document after File > Reload
react too; a spreadsheet that is not a schema is left to Calc, even when a cell
carries the button's text. A screenshot of the result message is kept in
--artifacts (double-click-result.png).

Usage: test_double_click.py --oxt PATH --template PATH --artifacts DIR
(exits 77, "skipped", without Xvfb, xdotool or ImageMagick)
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

from office import file_url, pv  # noqa: E402
import fixtures  # noqa: E402
from fixtures import (BUTTON_TEXT, TEMPLATE_BUTTON, TEMPLATE_FIRST_ROW, list_pdfs,  # noqa: E402
                      pdf_name, pdf_text)
from screen import Session, run_tests  # noqa: E402

TITLE = "Make IKUs"   # the message box, in the office's (English) UI language
TEAM = "Hjemmeplejen Nord"
LEADER = "Lise Leder"
DATE = "1. december 2026"
ROWS = [
    ("Anna Andersen", "Kursus i dokumentation", "Fælles fokus på forflytning"),
    ("", "Mentor for nye kolleger", "Fælles fokus på forflytning"),
    ("Bo Berg", "Førstehjælp", "Teamets møder hver anden uge"),
    ("Carl Carlsen", "Sprogkursus", ""),
]
EXPECTED = {
    "Anna Andersen": ["Kursus i dokumentation", "Mentor for nye kolleger",
                      "Fælles fokus på forflytning", "Teamets møder hver anden uge"],
    "Bo Berg": ["Førstehjælp", "Fælles fokus på forflytning"],
    "Carl Carlsen": ["Sprogkursus", "Teamets møder hver anden uge"],
}
# A cell of the schema that is not the button: Anna's name.
ORDINARY_CELL = (TEMPLATE_FIRST_ROW, 0)

OXT = TEMPLATE = ARTIFACTS = None
session = office = screen = None
work = None
schema = None


def setUpModule():
    global session, office, screen, work, schema
    work = tempfile.mkdtemp(prefix="ikuflet-gui-")
    session = Session(OXT, time_limit=100).start()
    office, screen = session.office, session.screen
    # The template as "Nyt kompetenceskema" opens it, filled in and saved.
    doc = office.desktop.loadComponentFromURL(file_url(TEMPLATE), "_blank", 0,
                                              (pv("AsTemplate", True), pv("Hidden", True)))
    fixtures.fill_template(doc, TEAM, LEADER, DATE, ROWS)
    schema = os.path.join(work, "Kompetenceskema.ods")
    doc.storeAsURL(file_url(schema), (pv("FilterName", fixtures.ODS_FILTER),))
    doc.close(True)


def tearDownModule():
    if session is not None:
        session.stop()
    shutil.rmtree(work, ignore_errors=True)


class DoubleClick(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)
        self.path = os.path.join(self.dir, os.path.basename(schema))
        shutil.copyfile(schema, self.path)

    def tearDown(self):
        office.close_all()

    def open(self, path=None):
        doc = office.load(path or self.path, hidden=False)
        controller = doc.getCurrentController()
        screen.show(controller)
        return doc, controller

    def double_click_button(self, controller, screenshot=None):
        """Double-clicks the button; returns the result message's text."""
        started = time.monotonic()
        screen.double_click_cell(controller, *TEMPLATE_BUTTON)
        text = screen.take_message_box(TITLE, timeout=30, screenshot=screenshot)
        print("  result message after %.2f s" % (time.monotonic() - started), file=sys.stderr)
        return text

    def assertIkus(self, text):
        """@text says the IKUs were made here, and they are, with the right texts.
        They are removed afterwards, so the next export is seen afresh."""
        self.assertIn("%d IKUs were made in the folder" % len(EXPECTED), text)
        self.assertIn(self.dir, text)
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in EXPECTED))
        for name, items in EXPECTED.items():
            pdf = pdf_text(os.path.join(self.dir, pdf_name(name)))
            for expected in [name, TEAM, LEADER, DATE] + items:
                self.assertIn(expected, pdf, "%s: %r missing" % (name, expected))
        for name in list_pdfs(self.dir):
            os.remove(os.path.join(self.dir, name))

    def assertLeftToCalc(self, controller):
        """The double-click started editing, and nothing was exported."""
        self.assertTrue(screen.in_edit_mode(controller), "Calc did not start editing")
        time.sleep(1.0)   # an export would have shown its message by now
        screen.idle()
        self.assertFalse(screen.has_message_box(TITLE))
        self.assertEqual(list_pdfs(self.dir), [])
        screen.key("Escape")
        self.assertFalse(screen.in_edit_mode(controller))

    def test_button_makes_the_ikus(self):
        doc, controller = self.open()
        sheet = controller.getActiveSheet()
        self.assertEqual(sheet.getCellByPosition(TEMPLATE_BUTTON[1], TEMPLATE_BUTTON[0]).getString(),
                         BUTTON_TEXT)
        text = self.double_click_button(
            controller, screenshot=os.path.join(ARTIFACTS, "double-click-result.png"))
        self.assertFalse(screen.in_edit_mode(controller), "the button cell went into edit mode")
        self.assertIkus(text)
        self.assertFalse(doc.isModified(), "the export changed the schema")
        # The button works again, and the first click of a double-click only selects.
        self.assertIkus(self.double_click_button(controller))
        self.assertFalse(screen.in_edit_mode(controller))

    def test_ordinary_cell_starts_editing(self):
        _, controller = self.open()
        screen.double_click_cell(controller, *ORDINARY_CELL)
        self.assertLeftToCalc(controller)

    def test_second_window_reacts(self):
        doc, first = self.open()
        screen.dispatch(first, ".uno:NewWindow")
        views = doc.getControllers()
        controllers = []
        while views.hasMoreElements():
            controllers.append(views.nextElement())
        self.assertEqual(len(controllers), 2)
        second = [c for c in controllers if c != first][0]
        screen.show(second)
        self.assertIkus(self.double_click_button(second))
        self.assertFalse(screen.in_edit_mode(second))
        # The first window keeps its button, and closing the second leaves it working.
        screen.show(first)
        self.assertIkus(self.double_click_button(first))
        second.getFrame().close(True)
        screen.idle()
        screen.show(first)
        self.assertIkus(self.double_click_button(first))

    def test_reloaded_document_reacts(self):
        _, controller = self.open()
        frame = controller.getFrame()
        screen.dispatch(controller, ".uno:Reload")
        reloaded = screen.wait_for(lambda: frame.getController() != controller and
                                   frame.getController(), "the reloaded view")
        screen.show(reloaded)
        self.assertIkus(self.double_click_button(reloaded))
        self.assertFalse(screen.in_edit_mode(reloaded))

    def test_other_spreadsheets_are_left_to_calc(self):
        # The button's text where the template has it, but no schema below it.
        path = os.path.join(self.dir, "Budget.ods")
        doc = office.new_spreadsheet()
        fixtures.set_cells(doc.Sheets.getByIndex(0), 0, [
            ("Budget 2026",), ("",), ("",), ("",), ("", BUTTON_TEXT), ("Post", "Beløb"),
            ("Husleje", 12000.0)])
        fixtures.store(doc, path)
        doc.close(True)
        _, controller = self.open(path)
        screen.double_click_cell(controller, *TEMPLATE_BUTTON)
        self.assertLeftToCalc(controller)


def main():
    global OXT, TEMPLATE, ARTIFACTS
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--artifacts", required=True)
    args, rest = parser.parse_known_args()
    OXT, TEMPLATE = os.path.abspath(args.oxt), os.path.abspath(args.template)
    ARTIFACTS = os.path.abspath(args.artifacts)
    run_tests(rest)


if __name__ == "__main__":
    main()
