#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The commands of issue 15 through org.ikuflet.Export's XJob.execute in a real
headless LibreOffice (the component inside soffice.bin after the restart):
which sheet an export uses and how the result names it (and its team), the
Sheet and Command arguments. PDFs are read with poppler's pdftotext.

Usage: test_commands.py --oxt PATH/ikuflet.oxt
"""

import argparse
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import nv, run_unittests, start_with_extension, stop_and_clean  # noqa: E402
import uno  # noqa: E402,F401  (after office: the office's own pyuno)
import fixtures  # noqa: E402
from fixtures import TEAMS, list_pdfs, pdf_name, pdf_text  # noqa: E402

OXT = None
office = None
work = None


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-commands-")
    office.check_component_in_office()


def tearDownModule():
    stop_and_clean(office, work)


def team_pdfs(*sheets):
    return sorted(pdf_name(row[0]) for s in sheets for row in TEAMS[s][1])


class CommandCase(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)

    def tearDown(self):
        office.close_all()

    def load_teams(self, active="Noter", **kwargs):
        path = os.path.join(self.dir, "teams.ods")
        fixtures.make_teams_workbook(office, path, **kwargs)
        doc = office.load(path)
        controller = doc.getCurrentController()
        controller.setActiveSheet(doc.Sheets.getByName(active))
        self.assertEqual(controller.getActiveSheet().Name, active)
        return doc


class TestWhichSheet(CommandCase):
    def test_result_names_sheet_and_team(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, path)
        result = office.export(office.load(path))
        self.assertEqual(result["Error"], "")
        self.assertEqual(result["Sheets"], ["Skema"])
        self.assertIn("Fra arket »Skema« (team: Hjemmeplejen Nord).", result["Details"])

    def test_sheet_without_team_is_named_alone(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_schema(office, path, [("Anna Andersen", "Kursus", "")], sheet_name="Blad")
        result = office.export(office.load(path))
        self.assertEqual(result["Error"], "")
        self.assertIn("Fra arket »Blad«.", result["Details"])

    def test_active_schema_sheet_is_used(self):
        doc = self.load_teams(active="Team Syd")
        result = office.export(doc)
        self.assertEqual(result["Error"], "")
        self.assertEqual(result["Sheets"], ["Team Syd"])
        self.assertEqual(list_pdfs(self.dir), team_pdfs("Team Syd"))
        self.assertIn("Fra arket »Team Syd« (team: Hjemmeplejen Syd).", result["Details"])
        self.assertFalse(any("aktive ark" in w for w in result["Warnings"]), result["Warnings"])

    def test_non_interactive_takes_first_and_says_so(self):
        doc = self.load_teams(active="Noter")
        result = office.export(doc, interactive=False)
        self.assertEqual(result["Error"], "")
        self.assertEqual(result["Sheets"], ["Team Nord"])
        self.assertEqual(list_pdfs(self.dir), team_pdfs("Team Nord"))
        notes = [w for w in result["Warnings"] if "Det aktive ark »Noter«" in w]
        self.assertEqual(len(notes), 1, result["Warnings"])
        self.assertIn("»Team Nord«, »Team Syd«", notes[0])
        self.assertIn("det første, »Team Nord«", notes[0])
        self.assertIn("Lav IKU'er for alle teams", notes[0])

    def test_interactive_in_headless_office_also_says_so(self):
        # No screen to ask on: the same as non-interactive, never a silent pick.
        result = office.export(self.load_teams(active="Noter"), interactive=True)
        self.assertEqual(result["Sheets"], ["Team Nord"])
        self.assertTrue(any("Det aktive ark »Noter«" in w for w in result["Warnings"]))

    def test_sheet_argument(self):
        result = office.export(self.load_teams(), extra=[nv("Sheet", "Team Syd")])
        self.assertEqual(result["Error"], "")
        self.assertEqual(result["Sheets"], ["Team Syd"])
        self.assertEqual(list_pdfs(self.dir), team_pdfs("Team Syd"))
        text = pdf_text(os.path.join(self.dir, pdf_name("Carl Carlsen")))
        self.assertIn("Sprogkursus", text)
        self.assertIn("Hjemmeplejen Syd", text)

    def test_sheet_argument_unknown_or_no_schema(self):
        doc = self.load_teams()
        result = office.export(doc, extra=[nv("Sheet", "Team Vest")])
        self.assertIn("intet ark, der hedder »Team Vest«", result["Error"])
        result = office.export(doc, extra=[nv("Sheet", "Noter")])
        self.assertIn("Arket »Noter« er ikke et kompetenceskema", result["Error"])
        self.assertEqual(list_pdfs(self.dir), [])

    def test_unknown_command(self):
        result = office.export(self.load_teams(), extra=[nv("Command", "everything")])
        self.assertIn("Argumentet Command skal være en af teksterne »export«", result["Error"])
        self.assertEqual(list_pdfs(self.dir), [])


# A schema with a continuation row and a team item in every row but Carl's.
FILTER_ROWS = [
    ("Anna Andersen", "Annas første punkt", "Teamets første punkt"),
    ("", "Annas andet punkt", ""),
    ("Bo Berg", "Bos punkt", "Teamets andet punkt"),
    ("Carl Carlsen", "Carls punkt", ""),
    ("Dorte Dam", "Dortes punkt", "Teamets tredje punkt"),
]


class TestAllTeams(CommandCase):
    def test_every_schema_sheet_in_one_run(self):
        result = office.export(self.load_teams(active="Noter"),
                               extra=[nv("Command", "all-teams")])
        self.assertEqual(result["Error"], "")
        self.assertEqual(result["Sheets"], ["Team Nord", "Team Syd"])
        self.assertEqual(list_pdfs(self.dir), team_pdfs("Team Nord", "Team Syd"))
        self.assertIn("Fra arkene »Team Nord« (team: Hjemmeplejen Nord), »Team Syd« "
                      "(team: Hjemmeplejen Syd).", result["Details"])
        self.assertFalse(any("aktive ark" in w for w in result["Warnings"]), result["Warnings"])
        self.assertIn("Hjemmeplejen Syd",
                      pdf_text(os.path.join(self.dir, pdf_name("Dorte Dam"))))
        self.assertIn("Nordens fokus",
                      pdf_text(os.path.join(self.dir, pdf_name("Bo Berg"))))

    def test_collision_across_sheets_gives_both_and_warns(self):
        result = office.export(self.load_teams(same_name="Eva Eriksen"),
                               extra=[nv("Command", "all-teams")])
        self.assertEqual(result["Error"], "")
        self.assertIn(pdf_name("Eva Eriksen"), list_pdfs(self.dir))
        self.assertIn("IKU - Eva Eriksen (2).pdf", list_pdfs(self.dir))
        first = pdf_text(os.path.join(self.dir, pdf_name("Eva Eriksen")))
        second = pdf_text(os.path.join(self.dir, "IKU - Eva Eriksen (2).pdf"))
        self.assertIn("Fælles navn i Team Nord", first)
        self.assertIn("Fælles navn i Team Syd", second)
        collision = [w for w in result["Warnings"] if "Eva Eriksen" in w]
        self.assertTrue(collision, result["Warnings"])
        self.assertTrue(any("Team Nord" in w and "Team Syd" in w for w in collision), collision)

    def test_sheet_without_employees_is_told_and_skipped(self):
        path = os.path.join(self.dir, "teams.ods")
        fixtures.make_teams_workbook(office, path)
        doc = office.load(path)
        doc.Sheets.insertNewByName("Team Tom", 3)
        fixtures.set_cells(doc.Sheets.getByName("Team Tom"), 0, [fixtures.HEADERS])
        result = office.export(doc, extra=[nv("Command", "all-teams")])
        self.assertEqual(result["Error"], "")
        self.assertEqual(result["Sheets"], ["Team Nord", "Team Syd"])
        self.assertTrue(any(w.startswith("Arket »Team Tom« er sprunget over") for w in
                            result["Warnings"]), result["Warnings"])


class TestHiddenRows(CommandCase):
    def load_schema(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_schema(office, path, FILTER_ROWS, sheet_name="Skema")
        return office.load(path)

    def test_hidden_rows_are_skipped_and_counted(self):
        doc = self.load_schema()
        rows = doc.Sheets.getByName("Skema").Rows
        rows.getByIndex(3).IsVisible = False   # Bo Berg
        rows.getByIndex(4).IsVisible = False   # Carl Carlsen
        doc.setModified(False)
        result = office.export(doc)
        self.assertEqual(result["Error"], "")
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in
                                                     ("Anna Andersen", "Dorte Dam")))
        self.assertIn("2 medarbejdere er sprunget over", " ".join(result["Warnings"]))
        # Team items count whatever their visibility.
        self.assertIn("Teamets andet punkt", pdf_text(os.path.join(self.dir,
                                                                   pdf_name("Dorte Dam"))))
        self.assertFalse(doc.isModified())

    def test_filter_down_to_one_employee(self):
        # A standard filter on the name column, as the leader sets it: the
        # continuation row (no name) is filtered out too, yet its item stays Anna's.
        doc = self.load_schema()
        sheet = doc.Sheets.getByName("Skema")
        area = sheet.getCellRangeByName("A1:C6")
        descriptor = area.createFilterDescriptor(True)
        field = uno.createUnoStruct("com.sun.star.sheet.TableFilterField")
        field.Field = 0
        field.Operator = uno.Enum("com.sun.star.sheet.FilterOperator", "EQUAL")
        field.IsNumeric = False
        field.StringValue = "Anna Andersen"
        descriptor.FilterFields = (field,)
        descriptor.ContainsHeader = True
        area.filter(descriptor)
        self.assertTrue(sheet.Rows.getByIndex(2).IsFiltered)
        self.assertFalse(sheet.Rows.getByIndex(1).IsFiltered)
        result = office.export(doc)
        self.assertEqual(result["Error"], "")
        self.assertEqual(list_pdfs(self.dir), [pdf_name("Anna Andersen")])
        self.assertIn("3 medarbejdere er sprunget over", " ".join(result["Warnings"]))
        text = pdf_text(os.path.join(self.dir, pdf_name("Anna Andersen")))
        for item in ("Annas første punkt", "Annas andet punkt", "Teamets andet punkt",
                     "Teamets tredje punkt"):
            self.assertIn(item, text)
        self.assertNotIn("Bos punkt", text)

    def test_every_employee_hidden_is_an_error(self):
        doc = self.load_schema()
        rows = doc.Sheets.getByName("Skema").Rows
        for r in range(1, 6):
            rows.getByIndex(r).IsVisible = False
        result = office.export(doc)
        self.assertIn("skjult", result["Error"])
        self.assertEqual(list_pdfs(self.dir), [])


class TestCheck(CommandCase):
    def test_check_lists_ikus_pages_and_warnings_and_writes_nothing(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_rich_schema(office, path)
        doc = office.load(path)
        before = sorted(os.listdir(self.dir))   # the office's lock file included
        result = office.export(doc, extra=[nv("Command", "check")])
        self.assertEqual(result["Error"], "")
        self.assertEqual(result["Written"], [])
        self.assertEqual(sorted(os.listdir(self.dir)), before)
        self.assertEqual(result["Planned"], list(fixtures.EXPECTED))
        self.assertEqual(result["Files"], [pdf_name(n) for n in fixtures.EXPECTED])
        self.assertEqual(len(result["Pages"]), len(fixtures.EXPECTED))
        self.assertTrue(all(p >= 1 for p in result["Pages"]), result["Pages"])
        self.assertIn("Fra arket »Skema« (team: Hjemmeplejen Nord).", result["Details"])
        # The schema's own warnings, as an export gives them.
        exported = office.export(doc)
        self.assertEqual(result["Warnings"], exported["Warnings"])
        self.assertEqual([os.path.basename(p) for p in exported["Written"]], result["Files"])
        self.assertFalse(doc.isModified())

    def test_check_tells_hidden_names(self):
        path = os.path.join(self.dir, "teams.ods")
        fixtures.make_teams_workbook(office, path, same_name="Eva Eriksen")
        doc = office.load(path)
        doc.Sheets.getByName("Team Nord").Rows.getByIndex(4).IsVisible = False   # Bo Berg
        result = office.export(doc, extra=[nv("Command", "check"), nv("Sheet", "Team Nord")])
        self.assertEqual(result["Error"], "")
        self.assertEqual(result["Planned"], ["Anna Andersen", "Eva Eriksen"])
        self.assertIn("1 medarbejder er sprunget over", " ".join(result["Warnings"]))
        self.assertEqual(list_pdfs(self.dir), [])

    def test_unknown_check_sheet(self):
        result = office.export(self.load_teams(), extra=[nv("Command", "check"),
                                                         nv("Sheet", "Team Vest")])
        self.assertIn("intet ark, der hedder »Team Vest«", result["Error"])


class TestStale(CommandCase):
    def test_renamed_employee_leaves_a_stale_iku_that_is_listed_not_deleted(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_schema(office, path, [("Anna Andersen", "Kursus", ""),
                                            ("Bo Berg", "Førstehjælp", "")], sheet_name="Skema")
        doc = office.load(path)
        first = office.export(doc)
        self.assertEqual(first["Error"], "")
        self.assertEqual(first["Stale"], [])
        old = os.path.join(self.dir, pdf_name("Bo Berg"))
        self.assertTrue(os.path.exists(old))
        # An IKU of another schema in the same folder is not this schema's.
        other = os.path.join(self.dir, "andet.ods")
        fixtures.make_schema(office, other, [("Carl Carlsen", "Sprog", "")], sheet_name="Skema")
        self.assertEqual(office.export(office.load(other), folder=self.dir)["Error"], "")

        # Bo is renamed in the live document (unsaved): his old IKU is stale.
        doc.Sheets.getByName("Skema").getCellRangeByName("A3").setString("Bodil Berg")
        second = office.export(doc)
        self.assertEqual(second["Error"], "")
        self.assertEqual(second["Stale"], [old])
        self.assertTrue(os.path.exists(old), "a stale IKU must never be deleted")
        self.assertTrue(any("Disse IKU'er hører ikke længere til nogen i skemaet" in w
                            and pdf_name("Bo Berg") in w for w in second["Warnings"]),
                        second["Warnings"])
        self.assertFalse(any("Carl" in w for w in second["Warnings"]), second["Warnings"])
        # The check says the same and writes nothing.
        check = office.export(doc, extra=[nv("Command", "check")])
        self.assertEqual(check["Stale"], [old])

    def test_ikus_carry_no_path(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_schema(office, path, [("Anna Andersen", "Kursus", "")], sheet_name="Skema")
        result = office.export(office.load(path))
        with open(result["Written"][0], "rb") as f:
            data = f.read()
        self.assertNotIn(self.dir.encode(), data)
        self.assertNotIn(b"skema.ods", data)


class TestSelection(CommandCase):
    def load_schema(self):
        path = os.path.join(self.dir, "skema.ods")
        fixtures.make_schema(office, path, FILTER_ROWS, sheet_name="Skema")
        return office.load(path)

    def export_selection(self, doc, selection):
        doc.getCurrentController().select(selection)
        return office.export(doc, extra=[nv("Command", "selection")])

    def test_continuation_row_selects_its_employee(self):
        doc = self.load_schema()
        result = self.export_selection(doc, doc.Sheets.getByName("Skema").getCellRangeByName("B3"))
        self.assertEqual(result["Error"], "")
        self.assertEqual(list_pdfs(self.dir), [pdf_name("Anna Andersen")])
        self.assertIn("3 medarbejdere uden for markeringen er ikke med.", result["Details"])
        text = pdf_text(os.path.join(self.dir, pdf_name("Anna Andersen")))
        for item in ("Annas første punkt", "Annas andet punkt", "Teamets andet punkt",
                     "Teamets tredje punkt"):
            self.assertIn(item, text)
        self.assertNotIn("Bos punkt", text)

    def test_multi_range_selection(self):
        doc = self.load_schema()
        sheet = doc.Sheets.getByName("Skema")
        ranges = doc.createInstance("com.sun.star.sheet.SheetCellRanges")
        ranges.addRangeAddress(sheet.getCellRangeByName("A4").RangeAddress, False)   # Bo
        ranges.addRangeAddress(sheet.getCellRangeByName("C6:D7").RangeAddress, False)  # Dorte
        result = self.export_selection(doc, ranges)
        self.assertEqual(result["Error"], "")
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in ("Bo Berg", "Dorte Dam")))
        self.assertIn("2 medarbejdere uden for markeringen er ikke med.", result["Details"])

    def test_selection_of_every_row_leaves_nobody_out(self):
        doc = self.load_schema()
        result = self.export_selection(doc, doc.Sheets.getByName("Skema").getCellRangeByName("A1:C6"))
        self.assertEqual(len(list_pdfs(self.dir)), 4)
        self.assertFalse(any("markeringen" in d for d in result["Details"]), result["Details"])

    def test_selection_without_employee(self):
        doc = self.load_schema()
        result = self.export_selection(doc, doc.Sheets.getByName("Skema").getCellRangeByName("A1:C1"))
        self.assertIn("Markeringen rammer ingen medarbejder i skemaet på arket »Skema«",
                      result["Error"])
        self.assertEqual(list_pdfs(self.dir), [])

    def test_selection_on_a_sheet_that_is_no_schema(self):
        doc = self.load_teams(active="Noter")
        result = self.export_selection(doc, doc.Sheets.getByName("Noter").getCellRangeByName("A1"))
        self.assertIn("Det markerede er på arket »Noter«, som ikke er et kompetenceskema",
                      result["Error"])
        self.assertEqual(list_pdfs(self.dir), [])

    def test_selection_and_filter(self):
        # Selected but filtered out: skipped as hidden, and said so.
        doc = self.load_schema()
        sheet = doc.Sheets.getByName("Skema")
        sheet.Rows.getByIndex(3).IsVisible = False   # Bo Berg
        result = self.export_selection(doc, sheet.getCellRangeByName("A3:A5"))
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in
                                                     ("Anna Andersen", "Carl Carlsen")))
        self.assertIn("1 medarbejder er sprunget over", " ".join(result["Warnings"]))


def main():
    global OXT
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    run_unittests(rest)


if __name__ == "__main__":
    main()
