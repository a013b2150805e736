#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The two front doors must agree: for every schema fixture in tests/data/ods, the
IKUs the extension makes from the live document (loaded in a real LibreOffice) are
the IKUs the command line makes from the file: the same files, the same texts (by
pdftotext), the same warnings, and an error exactly when the CLI reports one.

TestZipParity: zip packages whose entries disagree (two content.xml entries, a local
header naming another file): the CLI refuses them; the office refuses them too or,
7.4 with two content.xml, shows the second, and the first never reaches a PDF.

Two known differences are allowed: the CLI's messages start with the file's name,
and the value of a date cell in a file not saved by an office: the file stores a
display text, but LibreOffice shows the date in the cell's (here default) number
format, as a user sees it. test_export.py checks formatted dates on its own.

TestOfficeText: cells whose text the office has to rebuild from its own text model
(spaces as text:s, tabs, line breaks, hyperlinks, also after a line break) give PDFs
whose drawn text (every text operator, spaces included) is the CLI's, exactly.
LibreOffice 7.4 drops text:tab and text:line-break when it loads a cell, and Calc
shows the cell so: there the extension must write what the CLI writes for the text
as Calc shows it.

Usage: test_parity.py --oxt PATH --cli PATH --fixtures DIR [--also SCHEMA]...
       (with IKUFLET_DATA_DIR set for the CLI)
"""

import argparse
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from office import run_unittests, start_with_extension, stop_and_clean  # noqa: E402
from fixtures import list_pdfs, pdf_text  # noqa: E402

# Fixtures a reader of either kind must turn into IKUs or a schema error; the broken
# files are the .ods reader's own business, and the huge ones the benchmarks'.
PATTERNS = ("schema-*.ods", "constructs-*.ods", "error-*.ods")

OXT = CLI = FIXTURES = None
office = None
work = None


def setUpModule():
    global office, work
    office, work = start_with_extension(OXT, "ikuflet-parity-")


def tearDownModule():
    stop_and_clean(office, work)


class TestParity(unittest.TestCase):
    pass


def run_cli(fixture, out):
    proc = subprocess.run([CLI, "--json", "--out", out, fixture],
                          capture_output=True, timeout=300)
    return json.loads(proc.stdout.decode("utf-8"))


def run_extension(fixture, out):
    doc = office.load(fixture)
    try:
        return office.export(document=doc, folder=out)
    finally:
        doc.close(True)


DATE_LINE = re.compile(r"(Dato for samtalen:) .*? (Teamfokus)")


def mask_date(text):
    return DATE_LINE.sub(r"\1 <dato> \2", text)


def make_test(fixture):
    def test(self):
        base = os.path.join(work, os.path.basename(fixture))
        cli_out = os.path.join(base, "cli")
        ext_out = os.path.join(base, "extension")
        os.makedirs(cli_out)
        os.makedirs(ext_out)
        cli = run_cli(fixture, cli_out)
        ext = run_extension(fixture, ext_out)
        self.assertEqual(bool(ext["Error"]), cli["error"] is not None,
                         "extension error %r, CLI error %r" % (ext["Error"], cli["error"]))
        if cli["error"] is not None:
            self.assertEqual(cli["error"], "%s: %s" % (os.path.basename(fixture), ext["Error"]))
        self.assertEqual(list_pdfs(ext_out), list_pdfs(cli_out))
        self.assertEqual(ext["Warnings"], cli["warnings"])
        for name in list_pdfs(cli_out):
            cli_text = pdf_text(os.path.join(cli_out, name))
            ext_text = pdf_text(os.path.join(ext_out, name))
            self.assertEqual(mask_date(ext_text), mask_date(cli_text), name)
    return test


# ---- zip packages the CLI refuses ---------------------------------------------

# Packages whose entries say two things: the CLI refuses them (it never reads the
# first of two content.xml entries, or an entry whose local header names another
# file), and the text of the entry it would have read must never reach a PDF.
# LibreOffice refuses the second kind; 7.4 opens the first kind showing the second
# content.xml (25.2 refuses it), and then the extension exports what Calc shows.
ZIP_FIXTURES = (("broken-zip-duplicate.ods", "FØRSTE"), ("broken-zip-local-header.ods", None))


def load_or_none(fixture):
    """The document, or None when the office refuses to open the file."""
    from office import file_url, pv
    try:
        return office.desktop.loadComponentFromURL(file_url(fixture), "_blank", 0,
                                                   (pv("Hidden", True),))
    except Exception as e:   # IllegalArgumentException, IOException: refused
        sys.stderr.write("%s: the office refuses it (%s)\n"
                         % (os.path.basename(fixture), type(e).__name__))
        return None


def make_zip_test(fixture, never_shown):
    def test(self):
        base = os.path.join(work, os.path.basename(fixture))
        cli_out = os.path.join(base, "cli")
        ext_out = os.path.join(base, "extension")
        os.makedirs(cli_out)
        os.makedirs(ext_out)
        cli = run_cli(fixture, cli_out)
        self.assertIsNotNone(cli["error"])
        self.assertEqual(cli["written"], [])
        self.assertEqual(list_pdfs(cli_out), [])
        doc = load_or_none(fixture)
        if doc is None:
            return   # neither door makes an IKU from it
        try:
            ext = office.export(document=doc, folder=ext_out)
        finally:
            doc.close(True)
        sys.stderr.write("%s: the office opens it; the extension wrote %s\n"
                         % (os.path.basename(fixture), list_pdfs(ext_out)))
        for name in list_pdfs(ext_out):
            if never_shown:
                self.assertNotIn(never_shown, pdf_text(os.path.join(ext_out, name)))
                self.assertNotIn(never_shown, name)
        self.assertEqual(len(ext["Written"]), len(list_pdfs(ext_out)))
    return test


class TestZipParity(unittest.TestCase):
    pass


# ---- text the office rebuilds from its text model --------------------------------

def load_fixture_writer():
    """tests/data/ods/make-fixtures.py, for its ODS writer."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "ods",
                        "make-fixtures.py")
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


