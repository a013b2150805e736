#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Central IT's preset (README: "Forudindstillinger for alle brugere"): a
settings file turned into a settings-only extension by extension/make-preset.py,
added with `unopkg add --shared` (beside ikuflet.oxt, also shared) to a throwaway
copy of the office in use (scratch_install.py), never to the real installation.
A fresh user profile on that installation then has the preset's settings, its
export uses them, and a setting the preset locks (oor:finalized) stays as IT set
it: the user cannot change it through the configuration API, and a value for it
in the user's own layer (registrymodifications.xcu) counts for nothing, while an
unlocked setting is the user's to change.

ikuflet.oxt is the build made with a test update_url (extension/meson.build):
the office reads its <update-information> and reports that URL for the
installed extension, where its update check would look.

Usage: test_preset.py --oxt PATH/ikuflet-update-url.oxt --update-url URL
                      --make-preset PATH/make-preset.py
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import office as office_module  # noqa: E402
from office import Office, pv, run_unittests  # noqa: E402
import uno  # noqa: E402  (after office: the office's own pyuno)
import fixtures  # noqa: E402
import scratch_install  # noqa: E402

OXT = MAKE_PRESET = UPDATE_URL = None
SETTINGS = "/org.ikuflet.Settings"
COMBINED = "IKU'er samlet.pdf"
ORGANISATION = "Randers Kommune – HR & Løn"
PATTERN = "IKU {år} - {navn}"
SUBFOLDER = "IKU-filer"
work = installation = office = None
logo_bytes = None


def make_png(path, width=60, height=30):
    subprocess.run(["convert", "-size", "%dx%d" % (width, height), "xc:#1f5fa8", path],
                   check=True, capture_output=True, timeout=60)


def run_make_preset(*args):
    return subprocess.run([sys.executable, MAKE_PRESET, *args], capture_output=True, text=True,
                          timeout=60)


def listing(folder):
    if not os.path.isdir(folder):
        return None
    return sorted(os.path.relpath(os.path.join(d, n), folder)
                  for d, dirs, files in os.walk(folder) for n in dirs + files)


def setUpModule():
    global work, installation, office, logo_bytes, system_store, system_before
    work = tempfile.mkdtemp(prefix="ikuflet-preset-")
    system_store = scratch_install.shared_store(office_module.SOFFICE_BIN)
    system_before = listing(system_store)
    installation = scratch_install.make_installation(office_module.SOFFICE_BIN,
                                                     os.path.join(work, "installation"))
    assert scratch_install.shared_store(installation).startswith(work + os.sep)

    it = os.path.join(work, "it")
    os.makedirs(it)
    make_png(os.path.join(it, "kommune logo.png"))
    with open(os.path.join(it, "kommune logo.png"), "rb") as f:
        logo_bytes = f.read()
    with open(os.path.join(it, "ikuflet.ini"), "w", encoding="utf-8") as f:
        f.write("# Randers' preset\n[ikuflet]\nOrganisation=%s\nLogo=kommune logo.png\n"
                "Filnavn=%s\nMappe=%s\nSamlet=true\n" % (ORGANISATION, PATTERN, SUBFOLDER))
    preset = os.path.join(it, "ikuflet-forudindstilling.oxt")
    r = run_make_preset(os.path.join(it, "ikuflet.ini"), "--output", preset,
                        "--lock", "Organisation", "--lock", "Logo")
    assert r.returncode == 0, r.stderr

    admin = os.path.join(work, "unopkg-user")
    scratch_install.unopkg(installation, admin, "add", "--shared", "-s", OXT)
    scratch_install.unopkg(installation, admin, "add", "--shared", "-s", preset)
    listed = scratch_install.unopkg(installation, admin, "list", "--shared").stdout
    assert "Identifier: org.ikuflet.preset" in listed and "Identifier: org.ikuflet\n" in listed, listed

    office = Office(soffice=installation, time_limit=900)
    office.start()


def tearDownModule():
    if office is not None:
        office.stop()
    if work is not None:
        shutil.rmtree(work, ignore_errors=True)


