#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every PDF ikuflet writes is tagged, and its structure tree reads in order.

IKUs made by the CLI from generated schemas (a bullet list, a line that wraps,
a two-page IKU, an empty section, names in several scripts) are checked with
poppler (`pdfinfo` "Tagged: yes", `pdfinfo -struct-text`: the tree lists title,
info table, headings, every item and the approval text in order, words
separated where lines break, nothing of the footer), with pikepdf (tagged_check.walk:
marked content, MCIDs, parent tree) and with qpdf --check; pdftotext still
gives the text."""
import configparser
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
import iku_pdf_check as pdf  # noqa: E402
import tagged_check  # noqa: E402
from ods_writer import write_schema  # noqa: E402

IKUFLET = os.environ["IKUFLET"]


def wording():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    with open(os.path.join(os.environ["IKUFLET_DATA_DIR"], "iku-tekster.ini"), encoding="utf-8") as f:
        parser.read_file(f)
    return parser["IKU"]


W = wording()
LONG = ("Deltage i et længere forløb om rehabilitering med tre moduler, hvor hvert modul "
        "afsluttes med en praktisk opgave, som drøftes med lederen og teamet bagefter")


def make_iku(test, rows, name, **kw):
    """Runs the CLI on a schema of @rows; returns the path of @name's IKU."""
    tmp = tempfile.mkdtemp(prefix="iku-tagged-")
    test.addCleanup(subprocess.run, ["rm", "-rf", tmp])
    schema = os.path.join(tmp, "skema.ods")
    write_schema(schema, rows, **kw)
    r = subprocess.run([IKUFLET, "--json", "--out", os.path.join(tmp, "ud"), schema],
                       capture_output=True, text=True)
    test.assertEqual(r.returncode, 0, r.stderr)
    for path in json.loads(r.stdout)["written"]:
        if os.path.basename(path) == "IKU - %s.pdf" % name:
            return path
    test.fail("no IKU for %s in %s" % (name, r.stdout))


