#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two front doors agree with settings too: the command line given a settings
file (--settings) and the extension given the same settings through the office's
configuration (/org.ikuflet.Settings) write the same files with the same layout,
byte for byte: every page's content stream (text, lines, where the logo goes),
every image stream (the logo, its transparency) and the page sizes are equal.
Only what identifies the run may differ (the document's dates and ids). With
Mappe and without --out / the Folder argument both write into the same subfolder
of the schema's folder.

Usage: test_parity_settings.py --oxt PATH --cli PATH --schema SCHEMA
       (with IKUFLET_DATA_DIR set for the CLI)
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import pv, run_unittests, start_with_extension, stop_and_clean  # noqa: E402
import fixtures  # noqa: E402
from fixtures import list_pdfs  # noqa: E402
import pikepdf  # noqa: E402

OXT = CLI = SCHEMA = None
office = None
work = None
SETTINGS = "/org.ikuflet.Settings"
DEFAULTS = {"Organisation": "", "Logo": "", "Tekster": "", "Mappe": "",
            "Filnavn": "IKU - {navn}", "Teamudviklingsplan": False, "Samlet": False}


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-parity-settings-")


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


def key_file(values):
    lines = ["[ikuflet]"]
    for name, value in values.items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        lines.append("%s=%s" % (name, value))
    return "\n".join(lines) + "\n"


def layout(pdf):
    """What a reader sees of @pdf, per page: size, content stream, images."""
    pages = []
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            contents = page.obj.get("/Contents")
            streams = contents if isinstance(contents, pikepdf.Array) else [contents]
            images = []
            for name, image in sorted(page.images.items()):
                smask = image.get("/SMask")
                images.append((str(name), int(image.Width), int(image.Height),
                               image.read_raw_bytes(),
                               smask.read_raw_bytes() if smask is not None else None))
            pages.append(([float(v) for v in page.mediabox],
                          b"".join(s.read_bytes() for s in streams if s is not None), images))
    return pages


class ParitySettings(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.inputs = tempfile.mkdtemp(dir=work)
        # Saved by the office, so that a date cell holds what both doors read alike
        # (see test_parity.py).
        cls.schema = os.path.join(cls.inputs, os.path.basename(SCHEMA))
        doc = office.load(SCHEMA)
        fixtures.store(doc, cls.schema)
        doc.close(True)
        cls.png = os.path.join(cls.inputs, "logo med alfa.png")
        subprocess.run(["convert", "-size", "240x90", "xc:none", "-fill", "#1f5fa8",
                        "-draw", "circle 45,45 45,5", "-fill", "#a81f5f",
                        "-draw", "rectangle 100,20 230,70", cls.png], check=True, timeout=60)
        cls.jpeg = os.path.join(cls.inputs, "logo.jpg")
        subprocess.run(["convert", "-size", "100x160", "gradient:#1f5fa8-#ffffff", cls.jpeg],
                       check=True, timeout=60)
        cls.texts = os.path.join(cls.inputs, "tekster.ini")
        with open(cls.texts, "w", encoding="utf-8") as f:
            f.write("[IKU]\nTitel=Kompetenceplan for den enkelte medarbejder\n"
                    "Godkendelse=Vi er enige\n")

    def tearDown(self):
        office.close_all()
        set_settings(**DEFAULTS)

    def compare(self, values, folder_setting=False):
        base = tempfile.mkdtemp(dir=work)
        cli_dir = os.path.join(base, "cli")
        ext_dir = os.path.join(base, "extension")
        for d in (cli_dir, ext_dir):
            os.makedirs(d)
            shutil.copy(self.schema, d)
        schema_name = os.path.basename(self.schema)
        settings = os.path.join(base, "indstillinger.ini")
        with open(settings, "w", encoding="utf-8") as f:
            f.write(key_file(values))
        cli_out = os.path.join(cli_dir, values["Mappe"]) if folder_setting else cli_dir + "/out"
        ext_out = os.path.join(ext_dir, values["Mappe"]) if folder_setting else ext_dir + "/out"
        args = [CLI, "--json", "--settings", settings]
        if not folder_setting:
            os.makedirs(cli_out)
            os.makedirs(ext_out)
            args += ["--out", cli_out]
        proc = subprocess.run(args + [os.path.join(cli_dir, schema_name)],
                              capture_output=True, timeout=300)
        cli = json.loads(proc.stdout.decode("utf-8"))
        self.assertIsNone(cli["error"])

        set_settings(**{**DEFAULTS, **values})
        doc = office.load(os.path.join(ext_dir, schema_name))
        try:
            ext = office.export(document=doc, folder=None if folder_setting else ext_out,
                                interactive=False)
        finally:
            doc.close(True)
        self.assertEqual(ext["Error"], "")
        self.assertEqual(ext["Warnings"], cli["warnings"])
        self.assertEqual([os.path.relpath(p, ext_dir) for p in ext["Written"]],
                         [os.path.relpath(p, cli_dir) for p in cli["written"]])
        self.assertEqual(list_pdfs(ext_out), list_pdfs(cli_out))
        self.assertGreater(len(list_pdfs(cli_out)), 1)
        for name in list_pdfs(cli_out):
            cli_layout = layout(os.path.join(cli_out, name))
            ext_layout = layout(os.path.join(ext_out, name))
            self.assertEqual(len(ext_layout), len(cli_layout), name)
            for number, (e, c) in enumerate(zip(ext_layout, cli_layout), 1):
                self.assertEqual(e, c, "%s, page %d" % (name, number))
        return cli_out

    def test_png_logo_organisation_texts_pattern(self):
        out = self.compare({"Organisation": "Randers Kommune", "Logo": self.png,
                            "Tekster": self.texts, "Filnavn": "{team} {år} - {navn}",
                            "Samlet": True})
        first = layout(os.path.join(out, list_pdfs(out)[0]))
        self.assertEqual(len(first[0][2]), 1)           # the logo on page 1
        self.assertIsNotNone(first[0][2][0][4])         # with its transparency

    def test_jpeg_logo_and_subfolder(self):
        self.compare({"Organisation": "Aarhus Kommune, Sundhed og Omsorg", "Logo": self.jpeg,
                      "Mappe": "IKU 2026", "Teamudviklingsplan": True}, folder_setting=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--schema", required=True)
    args, rest = parser.parse_known_args()
    OXT, CLI, SCHEMA = args.oxt, os.path.abspath(args.cli), os.path.abspath(args.schema)
    run_unittests(rest)
