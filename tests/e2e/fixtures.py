# SPDX-License-Identifier: GPL-3.0-or-later
"""Schema documents for the e2e tests, made through the office itself (so they are
real Calc documents: formats, formulas, merged cells, annotations, multi-paragraph
cells) and stored as .ods or .xlsx."""

import datetime
import os
import struct
import subprocess
import zlib

from office import file_url, pv

HEADERS = ("Indsæt navn på medarbejder", "Indsæt indhold vedrørende medarbejder",
           "Indsæt indhold vedrørende teamet")

ODS_FILTER = "calc8"
XLSX_FILTER = "Calc MS Excel 2007 XML"
# .xlsm: the macro-enabled workbook the Excel original was.
XLSM_FILTER = "Calc MS Excel 2007 VBA XML"

# A date cell of the header area: its value, its format and what Calc shows.
DATE_VALUE = 46000
DATE_FORMAT = "DD-MM-YYYY"
DATE_SHOWN = (datetime.date(1899, 12, 30) + datetime.timedelta(DATE_VALUE)).strftime("%d-%m-%Y")


def set_cells(sheet, top, rows):
    """Writes @rows (tuples of str or float) from column A of row @top (0-based)."""
    width = max(len(r) for r in rows)
    data = tuple(tuple(r) + ("",) * (width - len(r)) for r in rows)
    sheet.getCellRangeByPosition(0, top, width - 1, top + len(rows) - 1).setDataArray(data)


def number_format(doc, code):
    formats = doc.NumberFormats
    locale = doc.CharLocale
    key = formats.queryKey(code, locale, False)
    if key == -1:
        key = formats.addNew(code, locale)
    return key


def store(doc, path, filter_name=ODS_FILTER):
    doc.storeToURL(file_url(path), (pv("FilterName", filter_name), pv("Overwrite", True)))


def make_rich_schema(office, path, filter_name=ODS_FILTER):
    """The schema most tests use; see EXPECTED for what its IKUs must say.

    Sheet "Vejledning" (no schema) comes first; "Skema" holds the schema and is the
    active sheet. It has a header area with a formatted date, the button cell, a
    cell with two paragraphs, formulas, a percentage, a merged name cell whose
    covered cell still holds a text, an annotation, and copied team items."""
    doc = office.new_spreadsheet()
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = "Vejledning"
    set_cells(sheets.getByIndex(0), 0, [("Sådan bruges skemaet",), ("Skriv et navn pr. række.",)])
    sheets.insertNewByName("Skema", 1)
    sheet = sheets.getByName("Skema")
    set_cells(sheet, 0, [
        ("Team:", "Hjemmeplejen Nord"),
        ("Leder:", "Lise Leder"),
        ("Dato:", ""),
        ("Dobbeltklik for at lave PDF-filer",),
        HEADERS,
        ("Anna Andersen", "Kursus i Excel\nMentorordning", "Fælles fokus på dokumentation"),
        ("", "", "Fælles fokus på dokumentation"),
        ("Bo Berg", 0.5, "Teamets andet punkt"),
        ("Carl Carlsen", "Carls første punkt", ""),
        ("Skjult Navn", "Carls andet punkt", "Fælles fokus på dokumentation"),
        ("Dorte Dam", "Sprogkursus", ""),
    ])
    date_cell = sheet.getCellByPosition(1, 2)
    date_cell.setValue(DATE_VALUE)
    date_cell.NumberFormat = number_format(doc, DATE_FORMAT)
    sheet.getCellByPosition(1, 6).setFormula('="Formel: "&"Projekt"&"ledelse"')
    sheet.getCellByPosition(1, 7).NumberFormat = number_format(doc, "0%")
    # Merge A9:A10 keeping the covered cell's text: Calc keeps it, hidden.
    sheet.getCellRangeByName("A9:A10").merge(True)
    sheet.Annotations.insertNew(sheet.getCellByPosition(1, 7).CellAddress, "HEMMELIG NOTE")
    doc.getCurrentController().setActiveSheet(sheet)
    store(doc, path, filter_name)
    doc.close(True)


# What the IKUs of the rich schema must contain (and not).
EXPECTED = {
    "Anna Andersen": ["Kursus i Excel", "Mentorordning", "Formel: Projektledelse",
                      "Fælles fokus på dokumentation", "Teamets andet punkt",
                      "Hjemmeplejen Nord", "Lise Leder", DATE_SHOWN],
    "Bo Berg": ["50%", "Teamets andet punkt"],
    "Carl Carlsen": ["Carls første punkt", "Carls andet punkt"],
    "Dorte Dam": ["Sprogkursus"],
}
NEVER_SHOWN = ["HEMMELIG NOTE", "Skjult Navn", "Sådan bruges skemaet"]