def access(update=False):
    provider = office.smgr.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", office.ctx)
    service = ("com.sun.star.configuration.ConfigurationUpdateAccess" if update
               else "com.sun.star.configuration.ConfigurationAccess")
    return provider.createInstanceWithArguments(service, (pv("nodepath", SETTINGS),))


def read_settings():
    node = access()
    return {name: node.getByName(name) for name in node.getElementNames()}


class Preset(unittest.TestCase):
    def test_00_package(self):
        preset = os.path.join(work, "it", "ikuflet-forudindstilling.oxt")
        with zipfile.ZipFile(preset) as z:
            names = set(z.namelist())
            self.assertEqual(names, {"description.xml", "META-INF/manifest.xml", "Settings.xcu",
                                     "files/logo/kommune_logo.png"})
            self.assertEqual(z.read("files/logo/kommune_logo.png"), logo_bytes)
            xcu = z.read("Settings.xcu").decode("utf-8")
        self.assertIn('<prop oor:name="Organisation" oor:finalized="true">', xcu)
        self.assertIn('<prop oor:name="Logo" oor:finalized="true">', xcu)
        self.assertIn('<prop oor:name="Filnavn">', xcu)
        self.assertIn("Randers Kommune – HR &amp; Løn", xcu)
        self.assertNotIn("Tekster", xcu)

    def test_01_fresh_profile_has_the_preset(self):
        values = read_settings()
        self.assertEqual(values["Organisation"], ORGANISATION)
        self.assertEqual(values["Filnavn"], PATTERN)
        self.assertEqual(values["Mappe"], SUBFOLDER)
        self.assertEqual(values["Samlet"], True)
        self.assertEqual(values["Tekster"], "")                   # not preset: the default
        # The logo packed in the preset, named through %origin%: a URL into the
        # installation's shared extensions, which the office expands.
        logo = values["Logo"]
        self.assertTrue(logo.startswith("vnd.sun.star.expand:"), logo)
        expander = office.ctx.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        url = expander.expandMacros(urllib.parse.unquote(logo[len("vnd.sun.star.expand:"):]))
        path = uno.fileUrlToSystemPath(url)
        self.assertTrue(os.path.realpath(path).startswith(
            os.path.realpath(scratch_install.shared_store(installation)) + os.sep), path)
        with open(path, "rb") as f:
            self.assertEqual(f.read(), logo_bytes)

    def test_02_locked_settings_cannot_be_changed(self):
        node = access(update=True)
        for name, value in (("Organisation", "Anden organisation"), ("Logo", "/tmp/x.png")):
            with self.assertRaises(Exception) as caught:
                node.setPropertyValue(name, value)
            self.assertIn("finalized", str(caught.exception))
        node.setPropertyValue("Filnavn", "Mit navn - {navn}")
        node.commitChanges()
        self.assertEqual(read_settings()["Filnavn"], "Mit navn - {navn}")
        self.assertEqual(read_settings()["Organisation"], ORGANISATION)

        # Written into the user's layer behind the office's back, and read at the
        # next start: still IT's value.
        office._end_process()
        path = os.path.join(office.profile_dir, "user", "registrymodifications.xcu")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("Mit navn - {navn}", text)
        item = ('<item oor:path="%s"><prop oor:name="Organisation" oor:op="fuse">'
                '<value>Indsneget organisation</value></prop></item>\n' % SETTINGS)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("</oor:items>", item + "</oor:items>"))
        office._spawn()
        office._connect(120)
        values = read_settings()
        self.assertEqual(values["Organisation"], ORGANISATION)
        self.assertEqual(values["Filnavn"], "Mit navn - {navn}")
        node = access(update=True)
        node.setPropertyValue("Filnavn", PATTERN)
        node.commitChanges()

    def test_03_export_uses_the_preset(self):
        office.check_component_in_office()
        folder = os.path.join(work, "skemaer")
        os.makedirs(folder, exist_ok=True)
        schema = os.path.join(folder, "skema.ods")
        fixtures.make_rich_schema(office, schema)
        doc = office.load(schema)
        result = office.export(document=doc, interactive=False)
        doc.close(True)
        self.assertEqual(result["Error"], "")
        # Mappe: the subfolder beside the schema; Filnavn: the preset's pattern;
        # Samlet: the combined file too.
        sub = os.path.join(folder, SUBFOLDER)
        self.assertEqual({os.path.dirname(p) for p in result["Written"]}, {sub})
        year = fixtures.DATE_SHOWN[-4:]
        self.assertEqual([os.path.basename(p) for p in result["Written"]],
                         ["IKU %s - %s.pdf" % (year, n) for n in fixtures.EXPECTED] + [COMBINED])
        self.assertEqual(sorted(os.listdir(sub)), sorted(os.path.basename(p)
                                                         for p in result["Written"]))
        # Organisation (locked) in the header; the packed logo on page 1, as large
        # as the PNG in the preset.
        for path in result["Written"][:-1]:
            self.assertIn(ORGANISATION, fixtures.pdf_text(path))
            listed = subprocess.run(["pdfimages", "-list", path], capture_output=True, text=True,
                                    check=True, timeout=60).stdout.splitlines()[2:]
            self.assertEqual([line.split()[:5] for line in listed],
                             [["1", "0", "image", "60", "30"]], path)

    def test_05_update_url(self):
        manager = office.ctx.getValueByName(
            "/singletons/com.sun.star.deployment.ExtensionManager")
        packages = {p.getIdentifier().Value: p for p in manager.getDeployedExtensions(
            "shared", manager.createAbortChannel(), None)}
        self.assertEqual(sorted(packages), ["org.ikuflet", "org.ikuflet.preset"])
        self.assertEqual(list(packages["org.ikuflet"].getUpdateInformationURLs()), [UPDATE_URL])
        self.assertEqual(list(packages["org.ikuflet.preset"].getUpdateInformationURLs()), [])

    def test_04_system_installation_untouched(self):
        self.assertEqual(listing(system_store), system_before)


