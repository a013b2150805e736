#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the built ikuflet.oxt without an office: the description (its version is
the Meson project version), the manifest and the registration files agree with
the archive's contents; the component exports exactly its two entry points, and
every library it needs resolves in the unpacked extension on its own RUNPATH
(libhpdf from the extension, not from the system).

The Meson option update_url: description.xml has an <update-information> with
exactly the configured URL, or none when it is empty; the same archive repacked
with a test URL (extension/meson.build) has that one.

Usage: test_package.py --oxt PATH --version VERSION --source-description PATH
       [--update-url URL] [--update-url-oxt PATH --update-url-test URL]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

OXT = VERSION = SOURCE_DESCRIPTION = None
UPDATE_URL = ""                       # the build's update_url option
UPDATE_URL_OXT = UPDATE_URL_TEST = None   # the same .oxt made with this other URL

D = "{http://openoffice.org/extensions/description/2006}"
LO = "{http://libreoffice.org/extensions/description/2011}"
XLINK = "{http://www.w3.org/1999/xlink}"
MANIFEST = "{http://openoffice.org/2001/manifest}"
COMPONENTS = "{http://openoffice.org/2010/uno-components}"
OOR = "{http://openoffice.org/2001/registry}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

COMPONENT = "ikuflet.uno.so"
TEMPLATE = "template/kompetenceskema.ods"   # iku-uno-component.c: TEMPLATE_FILE
# The program folder of the office in use (tests/e2e/office.py: IKUFLET_SOFFICE).
LIBREOFFICE_PROGRAM = os.path.dirname(os.path.realpath(
    os.environ.get("IKUFLET_SOFFICE") or "/usr/lib/libreoffice/program/soffice.bin"))


class TestPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.zip = zipfile.ZipFile(OXT)
        cls.names = set(cls.zip.namelist())
        cls.unpacked = tempfile.mkdtemp(prefix="ikuflet-oxt-")
        cls.zip.extractall(cls.unpacked)
        cls.component = os.path.join(cls.unpacked, COMPONENT)
        os.chmod(cls.component, 0o755)

    @classmethod
    def tearDownClass(cls):
        cls.zip.close()
        shutil.rmtree(cls.unpacked, ignore_errors=True)

    def xml(self, name):
        return ET.fromstring(self.zip.read(name))

    def test_archive_is_intact(self):
        self.assertIsNone(self.zip.testzip())
        for required in ("description.xml", "META-INF/manifest.xml", "ikuflet.components",
                         "Addons.xcu", "Jobs.xcu", TEMPLATE, COMPONENT, "data/iku-tekster.ini",
                         "data/IkufletSans-Regular.ttf", "data/IkufletSans-Bold.ttf",
                         "data/OFL.txt", "COPYING"):
            self.assertIn(required, self.names)

    def test_description(self):
        # As written, except <platform>: make-oxt.py names only the platforms this
        # archive has components for (the release .oxt of ./build.sh windows has both).
        # And <update-information> when the build has an update_url.
        with open(SOURCE_DESCRIPTION, "rb") as f:
            expected = f.read().replace(b'<platform value="linux_x86_64,windows_x86_64"/>',
                                        b'<platform value="linux_x86_64"/>')
        if UPDATE_URL:
            expected = expected.replace(
                b"</description>",
                b'  <update-information>\n    <src xlink:href="%s"/>\n'
                b'  </update-information>\n</description>'
                % UPDATE_URL.replace("&", "&amp;").encode("utf-8"))
        self.assertEqual(self.zip.read("description.xml"), expected)
        root = self.xml("description.xml")
        self.assertEqual(root.find(D + "identifier").get("value"), "org.ikuflet")
        self.assertEqual(root.find(D + "version").get("value"), VERSION,
                         "description.xml's version must equal meson.project_version()")
        self.assertEqual(root.find(D + "platform").get("value"), "linux_x86_64")
        minimal = root.find(D + "dependencies/" + LO + "LibreOffice-minimal-version")
        self.assertEqual(minimal.get("value"), "7.4")
        for path in ("display-name/" + D + "name", "publisher/" + D + "name",
                     "extension-description/" + D + "src",
                     "registration/" + D + "simple-license/" + D + "license-text"):
            langs = {e.get("lang") for e in root.findall(D + path)}
            self.assertEqual(langs, {"da", "en"}, path)
        for e in root.iter():
            href = e.get(XLINK + "href")
            if href is not None and not href.startswith("http"):
                self.assertIn(href, self.names, "description.xml refers to a missing file")
        self.assertIn(root.find(D + "icon/" + D + "default").get(XLINK + "href"), self.names)

    def update_urls(self, description):
        return [src.get(XLINK + "href")
                for src in ET.fromstring(description).findall(D + "update-information/" + D + "src")]

    def test_update_url(self):
        self.assertEqual(self.update_urls(self.zip.read("description.xml")),
                         [UPDATE_URL] if UPDATE_URL else [])
        if UPDATE_URL_OXT is None:
            self.skipTest("no --update-url-oxt")
        with zipfile.ZipFile(UPDATE_URL_OXT) as other:
            self.assertEqual(self.update_urls(other.read("description.xml")), [UPDATE_URL_TEST])
            # Nothing else differs.
            self.assertEqual(sorted(other.namelist()), sorted(self.names))
            for name in self.names - {"description.xml"}:
                self.assertEqual(other.read(name), self.zip.read(name), name)

    def test_manifest_and_components(self):
        entries = {e.get(MANIFEST + "full-path"): e.get(MANIFEST + "media-type")
                   for e in self.xml("META-INF/manifest.xml")}
        self.assertEqual(entries["ikuflet.components"],
                         "application/vnd.sun.star.uno-components;platform=Linux_x86_64")
        for xcu in ("Addons.xcu", "CalcWindowState.xcu", "Jobs.xcu"):
            self.assertEqual(entries[xcu], "application/vnd.sun.star.configuration-data")
        for path in entries:
            self.assertIn(path, self.names)
        component = self.xml("ikuflet.components").find(COMPONENTS + "component")
        self.assertEqual(component.get("environment"), "uno")
        self.assertEqual(component.get("loader"), "com.sun.star.loader.SharedLibrary")
        self.assertIn(component.get("uri"), self.names)
        implementations = {i.get("name"): [s.get("name") for s in i.findall(COMPONENTS + "service")]
                           for i in component.findall(COMPONENTS + "implementation")}
        self.assertEqual(implementations, {"org.ikuflet.Export": ["org.ikuflet.Export"],
                                           "org.ikuflet.ViewJob": ["org.ikuflet.ViewJob"],
                                           "org.ikuflet.OptionsHandler":
                                               ["org.ikuflet.OptionsHandler"]})
        self.assertEqual(entries["OptionsDialog.xcu"],
                         "application/vnd.sun.star.configuration-data")

    def test_options_page_texts(self):
        """Every text id of the Options page's dialog is in the Danish and the
        English .properties (which LibreOffice reads as ISO-8859-1: ASCII with
        \\uXXXX escapes here), and neither has ids the dialog does not use."""
        xdl = self.zip.read("options/IkufletOptions.xdl").decode("utf-8")
        ids = set(re.findall(r'dlg:value="&amp;([^"]+)"', xdl))
        self.assertTrue(ids)
        for locale in ("da_DK", "en_US"):
            data = self.zip.read("options/IkufletOptions_%s.properties" % locale)
            data.decode("ascii")
            keys = {line.split("=", 1)[0] for line in data.decode("ascii").splitlines()
                    if line and not line.startswith("#")}
            self.assertEqual(keys, ids, locale)
        # English for every other UI language.
        self.assertIn("options/IkufletOptions_en_US.default", self.names)

    def test_jobs(self):
        """The double-click button's job runs for every new view of a spreadsheet."""
        root = self.xml("Jobs.xcu")
        nodes = {n.get(OOR + "name"): n for n in root}
        job = next(n for n in nodes["Jobs"] if n.get(OOR + "name") == "org.ikuflet.ViewJob")
        props = {p.get(OOR + "name"): p.find("value").text for p in job.iter("prop")}
        self.assertEqual(props, {"Service": "org.ikuflet.ViewJob",
                                 "Context": "com.sun.star.sheet.SpreadsheetDocument"})
        events = {e.get(OOR + "name"): [j.get(OOR + "name") for j in e.find("node")]
                  for e in nodes["Events"]}
        self.assertEqual(events, {"OnViewCreated": ["org.ikuflet.ViewJob"]})

    def test_template(self):
        """The empty schema "Nyt kompetenceskema" opens: an OpenDocument spreadsheet."""
        data = self.zip.read(TEMPLATE)
        self.assertEqual(data[30:38], b"mimetype")
        self.assertIn(b"application/vnd.oasis.opendocument.spreadsheet", data[:100])

    def test_addons(self):
        root = self.xml("Addons.xcu")
        urls = {v.text for p in root.iter("prop") if p.get(OOR + "name") == "URL"
                for v in p.iter("value")}
        self.assertIn("service:org.ikuflet.Export?export", urls)
        titles = [{v.get(XML_LANG): v.text for v in p.iter("value")}
                  for p in root.iter("prop") if p.get(OOR + "name") == "Title"]
        for title in titles:
            self.assertEqual(set(title), {"da", "en-US"}, "every label in Danish and English")
        self.assertIn({"da": "Lav IKU'er", "en-US": "Make IKUs"}, titles)
        self.assertIn("service:org.ikuflet.Export?new-schema", urls)
        self.assertIn({"da": "Nyt kompetenceskema", "en-US": "New competence schema"}, titles)
        images = [v.text for p in root.iter("prop")
                  if p.get(OOR + "name") in ("ImageSmallURL", "ImageBigURL") for v in p.iter("value")]
        self.assertEqual(len(images), 2)
        for image in images:
            self.assertTrue(image.startswith("%origin%/"))
            name = image[len("%origin%/"):]
            self.assertIn(name, self.names)
            self.assertEqual(self.zip.read(name)[:8], b"\x89PNG\r\n\x1a\n")

    def test_exactly_two_exported_symbols(self):
        out = subprocess.run(["nm", "-D", "--defined-only", self.component], check=True,
                             capture_output=True, text=True).stdout
        symbols = sorted(line.split()[-1] for line in out.splitlines() if line.strip())
        self.assertEqual(symbols, ["component_getFactory", "component_getImplementationEnvironment"])

    def test_runpath_and_bundled_libraries(self):
        dynamic = subprocess.run(["readelf", "-d", self.component], check=True,
                                 capture_output=True, text=True).stdout
        runpath = re.search(r"\(RUNPATH\)\s+Library runpath: \[([^\]]*)\]", dynamic)
        self.assertIsNotNone(runpath, "the component has no RUNPATH")
        self.assertEqual(runpath.group(1).split(":")[0], "$ORIGIN")
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)
        hpdf = [n for n in needed if n.startswith("libhpdf")]
        self.assertEqual(len(hpdf), 1)
        self.assertIn(hpdf[0], self.names, "libhpdf is not bundled under its soname")

        # As inside soffice.bin: the office's own UNO libraries are loaded already
        # (ldd finds them by soname in its program folder, as the process does).
        env = dict(os.environ, LD_LIBRARY_PATH=LIBREOFFICE_PROGRAM)
        out = subprocess.run(["ldd", self.component], check=True, capture_output=True,
                             text=True, env=env).stdout
        self.assertNotIn("not found", out)
        resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", out, re.M))
        self.assertEqual(os.path.realpath(resolved[hpdf[0]]),
                         os.path.realpath(os.path.join(self.unpacked, hpdf[0])),
                         "libhpdf must come from the extension")
        for lib in ("libuno_sal.so.3", "libuno_cppu.so.3"):
            self.assertTrue(resolved[lib].startswith(LIBREOFFICE_PROGRAM + "/"), resolved[lib])


def main():
    global OXT, VERSION, SOURCE_DESCRIPTION, UPDATE_URL, UPDATE_URL_OXT, UPDATE_URL_TEST
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--source-description", required=True)
    parser.add_argument("--update-url", default="")
    parser.add_argument("--update-url-oxt")
    parser.add_argument("--update-url-test")
    args, rest = parser.parse_known_args()
    OXT, VERSION, SOURCE_DESCRIPTION = args.oxt, args.version, args.source_description
    UPDATE_URL, UPDATE_URL_OXT, UPDATE_URL_TEST = (args.update_url, args.update_url_oxt,
                                                   args.update_url_test)
    program = unittest.main(argv=[sys.argv[0]] + rest, exit=False, verbosity=2)
    sys.exit(0 if program.result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
