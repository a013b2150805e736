#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Property test: over many generated schemas (random names, contents,
continuation rows, same names in other case, team text copied down, comments),
every IKU holds exactly its employee's individual content plus all team content:
no other employee's text and no cell comment. Checked with pdftotext.

The expected owner of every text is computed here, independently of ikuflet,
from the rules in PRODUCT.md. Set IKUFLET_PRIVACY_SEED / IKUFLET_PRIVACY_RUNS to
explore further."""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iku_pdf_check as pdf  # noqa: E402
from ods_writer import write_schema  # noqa: E402

IKUFLET = os.environ["IKUFLET"]
SEED = int(os.environ.get("IKUFLET_PRIVACY_SEED", "20261122"))
RUNS = int(os.environ.get("IKUFLET_PRIVACY_RUNS", "25"))

FIRST = ["Anne", "Bo", "Søren", "Åse", "Ærtebjerg", "Øjvind", "Łukasz", "Γιώργος", "Олена",
         "Nguyễn", "Mette", "Karl", "Ida", "Jens", "Fatima", "Zoë"]
LAST = ["Hansen", "Østergaard", "Æbelø", "Wójcik", "Παπαδόπουλος", "Коваленко", "Thị Hương",
        "Bæk", "Holm", "Lund", "Al-Sayed", "Friis"]


def token(rng, kind):
    # Short words without spaces: the layout never breaks inside them.
    return "%s%05d" % (kind, rng.randrange(100000))


def key(name):
    n = unicodedata.normalize("NFC", " ".join(name.split()))
    return unicodedata.normalize("NFC", n.casefold())


def generate(rng):
    """Rows plus the model: owner key -> own tokens, the team tokens, secrets."""
    n_people = rng.randint(1, 9)
    people = []
    while len(people) < n_people:
        name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
        if key(name) not in [key(p) for p in people]:
            people.append(name)
    rows, own, team, secrets = [], {}, [], []
    current = None
    team_pool = [token(rng, "TEAM") for _ in range(rng.randint(0, 4))]
    for _ in range(rng.randint(n_people, n_people * 4)):
        choice = rng.random()
        if current is None or choice < 0.5:
            current = rng.choice(people)
            name = current
            if rng.random() < 0.2:   # the same person typed in other case
                name = current.upper() if rng.random() < 0.5 else current.lower()
        else:
            name = ""                # continuation row
        lines = []
        for _ in range(rng.randint(0, 3)):
            words = [token(rng, "IND") for _ in range(rng.randint(1, 4))]
            prefix = rng.choice(["", "• ", "- ", "* "])
            lines.append(prefix + " ".join(words))
        individual = "\n".join(lines)
        team_text = ""
        if team_pool and rng.random() < 0.6:
            team_text = rng.choice(team_pool)   # often copied down
        if individual:
            own.setdefault(key(current), []).extend(
                w for line in lines for w in line.split() if w.startswith("IND"))
        if team_text and team_text not in team:
            team.append(team_text)
        name_cell = name
        if name and rng.random() < 0.25:
            secret = token(rng, "SECRET")
            secrets.append(secret)
            name_cell = (name, "kommentar " + secret)
        ind_cell = individual
        if individual and rng.random() < 0.15:
            secret = token(rng, "SECRET")
            secrets.append(secret)
            ind_cell = (individual, secret)
        rows.append((name_cell, ind_cell, team_text))
        if name:
            own.setdefault(key(current), [])
    names = {key(p): p for p in people}
    return rows, own, team, secrets, names


class PrivacyTest(unittest.TestCase):
    def test_every_ikus_content_is_exactly_its_own(self):
        rng = random.Random(SEED)
        checked = 0
        for run in range(RUNS):
            tmp = tempfile.mkdtemp(prefix="ikuflet-privacy-")
            try:
                rows, own, team, secrets, names = generate(rng)
                schema = os.path.join(tmp, "skema.ods")
                write_schema(schema, rows)
                r = subprocess.run([IKUFLET, "--json", "--out", os.path.join(tmp, "ud"), schema],
                                   capture_output=True, text=True, timeout=300)
                self.assertEqual(r.returncode, 0, "seed %d run %d: %s" % (SEED, run, r.stderr))
                written = json.loads(r.stdout)["written"]
                self.assertEqual(len(written), len(own), "seed %d run %d" % (SEED, run))
                all_own = {t for toks in own.values() for t in toks}
                for path in written:
                    text = pdf.flat_text(path)
                    words = set(text.split())
                    # The owner is the employee whose IKU this is: the footer and
                    # the document title name them.
                    title = pdf.info(path)["Title"]
                    owner_key = key(title[len("IKU – "):])
                    self.assertIn(owner_key, own, title)
                    expected = set(own[owner_key])
                    self.assertTrue(expected <= words, "missing own content in %s" % path)
                    self.assertTrue(set(team) <= words, "missing team content in %s" % path)
                    leaked = (all_own - expected) & words
                    self.assertFalse(leaked, "seed %d run %d: %s holds %s" % (SEED, run, title, leaked))
                    self.assertFalse(set(secrets) & words, "a comment reached %s" % title)
                    checked += 1
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        print("privacy: %d IKUs from %d schemas checked (seed %d)" % (checked, RUNS, SEED))
        self.assertGreater(checked, RUNS)


if __name__ == "__main__":
    unittest.main(verbosity=2)
