#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What is being typed is what is exported: a leader types into a cell of the
schema (real keys, xdotool) and, without pressing Enter, starts the export — with
the IKU toolbar button, with Tools > Make IKUs, or with a double-click on the
button cell. The typed text (Danish letters too) must be in the IKU, in the cell
it was typed into, with the cursor where it was and one undo step as Enter makes;
typing on another sheet is committed into that sheet's cell; an edit in another
document is left alone by an export of this one; input Calc refuses (a validity
rule, which Calc then drops) stops the export with a message, and nothing
is written.

Usage: test_edit_commit.py --oxt PATH --template PATH --artifacts DIR
(exits 77, "skipped", without Xvfb, xdotool or ImageMagick)
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

from office import file_url, pv  # noqa: E402
import fixtures  # noqa: E402
from fixtures import (TEMPLATE_BUTTON, TEMPLATE_FIRST_ROW, TEMPLATE_SHEET, list_pdfs,  # noqa: E402
                      pdf_name, pdf_text)
from screen import ROLE_PUSH_BUTTON, Session, centre, find, run_tests  # noqa: E402

import uno  # noqa: E402  (office chose the office's own pyuno)

TITLE = "Make IKUs"   # the message box, in the office's (English) UI language
TOOLBAR = "private:resource/toolbar/addon_org.ikuflet.toolbar"
CALC_TITLE = "For lang tekst"   # the validity rule's own error box
ROWS = [
    ("Anna Andersen", "Kursus i dokumentation", "Fælles fokus på forflytning"),
    ("Bo Berg", "Førstehjælp", ""),
    ("Carl Carlsen", "Sprogkursus", ""),
]
ANNA_INDIVIDUAL = (TEMPLATE_FIRST_ROW, 1)
OLD_TEXT = "Kursus i dokumentation"
TYPED = "Sårpleje og ægte øvelser på åen"

OXT = TEMPLATE = ARTIFACTS = None
session = office = screen = None
work = None
schema = None


def setUpModule():
    global session, office, screen, work, schema
    work = tempfile.mkdtemp(prefix="ikuflet-gui-edit-")
    session = Session(OXT, time_limit=300).start()
    office, screen = session.office, session.screen
    # A Danish keyboard: æ, ø and å are keys of their own, so xdotool types them
    # like any letter (it otherwise remaps a spare key for each, which can race).
    subprocess.run(["setxkbmap", "-display", screen.display, "dk"], check=True, timeout=30)
    doc = office.desktop.loadComponentFromURL(file_url(TEMPLATE), "_blank", 0,
                                              (pv("AsTemplate", True), pv("Hidden", True)))
    fixtures.fill_template(doc, "Hjemmeplejen Nord", "Lise Leder", "1. december 2026", ROWS)
    schema = os.path.join(work, "Kompetenceskema.ods")
    doc.storeAsURL(file_url(schema), (pv("FilterName", fixtures.ODS_FILTER),))
    doc.close(True)


def tearDownModule():
    if session is not None:
        session.stop()
    shutil.rmtree(work, ignore_errors=True)


