#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The extension's settings and its extra outputs, in a real headless LibreOffice:
/org.ikuflet.Settings (extension/Settings.xcs) set through the office's
configuration API (ConfigurationUpdateAccess, commitChanges), read by the
component at the next export; XJob.execute's Teamplan and Samlet arguments
override them. Outputs are checked with poppler: the team development plan holds
the team's items and nothing individual, the combined print file every IKU with
a bookmark, each employee's content on that employee's pages only, both tagged.

Usage: test_settings.py --oxt PATH/ikuflet.oxt
"""

import argparse
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import nv, pv, run_unittests, start_with_extension, stop_and_clean  # noqa: E402
import uno  # noqa: E402,F401  (after office: the office's own pyuno)
import fixtures  # noqa: E402
from fixtures import EXPECTED, pdf_name, pdf_text  # noqa: E402

OXT = None
office = None
work = None
SETTINGS = "/org.ikuflet.Settings"
PLAN = "Teamudviklingsplan - Hjemmeplejen Nord.pdf"
COMBINED = "IKU'er samlet.pdf"
# The individual content of fixtures.make_rich_schema's employees, in schema order.
INDIVIDUAL = {
    "Anna Andersen": ["Kursus i Excel", "Mentorordning", "Formel: Projektledelse"],
    "Bo Berg": ["50%"],
    "Carl Carlsen": ["Carls første punkt", "Carls andet punkt"],
    "Dorte Dam": ["Sprogkursus"],
}


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-settings-")


def tearDownModule():
    stop_and_clean(office, work)


def set_settings(**values):
    """Writes the settings as a macro or the Options page would."""
    provider = office.smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (pv("nodepath", SETTINGS),))
    for name, value in values.items():
        access.setPropertyValue(name, value)
    access.commitChanges()


def read_settings():
    provider = office.smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess", (pv("nodepath", SETTINGS),))
    return {name: access.getByName(name) for name in access.getElementNames()}


def page_texts(path):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                       text=True, check=True)
    return r.stdout.split("\f")


def tagged(path):
    r = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True)
    return "Tagged:          yes" in r.stdout


class Settings(unittest.TestCase):
    def setUp(self):
        office.close_all()
        set_settings(Teamudviklingsplan=False, Samlet=False)
        self.dir = tempfile.mkdtemp(dir=work)
        self.schema = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, self.schema)

    def tearDown(self):
        office.close_all()
        set_settings(Teamudviklingsplan=False, Samlet=False)

    def export(self, *extra):
        doc = office.load(self.schema)
        out = tempfile.mkdtemp(dir=self.dir)
        result = office.export(document=doc, folder=out, interactive=False, extra=extra)
        self.assertEqual(result["Error"], "")
        self.assertEqual(sorted(os.path.basename(p) for p in result["Written"]),
                         sorted(os.listdir(out)))
        doc.close(True)
        return out, [os.path.basename(p) for p in result["Written"]]

    def test_schema_defaults_off(self):
        self.assertEqual(read_settings(), {
            "Organisation": "", "Logo": "", "Tekster": "", "Mappe": "",
            "Filnavn": "IKU - {navn}", "Teamudviklingsplan": False, "Samlet": False})
        out, written = self.export()
        self.assertEqual(sorted(written), sorted(pdf_name(n) for n in EXPECTED))

    def test_settings_turn_outputs_on(self):
        set_settings(Teamudviklingsplan=True)
        out, written = self.export()
        self.assertEqual(written[-1], PLAN)
        self.assertNotIn(COMBINED, written)
        plan = pdf_text(os.path.join(out, PLAN))
        self.assertIn("Fælles fokus på dokumentation", plan)
        self.assertIn("Teamets andet punkt", plan)
        for private in ("Kursus i Excel", "Carls første punkt", "Sprogkursus", "Anna Andersen"):
            self.assertNotIn(private, plan)
        self.assertTrue(tagged(os.path.join(out, PLAN)))

        set_settings(Teamudviklingsplan=False, Samlet=True)
        out, written = self.export()
        self.assertEqual(written[-1], COMBINED)
        self.assertNotIn(PLAN, written)
        path = os.path.join(out, COMBINED)
        self.assertTrue(tagged(path))
        pages = [p for p in page_texts(path) if p.strip()]
        # Each page belongs to the one employee whose name stands on a line of its
        # own there (footer, info table, signature); the employee's own content is
        # on those pages and on no other.
        owners = []
        for page in pages:
            lines = {line.strip() for line in page.splitlines()}
            names = [n for n in INDIVIDUAL if n in lines]
            self.assertEqual(len(names), 1, page)
            owners.append(names[0])
        self.assertEqual(list(dict.fromkeys(owners)), list(INDIVIDUAL))
        for name, texts in INDIVIDUAL.items():
            for t in texts:
                where = {owners[i] for i, page in enumerate(pages) if t in page}
                self.assertEqual(where, {name}, t)

    def test_arguments_override_settings(self):
        set_settings(Teamudviklingsplan=True, Samlet=True)
        out, written = self.export(nv("Teamplan", False), nv("Samlet", False))
        self.assertNotIn(PLAN, written)
        self.assertNotIn(COMBINED, written)
        set_settings(Teamudviklingsplan=False, Samlet=False)
        out, written = self.export(nv("Teamplan", True), nv("Samlet", True))
        self.assertEqual(written[-2:], [PLAN, COMBINED])

    def test_bad_argument(self):
        doc = office.load(self.schema)
        result = office.export(document=doc, folder=self.dir, interactive=False,
                               extra=(nv("Samlet", "ja"),))
        self.assertIn("Samlet", result["Error"])
        self.assertEqual(result["Written"], [])
        doc.close(True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = args.oxt
    run_unittests(rest)
