#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The team development plan (--teamplan) and the print file of all IKUs
(--samlet), through the CLI, on generated schemas.

Privacy property, over many random schemas: the team plan holds every team item
and nothing individual; the combined file holds every employee's IKU from the
page its bookmark points to, restarting "Side 1 af N", and each employee's
individual content only on that employee's pages. Both files are tagged and
their structure reads in order (pdfinfo -struct-text, the pikepdf walk), written
atomically (no temporary file left), listed in the report, and absent without
the flags."""
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "cli"))
import pikepdf  # noqa: E402
import iku_pdf_check as pdf  # noqa: E402
import tagged_check  # noqa: E402
from ods_writer import write_schema  # noqa: E402
from test_tagged import W  # noqa: E402

IKUFLET = os.environ["IKUFLET"]
SEED = int(os.environ.get("IKUFLET_OUTPUTS_SEED", "20261201"))
RUNS = int(os.environ.get("IKUFLET_OUTPUTS_RUNS", "8"))
NAMES = ["Anne Holm", "Bo Lund", "Søren Bæk", "Łukasz Wójcik", "Γιώργος Νικολάου",
         "Олена Іваненко", "Nguyễn Văn An", "Ida Friis", "Ștefan Pop", "Jiří Novák"]


def run_cli(test, schema, *flags):
    out = tempfile.mkdtemp(prefix="iku-outputs-")
    test.addCleanup(subprocess.run, ["rm", "-rf", out])
    r = subprocess.run([IKUFLET, "--json", "--out", out] + list(flags) + [schema],
                       capture_output=True, text=True)
    test.assertEqual(r.returncode, 0, r.stderr)
    report = json.loads(r.stdout)
    test.assertEqual(sorted(os.path.basename(p) for p in report["written"]),
                     sorted(os.listdir(out)), "the report lists exactly the files on disk")
    return out, report["written"]


def assert_fonts_subset(test, path):
    """Every font embedded, a subset (tag in its name) and with a ToUnicode map."""
    r = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True)
    fonts = [line.split() for line in r.stdout.splitlines()[2:] if line.strip()]
    test.assertTrue(fonts)
    for cols in fonts:
        test.assertEqual(cols[-5:-2], ["yes", "yes", "yes"], " ".join(cols))
        test.assertRegex(cols[0], r"^[A-Z]{6}\+IkufletSans-")


def page_texts(path):
    return pdf.text(path).split("\f")


def bookmarks(path):
    """(title, first page index) of every bookmark, in order."""
    with pikepdf.open(path) as doc:
        index = {p.obj.objgen: i for i, p in enumerate(doc.pages)}
        with doc.open_outline() as outline:
            return [(item.title, index[item.destination[0].objgen]) for item in outline.root]


class Outputs(unittest.TestCase):
    def schema(self, rows, **kw):
        tmp = tempfile.mkdtemp(prefix="iku-outputs-schema-")
        self.addCleanup(subprocess.run, ["rm", "-rf", tmp])
        path = os.path.join(tmp, "skema.ods")
        write_schema(path, rows, **kw)
        return path

    def test_off_by_default(self):
        schema = self.schema([("Anne Holm", "Kursus", "Møde")])
        out, written = run_cli(self, schema)
        self.assertEqual(os.listdir(out), ["IKU - Anne Holm.pdf"])

    def test_team_plan(self):
        rows = [("Anne Holm", "Kursus i ledelse", "Fælles temadag om demens\n• Oplæg i maj"),
                ("Bo Lund", "Mentorordning", "Supervision hver 6. uge")]
        schema = self.schema(rows, team="Hjemmeplejen Nord", leader="Lea Leder",
                             date="1. juni 2026")
        out, written = run_cli(self, schema, "--teamplan")
        self.assertIn(os.path.join(out, "Teamudviklingsplan - Hjemmeplejen Nord.pdf"), written)
        path = os.path.join(out, "Teamudviklingsplan - Hjemmeplejen Nord.pdf")
        self.assertEqual(pdf.info(path)["Title"], "Teamudviklingsplan – Hjemmeplejen Nord")
        self.assertEqual(pdf.info(path)["Tagged"], "yes")
        pdf.assert_sound(path)
        assert_fonts_subset(self, path)
        self.assertEqual(tagged_check.walk(path), [])
        leaves = tagged_check.leaves(tagged_check.struct_text(path))
        expected = [
            ("H1", W["Teamplan"]),
            ("TH", W["Team"] + ":"), ("TD", "Hjemmeplejen Nord"),
            ("TH", W["Leder"] + ":"), ("TD", "Lea Leder"),
            ("TH", W["Dato"] + ":"), ("TD", "1. juni 2026"),
            ("TH", W["Opfoelgning"] + ":"),
            ("H2", W["TeamplanFokus"]), ("P", "Fælles temadag om demens"),
            ("Lbl", "•"), ("P", "Oplæg i maj"), ("P", "Supervision hver 6. uge"),
            ("H2", W["Godkendelse"]), ("P", W["TeamplanGodkendelse"]),
            ("P", W["UnderskriftLeder"]), ("P", "Lea Leder"), ("P", W["UnderskriftTeam"]),
        ]
        self.assertEqual([l for l in leaves if l[1].strip()], expected)
        text = pdf.flat_text(path)
        for private in ("Kursus i ledelse", "Mentorordning", "Anne Holm", "Bo Lund"):
            self.assertNotIn(private, text)

    def test_summary_counts_ikus(self):
        schema = self.schema([("Anne Holm", "Kursus", "Møde"), ("Bo Lund", "Kursus", "")])
        out = tempfile.mkdtemp(prefix="iku-outputs-")
        self.addCleanup(subprocess.run, ["rm", "-rf", out])
        r = subprocess.run([IKUFLET, "--out", out, "--teamplan", "--samlet", schema],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(r.stdout.startswith("2 IKU'er og 2 filer mere er gemt i "), r.stdout)
        r = subprocess.run([IKUFLET, "--out", out, "--samlet", schema], capture_output=True,
                           text=True)
        self.assertTrue(r.stdout.startswith("2 IKU'er og 1 fil mere er gemt i "), r.stdout)

    def test_team_plan_without_team_name(self):
        schema = self.schema([("Anne Holm", "Kursus", "")], team="", leader="")
        out, written = run_cli(self, schema, "--teamplan")
        path = os.path.join(out, "Teamudviklingsplan.pdf")
        self.assertIn(path, written)
        self.assertIn(W["IngenTeamfokus"], pdf.flat_text(path))
        self.assertNotIn("Kursus", pdf.flat_text(path))

    def test_combined_structure(self):
        rows = [("Anne Holm", "\n".join("Aftale %d om udvikling i hverdagen" % i for i in range(40)),
                 "Fælles møde"),
                ("Γιώργος Νικολάου", "Kursus i græsk", "")]
        schema = self.schema(rows, team="Team Syd")
        out, written = run_cli(self, schema, "--samlet")
        path = os.path.join(out, "IKU'er samlet.pdf")
        self.assertEqual(written[-1], path)
        info = pdf.info(path)
        self.assertEqual(info["Title"], "IKU'er samlet – Team Syd")
        self.assertEqual(info["Tagged"], "yes")
        pdf.assert_sound(path)
        assert_fonts_subset(self, path)
        self.assertEqual(tagged_check.walk(path), [])
        marks = bookmarks(path)
        self.assertEqual([t for t, _ in marks], ["IKU – Anne Holm", "IKU – Γιώργος Νικολάου"])
        pages = page_texts(path)
        first_pages = marks[1][1]
        self.assertGreaterEqual(first_pages, 2)
        for p in range(first_pages):
            self.assertIn("Side %d af %d" % (p + 1, first_pages), pages[p])
        self.assertIn("Side 1 af 1", pages[first_pages])
        entries = tagged_check.struct_text(path)
        roles = [(d, r) for d, r, t in entries if r is not None]
        self.assertEqual(roles[0], (0, "Document"))
        self.assertEqual([r for d, r in roles if d == 1], ["Sect", "Sect"])
        leaves = tagged_check.leaves(entries)
        self.assertEqual([t for r, t in leaves if r == "H1"], [W["Titel"]] * 2)

    def test_privacy_property(self):
        rng = random.Random(SEED)
        for run in range(RUNS):
            with self.subTest(run=run):
                people = rng.sample(NAMES, rng.randint(1, 6))
                rows, own, team = [], {}, []
                for name in people:
                    own[name] = []
                    for k in range(rng.randint(0, 8)):
                        words = ["IND%05d" % rng.randrange(100000) for _ in range(rng.randint(1, 5))]
                        own[name] += words
                        team_text = ""
                        if rng.random() < 0.4:
                            team_text = "TEAM%05d" % rng.randrange(100000)
                            team.append(team_text)
                        prefix = rng.choice(["", "• ", "- "])
                        rows.append((name if k == 0 else "", prefix + " ".join(words), team_text))
                    if not own[name]:
                        rows.append((name, "", ""))
                schema = self.schema(rows, team="Team %d" % run)
                out, written = run_cli(self, schema, "--teamplan", "--samlet")
                plan = pdf.flat_text(os.path.join(out, "Teamudviklingsplan - Team %d.pdf" % run))
                self.assertEqual(re.findall(r"IND\d{5}", plan), [])
                for token in team:
                    self.assertIn(token, plan)
                combined = os.path.join(out, "IKU'er samlet.pdf")
                marks = bookmarks(combined)
                self.assertEqual([t for t, _ in marks], ["IKU – " + n for n in people])
                pages = page_texts(combined)
                starts = [p for _, p in marks] + [len([t for t in pages if t.strip()])]
                for k, name in enumerate(people):
                    mine = "\n".join(pages[starts[k]:starts[k + 1]])
                    found = set(re.findall(r"IND\d{5}", mine))
                    self.assertEqual(found, set(own[name]), name)
                    for token in team:
                        self.assertIn(token, re.sub(r"\s+", " ", mine))


if __name__ == "__main__":
    unittest.main(verbosity=2)
