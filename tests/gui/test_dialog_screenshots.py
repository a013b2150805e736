#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A picture of every dialog the extension shows, in Danish and in English: each
one brought up as a leader does (the IKU toolbar button, real clicks and keys),
checked to be there with its title and buttons, saved as a PNG cut to the
dialog, and closed with its own button.

The pictures go to --artifacts/dialogs/<da|en>/<name>.png (the paths are
printed), for a person to look at: text cut off, a box too wide or too narrow.

Usage: test_dialog_screenshots.py --oxt PATH --template PATH --artifacts DIR
(exits 77, "skipped", without Xvfb, xdotool or ImageMagick)
"""

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

from office import file_url, pv  # noqa: E402
import fixtures  # noqa: E402
from fixtures import HEADERS, TEMPLATE_FIRST_ROW, TEMPLATE_SHEET  # noqa: E402
from screen import (ROLE_PUSH_BUTTON, Session, centre, children, find, run_tests,  # noqa: E402
                    set_ui_language)

import uno  # noqa: E402  (office chose the office's own pyuno)

TOOLBAR = "private:resource/toolbar/addon_org.ikuflet.toolbar"
# What each language calls things (the extension's texts; LibreOffice's own
# buttons stay in the language of its installed UI, English here).
LANGUAGES = {
    "da": {"tag": "da-DK", "title": "Lav IKU'er", "pick": "Vælg skemaets ark",
           "cancel": "Annuller", "check": "Tjek skemaet"},
    "en": {"tag": "en-US", "title": "Make IKUs", "pick": "Choose the schema's sheet",
           "cancel": "Cancel", "check": "Check the schema"},
}
ROWS = [
    ("Anna Andersen", "Kursus i dokumentation", "Fælles fokus på forflytning"),
    ("", "Mentor for nye kolleger", ""),
    ("Bo Berg", "Førstehjælp", "Teamets møder hver anden uge"),
    ("Carl Carlsen", "Sprogkursus", ""),
]
# Margin around a dialog in its picture, in pixels.
MARGIN = 6

OXT = TEMPLATE = ARTIFACTS = None
session = office = screen = None
work = None
old_language = None


def setUpModule():
    global session, office, screen, work, old_language
    work = tempfile.mkdtemp(prefix="ikuflet-gui-dialogs-")
    session = Session(OXT, time_limit=600).start()
    office, screen = session.office, session.screen
    old_language = set_ui_language(office, "en-US")


def tearDownModule():
    if session is not None:
        session.stop()
    shutil.rmtree(work, ignore_errors=True)


def find_dialog(title):
    """The shown top window titled @title: (window, text, {button: centre}, (x, y, w, h))."""
    for i in range(screen.toolkit.getTopWindowCount()):
        window = screen.toolkit.getTopWindow(i)
        if window is None or not window.isVisible():
            continue
        context = window.getAccessibleContext()
        if context is None or context.getAccessibleName() != title:
            continue
        texts, buttons, stack = [], {}, [context]
        while stack:
            c = stack.pop()
            if c.getAccessibleRole() == ROLE_PUSH_BUTTON:
                buttons[c.getAccessibleName()] = centre(c)
            else:
                if c is not context and c.getAccessibleName():
                    texts.append(c.getAccessibleName())
                stack.extend(children(c))
        where, size = context.getLocationOnScreen(), context.getSize()
        return window, "\n".join(texts), buttons, (where.X, where.Y, size.Width, size.Height)
    return None


class DialogScreenshots(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)

    def tearDown(self):
        office.close_all()

    def shoot(self, lang, name, title, button):
        """Waits for the dialog @title, saves its picture and clicks @button; returns
        the dialog's text and the names of its buttons."""
        screen.wait_for(lambda: find_dialog(title), "dialog %r" % title, 60)
        gc.collect()
        screen.idle()
        window, text, buttons, (x, y, w, h) = screen.wait_for(lambda: find_dialog(title),
                                                              "dialog %r" % title, 60)
        gc.collect()
        self.assertGreater(w, 0)
        path = os.path.join(ARTIFACTS, "dialogs", lang, name + ".png")
        whole = screen.screenshot(path + ".whole.png")
        subprocess.run(["convert", whole, "-crop", "%dx%d+%d+%d" % (
            w + 2 * MARGIN, h + 2 * MARGIN, max(0, x - MARGIN), max(0, y - MARGIN)),
            "+repage", path], check=True, timeout=60)
        os.remove(whole)
        print("  %s" % path, file=sys.stderr)
        self.assertIn(button, buttons, "%s: no button %r in %s" % (name, button, sorted(buttons)))
        for _ in range(3):   # see test_edit_commit.take_box_after_calc_box
            screen.click(*buttons[button])
            try:
                screen.wait_for(lambda: not window.isVisible(), "dialog closed", 5)
                return text, sorted(buttons)
            except AssertionError:
                continue
        raise AssertionError("dialog %r did not close on %r" % (title, button))

    def click_toolbar_button(self, doc):
        controller = doc.getCurrentController()
        screen.show(controller)
        toolbar = controller.getFrame().LayoutManager.getElement(TOOLBAR)
        self.assertIsNotNone(toolbar, "the IKU toolbar is missing")
        button = find(toolbar.getRealInterface().getAccessibleContext(),
                      lambda c: c.getAccessibleRole() == ROLE_PUSH_BUTTON)
        screen.click(*centre(button))

    def filled_schema(self, name="Kompetenceskema.ods", rows=ROWS):
        doc = office.desktop.loadComponentFromURL(file_url(TEMPLATE), "_blank", 0,
                                                  (pv("AsTemplate", True), pv("Hidden", True)))
        fixtures.fill_template(doc, "Hjemmeplejen Nord", "Lise Leder", "1. december 2026", rows)
        path = os.path.join(self.dir, name)
        doc.storeAsURL(file_url(path), (pv("FilterName", fixtures.ODS_FILTER),))
        doc.close(True)
        return office.load(path, hidden=False)

    def each_language(self, make):
        for lang, words in LANGUAGES.items():
            set_ui_language(office, words["tag"])
            try:
                with self.subTest(lang=lang):
                    office.close_all()
                    self.dir = tempfile.mkdtemp(dir=work)
                    make(lang, words)
            finally:
                set_ui_language(office, "en-US")

    def test_result(self):
        def make(lang, words):
            self.click_toolbar_button(self.filled_schema())
            _, buttons = self.shoot(lang, "result", words["title"], "No")
            self.assertEqual(buttons, ["No", "Yes"])
        self.each_language(make)

    def test_result_with_warnings(self):
        def make(lang, words):
            rows = ROWS + [("Anna Andersen", "Dobbelt navn", ""), ("", "", "Et teampunkt"),
                           ("Dorte Dahl", "", "")]
            self.click_toolbar_button(self.filled_schema(rows=rows))
            self.shoot(lang, "result-warnings", words["title"], "No")
        self.each_language(make)

    def test_not_a_schema(self):
        def make(lang, words):
            self.click_toolbar_button(office.new_spreadsheet(hidden=False))
            self.shoot(lang, "error-not-a-schema", words["title"], "OK")
        self.each_language(make)

    def test_save_first(self):
        def make(lang, words):
            doc = office.new_spreadsheet(hidden=False)
            fixtures.set_cells(doc.Sheets.getByIndex(0), 0, [HEADERS, ("Anna Andersen", "x", "")])
            self.click_toolbar_button(doc)
            self.shoot(lang, "error-save-first", words["title"], "OK")
        self.each_language(make)

    def test_file_not_written(self):
        def make(lang, words):
            doc = self.filled_schema()
            os.mkdir(os.path.join(self.dir, fixtures.pdf_name("Bo Berg")))
            self.click_toolbar_button(doc)
            self.shoot(lang, "error-file-not-written", words["title"], "OK")
        self.each_language(make)

    def test_edit_refused(self):
        def make(lang, words):
            doc = self.filled_schema()
            controller = doc.getCurrentController()
            cell = doc.Sheets.getByName(TEMPLATE_SHEET).getCellByPosition(1, TEMPLATE_FIRST_ROW)
            rule = cell.Validation
            rule.Type = uno.Enum("com.sun.star.sheet.ValidationType", "TEXT_LEN")
            rule.setOperator(uno.Enum("com.sun.star.sheet.ConditionOperator", "LESS_EQUAL"))
            rule.setFormula1("5")
            rule.ShowErrorMessage = True
            rule.ErrorAlertStyle = uno.Enum("com.sun.star.sheet.ValidationAlertStyle", "STOP")
            rule.ErrorTitle = "Regel"
            rule.ErrorMessage = "Højst 5 tegn."
            cell.Validation = rule
            screen.click(*screen.cell_centre(controller, TEMPLATE_FIRST_ROW, 1))
            screen.xdotool("type", "--delay", "40", "for lang tekst")
            screen.wait_for(lambda: screen.in_edit_mode(controller), "edit mode", 15)
            self.click_toolbar_button(doc)
            self.shoot(lang, "calc-validity-box", "Regel", "OK")
            self.shoot(lang, "error-edit-refused", words["title"], "OK")
        self.each_language(make)

    def test_sheet_choice(self):
        def make(lang, words):
            doc = office.new_spreadsheet()
            sheets = doc.Sheets
            sheets.getByIndex(0).Name = "Noter"
            for i, team in enumerate(("Team Nord", "Team Syd")):
                sheets.insertNewByName(team, i + 1)
                fixtures.set_cells(sheets.getByName(team), 0, [
                    ("Team:", team), HEADERS, ("Anna %d" % i, "Kursus", "")])
            path = os.path.join(self.dir, "Flere teams.ods")
            fixtures.store(doc, path)
            doc.close(True)
            doc = office.load(path, hidden=False)
            doc.getCurrentController().setActiveSheet(doc.Sheets.getByName("Noter"))
            self.click_toolbar_button(doc)
            _, buttons = self.shoot(lang, "sheet-choice", words["pick"], words["cancel"])
            self.assertEqual(len(buttons), 2)
        self.each_language(make)

    def test_check(self):
        def make(lang, words):
            rows = ROWS + [("Anna Andersen", "Dobbelt navn", ""), ("Dorte Dahl", "", "")]
            doc = self.filled_schema(rows=rows)
            # The menu entry is in the Tools menu, named in the language LibreOffice
            # took the extension's menu texts in (English without Danish installed).
            controller = doc.getCurrentController()
            try:
                screen.menu_item(controller, "Tools", words["check"])
                label = words["check"]
            except AssertionError:
                label = LANGUAGES["en"]["check"]
            screen.choose_menu_item(controller, "Tools", label)
            self.shoot(lang, "check", words["check"], "OK")
            self.assertEqual(fixtures.list_pdfs(self.dir), [])
        self.each_language(make)


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
