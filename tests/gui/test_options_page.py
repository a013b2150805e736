#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ikuflet's page in Tools > Options as a leader uses it, in a real Calc window on
a private Xvfb display: Tools > Options opened with real clicks on the menu, the
tree opened at "LibreOffice Calc" and "ikuflet" clicked, the file name pattern
typed with the real keyboard (xdotool), the preview line following it, OK clicked;
then the export names the PDFs on disk by that pattern. An invalid pattern is
refused with a message, not saved, and the export keeps the old names.
Screenshots of the page in Danish and in English are kept in --artifacts
(options-page-da.png, options-page-en.png, options-page-invalid.png), and of the
file picker that "Browse…" opens for the logo (options-page-browse.png).

Screen positions come from the accessibility API: tree items by name, the pattern
field as the text field beside its label, buttons by name.

Usage: test_options_page.py --oxt PATH --artifacts DIR
(exits 77, "skipped", without Xvfb, xdotool or ImageMagick)
"""

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

from office import pv  # noqa: E402
import uno  # noqa: E402  (after office: the office's own pyuno)
import fixtures  # noqa: E402
from fixtures import list_pdfs, png  # noqa: E402
from screen import (ROLE_MENU, ROLE_PUSH_BUTTON, Session, centre, children, find,  # noqa: E402
                    run_tests, set_ui_language)

# com.sun.star.accessibility.AccessibleRole
ROLE_LABEL = 30
ROLE_TEXT = 60
ROLE_TREE = 65
ROLE_TREE_ITEM = 79
# The office's own value: 25 in 7.4's state set, a bit of the int64 state set
# that getAccessibleStateSet() returns from 7.5 on.
STATE_SHOWING = uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.SHOWING")

SETTINGS = "/org.ikuflet.Settings"
ROWS = [("Anna Andersen", "Kursus i dokumentation", "Fælles fokus på forflytning"),
        ("Bo Berg", "Førstehjælp", "")]
TEAM = "Hjemmeplejen Nord"
DATE = "1. december 2026"

# What the office (English, no Danish language pack) and the page show.
CALC_NODE = "LibreOffice Calc"
PICK_LOGO = "Choose a logo (PNG or JPEG)"
LEAF = "ikuflet"
TEXTS = {
    "en-US": {"pattern": "File name:", "example": "Example: ", "bad": "Cannot be used: ",
              "title": "ikuflet – settings", "not_saved": "The settings were not saved"},
    "da-DK": {"pattern": "Filnavn:", "example": "Eksempel: ", "bad": "Kan ikke bruges: ",
              "title": "ikuflet – indstillinger", "not_saved": "Indstillingerne er ikke gemt"},
}

OXT = ARTIFACTS = None
session = office = screen = None
work = None


def setUpModule():
    global session, office, screen, work
    work = tempfile.mkdtemp(prefix="ikuflet-gui-options-")
    session = Session(OXT, time_limit=400).start()
    office, screen = session.office, session.screen


def tearDownModule():
    if session is not None:
        session.stop()
    shutil.rmtree(work, ignore_errors=True)


def settings(**values):
    provider = office.smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (pv("nodepath", SETTINGS),))
    for name, value in values.items():
        access.replaceByName(name, value)
    access.commitChanges()
    return {name: access.getByName(name) for name in access.getElementNames()}


def visible_top_window(prefix):
    """The shown top window whose accessible name starts with @prefix, or None."""
    for i in range(screen.toolkit.getTopWindowCount()):
        window = screen.toolkit.getTopWindow(i)
        if window is None or not window.isVisible():
            continue
        context = window.getAccessibleContext()
        if context is not None and context.getAccessibleName().startswith(prefix):
            return window
    return None


def find_named(window, role, name=None, prefix=None):
    """The accessible of @role under @window named @name (or starting with @prefix)."""
    for c in of_role(window.getAccessibleContext(), role):
        n = c.getAccessibleName()
        if n == name if name is not None else n.startswith(prefix):
            return c
    return None


def of_role(context, role, depth=12):
    """Every accessible of @role under @context. A file picker's lists change while
    they are walked: a child that is gone by the time it is asked for is skipped."""
    if context.getAccessibleRole() == role:
        yield context
    if depth == 0 or context.getAccessibleChildCount() > 200:
        return
    for i in range(context.getAccessibleChildCount()):
        try:
            child = context.getAccessibleChild(i).getAccessibleContext()
        except Exception:   # pyuno: the object or its context is gone
            continue
        if child is not None:
            yield from of_role(child, role, depth - 1)


def showing(context):
    states = context.getAccessibleStateSet()
    if isinstance(states, int):
        return (states & STATE_SHOWING) != 0
    return states.contains(STATE_SHOWING)


def on_screen(context):
    return context is not None and showing(context) and context.getSize().Width > 0


class OptionsPage(unittest.TestCase):
    def setUp(self):
        office.close_all()
        settings(Filnavn="IKU - {navn}", Mappe="", Logo="")
        self.dir = tempfile.mkdtemp(dir=work)
        self.path = os.path.join(self.dir, "Kompetenceskema.ods")
        doc = office.new_spreadsheet()
        sheet = doc.Sheets.getByIndex(0)
        fixtures.set_cells(sheet, 0, [("Team:", TEAM), ("Dato:", DATE), fixtures.HEADERS] + ROWS)
        fixtures.store(doc, self.path)
        doc.close(True)
        self.doc = office.load(self.path, hidden=False)
        self.controller = self.doc.getCurrentController()
        screen.show(self.controller)

    def tearDown(self):
        # What a failed test left open, innermost first, ended as Cancel would.
        for title in (PICK_LOGO, TEXTS["en-US"]["title"], TEXTS["da-DK"]["title"], "Options"):
            window = visible_top_window(title)
            dialog = window.queryInterface(uno.getTypeByName("com.sun.star.awt.XDialog")) \
                if window is not None else None
            if dialog is not None:
                dialog.endExecute()
                screen.wait_for(lambda: visible_top_window(title) is None, "%r closed" % title, 30)
        gc.collect()
        office.close_all()

    # --- the options dialog, by real clicks ---------------------------------

    def open_page(self):
        """Tools > Options, then LibreOffice Calc > ikuflet in the tree; returns
        the options dialog's window."""
        window = self.controller.getFrame().getContainerWindow()
        tools = find(window.getAccessibleContext(),
                     lambda c: c.getAccessibleRole() == ROLE_MENU and c.getAccessibleName() == "Tools")
        self.assertIsNotNone(tools, "no Tools menu")
        screen.click(*centre(tools))
        screen.idle()
        item = screen.wait_for(
            lambda: next((c for c in children(tools)
                          if c.getAccessibleName().startswith("Options") and on_screen(c)), None),
            "Tools > Options in the open menu", 15)
        screen.click(*centre(item))
        dialog = screen.wait_for(lambda: visible_top_window("Options"), "the options dialog", 60)
        gc.collect()
        calc = screen.wait_for(lambda: find_named(dialog, ROLE_TREE_ITEM, CALC_NODE),
                               "the tree entry %s" % CALC_NODE, 30)
        self.assertIsNotNone(find_named(dialog, ROLE_TREE_ITEM, LEAF),
                             "no %s entry under %s" % (LEAF, CALC_NODE))

        tree = find(dialog.getAccessibleContext(), lambda c: c.getAccessibleRole() == ROLE_TREE,
                    depth=12)

        def leaf_shown():
            # The tree makes its entries' accessible objects anew when it opens a node
            # or scrolls; an entry below the visible part reports a place below it
            # (entries never say SHOWING).
            leaf = find_named(dialog, ROLE_TREE_ITEM, LEAF)
            node = find_named(dialog, ROLE_TREE_ITEM, CALC_NODE)
            top = tree.getLocationOnScreen().Y
            bottom = top + tree.getSize().Height
            if leaf.getLocationOnScreen().Y <= node.getLocationOnScreen().Y:
                return None   # not opened yet
            if leaf.getLocationOnScreen().Y + leaf.getSize().Height > bottom:
                screen.move_to(*centre(tree))
                screen.xdotool("click", 5)   # the mouse wheel, down
                screen.idle()
                return None
            return leaf
        if leaf_shown() is None:
            screen.double_click(*centre(calc))   # opens the node
        leaf = screen.wait_for(leaf_shown, "the entry %s shown" % LEAF, 15)
        screen.click(*centre(leaf))
        screen.idle()
        return dialog

    def beside(self, dialog, label_text, role=ROLE_TEXT):
        """The first control of @role right of the label @label_text, on its line."""
        label = screen.wait_for(lambda: find_named(dialog, ROLE_LABEL, label_text),
                                "the label %r" % label_text, 30)
        lx, ly = label.getLocationOnScreen().X, label.getLocationOnScreen().Y
        found = [c for c in of_role(dialog.getAccessibleContext(), role)
                 if on_screen(c) and c.getLocationOnScreen().X > lx
                 and abs(c.getLocationOnScreen().Y - ly) < label.getSize().Height + 8]
        self.assertTrue(found, "nothing of role %d beside %r" % (role, label_text))
        return min(found, key=lambda c: (abs(c.getLocationOnScreen().Y - ly),
                                         c.getLocationOnScreen().X))

    def pattern_field(self, dialog, texts):
        return self.beside(dialog, texts["pattern"])

    def preview(self, dialog, texts):
        found = find_named(dialog, ROLE_LABEL, prefix=texts["example"]) or \
            find_named(dialog, ROLE_LABEL, prefix=texts["bad"])
        return found.getAccessibleName() if found is not None else None

    def type_pattern(self, dialog, texts, pattern):
        """Clicks into the pattern field, selects what is there, types @pattern."""
        field = self.pattern_field(dialog, texts)
        screen.click(*centre(field))
        screen.key("ctrl+a")
        screen.xdotool("type", "--delay", 30, pattern)
        screen.idle()
        screen.wait_for(lambda: field.getAccessibleName() == pattern or
                        self.field_text(field) == pattern, "the pattern typed", 15)

    @staticmethod
    def field_text(field):
        text = field.queryInterface(uno.getTypeByName("com.sun.star.accessibility.XAccessibleText"))
        return text.getText() if text is not None else None

    def press(self, dialog, name):
        button = find_named(dialog, ROLE_PUSH_BUTTON, name)
        self.assertIsNotNone(button, "no %s button" % name)
        screen.click(*centre(button))
        screen.idle()

    def press_ok(self, dialog, texts):
        """Clicks OK and waits for the options dialog to close; a message of the
        page (a refused save) fails the test with its text. Right after a file
        picker has closed, the dialog may not take input yet: a click it did not
        act on is repeated (only while the dialog is still there)."""
        def closed():
            if visible_top_window(texts["title"]) is not None:
                raise AssertionError("the page refused to save: %s"
                                     % screen.take_message_box(texts["title"]))
            return visible_top_window("Options") is None
        for attempt in range(3):
            self.press(dialog, "OK")
            try:
                screen.wait_for(closed, "the options dialog closed", 10 if attempt < 2 else 30)
                return
            except AssertionError as e:
                if "refused" in str(e) or attempt == 2:
                    screen.screenshot(os.path.join(ARTIFACTS, "options-page-not-closed.png"))
                    raise

    # --- the tests ------------------------------------------------------------

    def run_page(self, lang, pattern, screenshot):
        """Opens the page in the UI language @lang, types @pattern, saves a
        screenshot, presses OK; returns the preview line that was shown."""
        old = set_ui_language(office, lang)
        try:
            texts = TEXTS[lang]
            dialog = self.open_page()
            field = self.pattern_field(dialog, texts)
            self.assertEqual(self.field_text(field), "IKU - {navn}")
            self.assertEqual(self.preview(dialog, texts), texts["example"] + "IKU - Anna Jensen.pdf")
            self.type_pattern(dialog, texts, pattern)
            shown = screen.wait_for(lambda: self.preview(dialog, texts) != texts["example"] +
                                    "IKU - Anna Jensen.pdf" and self.preview(dialog, texts),
                                    "the preview after typing", 15)
            screen.screenshot(os.path.join(ARTIFACTS, screenshot))
            self.press_ok(dialog, texts)
            return shown
        finally:
            set_ui_language(office, old)

    def test_pattern_typed_in_danish_names_the_pdfs(self):
        shown = self.run_page("da-DK", "{navn} - IKU {år}", "options-page-da.png")
        year = time.strftime("%Y")
        self.assertEqual(shown, "Eksempel: Anna Jensen - IKU %s.pdf" % year)
        self.assertEqual(settings()["Filnavn"], "{navn} - IKU {år}")
        result = office.export(self.doc)
        self.assertEqual(result["Error"], "")
        self.assertEqual(list_pdfs(self.dir), ["Anna Andersen - IKU %s.pdf" % year,
                                               "Bo Berg - IKU %s.pdf" % year])

    def test_pattern_typed_in_english_names_the_pdfs(self):
        shown = self.run_page("en-US", "{team} - {navn}", "options-page-en.png")
        self.assertTrue(shown.startswith("Example: ") and shown.endswith(" - Anna Jensen.pdf"), shown)
        self.assertEqual(settings()["Filnavn"], "{team} - {navn}")
        office.export(self.doc)
        self.assertEqual(list_pdfs(self.dir), ["%s - Anna Andersen.pdf" % TEAM,
                                               "%s - Bo Berg.pdf" % TEAM])

    def test_logo_chosen_with_browse(self):
        logo = os.path.join(self.dir, "kommune-logo.png")
        with open(logo, "wb") as f:
            f.write(png(120, 40))
        dialog = self.open_page()
        screen.click(*centre(self.beside(dialog, "Logo:", ROLE_PUSH_BUTTON)))
        picker = screen.wait_for(lambda: visible_top_window(PICK_LOGO), "the file picker", 60)
        gc.collect()
        screen.screenshot(os.path.join(ARTIFACTS, "options-page-browse.png"))
        # A whole path in the picker's file name field opens that file. The field
        # completes paths as they are typed: what it holds is checked before Open.
        name_field = self.beside(picker, "File name:")
        for _ in range(3):
            screen.click(*centre(name_field))
            screen.key("ctrl+a")
            screen.xdotool("type", "--delay", 20, logo)
            screen.idle()
            if self.field_text(name_field) == logo:
                break
        self.assertEqual(self.field_text(name_field), logo)
        self.press(picker, "Open")
        screen.wait_for(lambda: visible_top_window(PICK_LOGO) is None, "the file picker closed", 30)
        screen.idle()
        field = self.beside(dialog, "Logo:")
        screen.wait_for(lambda: self.field_text(field) == logo, "the chosen logo in its field", 15)
        self.press_ok(dialog, TEXTS["en-US"])
        self.assertEqual(settings()["Logo"], logo)
        self.assertEqual(office.export(self.doc)["Error"], "")
        images = subprocess.run(["pdfimages", "-list", os.path.join(self.dir, "IKU - Bo Berg.pdf")],
                                capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        self.assertEqual([line.split()[3:5] for line in images], [["120", "40"]])

    def test_invalid_pattern_is_refused(self):
        old = set_ui_language(office, "da-DK")
        try:
            texts = TEXTS["da-DK"]
            dialog = self.open_page()
            self.type_pattern(dialog, texts, "IKU {ukendt}")
            screen.wait_for(lambda: (self.preview(dialog, texts) or "").startswith(texts["bad"]),
                            "the preview saying the pattern cannot be used", 15)
            self.press(dialog, "OK")
            text = screen.take_message_box(texts["title"], timeout=30,
                                           screenshot=os.path.join(ARTIFACTS,
                                                                   "options-page-invalid.png"))
            self.assertIn(texts["not_saved"], text)
            self.assertIn("{ukendt}", text)
        finally:
            set_ui_language(office, old)
        screen.wait_for(lambda: visible_top_window("Options") is None, "the dialog closed", 30)
        self.assertEqual(settings()["Filnavn"], "IKU - {navn}")
        office.export(self.doc)
        self.assertEqual(list_pdfs(self.dir), ["IKU - Anna Andersen.pdf", "IKU - Bo Berg.pdf"])


def main():
    global OXT, ARTIFACTS
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--artifacts", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    ARTIFACTS = os.path.abspath(args.artifacts)
    os.makedirs(ARTIFACTS, exist_ok=True)
    run_tests(rest)


if __name__ == "__main__":
    main()
