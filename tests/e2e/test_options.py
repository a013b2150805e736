#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ikuflet's page in Tools > Options, without a screen: the page the options dialog
would show (the installed extension's OptionsDialog.xcu leaf, its .xdl made by the
office's ContainerWindowProvider) driven through org.ikuflet.OptionsHandler's
XContainerWindowEventHandler exactly as the dialog does ("initialize", "ok",
"back" as external events, and the page's own control events). Checks what the
controls show, what lands in /org.ikuflet.Settings, and that a value the export
would refuse (a bad pattern, a missing, unreadable or wrong-format logo or wording
file, an unusable folder) is not saved; a setting an administrator locked
(extension/make-preset.py --lock) is shown, cannot be edited and is left alone.
The real window, typing and clicks are in tests/gui/test_options_page.py.

Usage: test_options.py --oxt PATH/ikuflet.oxt --make-preset PATH/make-preset.py
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import pv, run_unittests, start_with_extension, stop_and_clean  # noqa: E402
from fixtures import png  # noqa: E402
import uno  # noqa: E402  (after office: the office's own pyuno)
from com.sun.star.awt import Rectangle, WindowDescriptor  # noqa: E402
from com.sun.star.awt.WindowClass import TOP  # noqa: E402

OXT = MAKE_PRESET = None
office = None
work = None
SETTINGS = "/org.ikuflet.Settings"
LEAF = "/org.openoffice.Office.OptionsDialog/Nodes/Calc/Leaves/org.ikuflet.Options"
HANDLER = "org.ikuflet.OptionsHandler"
DEFAULTS = {"Organisation": "", "Logo": "", "Tekster": "", "Mappe": "",
            "Filnavn": "IKU - {navn}", "Teamudviklingsplan": False, "Samlet": False}


LOGO = png(40, 20)


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-options-")


def tearDownModule():
    stop_and_clean(office, work)


def config(path, update=False):
    provider = office.smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    service = "com.sun.star.configuration.Configuration%sAccess" % ("Update" if update else "")
    return provider.createInstanceWithArguments(service, (pv("nodepath", path),))


def read_settings():
    access = config(SETTINGS)
    return {name: access.getByName(name) for name in DEFAULTS}


def write_settings(values):
    access = config(SETTINGS, update=True)
    for name, value in values.items():
        access.replaceByName(name, value)
    access.commitChanges()


def said_since(mark):
    """What the office logged after the byte offset @mark of its log: the handler
    logs the text of every message box it shows."""
    with open(office.log_path, "rb") as f:
        f.seek(mark)
        return f.read().decode("utf-8", "replace")


class Page:
    """The page as the options dialog makes it: the leaf's OptionsPage URL through
    a ContainerWindowProvider, with the leaf's EventHandlerService as handler."""

    def __init__(self):
        leaf = config(LEAF)
        self.handler = office.smgr.createInstanceWithContext(leaf.EventHandlerService, office.ctx)
        toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
        descriptor = WindowDescriptor()
        descriptor.Type = TOP
        descriptor.WindowServiceName = "window"
        descriptor.Bounds = Rectangle(0, 0, 800, 600)
        self.parent = toolkit.createWindow(descriptor)
        provider = office.smgr.createInstanceWithContext(
            "com.sun.star.awt.ContainerWindowProvider", office.ctx)
        self.window = provider.createContainerWindow(leaf.OptionsPage, "", self.parent,
                                                     self.handler)

    def close(self):
        self.window.dispose()
        self.parent.dispose()

    def call(self, method, event=None):
        return self.handler.callHandlerMethod(self.window, event, method)

    def event(self, name):
        return self.call("external_event", name)

    def model(self, name):
        control = self.window.getControl(name)
        if control is None:
            raise AssertionError("the page has no control %s" % name)
        return control.getModel()

    def text(self, name):
        return self.model(name).Text

    def type(self, name, text):
        """Sets a field's text; the pattern field's text listener is what the
        .xdl binds to patternChanged, so that is called as the control would."""
        self.model(name).Text = text
        if name == "Pattern":
            self.call("patternChanged")

    def checked(self, name):
        return self.model(name).State == 1

    def check(self, name, on=True):
        self.model(name).State = 1 if on else 0
        if name.startswith("Folder"):
            self.call("folderChoice")

    def enabled(self, name):
        return self.model(name).Enabled

    def shown(self, name):
        """What the control shows (its peer's accessible name): the resolved text
        of a label, not the resource id its model holds."""
        return self.window.getControl(name).getPeer().getAccessibleContext().getAccessibleName()


class OptionsPage(unittest.TestCase):
    def setUp(self):
        write_settings(DEFAULTS)
        self.dir = tempfile.mkdtemp(dir=work)
        self.page = Page()

    def tearDown(self):
        self.page.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def file(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_leaf_under_calc(self):
        leaf = config(LEAF)
        self.assertEqual(leaf.Id, "org.ikuflet")
        self.assertEqual(leaf.Label, "ikuflet")
        self.assertEqual(leaf.EventHandlerService, HANDLER)
        self.assertTrue(leaf.OptionsPage.endswith("/options/IkufletOptions.xdl"), leaf.OptionsPage)

    def test_handler_knows_every_method_the_dialog_binds(self):
        with zipfile.ZipFile(OXT) as oxt:
            xdl = oxt.read("options/IkufletOptions.xdl").decode("utf-8")
        bound = set(re.findall(r'macro-name="vnd\.sun\.star\.UNO:([A-Za-z]+)"', xdl))
        self.assertTrue(bound)
        supported = set(self.page.handler.getSupportedMethodNames())
        self.assertLessEqual(bound | {"external_event"}, supported)
        self.assertFalse(self.page.call("noSuchMethod"))

    def test_initialize_shows_the_settings_in_danish(self):
        self.assertTrue(self.page.event("initialize"))
        self.assertEqual(self.page.text("Pattern"), "IKU - {navn}")
        self.assertEqual(self.page.text("Organisation"), "")
        self.assertEqual(self.page.model("Preview").Label, "Eksempel: IKU - Anna Jensen.pdf")
        self.assertTrue(self.page.checked("FolderBeside"))
        self.assertFalse(self.page.enabled("Subfolder"))
        self.assertFalse(self.page.enabled("FixedFolder"))
        self.assertFalse(self.page.checked("TeamPlan"))
        # A headless office has no UI language of its own: ikuflet's Danish.
        self.assertEqual(self.page.shown("LogoBrowse"), "Gennemse…")
        self.assertEqual(self.page.shown("FolderSub"), "I en undermappe:")

    def test_initialize_shows_what_is_saved(self):
        fixed = tempfile.mkdtemp(dir=self.dir)
        write_settings({"Organisation": "Randers Kommune", "Mappe": fixed,
                        "Filnavn": "{navn} {år}", "Samlet": True})
        self.page.event("initialize")
        self.assertEqual(self.page.text("Organisation"), "Randers Kommune")
        self.assertTrue(self.page.checked("FolderFixed"))
        self.assertEqual(self.page.text("FixedFolder"), fixed)
        self.assertTrue(self.page.enabled("FixedFolder"))
        self.assertTrue(self.page.enabled("FolderBrowse"))
        self.assertFalse(self.page.enabled("Subfolder"))
        self.assertTrue(self.page.checked("Combined"))
        self.assertRegex(self.page.model("Preview").Label, r"^Eksempel: Anna Jensen \d{4}\.pdf$")

    def test_preview_follows_the_pattern(self):
        self.page.event("initialize")
        self.page.type("Pattern", "{team} - {navn}")
        preview = self.page.model("Preview").Label
        self.assertTrue(preview.startswith("Eksempel: "), preview)
        self.assertTrue(preview.endswith(" - Anna Jensen.pdf"), preview)
        self.page.type("Pattern", "{ukendt}")
        self.assertTrue(self.page.model("Preview").Label.startswith("Kan ikke bruges: "))

    def test_ok_saves_every_setting(self):
        logo = self.file("logo.png", LOGO)
        self.page.event("initialize")
        self.page.type("Organisation", "  Randers Kommune ")
        self.page.type("Logo", logo)
        self.page.type("Pattern", "IKU {år} - {navn}")
        self.page.check("FolderSub")
        self.assertTrue(self.page.enabled("Subfolder"))
        self.page.type("Subfolder", "IKU 2026")
        self.page.check("TeamPlan")
        self.assertTrue(self.page.event("ok"))
        self.assertEqual(read_settings(), dict(DEFAULTS, Organisation="Randers Kommune", Logo=logo,
                                               Filnavn="IKU {år} - {navn}", Mappe="IKU 2026",
                                               Teamudviklingsplan=True))

    def test_back_reloads_what_is_saved(self):
        self.page.event("initialize")
        self.page.type("Pattern", "{navn} (udkast)")
        self.page.check("Combined")
        self.page.event("back")
        self.assertEqual(self.page.text("Pattern"), "IKU - {navn}")
        self.assertFalse(self.page.checked("Combined"))
        self.assertEqual(read_settings(), DEFAULTS)

    def assertNotSaved(self, **fields):
        """Types @fields, presses OK: the configuration keeps what it had."""
        write_settings({"Organisation": "Før"})
        before = read_settings()
        self.page.event("initialize")
        for name, value in fields.items():
            if name.startswith("Folder"):
                self.page.check(name)
            else:
                self.page.type(name, value)
        self.page.type("Organisation", "Efter")
        mark = os.path.getsize(office.log_path)
        self.assertTrue(self.page.event("ok"))
        self.assertEqual(read_settings(), before)
        # (GLib writes the log in the office's locale: only the ASCII part is compared.)
        self.assertIn("Indstillingerne er ikke gemt; de hidtidige g", said_since(mark))

    def test_invalid_pattern_is_not_saved(self):
        self.assertNotSaved(Pattern="{ukendt} - {navn}")

    def test_missing_logo_is_not_saved(self):
        self.assertNotSaved(Logo=os.path.join(self.dir, "findes-ikke.png"))

    def test_text_file_named_png_is_not_saved(self):
        self.assertNotSaved(Logo=self.file("logo.png", b"Det her er ikke et billede.\n"))

    def test_truncated_png_is_not_saved(self):
        self.assertNotSaved(Logo=self.file("logo.png", LOGO[:60]))

    def test_missing_wording_file_is_not_saved(self):
        self.assertNotSaved(Texts=os.path.join(self.dir, "tekster.ini"))

    def test_broken_wording_file_is_not_saved(self):
        self.assertNotSaved(Texts=self.file("tekster.ini", b"[ikuflet\nTitel = x\n"))

    def test_unreadable_wording_file_is_not_saved(self):
        if os.geteuid() == 0:
            self.skipTest("root reads every file")
        path = self.file("tekster.ini", b"")
        os.chmod(path, 0)
        self.assertNotSaved(Texts=path)

    def test_empty_subfolder_is_not_saved(self):
        self.assertNotSaved(FolderSub=True, Subfolder="")

    def test_subfolder_outside_the_schema_folder_is_not_saved(self):
        self.assertNotSaved(FolderSub=True, Subfolder="../andet sted")

    def test_missing_fixed_folder_is_not_saved(self):
        self.assertNotSaved(FolderFixed=True, FixedFolder=os.path.join(self.dir, "findes-ikke"))

    def test_unchanged_page_is_not_checked_again(self):
        # A logo deleted after it was saved: OK on the page without a change says
        # nothing (the export will name the file); a change is checked, refused
        # and said (the handler logs what its message box shows).
        missing = os.path.join(self.dir, "flyttet.png")
        write_settings({"Logo": missing})
        self.page.event("initialize")
        mark = os.path.getsize(office.log_path)
        self.assertTrue(self.page.event("ok"))
        self.assertNotIn("Indstillingerne er ikke gemt", said_since(mark))
        self.assertEqual(read_settings(), dict(DEFAULTS, Logo=missing))
        self.page.type("Organisation", "Randers Kommune")
        self.assertTrue(self.page.event("ok"))
        self.assertIn("Indstillingerne er ikke gemt", said_since(mark))
        self.assertIn("flyttet.png", said_since(mark))
        self.assertEqual(read_settings(), dict(DEFAULTS, Logo=missing))

    def test_fixed_folder_as_url_is_saved_as_path(self):
        folder = tempfile.mkdtemp(dir=self.dir)
        self.page.event("initialize")
        self.page.check("FolderFixed")
        self.page.type("FixedFolder", uno.systemPathToFileUrl(folder))
        self.page.event("ok")
        self.assertEqual(read_settings()["Mappe"], folder)


# Runs after OptionsPage (unittest takes the classes in name order): the preset it
# installs stays in the profile, and OptionsPage rewrites Filnavn before each test.
class PresetLocks(unittest.TestCase):
    PATTERN = "{navn} (fastlagt af IT)"

    @classmethod
    def setUpClass(cls):
        it = tempfile.mkdtemp(dir=work)
        ini = os.path.join(it, "ikuflet.ini")
        with open(ini, "w", encoding="utf-8") as f:
            f.write("[ikuflet]\nFilnavn=%s\nOrganisation=Randers Kommune\n" % cls.PATTERN)
        preset = os.path.join(it, "preset.oxt")
        subprocess.run([sys.executable, MAKE_PRESET, ini, "--output", preset, "--lock", "Filnavn"],
                       check=True, capture_output=True, timeout=60)
        # A user-scope extension's data lies below the user's own layer, so its
        # finalized value locks the Options page just as a shared preset does.
        office.install_extension(preset)

    def setUp(self):
        self.page = Page()

    def tearDown(self):
        self.page.close()

    def test_locked_setting_is_shown_but_not_editable(self):
        self.page.event("initialize")
        self.assertEqual(self.page.text("Pattern"), self.PATTERN)
        self.assertFalse(self.page.enabled("Pattern"))
        self.assertEqual(self.page.model("Preview").Label,
                         "Eksempel: Anna Jensen (fastlagt af IT).pdf")
        self.assertTrue(self.page.enabled("Organisation"))
        self.assertTrue(self.page.enabled("FolderSub"))

    def test_ok_saves_the_rest_and_leaves_the_locked_one(self):
        self.page.event("initialize")
        self.page.type("Organisation", "Randers Kommune, HR")
        self.page.type("Pattern", "{navn}")   # as a macro could; the field is disabled
        self.assertTrue(self.page.event("ok"))
        saved = read_settings()
        self.assertEqual(saved["Organisation"], "Randers Kommune, HR")
        self.assertEqual(saved["Filnavn"], self.PATTERN)


def main():
    global OXT, MAKE_PRESET
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--make-preset", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    MAKE_PRESET = os.path.abspath(args.make_preset)
    run_unittests(rest)


if __name__ == "__main__":
    main()
