#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The settings through the command line: --settings FILE and the flags that
override it, --print-settings; every setting checked in the PDFs by independent
tools (pdftotext for organisation and wording, pdfimages -list for the logo,
pikepdf for the logo's tag) and on disk (file names, folders); bad settings and
bad logos give a message, exit code 1 and no PDF."""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "pdf"))
import iku_pdf_check as pdf  # noqa: E402
import tagged_check  # noqa: E402
from ods_writer import write_schema  # noqa: E402

IKUFLET = os.environ["IKUFLET"]
BASIC = os.path.join(os.environ["IKUFLET_TEST_DATA"], "ods", "schema-basic.ods")
BASIC_NAMES = ["Anne Æbelø", "Søren Østergaard", "Åse Hansen"]


def png(width, height, color_type=6, rows=None, crc_ok=True):
    """A PNG written here from its definition: IHDR, one IDAT, IEND."""
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color_type]
    raw = b"".join(b"\0" + bytes((x * 5 + y * 3 + c * 70) % 256 for x in range(width)
                                 for c in range(channels)) for y in range(height))

    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc if crc_ok else crc ^ 1)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def huge_png(width, height):
    """A tiny file that claims @width × @height pixels."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 4096))
            + chunk(b"IEND", b""))


class SettingsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-settings-")
        self.out = os.path.join(self.tmp, "ud")
        self.schema = os.path.join(self.tmp, "skema.ods")
        shutil.copy(BASIC, self.schema)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, data):
        path = os.path.join(self.tmp, name)
        with open(path, "wb" if isinstance(data, bytes) else "w",
                  **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f:
            f.write(data)
        return path

    def run_cli(self, *args, cwd=None):
        return subprocess.run([IKUFLET, *args], capture_output=True, text=True, encoding="utf-8",
                              timeout=600, cwd=cwd)

    def export(self, *args, expect=0, out=True):
        extra = ["--out", self.out] if out else []
        r = self.run_cli("--json", *extra, *args, self.schema)
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        return json.loads(r.stdout)

    def pdfs(self, folder=None):
        folder = folder or self.out
        return sorted(n for n in os.listdir(folder) if n.endswith(".pdf")) if os.path.isdir(folder) else []

    def assert_refused(self, args, *needles):
        """Exit 1, the JSON error names @needles, nothing written anywhere."""
        before = sorted(os.listdir(self.tmp))
        report = self.export(*args, expect=1)
        self.assertEqual(report["written"], [])
        for needle in needles:
            self.assertIn(needle, report["error"])
        self.assertFalse(os.path.exists(self.out), os.listdir(self.tmp))
        self.assertEqual(sorted(os.listdir(self.tmp)), before)
        # The plain report says the same on stderr.
        r = self.run_cli("--out", self.out, *args, self.schema)
        self.assertEqual(r.returncode, 1)
        self.assertIn(needles[0], r.stderr)
        return report["error"]

    def images(self, path):
        """pdfimages -list: (page, type, width, height, color, enc) rows."""
        r = subprocess.run(["pdfimages", "-list", path], capture_output=True, text=True, check=True)
        self.assertEqual(r.stderr, "")
        rows = []
        for line in r.stdout.splitlines()[2:]:
            cols = line.split()
            rows.append((int(cols[0]), cols[2], int(cols[3]), int(cols[4]), cols[5], cols[8]))
        return rows

    def assert_tagged(self, path):
        self.assertEqual(tagged_check.walk(path), [], path)
        pdf.assert_sound(path)

    # ---- --print-settings ------------------------------------------------------

    def test_print_settings_defaults(self):
        r = self.run_cli("--print-settings")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "[ikuflet]\nOrganisation=\nLogo=\nTekster=\nMappe=\n"
                                   "Filnavn=IKU - {navn}\nTeamudviklingsplan=false\nSamlet=false\n")

    def test_print_settings_file_then_flags(self):
        folder = os.path.join(self.tmp, "hr")
        os.mkdir(folder)
        settings = os.path.join(folder, "ikuflet.ini")
        with open(settings, "w", encoding="utf-8") as f:
            f.write("# HR's indstillinger\n[ikuflet]\nOrganisation=Randers Kommune\nLogo=logo.png\n"
                    "Mappe=IKU 2026\nFilnavn={år} {navn}\nSamlet=true\n")
        r = self.run_cli("--settings", settings, "--print-settings")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Organisation=Randers Kommune\n", r.stdout)
        self.assertIn("Logo=%s\n" % os.path.join(folder, "logo.png"), r.stdout)
        self.assertIn("Mappe=IKU 2026\n", r.stdout)
        self.assertIn("Filnavn={år} {navn}\n", r.stdout)
        self.assertIn("Samlet=true\nTeamudviklingsplan=false\n".split("\n")[0], r.stdout)
        # Flags go before the file; a relative flag path is from the current folder.
        r = self.run_cli("--settings", settings, "--organisation", "Aarhus Kommune", "--logo", "a.png",
                         "--name-pattern", "{navn} IKU", "--teamplan", "--print-settings", cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Organisation=Aarhus Kommune\n", r.stdout)
        here = os.path.join(os.path.realpath(self.tmp), "a.png")
        if os.environ.get("IKUFLET_UNDER_WINE"):
            here = "Z:" + here.replace("/", "\\")   # the Windows program's own absolute path
        self.assertIn("Logo=%s\n" % here, r.stdout)
        self.assertIn("Filnavn={navn} IKU\n", r.stdout)
        self.assertIn("Teamudviklingsplan=true\n", r.stdout)
        # What it prints reads back as the same settings.
        printed = self.write("printed.ini", r.stdout)
        again = self.run_cli("--settings", printed, "--print-settings")
        self.assertEqual(again.stdout, r.stdout)

    # ---- bad settings files ------------------------------------------------------

    def test_bad_settings_files(self):
        cases = [
            ("[ikuflet]\nOrganisation=A\nLogoo=x.png\n", ["linje 3", "»Logoo«"]),
            ("[ikuflet]\nFilnavn\n", ["linje 2", "kan ikke forstås"]),
            ("[ikuflet]\n[Indstillinger]\n", ["linje 2", "[Indstillinger]"]),
            ("Organisation=A\n", ["linje 1", "[ikuflet]"]),
            ("[ikuflet]\nSamlet=ja\n", ["Samlet=ja", "true"]),
            ("[ikuflet]\nFilnavn=IKU {dato}\n", ["{navn}", "samme filnavn"]),
            ("[ikuflet]\nFilnavn={navn} {efternavn}\n", ["{efternavn}"]),
            ("[ikuflet]\nFilnavn={navn\n", ["»{« uden »}«"]),
        ]
        for i, (text, needles) in enumerate(cases):
            with self.subTest(text=text):
                path = self.write("bad-%d.ini" % i, text)
                self.assert_refused(["--settings", path], "bad-%d.ini" % i, *needles)
        self.assert_refused(["--settings", os.path.join(self.tmp, "findes-ikke.ini")], "findes-ikke.ini",
                            "findes ikke")

    def test_bad_flags(self):
        self.assert_refused(["--name-pattern", "{navnet}"], "--name-pattern", "{navnet}")
        self.assert_refused(["--name-pattern", "IKU }{navn}"], "»}« uden »{«")
        self.assert_refused(["--texts", os.path.join(self.tmp, "ingen.ini")], "ingen.ini")
        # A command line GOption cannot parse is wrong usage (2), not bad settings.
        r = self.run_cli("--settings")
        self.assertEqual(r.returncode, 2)

    # ---- organisation and wording ------------------------------------------------

    def test_organisation_in_every_output(self):
        settings = self.write("s.ini", "[ikuflet]\nOrganisation=Randers Kommune\nTeamudviklingsplan=true\n"
                                       "Samlet=true\n")
        report = self.export("--settings", settings)
        self.assertEqual(len(report["written"]), 5)
        for path in report["written"]:
            text = pdf.text(path)
            self.assertTrue(text.startswith("Randers Kommune\n"), text[:80])
            self.assert_tagged(path)
        combined = pdf.text(os.path.join(self.out, "IKU'er samlet.pdf"))
        self.assertEqual(combined.count("Randers Kommune"), 3)
        # The flag goes before the file.
        shutil.rmtree(self.out)
        report = self.export("--settings", settings, "--organisation", "Favrskov Kommune")
        self.assertIn("Favrskov Kommune", pdf.flat_text(report["written"][0]))
        self.assertNotIn("Randers", pdf.flat_text(report["written"][0]))

    def test_no_organisation_no_header(self):
        report = self.export()
        self.assertTrue(pdf.text(report["written"][0]).startswith("Individuel kompetenceudviklingsplan"))
        self.assertEqual(self.images(report["written"][0]), [])

    def test_wording_override(self):
        texts = self.write("tekster.ini", "# Randers' ordlyd\n[IKU]\nTitel=Min udviklingsplan\n"
                                          "Godkendelse=Underskrifter\nArkivering=\n")
        report = self.export("--texts", texts)
        text = pdf.flat_text(report["written"][0])
        self.assertIn("Min udviklingsplan", text)
        self.assertIn("Underskrifter", text)
        self.assertNotIn("Individuel kompetenceudviklingsplan (IKU)", text)
        # Keys left out (or left empty) keep the built-in text.
        self.assertIn("Teamfokus", text)
        self.assertIn("personalesag", text)
        self.assertEqual(pdf.info(report["written"][0])["Title"], "IKU – Anne Æbelø")
        # The same from the settings file, relative to it.
        shutil.rmtree(self.out)
        settings = self.write("s.ini", "[ikuflet]\nTekster=tekster.ini\n")
        report = self.export("--settings", settings)
        self.assertIn("Min udviklingsplan", pdf.flat_text(report["written"][0]))

    def test_bad_wording_files(self):
        cases = [
            ("[IKU]\nTitel=Plan\nTitle=Plan\n", ["linje 3", "»Title«"]),
            ("[IKU]\nTitel Plan\n", ["linje 2", "kan ikke forstås"]),
            ("[Tekster]\nTitel=Plan\n", ["linje 1", "[Tekster]"]),
            (b"[IKU]\nTitel=\xe6ndret\n", ["linje 2", "UTF-8"]),
        ]
        for i, (text, needles) in enumerate(cases):
            with self.subTest(text=text):
                path = self.write("tekster-%d.ini" % i, text)
                self.assert_refused(["--texts", path], "tekster-%d.ini" % i, "Tekstfilen", *needles)

    # ---- the logo ----------------------------------------------------------------

    def test_png_logo(self):
        logo = self.write("logo.png", png(300, 100))
        report = self.export("--logo", logo, "--organisation", "Randers Kommune", "--teamplan", "--samlet")
        self.assertEqual(len(report["written"]), 5)
        for path in report["written"][:3]:
            self.assertEqual(self.images(path), [(1, "image", 300, 100, "rgb", "image"),
                                                 (1, "smask", 300, 100, "gray", "image")])
            self.assert_tagged(path)
        combined = self.images(os.path.join(self.out, "IKU'er samlet.pdf"))
        self.assertEqual(sorted({row[0] for row in combined}), [1, 2, 3])
        self.assert_tagged(os.path.join(self.out, "IKU'er samlet.pdf"))
        self.assertEqual(self.images(report["written"][3])[0][:4], (1, "image", 300, 100))
        # The logo is a Figure whose alternative text is the organisation.
        import pikepdf
        with pikepdf.open(report["written"][0]) as doc:
            figures = []

            def visit(element):
                kids = element.get("/K")
                kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
                for kid in kids:
                    if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                        if kid.S == pikepdf.Name.Figure:
                            figures.append(kid)
                        visit(kid)
            visit(doc.Root.StructTreeRoot)
            self.assertEqual(len(figures), 1)
            self.assertEqual(str(figures[0].Alt), "Randers Kommune")
            box = [float(v) for v in figures[0].A.BBox]
            # 300 × 100 pixels in a 170 × 56 pt box: 168 × 56, aspect kept, at the top right.
            self.assertAlmostEqual(box[2] - box[0], 168.0, places=1)
            self.assertAlmostEqual(box[3] - box[1], 56.0, places=1)
            self.assertAlmostEqual(box[2], 595.276 - 70.0, places=1)
        r = subprocess.run(["pdfinfo", "-struct-text", report["written"][0]], capture_output=True,
                           text=True, check=True)
        self.assertLess(r.stdout.index("Randers Kommune"), r.stdout.index("Figure"))
        self.assertLess(r.stdout.index("Figure"), r.stdout.index("Individuel kompetenceudviklingsplan"))

    def test_logo_kinds(self):
        cases = [
            ("gray.png", png(40, 160, color_type=0), [(1, "image", 40, 160, "gray", "image")]),
            ("rgb.png", png(64, 64, color_type=2), [(1, "image", 64, 64, "rgb", "image")]),
            # An alpha channel that is opaque everywhere is no mask.
            ("opaque.png", None, [(1, "image", 20, 20, "rgb", "image")]),
        ]
        for name, data, expected in cases:
            with self.subTest(name=name):
                if data is None:
                    subprocess.run(["convert", "-size", "20x20", "xc:green", "-define",
                                    "png:color-type=6", os.path.join(self.tmp, name)], check=True)
                    logo = os.path.join(self.tmp, name)
                else:
                    logo = self.write(name, data)
                shutil.rmtree(self.out, ignore_errors=True)
                report = self.export("--logo", logo)
                self.assertEqual(self.images(report["written"][0]), expected)
                self.assert_tagged(report["written"][0])
                # Without an organisation the logo's alternative text is "Logo".
                r = subprocess.run(["pdfinfo", "-struct-text", report["written"][0]],
                                   capture_output=True, text=True, check=True)
                self.assertIn("Figure", r.stdout)
        for name, args, color in [("logo.jpg", [], "rgb"), ("cmyk.jpg", ["-colorspace", "CMYK"], "cmyk"),
                                  ("prog.jpg", ["-interlace", "JPEG"], "rgb")]:
            with self.subTest(name=name):
                logo = os.path.join(self.tmp, name)
                subprocess.run(["convert", "-size", "120x60", "gradient:red-blue", *args, logo], check=True)
                shutil.rmtree(self.out, ignore_errors=True)
                report = self.export("--logo", logo)
                self.assertEqual(self.images(report["written"][0]), [(1, "image", 120, 60, color, "jpeg")])
                self.assert_tagged(report["written"][0])

    def test_bad_logos(self):
        good = png(300, 100)
        cases = {
            "afkortet.png": (good[: len(good) // 2], ["afkortet.png", "ødelagt eller afkortet PNG"]),
            "forkert-crc.png": (png(40, 40, crc_ok=False), ["forkert-crc.png", "ødelagt"]),
            "tekst.png": ("Dette er ikke et billede.\n", ["tekst.png", "hverken en PNG- eller en JPEG-fil"]),
            "tom.png": (b"", ["tom.png", "hverken en PNG- eller en JPEG-fil"]),
            "kæmpe.png": (huge_png(20000, 20000), ["kæmpe.png", "20000 × 20000", "3000 × 3000"]),
            "bred.png": (huge_png(3001, 10), ["bred.png", "3001 × 10"]),
            "afkortet.jpg": (None, ["afkortet.jpg", "ødelagt eller afkortet JPEG"]),
        }
        for name, (data, needles) in cases.items():
            with self.subTest(name=name):
                if data is None:
                    full = os.path.join(self.tmp, "full.jpg")
                    subprocess.run(["convert", "-size", "200x100", "plasma:", full], check=True)
                    with open(full, "rb") as f:
                        data = f.read()
                    os.unlink(full)
                    data = data[: len(data) // 2]
                logo = self.write(name, data)
                self.assert_refused(["--logo", logo], *needles)
                os.unlink(logo)
        # 50 MB: refused by its size before it is read.
        big = os.path.join(self.tmp, "stort.png")
        with open(big, "wb") as f:
            f.write(good)
            f.truncate(50 * 1024 * 1024)
        self.assert_refused(["--logo", big], "stort.png", "50 MB", "5 MB")
        os.unlink(big)
        self.assert_refused(["--logo", os.path.join(self.tmp, "mangler.png")], "mangler.png", "findes ikke")
        # From the settings file, the same.
        settings = self.write("s.ini", "[ikuflet]\nLogo=tekst.png\n")
        self.write("tekst.png", "tekst\n")
        self.assert_refused(["--settings", settings], "tekst.png", "hverken")

    def test_bad_logo_leaves_earlier_ikus_alone(self):
        self.export()
        before = {n: os.path.getmtime(os.path.join(self.out, n)) for n in self.pdfs()}
        logo = self.write("tekst.png", "ikke et billede\n")
        report = self.export("--logo", logo, expect=1)
        self.assertEqual(report["written"], [])
        self.assertEqual({n: os.path.getmtime(os.path.join(self.out, n)) for n in self.pdfs()}, before)
        self.assertEqual(sorted(os.listdir(self.out)), sorted(before))

    # ---- file names and folders --------------------------------------------------

    def test_name_patterns(self):
        cases = [
            ("{år} {team} - {navn}", ["2024 Hjemmeplejen Nord - %s.pdf" % n for n in BASIC_NAMES]),
            ("{navn} ({dato})", ["%s (12.03.2024).pdf" % n for n in BASIC_NAMES]),
            ("IKU {navn}.pdf", ["IKU %s.pdf" % n for n in BASIC_NAMES]),
            # Hostile: never outside the folder.
            ("{navn}/../x", ["%s_.._x.pdf" % n for n in BASIC_NAMES]),
            ("../../{navn}", ["_.._%s.pdf" % n for n in BASIC_NAMES]),
            ("..\\{navn}", ["_%s.pdf" % n for n in BASIC_NAMES]),
        ]
        for pattern, names in cases:
            with self.subTest(pattern=pattern):
                shutil.rmtree(self.out, ignore_errors=True)
                report = self.export("--name-pattern", pattern)
                self.assertEqual(sorted(os.path.basename(p) for p in report["written"]), sorted(names))
                self.assertEqual(self.pdfs(), sorted(names))
                self.assertEqual(sorted(os.listdir(self.tmp)), ["skema.ods", "ud"])

    def test_long_pattern_cut(self):
        pattern = "{navn} " + "æ" * 300
        report = self.export("--name-pattern", pattern)
        for path in report["written"]:
            name = os.path.basename(path)
            self.assertLessEqual(len(name.encode("utf-8")), 124)
            self.assertTrue(name.endswith("æ.pdf"), name)
            self.assertTrue(os.path.isfile(path))
        self.assertEqual(len(self.pdfs()), 3)

    def test_pattern_collisions_numbered(self):
        # Two names that sanitise alike get " (2)" and a warning.
        schema = os.path.join(self.tmp, "to.ods")
        write_schema(schema, [("Bo/Ek", "Kursus", ""), ("Bo_Ek", "Kursus", "")])
        r = self.run_cli("--json", "--out", self.out, "--name-pattern", "{team} {navn}", schema)
        self.assertEqual(r.returncode, 0, r.stderr)
        report = json.loads(r.stdout)
        self.assertEqual(self.pdfs(), ["Testteamet Bo_Ek (2).pdf", "Testteamet Bo_Ek.pdf"])
        self.assertTrue(any("Testteamet Bo_Ek (2).pdf" in w for w in report["warnings"]))

    def test_folder_setting(self):
        settings = self.write("s.ini", "[ikuflet]\nMappe=IKU 2026/Team Nord\n")
        report = self.export("--settings", settings, out=False)
        folder = os.path.join(self.tmp, "IKU 2026", "Team Nord")
        self.assertEqual(sorted(os.path.dirname(p) for p in report["written"]), [folder] * 3)
        self.assertEqual(len(self.pdfs(folder)), 3)
        # --out goes before Mappe.
        report = self.export("--settings", settings)
        self.assertEqual(len(self.pdfs()), 3)
        # A fixed folder must exist; nothing is made for it.
        missing = os.path.join(self.tmp, "findes-ikke")
        settings = self.write("fast.ini", "[ikuflet]\nMappe=%s\n" % missing)
        report = self.export("--settings", settings, out=False, expect=3)
        self.assertIn(missing, report["error"])
        self.assertFalse(os.path.exists(missing))
        settings = self.write("op.ini", "[ikuflet]\nMappe=../ud\n")
        report = self.export("--settings", settings, out=False, expect=3)
        self.assertIn("..", report["error"])

    def test_outputs_from_file(self):
        settings = self.write("s.ini", "[ikuflet]\nTeamudviklingsplan=true\nSamlet=true\n")
        self.export("--settings", settings)
        self.assertIn("Teamudviklingsplan - Hjemmeplejen Nord.pdf", self.pdfs())
        self.assertIn("IKU'er samlet.pdf", self.pdfs())


if __name__ == "__main__":
    unittest.main(verbosity=2)