LINK = '<text:a xlink:type="simple" xlink:href="https://example.org/kursus">%s</text:a>'

# (name, individual cell's paragraphs as ODF, the same as an office that ignores
# text:tab and text:line-break shows it). All constructs in the text model.
OFFICE_TEXT_PEOPLE = (
    ("Anne Æbelø",
     ('Kursus med ord og<text:s text:c="3"/>mellemrum<text:tab/>og tab.',
      'Linje<text:line-break/>skift og ' + LINK % "et link" + ' til kursus.'),
     ('Kursus med ord og<text:s text:c="3"/>mellemrumog tab.',
      'Linjeskift og ' + LINK % "et link" + ' til kursus.')),
    ("Bo Holm",
     ('Se ' + LINK % "kursuskataloget" + ' og<text:s text:c="2"/>vælg to.',),
     ('Se ' + LINK % "kursuskataloget" + ' og<text:s text:c="2"/>vælg to.',)),
    ("Carl Dahl",
     ('Først ' + LINK % "A" + ' før<text:line-break/>midt ' + LINK % "B" +
      ' efter<text:line-break/>slut ' + LINK % "C" + '.',
      'Ny linje<text:line-break/>og ' + LINK % "D" + ' til sidst'),
     ('Først ' + LINK % "A" + ' førmidt ' + LINK % "B" + ' efterslut ' + LINK % "C" + '.',
      'Ny linjeog ' + LINK % "D" + ' til sidst')),
)
OFFICE_TEXT_FIRST_ROW = 6   # 0-based row of Anne Æbelø


def write_office_text_schema(path, as_shown_without_breaks):
    """A schema with the OFFICE_TEXT_PEOPLE; @as_shown_without_breaks: their cells
    as an office that ignores text:tab and text:line-break shows them."""
    mf = load_fixture_writer()

    def paragraphs(parts):
        return mf.C(raw="".join("<text:p>%s</text:p>" % p for p in parts),
                    attrs=' office:value-type="string" calcext:value-type="string"')

    rows = [["Det fælles kompetenceskema", None, None, mf.BUTTON],
            ["Team:", "Hjemmeplejen Nord"], ["Leder:", "Birgitte Sørensen"],
            ["Dato:", "12. marts 2024"], [],
            [mf.H_NAME, mf.H_INDIVIDUAL, mf.H_TEAM]]
    for name, cell, shown in OFFICE_TEXT_PEOPLE:
        rows.append([name, paragraphs(shown if as_shown_without_breaks else cell),
                     "Fælles temadag"])
    mf.write_ods(path, mf.document([mf.table("Skema", rows)]))