def make_schema(office, path, rows, filter_name=ODS_FILTER, sheet_name=None):
    """A one-sheet schema: the header row, then @rows."""
    doc = office.new_spreadsheet()
    sheet = doc.Sheets.getByIndex(0)
    if sheet_name:
        sheet.Name = sheet_name
    set_cells(sheet, 0, [HEADERS] + list(rows))
    store(doc, path, filter_name)
    doc.close(True)


# The empty schema of templates/make-schema.py ("Nyt kompetenceskema"): the sheet,
# the values of the header area, the button cell and the first row to fill in
# (0-based rows and columns).
TEMPLATE_SHEET = "Kompetenceskema"
TEMPLATE_TEAM = (1, 1)
TEMPLATE_LEADER = (2, 1)
TEMPLATE_DATE = (3, 1)
TEMPLATE_BUTTON = (4, 1)
TEMPLATE_FIRST_ROW = 6
BUTTON_TEXT = "Dobbeltklik for at lave PDF-filer"


def fill_template(doc, team, leader, date, rows):
    """Fills the empty schema @doc as a leader would: the header area, then @rows
    (name, individual, team) from the first row to fill in."""
    sheet = doc.Sheets.getByName(TEMPLATE_SHEET)
    for (row, col), value in ((TEMPLATE_TEAM, team), (TEMPLATE_LEADER, leader),
                              (TEMPLATE_DATE, date)):
        sheet.getCellByPosition(col, row).setString(value)
    set_cells(sheet, TEMPLATE_FIRST_ROW, rows)


def pdf_text(path):
    """The text of a PDF by poppler's pdftotext, white space collapsed."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                         capture_output=True, timeout=60).stdout.decode("utf-8")
    return " ".join(out.split())


def pdf_name(name):
    return "IKU - %s.pdf" % name


def list_pdfs(folder):
    return sorted(f for f in os.listdir(folder) if f.endswith(".pdf"))


# The shared-text sheet: one long text in Z1 and a column of formulas =$Z$1 below
# the header, in a column the schema ignores (D) or in the team column (C).
SHARED_TEXT_CHARS = 250000
SHARED_TEXT_EMPLOYEES = (("Anna Andersen", "Kursus i Excel"), ("Bo Berg", "Førstehjælp"))


def make_shared_text_document(office, rows, column="D"):
    """A live, never saved schema document whose column @column holds =$Z$1 in
    @rows rows below the header (filled down in one call), Z1 holding
    SHARED_TEXT_CHARS characters; two employees (SHARED_TEXT_EMPLOYEES) above the
    formulas. (Saved, it would hold every formula's cached result: gigabytes.)
    Export it with a Folder argument."""
    doc = office.new_spreadsheet()
    sheet = doc.Sheets.getByIndex(0)
    sheet.Name = "Skema"
    set_cells(sheet, 0, [("Team:", "Hjemmeplejen Nord"), HEADERS]
              + [(name, item, "") for name, item in SHARED_TEXT_EMPLOYEES])
    sheet.getCellRangeByName("Z1").setString("x" * SHARED_TEXT_CHARS)
    top = 2 + len(SHARED_TEXT_EMPLOYEES)
    target = sheet.getCellRangeByName("%s%d:%s%d" % (column, top + 1, column, top + rows))
    target.setFormulaArray(tuple(("=$Z$1",) for _ in range(rows)))
    return doc


# A workbook with a notes sheet and two teams' schema sheets (make_teams_workbook).
TEAMS = {
    "Team Nord": ("Hjemmeplejen Nord", [("Anna Andersen", "Kursus i Excel", "Nordens fokus"),
                                        ("Bo Berg", "Førstehjælp", "")]),
    "Team Syd": ("Hjemmeplejen Syd", [("Carl Carlsen", "Sprogkursus", "Sydens fokus"),
                                      ("Dorte Dam", "Mentorordning", "")]),
}


def make_teams_workbook(office, path, same_name=None):
    """Sheets "Noter" (no schema, first), "Team Nord" and "Team Syd" (TEAMS: a header
    area naming the team, then the schema). @same_name: an employee name put on both
    team sheets (a file-name collision). (A document made hidden keeps no active
    sheet when stored: set it in the loaded document's view.)"""
    doc = office.new_spreadsheet()
    sheets = doc.Sheets
    sheets.getByIndex(0).Name = "Noter"
    set_cells(sheets.getByIndex(0), 0, [("Noter til mødet",), ("Husk datoen.",)])
    for i, (name, (team, rows)) in enumerate(TEAMS.items()):
        sheets.insertNewByName(name, i + 1)
        extra = [(same_name, "Fælles navn i %s" % name, "")] if same_name else []
        set_cells(sheets.getByName(name), 0,
                  [("Team:", team), ("Leder:", "Lise Leder"), HEADERS] + list(rows) + extra)
    store(doc, path)
    doc.close(True)


def png(width, height):
    """A valid RGB PNG of @width x @height white pixels."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\0" + b"\xff" * 3 * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
