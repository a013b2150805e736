#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ikuflet command line on .ods fixtures (tests/data/ods): files, texts checked
with poppler and qpdf, exit codes, JSON, and nothing written on error."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iku_pdf_check as pdf  # noqa: E402

IKUFLET = os.environ["IKUFLET"]
DATA = os.path.join(os.environ["IKUFLET_TEST_DATA"], "ods")
SECRET = "HEMMELIG-KOMMENTAR"


def fixture(name):
    return os.path.join(DATA, name)


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ikuflet-cli-")
        self.out = os.path.join(self.tmp, "ud")

    def tearDown(self):
        subprocess.run(["chmod", "-R", "u+rwx", self.tmp])
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_cli(self, *args, env=None, user=None):
        argv = [IKUFLET, *args]
        if user is not None:
            argv = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + argv
        return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8",
                              env=env, timeout=600)

    def export(self, name, *extra, expect=0):
        r = self.run_cli("--json", "--out", self.out, *extra, fixture(name))
        self.assertEqual(r.returncode, expect, r.stdout + r.stderr)
        report = json.loads(r.stdout)
        self.assertEqual(sorted(report), ["error", "warnings", "written"])
        return report

    def pdf_names(self, folder=None):
        folder = folder or self.out
        if not os.path.isdir(folder):
            return []
        return sorted(n for n in os.listdir(folder) if n.endswith(".pdf"))

    def assert_nothing_written(self, folder=None):
        folder = folder or self.out
        if os.path.isdir(folder):
            self.assertEqual(os.listdir(folder), [])

    # ---- schemas that work -------------------------------------------------------

    def test_basic_schema(self):
        report = self.export("schema-basic.ods")
        self.assertIsNone(report["error"])
        names = ["IKU - Anne Æbelø.pdf", "IKU - Søren Østergaard.pdf", "IKU - Åse Hansen.pdf"]
        self.assertEqual([os.path.basename(p) for p in report["written"]], names)
        self.assertEqual(self.pdf_names(), sorted(names))
        for p in report["written"]:
            self.assertTrue(os.path.isabs(p) or p.startswith(self.out))
            pdf.assert_sound(p)
        team = ["Fælles temadag om demens", "Supervision hver 6. uge", "Første gang i april",
                "Nyt dokumentationssystem i efteråret"]
        own = {
            "Anne Æbelø": ["Kursus i forflytning", "Opfølgning efter 3 måneder", "Sidemandsoplæring",
                           "Læse faglitteratur om demens", "Mentor for nye kolleger"],
            "Søren Østergaard": ["Lederuddannelse, modul 1"],
            "Åse Hansen": ["Førstehjælp, genopfriskning"],
        }
        for person, items in own.items():
            text = pdf.flat_text(os.path.join(self.out, "IKU - %s.pdf" % person))
            self.assertIn(person, text)
            for item in items + team:
                self.assertIn(item, text)
            for other, other_items in own.items():
                if other != person:
                    for item in other_items:
                        self.assertNotIn(item, text, "%s leaked into %s's IKU" % (item, person))
            self.assertNotIn(SECRET, text)
            self.assertIn("Hjemmeplejen Nord", text)
            self.assertIn("Birgitte Sørensen", text)
            self.assertIn("12.03.2024", text)
            self.assertEqual(text.count("Fælles temadag om demens"), 1)   # kept once
        info = pdf.info(os.path.join(self.out, "IKU - Anne Æbelø.pdf"))
        self.assertEqual(info["Title"], "IKU – Anne Æbelø")
        self.assertEqual(info["Author"], "Birgitte Sørensen")

    def test_plain_report_and_default_folder(self):
        folder = os.path.join(self.tmp, "skemaer")
        os.mkdir(folder)
        schema = os.path.join(folder, "Team Nord.ods")
        shutil.copy(fixture("schema-basic.ods"), schema)
        r = self.run_cli(schema)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("3 IKU'er er gemt i %s" % folder, r.stdout)
        self.assertEqual(len(self.pdf_names(folder)), 3)
        self.assertEqual(r.stderr, "")

    def test_date_option(self):
        self.export("schema-basic.ods", "--date", "1. december 2026")
        text = pdf.flat_text(os.path.join(self.out, "IKU - Søren Østergaard.pdf"))
        self.assertIn("1. december 2026", text)
        self.assertNotIn("12.03.2024", text)

    def test_short_headers(self):
        report = self.export("schema-short-headers.ods")
        self.assertEqual(len(report["written"]), 2)
        text = pdf.flat_text(os.path.join(self.out, "IKU - Mads Kjærgaard.pdf"))
        self.assertIn("Kørekort til minibus", text)
        self.assertIn("Brugerinddragelse", text)
        self.assertIn("Dagcenter Solsikken", text)
        self.assertNotIn("Ferie i uge 30", text)   # other columns are ignored
        self.assertNotIn("Aktivitetsuddannelse", text)

    def test_header_variants(self):
        report = self.export("schema-header-variants.ods")
        self.assertEqual([os.path.basename(p) for p in report["written"]], ["IKU - Rasmus Dahl.pdf"])

    def test_second_sheet(self):
        report = self.export("schema-second-sheet.ods")
        self.assertEqual(len(report["written"]), 2)
        text = pdf.flat_text(os.path.join(self.out, "IKU - Karen Bæk.pdf"))
        self.assertIn("Sygeplejen Syd", text)
        self.assertIn("Kursus i palliation", text)
        self.assertNotIn("LOKKEDUE", text)

    def test_merged_cells(self):
        report = self.export("schema-merged.ods")
        self.assertEqual(len(report["written"]), 4)
        mette = pdf.flat_text(os.path.join(self.out, "IKU - Mette Kjær.pdf"))
        self.assertIn("Kursus i Excel", mette)
        self.assertIn("Sprogkursus i tysk", mette)
        self.assertIn("Trivselsmåling", mette)
        self.assertNotIn("SKJULT-INDHOLD", mette)
        ida = pdf.flat_text(os.path.join(self.out, "IKU - Ida Vestergaard.pdf"))
        self.assertIn("Projektleder på ny vagtplan", ida)
        kim = pdf.flat_text(os.path.join(self.out, "IKU - Kim Larsen.pdf"))
        self.assertNotIn("Projektleder på ny vagtplan", kim)

    def test_ordinary_cells_under_a_merge(self):
        # What Calc shows: text under a merged area never reaches a PDF, and a
        # hidden name makes no IKU; a covered cell outside any area is shown.
        report = self.export("schema-merged-ordinary.ods")
        self.assertEqual(self.pdf_names(), ["IKU - Anne Æbelø.pdf", "IKU - Bo Holm.pdf",
                                            "IKU - Camilla Kjær.pdf"])
        for path in report["written"]:
            self.assertNotIn("SKJULT", pdf.flat_text(path))
        bo = pdf.flat_text(os.path.join(self.out, "IKU - Bo Holm.pdf"))
        for item in ["Kursus i demens", "Sprogkursus", "Mentor", "Fælles temadag"]:
            self.assertIn(item, bo)
        camilla = pdf.flat_text(os.path.join(self.out, "IKU - Camilla Kjær.pdf"))
        self.assertIn("Synlig dækket celle", camilla)
        self.assertIn("Også synlig", camilla)

    def test_misleading_names(self):
        # Invisible characters are gone from names, files and messages; an
        # invisible-only name continues the row above; a file-name collision
        # names both rows and both files.
        report = self.export("schema-misleading-names.ods")
        self.assertEqual(self.pdf_names(), ["IKU - A_B (2).pdf", "IKU - A_B.pdf",
                                            "IKU - Anne Hansen.pdf", "IKU - Bo Ek.pdf"])
        anne = pdf.flat_text(os.path.join(self.out, "IKU - Anne Hansen.pdf"))
        for item in ["Kursus i Excel", "Mentor for ny kollega", "Sårpleje"]:
            self.assertIn(item, anne)
        invisible = "\u200b\u00ad\u202e\u2069\ufeff"
        for text in report["warnings"] + report["written"]:
            self.assertFalse(set(text) & set(invisible), text)
        self.assertTrue(any("»Anne Hansen« står i flere rækker (2 og 5)" in w
                            for w in report["warnings"]), report["warnings"])
        self.assertTrue(any("»A/B« (række 6) og »A_B« (række 7)" in w and "»IKU - A_B.pdf«" in w
                            and "»IKU - A_B (2).pdf«" in w for w in report["warnings"]),
                        report["warnings"])

    def test_unicode_names(self):
        report = self.export("schema-unicode-names.ods")
        names = ["Bjørn Æbelø", "Åse Ørsted", "Łukasz Wójcik-Żmuda", "Γιώργος Παπαδόπουλος",
                 "Олена Коваленко", "Nguyễn Thị Hương", "Ida Ærø"]
        files = [os.path.basename(p) for p in report["written"]]
        for name in names:
            self.assertIn("IKU - %s.pdf" % name, files)
            path = os.path.join(self.out, "IKU - %s.pdf" % name)
            text = pdf.text(path)
            self.assertIn(name, text)
            self.assertEqual(pdf.info(path)["Title"], "IKU – %s" % name)
            pdf.assert_sound(path)
        self.assertIn("IKU - Per_Ole_ Hansen_.pdf", files)
        self.assertIn("Per/Ole: Hansen?", pdf.text(os.path.join(self.out, "IKU - Per_Ole_ Hansen_.pdf")))
        self.assertEqual(report["warnings"], [])

    def test_same_name_merged_with_warning(self):
        report = self.export("schema-duplicates.ods")
        self.assertEqual(len(report["written"]), 2)
        self.assertTrue(any("flere rækker" in w and "Anne Æbelø" in w for w in report["warnings"]),
                        report["warnings"])
        text = pdf.flat_text(os.path.join(self.out, "IKU - Anne Æbelø.pdf"))
        self.assertIn("Kursus A: forflytning", text)
        self.assertIn("Kursus C: demens", text)
        self.assertNotIn("Kursus B", text)

    def test_orphan_content_reported(self):
        r = self.run_cli("--out", self.out, fixture("error-orphan-content.ods"))
        self.assertEqual(r.returncode, 0)
        self.assertIn("Række 2", r.stderr)
        self.assertEqual(self.pdf_names(), ["IKU - Lone Berg.pdf"])
        self.assertNotIn("Indhold uden navn", pdf.flat_text(os.path.join(self.out, "IKU - Lone Berg.pdf")))

    def test_five_megabyte_cell(self):
        report = self.export("schema-five-mb-cell.ods")
        self.assertEqual([os.path.basename(p) for p in report["written"]],
                         ["IKU - Anne Æbelø.pdf", "IKU - Camilla Kjær.pdf"])
        self.assertTrue(any("Række 3" in w and "B3" in w and "Bo Holm" in w for w in report["warnings"]),
                        report["warnings"])
        for p in report["written"]:
            text = pdf.flat_text(p)
            self.assertNotIn("BO-FORTSAT", text)
            self.assertNotIn("xxxxxxxx", text)
            self.assertIn("Fælles temadag", text)

    def test_million_row_tail(self):
        report = self.export("tail-million-rows.ods")
        self.assertEqual(len(report["written"]), 3)

    def test_big_team(self):
        report = self.export("big-2000-employees.ods")
        self.assertEqual(len(report["written"]), 2000)
        self.assertEqual(len(self.pdf_names()), 2000)
        pdf.assert_sound(report["written"][1999])

    def test_regenerate_replaces(self):
        self.export("schema-basic.ods")
        target = os.path.join(self.out, "IKU - Åse Hansen.pdf")
        with open(target, "wb") as f:
            f.write(b"old")
        self.export("schema-basic.ods")
        self.assertEqual(len(self.pdf_names()), 3)
        pdf.assert_sound(target)
        self.assertEqual([n for n in os.listdir(self.out) if not n.endswith(".pdf")], [])

    # ---- input problems: exit 1, nothing written ------------------------------------

    def check_input_error(self, name, *words):
        report = self.export(name, expect=1)
        self.assertEqual(report["written"], [])
        self.assertIsInstance(report["error"], str)
        for w in words:
            self.assertIn(w, report["error"])
        self.assert_nothing_written()
        r = self.run_cli("--out", self.out, fixture(name))
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stderr.startswith("Fejl: "), r.stderr)
        self.assertEqual(r.stdout, "")

    def test_no_header(self):
        self.check_input_error("error-no-header.ods", "error-no-header.ods", "Indsæt navn på medarbejder")

    def test_no_employees(self):
        self.check_input_error("error-no-employees.ods", "ingen medarbejdere")

    def test_broken_files(self):
        for name in ["broken-not-zip.ods", "broken-truncated.ods", "broken-no-content.ods",
                     "broken-entity-bomb.ods", "broken-external-entity.ods", "broken-invalid-utf8.ods",
                     "broken-malformed-xml.ods", "broken-zip-bomb.ods", "broken-xlsx.ods",
                     "broken-empty.ods", "broken-too-many-rows.ods", "broken-zip-bomb-lying.ods",
                     "broken-zip-duplicate.ods", "broken-zip-local-header.ods",
                     "broken-many-attributes.ods", "broken-many-namespaces.ods",
                     "broken-book-cells.ods", "broken-book-text.ods"]:
            with self.subTest(name=name):
                self.check_input_error(name, name)

    def test_missing_file(self):
        missing = os.path.join(self.tmp, "findes-ikke.ods")
        r = self.run_cli("--json", "--out", self.out, missing)
        self.assertEqual(r.returncode, 1)
        self.assertIn("findes-ikke.ods", json.loads(r.stdout)["error"])
        self.assert_nothing_written()

    # ---- usage: exit 2 ---------------------------------------------------------------

    def test_usage(self):
        for args in [[], [fixture("schema-basic.ods"), fixture("schema-basic.ods")], ["--bogus", "x.ods"],
                     ["--out"]]:
            with self.subTest(args=args):
                r = self.run_cli(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertTrue(r.stderr.strip(), "a usage error must say something")
        r = self.run_cli("--json")
        self.assertEqual(r.returncode, 2)
        self.assertIsInstance(json.loads(r.stdout)["error"], str)
        # --json answers in JSON for every usage error, in Danish.
        for args in [["--json", "--bogus", "x.ods"], ["--bogus", "--json"], ["--json", "--out"],
                     ["--json", "--threads", "x", "s.ods"], ["--json", "a.ods", "b.ods"]]:
            with self.subTest(args=args):
                r = self.run_cli(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                report = json.loads(r.stdout)
                self.assertEqual(report["written"], [])
                self.assertRegex(report["error"], "ikuflet --help")
        r = self.run_cli("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("--out", r.stdout)
        self.assertIn("SKEMA.{ods,xlsx,xlsm}", r.stdout)

    # ---- output problems: exit 3 -----------------------------------------------------

    @unittest.skipIf(os.environ.get("IKUFLET_UNDER_WINE"),
                     "Windows file names are UTF-16: a name that is not UTF-8 cannot reach it")
    def test_folder_name_not_utf8(self):
        # A folder whose name is not UTF-8: JSON writes each such byte as a lone
        # surrogate escape (\udc80-\udcff), so a script gets the path back.
        out = os.path.join(os.fsencode(self.tmp), b"ud-\xe6\xff")
        r = subprocess.run([os.fsencode(IKUFLET), b"--json", b"--out", out,
                            os.fsencode(fixture("schema-short-headers.ods"))],
                           capture_output=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"\\udce6\\udcff", r.stdout)
        report = json.loads(r.stdout.decode("ascii", "strict") if r.stdout.isascii()
                            else r.stdout.decode("utf-8"))
        self.assertEqual(len(report["written"]), 2)
        for path in report["written"]:
            raw = os.fsencode(path)   # surrogateescape: the bytes as on disk
            self.assertTrue(raw.startswith(out + b"/IKU - "), raw)
            self.assertTrue(os.path.isfile(raw), raw)
        # The plain report prints the bytes as the file system has them.
        r = subprocess.run([os.fsencode(IKUFLET), b"--out", out,
                            os.fsencode(fixture("schema-short-headers.ods"))],
                           capture_output=True, timeout=600)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(out + b"/IKU - ", r.stdout)

    def test_out_is_a_file(self):
        blocker = os.path.join(self.tmp, "fil")
        open(blocker, "w").close()
        r = self.run_cli("--json", "--out", blocker, fixture("schema-basic.ods"))
        self.assertEqual(r.returncode, 3)
        self.assertEqual(json.loads(r.stdout)["written"], [])

    def test_directory_in_place_of_one_pdf(self):
        os.makedirs(os.path.join(self.out, "IKU - Søren Østergaard.pdf"))
        report = self.export("schema-basic.ods", expect=3)
        self.assertEqual(len(report["written"]), 2)
        self.assertIn("IKU - Søren Østergaard.pdf", report["error"])
        self.assertEqual(self.pdf_names(), ["IKU - Anne Æbelø.pdf", "IKU - Søren Østergaard.pdf",
                                            "IKU - Åse Hansen.pdf"])
        self.assertTrue(os.path.isdir(os.path.join(self.out, "IKU - Søren Østergaard.pdf")))

    @unittest.skipIf(os.environ.get("IKUFLET_UNDER_WINE"),
                     "Unix users and modes do not apply to a Windows program under Wine")
    def test_unwritable_folder(self):
        if os.geteuid() != 0:
            os.makedirs(self.out)
            os.chmod(self.out, 0o555)
            user = None
        else:
            # root may write anywhere: run as the unprivileged user "nobody".
            os.makedirs(self.out)
            os.chmod(self.tmp, 0o755)
            os.chmod(self.out, 0o755)
            user = 65534
            shutil.copy(fixture("schema-basic.ods"), os.path.join(self.tmp, "s.ods"))
        schema = os.path.join(self.tmp, "s.ods") if user else fixture("schema-basic.ods")
        r = self.run_cli("--json", "--out", self.out, schema, user=user)
        self.assertEqual(r.returncode, 3, r.stdout + r.stderr)
        self.assertIn("lov til", json.loads(r.stdout)["error"])
        self.assertEqual(os.listdir(self.out), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