class EditCommit(unittest.TestCase):
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

    def type_into(self, controller, row, col, text):
        """Clicks the cell and types @text with real keys, without Enter."""
        screen.click(*screen.cell_centre(controller, row, col))
        screen.idle()
        screen.xdotool("type", "--delay", "40", text)
        screen.wait_for(lambda: screen.in_edit_mode(controller), "edit mode", 15)

    def click_toolbar_button(self, controller):
        layout = controller.getFrame().LayoutManager
        toolbar = layout.getElement(TOOLBAR)
        self.assertIsNotNone(toolbar, "the IKU toolbar is missing")
        button = find(toolbar.getRealInterface().getAccessibleContext(),
                      lambda c: c.getAccessibleRole() == ROLE_PUSH_BUTTON)
        self.assertIsNotNone(button)
        screen.click(*centre(button))

    def cursor(self, controller):
        address = controller.getSelection().getRangeAddress()
        return address.Sheet, address.StartRow, address.StartColumn

    def take_result(self, screenshot=None):
        return screen.take_message_box(TITLE, timeout=60, screenshot=screenshot)

    def take_box_after_calc_box(self, title, screenshot):
        """As screen.take_message_box, for a box shown right after Calc's own box
        was closed by a click: Calc can still be finishing that click (its button
        tracks the mouse) and miss a click that comes at once, so the box's button
        is clicked again (up to three times) until the box closes."""
        window, text, button = screen.wait_for(lambda: screen._find_box(title),
                                               "message box %r" % title, 60)
        screen.idle()
        if screenshot is not None:
            screen.screenshot(screenshot)
        for _ in range(3):
            screen.click(*button)
            try:
                screen.wait_for(lambda: not window.isVisible(), "message box closed", 5)
                return text
            except AssertionError:
                continue
        raise AssertionError("message box %r did not close on its button" % title)

    def assertTypedTextExported(self, doc, controller, text):
        """The message counts three IKUs; Anna's holds the typed text and not the old
        one; the cell holds it, the cursor stayed, Calc is out of edit mode, and one
        undo brings the old text back (as after Enter)."""
        self.assertIn("3 IKUs were made in the folder", text)
        anna = pdf_text(os.path.join(self.dir, pdf_name("Anna Andersen")))
        self.assertIn(TYPED, anna)
        self.assertNotIn(OLD_TEXT, anna)
        self.assertFalse(screen.in_edit_mode(controller), "still editing after the export")
        sheet = doc.Sheets.getByName(TEMPLATE_SHEET)
        cell = sheet.getCellByPosition(ANNA_INDIVIDUAL[1], ANNA_INDIVIDUAL[0])
        self.assertEqual(cell.getString(), TYPED)
        self.assertEqual(self.cursor(controller)[1:], ANNA_INDIVIDUAL)
        self.assertEqual(sheet.getCellByPosition(ANNA_INDIVIDUAL[1], ANNA_INDIVIDUAL[0] + 1)
                         .getString(), ROWS[1][1], "the cell below changed too")
        doc.UndoManager.undo()
        self.assertEqual(cell.getString(), OLD_TEXT)

    def test_toolbar_button_while_typing(self):
        doc, controller = self.open()
        self.type_into(controller, *ANNA_INDIVIDUAL, TYPED)
        screen.screenshot(os.path.join(ARTIFACTS, "edit-commit-typing.png"))
        self.click_toolbar_button(controller)
        text = self.take_result(os.path.join(ARTIFACTS, "edit-commit-result.png"))
        self.assertTypedTextExported(doc, controller, text)

    def test_menu_entry_while_typing(self):
        doc, controller = self.open()
        self.type_into(controller, *ANNA_INDIVIDUAL, TYPED)
        screen.choose_menu_item(controller, "Tools", "Make IKUs")
        self.assertTypedTextExported(doc, controller, self.take_result())

    def test_double_click_button_while_typing(self):
        doc, controller = self.open()
        self.type_into(controller, *ANNA_INDIVIDUAL, TYPED)
        screen.double_click_cell(controller, *TEMPLATE_BUTTON)
        text = self.take_result()
        self.assertIn("3 IKUs were made in the folder", text)
        anna = pdf_text(os.path.join(self.dir, pdf_name("Anna Andersen")))
        self.assertIn(TYPED, anna)
        self.assertNotIn(OLD_TEXT, anna)
        self.assertFalse(screen.in_edit_mode(controller))

    def test_new_employee_typed_last(self):
        # The last agreement of the meeting: a new row, the name confirmed with Tab,
        # the content still being typed.
        doc, controller = self.open()
        row = TEMPLATE_FIRST_ROW + len(ROWS)
        self.type_into(controller, row, 0, "Dorte Dæhlie")
        screen.key("Tab")
        screen.xdotool("type", "--delay", "40", "Kørekort til bil")
        screen.wait_for(lambda: screen.in_edit_mode(controller), "edit mode", 15)
        self.click_toolbar_button(controller)
        text = self.take_result()
        self.assertIn("4 IKUs were made in the folder", text)
        dorte = pdf_text(os.path.join(self.dir, pdf_name("Dorte Dæhlie")))
        self.assertIn("Kørekort til bil", dorte)
        self.assertEqual(self.cursor(controller)[1:], (row, 1))

    def test_typing_on_another_sheet(self):
        doc, controller = self.open()
        doc.Sheets.insertNewByName("Noter", doc.Sheets.getCount())
        notes = doc.Sheets.getByName("Noter")
        controller.setActiveSheet(notes)
        screen.idle()
        self.type_into(controller, 2, 1, "Husk æbler til mødet")
        self.click_toolbar_button(controller)
        text = self.take_result()
        self.assertIn("3 IKUs were made in the folder", text)
        self.assertEqual(notes.getCellByPosition(1, 2).getString(), "Husk æbler til mødet")
        self.assertEqual(self.cursor(controller), (notes.getRangeAddress().Sheet, 2, 1))
        schema_sheet = doc.Sheets.getByName(TEMPLATE_SHEET)
        self.assertNotEqual(schema_sheet.getCellByPosition(1, 2).getString(),
                            "Husk æbler til mødet")
        for name, _, _ in ROWS:
            self.assertNotIn("Husk æbler", pdf_text(os.path.join(self.dir, pdf_name(name))))

    def test_edit_in_another_document_is_left_alone(self):
        doc, controller = self.open()
        other = office.new_spreadsheet(hidden=False)
        other_sheet = other.Sheets.getByIndex(0)
        other_sheet.getCellByPosition(1, 2).setString("gammel")
        other_controller = other.getCurrentController()
        screen.show(other_controller)
        self.type_into(other_controller, 2, 1, "halvfærdig")
        # A macro exports the schema while the other document is being edited.
        result = office.export(document=doc, interactive=False)
        self.assertEqual(result["Error"], "")
        self.assertEqual(len(result["Written"]), 3)
        self.assertTrue(screen.in_edit_mode(other_controller), "the other edit was ended")
        self.assertEqual(other_sheet.getCellByPosition(1, 2).getString(), "gammel")
        self.assertNotEqual(doc.Sheets.getByName(TEMPLATE_SHEET).getCellByPosition(1, 2)
                            .getString(), "halvfærdig")
        self.assertFalse(doc.isModified())
        screen.key("Escape")
        self.assertFalse(screen.in_edit_mode(other_controller))
        self.assertEqual(other_sheet.getCellByPosition(1, 2).getString(), "gammel")

    def test_refused_input_exports_nothing(self):
        doc, controller = self.open()
        sheet = doc.Sheets.getByName(TEMPLATE_SHEET)
        cell = sheet.getCellByPosition(ANNA_INDIVIDUAL[1], ANNA_INDIVIDUAL[0])
        rule = cell.Validation
        rule.Type = uno.Enum("com.sun.star.sheet.ValidationType", "TEXT_LEN")
        rule.setOperator(uno.Enum("com.sun.star.sheet.ConditionOperator", "LESS_EQUAL"))
        rule.setFormula1("25")
        rule.ShowErrorMessage = True
        rule.ErrorAlertStyle = uno.Enum("com.sun.star.sheet.ValidationAlertStyle", "STOP")
        rule.ErrorTitle = CALC_TITLE
        rule.ErrorMessage = "Højst 25 tegn."
        cell.Validation = rule
        self.type_into(controller, *ANNA_INDIVIDUAL, TYPED)
        self.click_toolbar_button(controller)
        # Calc refuses the text with its own box (modal or not, depending on the
        # version), then ikuflet says why nothing was made.
        texts = {}
        deadline = time.monotonic() + 60
        while len(texts) < 2 and time.monotonic() < deadline:
            for title in (CALC_TITLE, TITLE):
                if title not in texts and screen.has_message_box(title):
                    shot = os.path.join(ARTIFACTS, "edit-commit-refused.png") \
                        if title == TITLE else None
                    texts[title] = self.take_box_after_calc_box(title, shot)
            time.sleep(0.1)
        self.assertEqual(set(texts), {CALC_TITLE, TITLE})
        self.assertIn("No IKUs were made.", texts[TITLE])
        self.assertIn("did not get into the cell", texts[TITLE])
        self.assertEqual(list_pdfs(self.dir), [])
        # Calc dropped the input after its message, as it does on Enter.
        self.assertFalse(screen.in_edit_mode(controller))
        self.assertEqual(cell.getString(), OLD_TEXT)


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
