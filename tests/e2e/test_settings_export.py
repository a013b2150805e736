#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The string settings of /org.ikuflet.Settings (Organisation, Logo, Tekster,
Mappe, Filnavn) in a real headless LibreOffice: each set through the office's
configuration API (ConfigurationUpdateAccess, commitChanges) as the Options page
or a macro would, then an export from the component inside soffice.bin, checked
with poppler (pdftotext for the organisation and the wording, pdfimages -list
for the logo) and on disk (file names, the subfolder made beside the schema, a
fixed folder, the Folder argument winning over Mappe). Paths are given as
system paths and as file URLs. A logo that cannot be used (cut off, 50 MB, a
text file named .png), a wording file with an unknown key and a broken pattern
give the Danish message and write nothing, not even the subfolder.

Usage: test_settings_export.py --oxt PATH/ikuflet.oxt
"""

import argparse
import os
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import file_url, pv, run_unittests, start_with_extension, stop_and_clean  # noqa: E402
import fixtures  # noqa: E402
from fixtures import EXPECTED, pdf_name, pdf_text  # noqa: E402

OXT = None
office = None
work = None
SETTINGS = "/org.ikuflet.Settings"
DEFAULTS = {"Organisation": "", "Logo": "", "Tekster": "", "Mappe": "",
            "Filnavn": "IKU - {navn}", "Teamudviklingsplan": False, "Samlet": False}
NAMES = sorted(EXPECTED)


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-settings-export-")


def tearDownModule():
    stop_and_clean(office, work)


def set_settings(**values):
    provider = office.smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (pv("nodepath", SETTINGS),))
    for name, value in values.items():
        access.setPropertyValue(name, value)
    access.commitChanges()


def png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))


def write_png(path, width, height, level=9, noise=False):
    """An RGB PNG: one colour, or (@noise) random pixels that do not compress."""
    if noise:
        raw = b"".join(b"\0" + os.urandom(width * 3) for _ in range(height))
    else:
        raw = (b"\0" + b"\x1f\x5f\xa8" * width) * height
    data = (b"\x89PNG\r\n\x1a\n"
            + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(raw, level)) + png_chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(data)
    return path


def images(path):
    """pdfimages -list rows as (page, type, width, height)."""
    out = subprocess.run(["pdfimages", "-list", path], capture_output=True, text=True,
                         check=True, timeout=60).stdout.splitlines()[2:]
    return [(int(f[0]), f[2], int(f[3]), int(f[4])) for f in (line.split() for line in out)]


class SettingsExport(unittest.TestCase):
    def setUp(self):
        office.close_all()
        set_settings(**DEFAULTS)
        self.dir = tempfile.mkdtemp(dir=work)
        self.schema = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, self.schema)

    def tearDown(self):
        office.close_all()
        set_settings(**DEFAULTS)

    def export(self, folder=True, error=False):
        """Exports the schema; @folder True: into a new folder given as the Folder
        argument; None: no Folder argument (the settings decide). Returns the
        result and the written files' names."""
        doc = office.load(self.schema)
        out = tempfile.mkdtemp(dir=self.dir) if folder is True else folder
        result = office.export(document=doc, folder=out, interactive=False)
        doc.close(True)
        if error:
            self.assertNotEqual(result["Error"], "")
            self.assertEqual(result["Written"], [])
        else:
            self.assertEqual(result["Error"], "")
        self.out = out
        return result, [os.path.basename(p) for p in result["Written"]]

    def assert_nothing_written(self, inputs):
        """No file under the schema's folder but the schema and @inputs; no subfolder."""
        self.assertFalse(os.path.exists(os.path.join(self.dir, "IKU-mappe")))
        found = sorted(os.path.relpath(os.path.join(d, f), self.dir)
                       for d, _, files in os.walk(self.dir) for f in files)
        self.assertEqual(found, sorted({"skema.ods", *inputs}))

    def test_organisation(self):
        set_settings(Organisation="Randers Kommune")
        result, written = self.export()
        self.assertEqual(sorted(written), sorted(pdf_name(n) for n in NAMES))
        for name in NAMES:
            self.assertIn("Randers Kommune", pdf_text(os.path.join(self.out, pdf_name(name))))
        set_settings(Organisation="")
        result, written = self.export()
        self.assertNotIn("Randers Kommune", pdf_text(os.path.join(self.out, pdf_name(NAMES[0]))))

    def test_logo_png_and_jpeg_path_and_url(self):
        png = write_png(os.path.join(self.dir, "logo.png"), 300, 100)
        jpeg = os.path.join(self.dir, "logo.jpg")
        subprocess.run(["convert", "-size", "120x240", "xc:#a81f5f", jpeg], check=True,
                       timeout=60)
        result, written = self.export()
        self.assertEqual(images(os.path.join(self.out, pdf_name(NAMES[0]))), [])
        for logo, size in ((png, (300, 100)), (file_url(jpeg), (120, 240))):
            set_settings(Logo=logo)
            result, written = self.export()
            for name in NAMES:
                found = images(os.path.join(self.out, pdf_name(name)))
                self.assertEqual([(page, kind, w, h) for page, kind, w, h in found
                                  if kind == "image"], [(1, "image") + size], (logo, name))

    def test_texts_override(self):
        texts = os.path.join(self.dir, "tekster.ini")
        with open(texts, "w", encoding="utf-8") as f:
            f.write("[IKU]\nTitel=Randers' kompetenceplan for den enkelte\n")
        for value in (texts, file_url(texts)):
            set_settings(Tekster=value)
            result, written = self.export()
            text = pdf_text(os.path.join(self.out, pdf_name(NAMES[0])))
            self.assertIn("Randers' kompetenceplan for den enkelte", text)
            self.assertNotIn("Individuel kompetenceudviklingsplan (IKU)", text)
            self.assertIn("Godkendelse", text)     # a key left out keeps the built-in text

    def test_name_pattern(self):
        set_settings(Filnavn="{team} - {navn}")
        result, written = self.export()
        self.assertEqual(sorted(written), sorted("Hjemmeplejen Nord - %s.pdf" % n for n in NAMES))
        self.assertEqual(sorted(os.listdir(self.out)), sorted(written))

    def test_subfolder_beside_the_schema(self):
        set_settings(Mappe="IKU-mappe")
        result, written = self.export(folder=None)
        sub = os.path.join(self.dir, "IKU-mappe")
        self.assertEqual(sorted(os.listdir(sub)), sorted(pdf_name(n) for n in NAMES))
        self.assertEqual({os.path.dirname(p) for p in result["Written"]}, {sub})
        # Once it exists it is used again.
        result, written = self.export(folder=None)
        self.assertEqual(sorted(os.listdir(sub)), sorted(pdf_name(n) for n in NAMES))

    def test_fixed_folder_path_and_url_and_folder_argument(self):
        fixed = tempfile.mkdtemp(dir=work)
        for value in (fixed, file_url(fixed)):
            set_settings(Mappe=value)
            result, written = self.export(folder=None)
            self.assertEqual({os.path.dirname(p) for p in result["Written"]}, {fixed})
            self.assertEqual(sorted(os.listdir(fixed)), sorted(pdf_name(n) for n in NAMES))
            self.assertEqual(os.listdir(self.dir), ["skema.ods"])
        # The job's Folder argument wins over Mappe.
        result, written = self.export()
        self.assertEqual({os.path.dirname(p) for p in result["Written"]}, {self.out})
        self.assertEqual(sorted(os.listdir(self.out)), sorted(pdf_name(n) for n in NAMES))

    def test_bad_logos_write_nothing(self):
        good = write_png(os.path.join(self.dir, "good.png"), 200, 80)
        with open(good, "rb") as f:
            data = f.read()
        cut = os.path.join(self.dir, "afkortet.png")
        with open(cut, "wb") as f:
            f.write(data[:len(data) // 2])
        big = write_png(os.path.join(self.dir, "stor.png"), 4100, 4100, level=0, noise=True)
        self.assertGreater(os.path.getsize(big), 50 * 1000 * 1000)
        text = os.path.join(self.dir, "tekst.png")
        with open(text, "w", encoding="utf-8") as f:
            f.write("Dette er ikke et billede.\n")
        missing = os.path.join(self.dir, "findes-ikke.png")
        for logo in (cut, big, text, missing):
            set_settings(Logo=logo, Mappe="IKU-mappe")
            result, written = self.export(folder=None, error=True)
            self.assertIn(os.path.basename(logo), result["Error"])
            self.assertIn("logo", result["Error"].lower())
            self.assert_nothing_written(["good.png", "afkortet.png", "stor.png", "tekst.png"])
            self.assertTrue(office.alive())

    def test_bad_texts_and_pattern_write_nothing(self):
        texts = os.path.join(self.dir, "tekster.ini")
        with open(texts, "w", encoding="utf-8") as f:
            f.write("[IKU]\nTitel=Ny titel\nTitell=stavefejl\n")
        set_settings(Tekster=texts, Mappe="IKU-mappe")
        result, written = self.export(folder=None, error=True)
        self.assertIn("Titell", result["Error"])
        self.assertIn("3", result["Error"])             # the line
        self.assert_nothing_written(["tekster.ini"])
        set_settings(Tekster="", Filnavn="{navn")
        result, written = self.export(folder=None, error=True)
        self.assertIn("{navn", result["Error"])
        self.assert_nothing_written(["tekster.ini"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = args.oxt
    run_unittests(rest)
