#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the extension: a real headless LibreOffice with a throwaway
profile, the built ikuflet.oxt installed through its ExtensionManager, schemas made
by the office itself, and org.ikuflet.Export called over UNO. PDFs are read with
poppler's pdftotext.

Usage: test_export.py --oxt PATH/ikuflet.oxt
"""

import argparse
import hashlib
import os
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import file_url, nv, run_unittests, start_with_extension, stop_and_clean  # noqa: E402
import uno  # noqa: E402  (after office: the office's own pyuno)
import fixtures  # noqa: E402
from fixtures import EXPECTED, NEVER_SHOWN, pdf_name, pdf_text, list_pdfs  # noqa: E402

OXT = None
office = None
work = None


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-e2e-")


def tearDownModule():
    stop_and_clean(office, work)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class ExportCase(unittest.TestCase):
    def setUp(self):
        office.close_all()
        self.dir = tempfile.mkdtemp(dir=work)

    def tearDown(self):
        office.close_all()

    def assertOfficeAnswers(self):
        self.assertTrue(office.alive(), "soffice.bin is gone:\n" + office.log_tail())
        self.assertIsNotNone(office.desktop.getComponents())
        self.assertEqual(office.export_service().ImplementationName, "org.ikuflet.Export")

    def assertRichIkus(self, folder, result):
        expected = sorted(os.path.join(folder, pdf_name(n)) for n in EXPECTED)
        self.assertEqual(result["Error"], "")
        self.assertEqual(sorted(result["Written"]), expected)
        self.assertEqual(list_pdfs(folder), sorted(pdf_name(n) for n in EXPECTED))
        for name, texts in EXPECTED.items():
            text = pdf_text(os.path.join(folder, pdf_name(name)))
            self.assertIn(name, text)
            for t in texts:
                self.assertIn(t, text, "%s: %r missing" % (name, t))
            for t in NEVER_SHOWN:
                self.assertNotIn(t, text, "%s: %r must not be shown" % (name, t))

    def rich(self, name="skema.ods", filter_name=fixtures.ODS_FILTER):
        path = os.path.join(self.dir, name)
        fixtures.make_rich_schema(office, path, filter_name)
        return path


class TestReading(ExportCase):
    def test_service_info(self):
        service = office.export_service()
        self.assertEqual(service.ImplementationName, "org.ikuflet.Export")
        self.assertTrue(service.supportsService("org.ikuflet.Export"))
        self.assertFalse(service.supportsService("com.sun.star.frame.Desktop"))
        types = {t.typeName for t in service.getTypes()}
        self.assertTrue({"com.sun.star.task.XJob", "com.sun.star.task.XJobExecutor",
                         "com.sun.star.lang.XServiceInfo"} <= types)

    def test_rich_schema_beside_the_document(self):
        path = self.rich()
        before = sha256(path)
        doc = office.load(path)
        started = time.monotonic()
        result = office.export(document=doc)
        print("\n  export of the rich schema: %.1f ms" % ((time.monotonic() - started) * 1000))
        self.assertRichIkus(self.dir, result)
        self.assertEqual(result["Warnings"], [])
        self.assertFalse(doc.isModified())
        self.assertEqual(sha256(path), before)
        self.assertEqual(doc.getURL(), file_url(path))

    def test_xlsx(self):
        path = self.rich("skema.xlsx", fixtures.XLSX_FILTER)
        doc = office.load(path)
        result = office.export(document=doc)
        self.assertRichIkus(self.dir, result)
        self.assertFalse(doc.isModified())

    def test_xlsm(self):
        path = self.rich("skema.xlsm", fixtures.XLSM_FILTER)
        doc = office.load(path)
        result = office.export(document=doc)
        self.assertRichIkus(self.dir, result)
        self.assertFalse(doc.isModified())

    def test_unsaved_edits_are_exported_and_not_saved(self):
        path = self.rich()
        before = sha256(path)
        doc = office.load(path)
        sheet = doc.Sheets.getByName("Skema")
        sheet.getCellByPosition(1, 5).setString("Ændret uden at gemme")
        sheet.getCellByPosition(0, 11).setString("Erik Eriksen")
        sheet.getCellByPosition(1, 11).setString("Eriks punkt")
        self.assertTrue(doc.isModified())
        result = office.export(document=doc, folder=self.dir)
        self.assertEqual(result["Error"], "")
        self.assertIn(os.path.join(self.dir, pdf_name("Erik Eriksen")), result["Written"])
        anna = pdf_text(os.path.join(self.dir, pdf_name("Anna Andersen")))
        self.assertIn("Ændret uden at gemme", anna)
        self.assertNotIn("Kursus i Excel", anna)
        self.assertIn("Eriks punkt", pdf_text(os.path.join(self.dir, pdf_name("Erik Eriksen"))))
        self.assertTrue(doc.isModified())
        self.assertEqual(sha256(path), before)

    def test_active_sheet_first(self):
        path = os.path.join(self.dir, "to-hold.ods")
        doc = office.new_spreadsheet()
        sheets = doc.Sheets
        sheets.getByIndex(0).Name = "Hold A"
        fixtures.set_cells(sheets.getByIndex(0), 0, [fixtures.HEADERS, ("Anna Andersen", "A")])
        sheets.insertNewByName("Hold B", 1)
        fixtures.set_cells(sheets.getByName("Hold B"), 0, [fixtures.HEADERS, ("Bo Berg", "B")])
        fixtures.store(doc, path)
        doc.close(True)

        doc = office.load(path)
        out_a = os.path.join(self.dir, "a")
        out_b = os.path.join(self.dir, "b")
        os.mkdir(out_a)
        os.mkdir(out_b)
        doc.getCurrentController().setActiveSheet(doc.Sheets.getByName("Hold A"))
        self.assertEqual(office.export(document=doc, folder=out_a)["Written"],
                         [os.path.join(out_a, pdf_name("Anna Andersen"))])
        doc.getCurrentController().setActiveSheet(doc.Sheets.getByName("Hold B"))
        self.assertEqual(office.export(document=doc, folder=out_b)["Written"],
                         [os.path.join(out_b, pdf_name("Bo Berg"))])

    def test_folder_as_file_url(self):
        path = self.rich()
        out = os.path.join(self.dir, "ud mappe æøå")
        os.mkdir(out)
        doc = office.load(path)
        result = office.export(document=doc, folder=file_url(out))
        self.assertRichIkus(out, result)

    def test_arguments_as_any_sequences(self):
        path = self.rich()
        out = os.path.join(self.dir, "ud")
        os.mkdir(out)
        doc = office.load(path)
        # DynamicData as []any of NamedValue (what pyuno makes of a tuple), and
        # Environment as []NamedValue, as the job framework passes them.
        dynamic = uno.Any("[]any", (nv("Folder", out),))
        environment = uno.Any("[]com.sun.star.beans.NamedValue", (nv("Model", doc),))
        result = uno.invoke(office.export_service(), "execute",
                            ((nv("Environment", environment), nv("DynamicData", dynamic)),))
        result = {r.Name: r.Value for r in result}
        self.assertEqual(result["Error"], "")
        self.assertEqual(len(result["Written"]), len(EXPECTED))
        self.assertEqual(list_pdfs(out), sorted(pdf_name(n) for n in EXPECTED))

    def test_interactive_in_a_headless_office_shows_nothing(self):
        path = self.rich()
        doc = office.load(path)
        result = office.export(document=doc, interactive=True)
        self.assertRichIkus(self.dir, result)
        self.assertOfficeAnswers()

    def test_big_team(self):
        path = os.path.join(self.dir, "stort-team.ods")
        rows = [("Medarbejder %04d" % i, "Individuelt punkt %d\nAndet punkt" % i,
                 "Teampunkt %d" % (i % 7)) for i in range(1, 1001)]
        fixtures.make_schema(office, path, rows)
        doc = office.load(path)
        started = time.monotonic()
        result = office.export(document=doc)
        elapsed = time.monotonic() - started
        print("\n  export of 1000 employees: %.2f s" % elapsed)
        self.assertEqual(result["Error"], "")
        self.assertEqual(len(result["Written"]), 1000)
        self.assertIn("Individuelt punkt 1000",
                      pdf_text(os.path.join(self.dir, pdf_name("Medarbejder 1000"))))

    def test_five_megabyte_cell_costs_only_that_ikus(self):
        # Typed (pasted) into the live document, not saved: the office holds it,
        # the export leaves Bo out with a warning and writes the others.
        path = os.path.join(self.dir, "stor-celle.ods")
        fixtures.make_schema(office, path, [("Anna Andersen", "Kursus A", "Teampunkt"),
                                            ("Bo Berg", "", ""),
                                            ("", "BO-FORTSAT", ""),
                                            ("Carl Carlsen", "Kursus C", "")])
        doc = office.load(path)
        doc.Sheets.getByIndex(0).getCellByPosition(1, 2).setString("x" * (5 * 1024 * 1024))
        started = time.monotonic()
        result = office.export(document=doc)
        print("\n  export with a 5 MB cell: %.2f s" % (time.monotonic() - started))
        self.assertEqual(result["Error"], "")
        self.assertEqual(sorted(os.path.basename(p) for p in result["Written"]),
                         [pdf_name("Anna Andersen"), pdf_name("Carl Carlsen")])
        self.assertTrue(any("B3" in w and "Bo Berg" in w for w in result["Warnings"]),
                        result["Warnings"])
        for p in result["Written"]:
            self.assertNotIn("BO-FORTSAT", pdf_text(p))
        self.assertOfficeAnswers()

    def test_many_merged_name_cells(self):
        # Each name spans two rows; the covered cell of each still holds a text.
        path = os.path.join(self.dir, "flettede-navne.ods")
        rows = []
        for i in range(1, 301):
            rows.append(("Medarbejder %03d" % i, "Første punkt %d" % i, "Team %d" % (i % 3)))
            rows.append(("Skjult %03d" % i, "Andet punkt %d" % i, ""))
        doc = office.new_spreadsheet()
        sheet = doc.Sheets.getByIndex(0)
        fixtures.set_cells(sheet, 0, [fixtures.HEADERS] + rows)
        for i in range(300):
            sheet.getCellRangeByPosition(0, 1 + 2 * i, 0, 2 + 2 * i).merge(True)
        fixtures.store(doc, path)
        doc.close(True)
        doc = office.load(path)
        started = time.monotonic()
        result = office.export(document=doc)
        print("\n  export of 300 employees with merged name cells: %.2f s"
              % (time.monotonic() - started))
        self.assertEqual(result["Error"], "")
        self.assertEqual(len(result["Written"]), 300)
        self.assertFalse(any("Skjult" in p for p in result["Written"]))
        text = pdf_text(os.path.join(self.dir, pdf_name("Medarbejder 123")))
        self.assertIn("Første punkt 123", text)
        self.assertIn("Andet punkt 123", text)
        self.assertNotIn("Skjult", text)


class TestTrigger(ExportCase):
    def test_trigger_exports_the_current_document(self):
        path = self.rich()
        doc = office.load(path)
        office.export_service().trigger("export")
        self.assertEqual(list_pdfs(self.dir), sorted(pdf_name(n) for n in EXPECTED))
        self.assertFalse(doc.isModified())

    def test_trigger_with_two_documents_writes_nothing(self):
        path = self.rich()
        office.load(path)
        office.load(path)
        office.export_service().trigger("export")
        self.assertEqual(list_pdfs(self.dir), [])
        self.assertOfficeAnswers()

    def test_trigger_unknown_command(self):
        with self.assertRaises(Exception) as caught:
            office.export_service().trigger("slet alt")
        self.assertIn("slet alt", str(caught.exception))
        self.assertOfficeAnswers()

    def test_trigger_new_schema(self):
        """The menu's "Nyt kompetenceskema": an untitled copy of the bundled template."""
        office.export_service().trigger("new-schema")
        docs = list(office.desktop.Components)
        self.assertEqual(len(docs), 1)
        doc = docs[0]
        self.assertTrue(doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"))
        self.assertEqual(doc.getURL(), "")
        self.assertEqual(doc.Sheets.getElementNames(), (fixtures.TEMPLATE_SHEET, "Vejledning"))
        row, col = fixtures.TEMPLATE_BUTTON
        self.assertEqual(doc.Sheets.getByName(fixtures.TEMPLATE_SHEET)
                         .getCellByPosition(col, row).getString(), fixtures.BUTTON_TEXT)
        # Filled in and saved, it exports like any schema.
        fixtures.fill_template(doc, "Team", "Leder", "", [("Anna Andersen", "Kursus", "")])
        path = os.path.join(self.dir, "nyt.ods")
        doc.storeAsURL(file_url(path), ())
        result = office.export(document=doc)
        self.assertEqual(result["Error"], "")
        self.assertEqual(list_pdfs(self.dir), [pdf_name("Anna Andersen")])


class TestViewJob(ExportCase):
    """org.ikuflet.ViewJob, which Jobs.xcu runs for every new spreadsheet view, never
    fails the event, whatever it is given."""

    def view_job(self):
        return office.smgr.createInstanceWithContext("org.ikuflet.ViewJob", office.ctx)

    def test_documents_and_oddities(self):
        calc = office.load(self.rich())
        not_a_document = calc.Sheets.getByIndex(0)
        for arguments in [(), (nv("Environment", ()),),
                          (nv("Environment", (nv("EventName", "OnViewCreated"),)),),
                          (nv("Environment", (nv("EventName", "OnViewCreated"), nv("Model", calc))),),
                          (nv("Environment", (nv("EventName", "OnViewCreated"), nv("Model", calc))),),
                          (nv("Environment", (nv("EventName", "OnViewCreated"),
                                              nv("Model", not_a_document))),),
                          (nv("Environment", "kein Environment"),)]:
            self.assertIsNone(self.view_job().execute(arguments))
        self.assertOfficeAnswers()
        calc.close(True)
        self.assertOfficeAnswers()


class TestErrors(ExportCase):
    def assertFailed(self, result, *fragments):
        self.assertEqual(result["Written"], [])
        self.assertNotEqual(result["Error"], "")
        for f in fragments:
            self.assertIn(f, result["Error"])
        self.assertOfficeAnswers()

    def test_no_header(self):
        path = os.path.join(self.dir, "intet-skema.ods")
        doc = office.new_spreadsheet()
        fixtures.set_cells(doc.Sheets.getByIndex(0), 0, [("Hej", "med dig")])
        fixtures.store(doc, path)
        doc.close(True)
        self.assertFailed(office.export(document=office.load(path)), "kolonneoverskrifter")
        self.assertEqual(list_pdfs(self.dir), [])

    def test_no_employees(self):
        path = os.path.join(self.dir, "tomt.ods")
        fixtures.make_schema(office, path, [("", "", "Kun teamet")])
        self.assertFailed(office.export(document=office.load(path)), "ingen medarbejdere")

    def test_never_saved(self):
        doc = office.new_spreadsheet()
        fixtures.set_cells(doc.Sheets.getByIndex(0), 0, [fixtures.HEADERS, ("Anna Andersen", "x")])
        self.assertFailed(office.export(document=doc), "ikke gemt", "Gem det først")
        # With a folder given, a never-saved document is fine.
        result = office.export(document=doc, folder=self.dir)
        self.assertEqual(result["Written"], [os.path.join(self.dir, pdf_name("Anna Andersen"))])
        self.assertFalse(doc.isModified() and doc.hasLocation())

    def test_never_saved_non_schema_says_not_a_schema_first(self):
        # An empty, untitled document: saving it would not help, so the message
        # must say that it is no schema, not ask to save it first.
        doc = office.new_spreadsheet()
        result = office.export(document=doc)
        self.assertFailed(result, "kolonneoverskrifter")
        self.assertNotIn("Gem det først", result["Error"])

    def test_missing_folder(self):
        path = self.rich()
        missing = os.path.join(self.dir, "findes-ikke")
        self.assertFailed(office.export(document=office.load(path), folder=missing),
                          "findes-ikke")

    def test_unwritable_folder(self):
        path = self.rich()
        self.assertFailed(office.export(document=office.load(path), folder="/proc"), "/proc")

    def test_clashing_file(self):
        path = self.rich()
        os.mkdir(os.path.join(self.dir, pdf_name("Bo Berg")))
        result = office.export(document=office.load(path))
        self.assertIn("Bo Berg", result["Error"])
        self.assertEqual(len(result["Written"]), len(EXPECTED) - 1)
        self.assertNotIn(os.path.join(self.dir, pdf_name("Bo Berg")), result["Written"])
        self.assertOfficeAnswers()

    def test_bad_arguments(self):
        path = self.rich()
        doc = office.load(path)
        self.assertFailed(office.export(document="skema.ods"), "Document")
        self.assertFailed(office.export(document=doc, folder=42), "Folder")
        self.assertFailed(office.export(document=doc, folder="relativ/sti"), "relativ/sti")
        self.assertFailed(office.export(document=doc, interactive="ja"), "Interactive")
        self.assertEqual(list_pdfs(self.dir), [])

    def test_folder_that_is_no_complete_local_path_is_refused(self):
        doc = office.load(self.rich())
        root_before = set(os.listdir("/"))
        for folder in ("file:", "file://", "FILE:", "file:tmp", "file:/tmp", "file://tmp",
                       "file://andenvært/tmp", "relativ/sti", "./", "..", "~",
                       "http://example.org/ikuer/", "vnd.sun.star.tdoc:/1/",
                       "smb://server/del"):
            result = office.export(document=doc, folder=folder)
            self.assertFailed(result, "»%s«" % folder, "Der er ikke gemt noget")
        self.assertEqual(set(os.listdir("/")), root_before)
        self.assertEqual(list_pdfs(self.dir), [])
        self.assertEqual(list_pdfs(os.getcwd()), [])
        # The complete forms are taken.
        for folder in (file_url(self.dir), "file://localhost" + self.dir, self.dir + "/"):
            result = office.export(document=doc, folder=folder)
            self.assertEqual(result["Error"], "", folder)
            self.assertEqual(len(result["Written"]), len(EXPECTED), folder)

    def test_document_whose_url_is_no_complete_file_url_is_refused(self):
        doc = office.load(self.rich())
        root_before = set(os.listdir("/"))
        for url in ("file:", "file://", "file:skema.ods", "file://andenvært/skema.ods",
                    "http://example.org/skema.ods"):
            # attachResource changes only the URL the document reports.
            self.assertTrue(doc.attachResource(url, doc.getArgs()))
            self.assertEqual(doc.getURL(), url)
            self.assertFailed(office.export(document=doc), "ligger ikke i en mappe", url)
        self.assertEqual(set(os.listdir("/")), root_before)
        self.assertEqual(list_pdfs(self.dir), [])

    def test_dynamic_data_nesting_is_bounded(self):
        doc = office.load(self.rich())
        out = tempfile.mkdtemp(dir=work)

        def nested(depth):
            argument = nv("Folder", out)
            for _ in range(depth):
                argument = nv("DynamicData", (argument,))
            return (nv("Document", doc), argument)

        # As a dispatch passes them (one level), and a little deeper: honoured.
        for depth in (1, 4):
            result = office.export_service().execute(nested(depth))
            result = {item.Name: item.Value for item in result}
            self.assertEqual(result["Error"], "", depth)
            self.assertEqual(len(result["Written"]), len(EXPECTED), depth)
            self.assertTrue(all(p.startswith(out + os.sep) for p in result["Written"]))
        for name in list_pdfs(out):
            os.unlink(os.path.join(out, name))
        # Deeper: refused with a clear message, nothing written.
        for depth in (5, 200):
            result = office.export_service().execute(nested(depth))
            result = {item.Name: (list(item.Value) if isinstance(item.Value, tuple) else item.Value)
                      for item in result}
            self.assertFailed(result, "DynamicData")
        self.assertEqual(list_pdfs(out), [])
        self.assertEqual(list_pdfs(self.dir), [])

    def test_not_a_spreadsheet(self):
        # Only Calc may be installed: a sheet is an object, but no document.
        doc = office.new_spreadsheet()
        self.assertFailed(office.export(document=doc.Sheets.getByIndex(0)), "ikke et regneark")

    def test_no_document(self):
        self.assertFailed(office.export(), "Åbn kompetenceskemaet")


def main():
    global OXT
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    args, rest = parser.parse_known_args()
    OXT = os.path.abspath(args.oxt)
    run_unittests(rest)


if __name__ == "__main__":
    main()