class Tagged(unittest.TestCase):
    def assert_tagged(self, path):
        info = pdf.info(path)
        self.assertEqual(info.get("Tagged"), "yes")
        self.assertEqual(info.get("PDF version"), "1.7")
        pdf.assert_sound(path)
        problems = tagged_check.walk(path)
        self.assertEqual(problems, [], "\n".join(problems))
        return tagged_check.struct_text(path)

    def assert_in_order(self, leaves, expected):
        """@expected (role, text) pairs appear in @leaves in this order."""
        at = 0
        for want in expected:
            while at < len(leaves) and leaves[at] != want:
                at += 1
            self.assertLess(at, len(leaves), "%r not found in order in %r" % (want, leaves))
            at += 1

    def test_one_page(self):
        rows = [
            ("Anne Æbelø", "Kursus i forflytning\n• Første modul i maj\n• Andet modul i juni\n" + LONG,
             "Fælles temadag om demens"),
            ("Bo Holm", "Mentor for nye kolleger", ""),
        ]
        path = make_iku(self, rows, "Anne Æbelø", team="Hjemmeplejen Nord", leader="Lea Leder",
                        date="1. juni 2026")
        entries = self.assert_tagged(path)
        leaves = tagged_check.leaves(entries)
        self.assertEqual(entries[0][:2], (0, "Document"))
        self.assertEqual(leaves[0], ("H1", W["Titel"]))
        self.assert_in_order(leaves, [
            ("H1", W["Titel"]),
            ("TH", W["Medarbejder"] + ":"), ("TD", "Anne Æbelø"),
            ("TH", W["Team"] + ":"), ("TD", "Hjemmeplejen Nord"),
            ("TH", W["Leder"] + ":"), ("TD", "Lea Leder"),
            ("TH", W["Dato"] + ":"), ("TD", "1. juni 2026"),
            ("H2", W["Teamfokus"]), ("P", "Fælles temadag om demens"),
            ("H2", W["IndividueltFokus"]), ("P", "Kursus i forflytning"),
            ("Lbl", "•"), ("P", "Første modul i maj"),
            ("Lbl", "•"), ("P", "Andet modul i juni"),
            # Wrapped over lines, read with a space at every break.
            ("P", LONG),
            ("H2", W["Godkendelse"]), ("P", W["GodkendelseTekst"]),
            ("P", W["UnderskriftMedarbejder"]), ("P", "Anne Æbelø"),
            ("P", W["UnderskriftLeder"]), ("P", "Lea Leder"),
            ("P", W["Arkivering"]),
        ])
        # The two bullets are one list of two items, each a label and a body.
        roles = [(d, r) for d, r, t in entries if r is not None]
        lists = [i for i, (d, r) in enumerate(roles) if r == "L"]
        self.assertEqual(len(lists), 1)
        depth = roles[lists[0]][0]
        inside = []
        for d, r in roles[lists[0] + 1:]:
            if d <= depth:
                break
            inside.append((d - depth, r))
        self.assertEqual(inside, [(1, "LI"), (2, "Lbl"), (2, "LBody"), (3, "P")] * 2)
        # Nothing of other employees, nothing of the footer (an artifact).
        texts = tagged_check.texts(entries)
        self.assertNotIn("Mentor for nye kolleger", texts)
        self.assertFalse(any(t.startswith("Side ") for t in texts), texts)
        self.assertIn(LONG, pdf.flat_text(path))

    def test_two_pages(self):
        items = ["Aftale %d om kompetenceudvikling i teamet og i hverdagen" % i for i in range(1, 46)]
        rows = [("Karl Lund", items[0], "Fælles møde")] + [("", item, "") for item in items[1:]]
        path = make_iku(self, rows, "Karl Lund")
        self.assertGreaterEqual(int(pdf.info(path)["Pages"]), 2)
        entries = self.assert_tagged(path)
        leaves = tagged_check.leaves(entries)
        self.assert_in_order(leaves, [("H2", W["IndividueltFokus"])]
                             + [("P", item) for item in items]
                             + [("H2", W["Godkendelse"]), ("P", W["GodkendelseTekst"])])
        texts = tagged_check.texts(entries)
        self.assertFalse(any(t.startswith("Side ") for t in texts), texts)

    def test_empty_sections(self):
        rows = [("Ida Friis", "", "")]
        path = make_iku(self, rows, "Ida Friis", leader="", team="")
        entries = self.assert_tagged(path)
        leaves = tagged_check.leaves(entries)
        self.assert_in_order(leaves, [
            ("TH", W["Medarbejder"] + ":"), ("TD", "Ida Friis"),
            ("H2", W["Teamfokus"]), ("P", W["IngenTeamfokus"]),
            ("H2", W["IndividueltFokus"]), ("P", W["IngenIndividueltFokus"]),
            ("H2", W["Godkendelse"]),
        ])
        # No leader: no empty elements for the missing values.
        self.assertNotIn(("TH", W["Leder"] + ":"), leaves)
        for role, text in leaves:
            self.assertNotEqual(text.strip(), "", role)

    def test_scripts(self):
        names = ["Łukasz Wójcik-Żmuda", "Γιώργος Παπαδόπουλος", "Олена Коваленко",
                 "Nguyễn Thị Hương", "Ștefan Țurcanu", "Jiří Dvořák"]
        rows = [(n, "Kursus for " + n, "Fælles møde") for n in names]
        for n in names:
            with self.subTest(name=n):
                path = make_iku(self, rows, n, leader="Zoë Ærø")
                leaves = tagged_check.leaves(self.assert_tagged(path))
                self.assert_in_order(leaves, [("TD", n), ("TD", "Zoë Ærø"),
                                              ("P", "Kursus for " + n), ("P", n)])
                self.assertIn("Kursus for " + n, pdf.flat_text(path))

    def test_checker_catches_broken_files(self):
        """The structure walk fails on files broken on purpose."""
        import pikepdf
        good = make_iku(self, [("Anne Berg", "Kursus", "Møde")], "Anne Berg")
        self.assertEqual(tagged_check.walk(good), [])
        tmp = os.path.dirname(good)

        def broken(name, change):
            with pikepdf.open(good) as doc:
                change(doc)
                path = os.path.join(tmp, name)
                doc.save(path)
            return tagged_check.walk(path)

        def untag_footer(doc):
            page = doc.pages[0]
            data = page.Contents.read_bytes()
            start = data.index(b"/Artifact <</Type /Pagination")
            end = data.index(b"BDC\n", start) + 4
            page.Contents.write(data[:start] + data[end:].replace(b"EMC\n", b"", 1))

        def swap_parents(doc):
            owners = doc.Root.StructTreeRoot.ParentTree.Nums[1]
            owners[0], owners[1] = owners[1], owners[0]

        def drop_kid(doc):
            document = doc.Root.StructTreeRoot.K[0]
            del document.K[0]

        self.assertTrue(any("outside marked content" in p or "EMC" in p
                            for p in broken("footer.pdf", untag_footer)))
        self.assertTrue(any("/ParentTree" in p for p in broken("parents.pdf", swap_parents)))
        self.assertTrue(any("claimed by no element" in p for p in broken("kid.pdf", drop_kid)))


if __name__ == "__main__":
    unittest.main(verbosity=2)