class MakePreset(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=work)
        self.ini = os.path.join(self.dir, "s.ini")
        self.out = os.path.join(self.dir, "p.oxt")

    def write(self, text):
        with open(self.ini, "w", encoding="utf-8") as f:
            f.write(text)

    def test_unknown_key_names_the_line(self):
        self.write("[ikuflet]\nOrganisation=X\nLogoo=y.png\n")
        r = run_make_preset(self.ini, "--output", self.out)
        self.assertEqual(r.returncode, 1)
        self.assertIn("linje 3", r.stderr)
        self.assertIn("Logoo", r.stderr)
        self.assertFalse(os.path.exists(self.out))

    def test_lock_needs_a_value(self):
        self.write("[ikuflet]\nOrganisation=X\n")
        r = run_make_preset(self.ini, "--output", self.out, "--lock", "Filnavn")
        self.assertEqual(r.returncode, 1)
        self.assertIn("Filnavn", r.stderr)
        self.assertFalse(os.path.exists(self.out))

    def test_escapes_and_percent(self):
        self.write("[ikuflet]\nOrganisation=\\sA & B 100%\nTeamudviklingsplan=true\n"
                   "Logo=\\\\\\\\server\\\\share\\\\logo.png\n")
        r = run_make_preset(self.ini, "--output", self.out, "--lock-all")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("findes ikke her", r.stderr)   # a path of the PCs, written as it stands
        with zipfile.ZipFile(self.out) as z:
            xcu = z.read("Settings.xcu").decode("utf-8")
            self.assertNotIn("files/", "".join(z.namelist()))
        self.assertIn("<value> A &amp; B 100%%</value>", xcu)
        self.assertIn("<value>\\\\server\\share\\logo.png</value>", xcu)
        self.assertIn('<prop oor:name="Teamudviklingsplan" oor:finalized="true">', xcu)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--make-preset", required=True)
    parser.add_argument("--update-url", required=True)
    args, rest = parser.parse_known_args()
    OXT, MAKE_PRESET = os.path.abspath(args.oxt), os.path.abspath(args.make_preset)
    UPDATE_URL = args.update_url
    run_unittests(rest)