TEXT_OPERATOR = re.compile(rb"(Tj|TJ|Td|TD|Tm|Tf|T\*|'|\")$")


def drawn_text(pdf):
    """Every text operator line of @pdf's uncompressed content streams (qpdf):
    strings exactly as drawn, spaces included, with their positions and fonts."""
    qdf = pdf + ".qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True,
                   capture_output=True, timeout=60)
    with open(qdf, "rb") as f:
        lines = [line.strip() for line in f.read().splitlines()]
    os.unlink(qdf)
    return [line for line in lines if TEXT_OPERATOR.search(line)]


class TestOfficeText(unittest.TestCase):
    def test_cells_rebuilt_from_the_text_model(self):
        base = os.path.join(work, "office-text")
        cli_out = os.path.join(base, "cli")
        ext_out = os.path.join(base, "extension")
        os.makedirs(cli_out)
        os.makedirs(ext_out)
        schema = os.path.join(base, "Tekst i celler.ods")
        write_office_text_schema(schema, False)
        doc = office.load(schema)
        try:
            shown = doc.Sheets.getByIndex(0).getCellByPosition(1, OFFICE_TEXT_FIRST_ROW).getString()
            ext = office.export(document=doc, folder=ext_out)
        finally:
            doc.close(True)
        self.assertEqual(ext["Error"], "")
        # Does this office keep tabs and line breaks of a loaded cell (25.2: as
        # '\t' and as a new paragraph) or drop them (7.4)?
        keeps_breaks = "\t" in shown
        if not keeps_breaks:
            self.assertEqual(shown, "Kursus med ord og   mellemrumog tab.\n"
                                    "Linjeskift og et link til kursus.")
            schema = os.path.join(base, "Tekst som vist.ods")
            write_office_text_schema(schema, True)
        sys.stderr.write("office-text: this office %s tabs and line breaks of loaded cells\n"
                         % ("keeps" if keeps_breaks else "drops"))
        cli = run_cli(schema, cli_out)
        self.assertIsNone(cli["error"])
        self.assertEqual(list_pdfs(ext_out), list_pdfs(cli_out))
        self.assertEqual(len(list_pdfs(cli_out)), len(OFFICE_TEXT_PEOPLE))
        self.assertEqual(ext["Warnings"], cli["warnings"])
        for name in list_pdfs(cli_out):
            self.assertEqual(drawn_text(os.path.join(ext_out, name)),
                             drawn_text(os.path.join(cli_out, name)), name)
        # What the CLI drew for Anne: three spaces kept, the tab as a space, the
        # line break as a new line, the link's text in its place.
        anne = drawn_text(os.path.join(cli_out, "IKU - Anne \u00c6bel\u00f8.pdf"))
        if keeps_breaks:
            for line in (b"(Kursus med ord og   mellemrum og tab.) Tj", b"(Linje) Tj",
                         b"(skift og et link til kursus.) Tj"):
                self.assertIn(line, anne)
        else:
            for line in (b"(Kursus med ord og   mellemrumog tab.) Tj",
                         b"(Linjeskift og et link til kursus.) Tj"):
                self.assertIn(line, anne)


def main():
    global OXT, CLI, FIXTURES
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--oxt", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--also", action="append", default=[], metavar="SCHEMA",
                        help="another schema to compare (e.g. the template's example)")
    args, rest = parser.parse_known_args()
    OXT, CLI, FIXTURES = args.oxt, args.cli, args.fixtures
    fixtures = sorted(f for p in PATTERNS for f in glob.glob(os.path.join(FIXTURES, p)))
    fixtures += args.also
    for fixture in fixtures:
        stem = os.path.splitext(os.path.basename(fixture))[0]
        name = "test_" + re.sub(r"\W+", "_", stem.lower())
        setattr(TestParity, name, make_test(fixture))
    for name, never_shown in ZIP_FIXTURES:
        fixture = os.path.join(FIXTURES, name)
        test = "test_" + re.sub(r"\W+", "_", os.path.splitext(name)[0].lower())
        setattr(TestZipParity, test, make_zip_test(fixture, never_shown))
    run_unittests(rest)


if __name__ == "__main__":
    main()
