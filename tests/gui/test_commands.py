#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 15's commands in real Calc windows on a private Xvfb display, with the
real mouse (xdotool): Tools > "Make IKUs for all teams"; the dialog that asks
which sheet when the active sheet is no schema and several are (picked and
cancelled with real clicks, in English and in Danish); an AutoFilter down to one
employee, then the toolbar button; rows selected with real clicks (Ctrl for a
second range), then Tools > "Make IKUs for the selected employees". Screenshots
kept in --artifacts: commands-all-teams.png, commands-pick-sheet-en.png,
commands-pick-sheet-da.png, commands-pick-result.png, commands-filter.png,
commands-selection.png, commands-check-en.png, commands-check-da.png (Tools >
"Check the schema"; the office keeps the menus it started with, the box follows the UI language).

Usage: test_commands.py --oxt PATH --artifacts DIR
(exits 77, "skipped", without Xvfb, xdotool or ImageMagick)
"""

import argparse
import gc
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

import office as _office  # noqa: E402,F401  (first: it picks the office's own pyuno)
import uno  # noqa: E402
import fixtures  # noqa: E402
from fixtures import TEAMS, list_pdfs, pdf_name, pdf_text  # noqa: E402
from screen import (ROLE_PUSH_BUTTON, Session, centre, children, find,  # noqa: E402
                    run_tests, set_ui_language)

ROLE_LIST = 32
ROLE_LIST_ITEM = 33
TOOLBAR = "private:resource/toolbar/addon_org.ikuflet.toolbar"
PICK_TITLE = {"en": "Choose the schema's sheet", "da": "Vælg skemaets ark"}

OXT = ARTIFACTS = None
session = office = screen = None
work = None


def setUpModule():
    global session, office, screen, work
    work = tempfile.mkdtemp(prefix="ikuflet-gui-commands-")
    session = Session(OXT, time_limit=300).start()
    office, screen = session.office, session.screen


def tearDownModule():
    if session is not None:
        session.stop()
    shutil.rmtree(work, ignore_errors=True)


def artifact(name):
    return os.path.join(ARTIFACTS, name)


def team_pdfs(*sheets):
    return sorted(pdf_name(row[0]) for s in sheets for row in TEAMS[s][1])


def find_dialog(title):
    """The shown top window @title as (window, {list item text: centre},
    {button label: centre}), or None. Keeps no accessible object (see
    screen.Screen._find_box)."""
    for i in range(screen.toolkit.getTopWindowCount()):
        window = screen.toolkit.getTopWindow(i)
        if window is None or not window.isVisible():
            continue
        context = window.getAccessibleContext()
        if context is None or context.getAccessibleName() != title:
            continue
        listbox = find(context, lambda c: c.getAccessibleRole() == ROLE_LIST)
        items = {}
        if listbox is not None:
            for item in children(listbox):
                if item.getAccessibleRole() == ROLE_LIST_ITEM:
                    items[item.getAccessibleName()] = centre(item)
        buttons = {c.getAccessibleName(): centre(c) for c in children(context)
                   if c.getAccessibleRole() == ROLE_PUSH_BUTTON}
        return window, items, buttons
    return None


class Commands(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)

    def tearDown(self):
        office.close_all()

    def load(self, path, active):
        doc = office.load(path, hidden=False)
        controller = doc.getCurrentController()
        controller.setActiveSheet(doc.Sheets.getByName(active))
        screen.show(controller)
        return doc

    def load_teams(self, active="Noter"):
        path = os.path.join(self.dir, "teams.ods")
        fixtures.make_teams_workbook(office, path)
        return self.load(path, active)

    def click_toolbar_button(self, doc):
        controller = doc.getCurrentController()
        screen.show(controller)
        toolbar = controller.getFrame().LayoutManager.getElement(TOOLBAR)
        self.assertIsNotNone(toolbar, "the IKU toolbar is missing")
        button = find(toolbar.getRealInterface().getAccessibleContext(),
                      lambda c: c.getAccessibleRole() == ROLE_PUSH_BUTTON)
        self.assertIsNotNone(button)
        screen.click(*centre(button))

    def pick(self, title, item, button, shot):
        """Waits for the pick dialog @title, saves @shot, clicks the list line
        @item (None: leave the first) and then the button @button."""
        window, items, buttons = screen.wait_for(lambda: find_dialog(title),
                                                 "dialog %r" % title, 60)
        gc.collect()
        screen.idle()
        screen.screenshot(artifact(shot))
        if item is not None:
            self.assertIn(item, items)
            screen.click(*items[item])
            screen.idle()
        self.assertIn(button, buttons)
        screen.click(*buttons[button])
        screen.wait_for(lambda: not window.isVisible(), "dialog %r closed" % title, 15)
        screen.idle()
        return sorted(items)

    def test_all_teams_from_the_menu(self):
        doc = self.load_teams(active="Noter")
        screen.choose_menu_item(doc.getCurrentController(), "Tools", "Make IKUs for all teams")
        text = screen.take_message_box("Make IKUs", screenshot=artifact("commands-all-teams.png"))
        self.assertIn("4 IKUs were made in the folder", text)
        self.assertIn("From the sheets “Team Nord” (team: Hjemmeplejen Nord), “Team Syd” "
                      "(team: Hjemmeplejen Syd).", text)
        self.assertEqual(list_pdfs(self.dir), team_pdfs("Team Nord", "Team Syd"))

    def test_ask_which_sheet_and_pick_the_second(self):
        doc = self.load_teams(active="Noter")
        self.click_toolbar_button(doc)
        lines = self.pick(PICK_TITLE["en"], "“Team Syd” (team: Hjemmeplejen Syd)", "OK",
                          "commands-pick-sheet-en.png")
        self.assertEqual(lines, ["“Team Nord” (team: Hjemmeplejen Nord)",
                                 "“Team Syd” (team: Hjemmeplejen Syd)"])
        # One click closes the result box (the pick dialog gives the focus back).
        text = screen.take_message_box("Make IKUs",
                                       screenshot=artifact("commands-pick-result.png"))
        self.assertIn("From the sheet “Team Syd” (team: Hjemmeplejen Syd).", text)
        self.assertEqual(list_pdfs(self.dir), team_pdfs("Team Syd"))
        self.assertIn("Sprogkursus", pdf_text(os.path.join(self.dir, pdf_name("Carl Carlsen"))))

    def test_ask_which_sheet_in_danish_and_cancel(self):
        old = set_ui_language(office, "da-DK")
        try:
            doc = self.load_teams(active="Noter")
            self.click_toolbar_button(doc)
            lines = self.pick(PICK_TITLE["da"], None, "Annuller", "commands-pick-sheet-da.png")
            self.assertEqual(lines, ["»Team Nord« (team: Hjemmeplejen Nord)",
                                     "»Team Syd« (team: Hjemmeplejen Syd)"])
            # Cancelled: nothing made, and no box telling what the person knows.
            screen.idle()
            self.assertFalse(screen.has_message_box("Lav IKU'er"))
            self.assertEqual(list_pdfs(self.dir), [])
        finally:
            set_ui_language(office, old)

    def test_autofilter_then_toolbar(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_schema(office, path, [
            ("Anna Andersen", "Annas første punkt", "Teamets første punkt"),
            ("", "Annas andet punkt", ""),
            ("Bo Berg", "Bos punkt", "Teamets andet punkt"),
            ("Carl Carlsen", "Carls punkt", ""),
        ], sheet_name="Skema")
        doc = self.load(path, "Skema")
        controller = doc.getCurrentController()
        sheet = doc.Sheets.getByName("Skema")
        # An AutoFilter on the schema (its buttons in the header row), set through
        # the API (Data > AutoFilter would first ask whether row 1 holds headers),
        # and the choice a leader makes in the name column's button: Anna only.
        doc.DatabaseRanges.addNewByName("Skema", sheet.getCellRangeByName("A1:C5").RangeAddress)
        database_range = doc.DatabaseRanges.getByName("Skema")
        database_range.AutoFilter = True
        descriptor = database_range.getFilterDescriptor()
        descriptor.ContainsHeader = True
        field = uno.createUnoStruct("com.sun.star.sheet.TableFilterField")
        field.Field = 0
        field.Operator = uno.Enum("com.sun.star.sheet.FilterOperator", "EQUAL")
        field.StringValue = "Anna Andersen"
        descriptor.FilterFields = (field,)
        database_range.refresh()
        screen.idle()
        self.assertTrue(sheet.Rows.getByIndex(3).IsFiltered)
        self.assertFalse(sheet.Rows.getByIndex(1).IsFiltered)
        controller.select(sheet.getCellRangeByName("A2"))
        screen.idle()
        self.click_toolbar_button(doc)
        text = screen.take_message_box("Make IKUs", screenshot=artifact("commands-filter.png"))
        self.assertIn("1 IKU was made in the folder", text)
        self.assertIn("2 medarbejdere er sprunget over", text)
        self.assertEqual(list_pdfs(self.dir), [pdf_name("Anna Andersen")])
        anna = pdf_text(os.path.join(self.dir, pdf_name("Anna Andersen")))
        self.assertIn("Annas andet punkt", anna)
        self.assertIn("Teamets andet punkt", anna)

    def test_selected_rows_by_clicks(self):
        doc = self.load_teams(active="Team Syd")
        controller = doc.getCurrentController()
        # Team Syd: header area (rows 1-2), headers (3), Carl (4), Dorte (5).
        # A click in Dorte's row only.
        screen.click(*screen.cell_centre(controller, 4, 1))
        screen.idle()
        screen.choose_menu_item(controller, "Tools", "Make IKUs for the selected employees")
        text = screen.take_message_box("Make IKUs", screenshot=artifact("commands-selection.png"))
        self.assertIn("1 IKU was made in the folder", text)
        self.assertIn("1 employee outside the selection was left out.", text)
        self.assertIn("From the sheet “Team Syd”", text)
        self.assertEqual(list_pdfs(self.dir), [pdf_name("Dorte Dam")])

    def test_check_from_the_menu(self):
        for lang, menu, item, title in (("en-US", "Tools", "Check the schema", "Check the schema"),
                                        ("da-DK", "Tools", "Check the schema", "Tjek skemaet")):
            old = set_ui_language(office, lang)
            try:
                doc = self.load_teams(active="Team Nord")
                screen.choose_menu_item(doc.getCurrentController(), menu, item)
                text = screen.take_message_box(
                    title, screenshot=artifact("commands-check-%s.png" % lang[:2]))
                office.close_all()
            finally:
                set_ui_language(office, old)
            if lang == "en-US":
                self.assertIn("From the sheet “Team Nord” (team: Hjemmeplejen Nord).", text)
                self.assertIn("2 employees will get an IKU:", text)
                self.assertIn("• Anna Andersen: “IKU - Anna Andersen.pdf”, 1 page", text)
                self.assertIn("The check has saved nothing.", text)
            else:
                self.assertIn("2 medarbejdere får en IKU:", text)
                self.assertIn("• Bo Berg: »IKU - Bo Berg.pdf«, 1 side", text)
                self.assertIn("Tjekket har ikke gemt noget.", text)
            self.assertEqual(list_pdfs(self.dir), [])

    def test_two_ranges_selected_with_ctrl(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_schema(office, path, [(n, "Punkt for %s" % n, "") for n in
                                            ("Anna Andersen", "Bo Berg", "Carl Carlsen",
                                             "Dorte Dam")], sheet_name="Skema")
        doc = self.load(path, "Skema")
        controller = doc.getCurrentController()
        screen.click(*screen.cell_centre(controller, 1, 0))        # Anna
        screen.xdotool("keydown", "ctrl")
        try:
            screen.click(*screen.cell_centre(controller, 3, 2))    # Carl, team column
        finally:
            screen.xdotool("keyup", "ctrl")
        screen.idle()
        self.assertEqual(len(controller.getSelection().getRangeAddresses()), 2)
        screen.choose_menu_item(controller, "Tools", "Make IKUs for the selected employees")
        text = screen.take_message_box("Make IKUs")
        self.assertIn("2 employees outside the selection were left out.", text)
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in
                                                     ("Anna Andersen", "Carl Carlsen")))


def main():
    global OXT, ARTIFACTS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--artifacts", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    ARTIFACTS = os.path.abspath(args.artifacts)
    os.makedirs(ARTIFACTS, exist_ok=True)
    run_tests(rest)


if __name__ == "__main__":
    main()
