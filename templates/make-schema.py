#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes "Det fælles kompetenceskema" as an .ods file (OpenDocument spreadsheet).

  make-schema.py --template OUT.ods  the empty schema a leader starts from
  make-schema.py --example OUT.ods   the same, filled in: the schema the demo exports

The workbook is generated rather than kept as an opaque binary, so every text and
style in it can be reviewed in this file (and in example_schema.py). The zip is
deterministic: fixed timestamps, fixed order, "mimetype" first and stored.
"""
import argparse
import sys
import zipfile
from xml.sax.saxutils import escape

import example_schema
import guide_text

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "ooo": "http://openoffice.org/2004/office",
}
MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
HEADERS = ("Indsæt navn på medarbejder", "Indsæt indhold vedrørende medarbejder",
           "Indsæt indhold vedrørende teamet")
BUTTON = "Dobbeltklik for at lave PDF-filer"


def xmlns(*names):
    return " ".join('xmlns:%s="%s"' % (n, NS[n]) for n in names)


AUTOMATIC_STYLES = """
<office:automatic-styles>
 <style:style style:name="coName" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="5.2cm"/></style:style>
 <style:style style:name="coText" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="10.5cm"/></style:style>
 <style:style style:name="roAuto" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true" fo:break-before="auto"/></style:style>
 <style:style style:name="roTitle" style:family="table-row"><style:table-row-properties style:row-height="1.1cm" fo:break-before="auto"/></style:style>
 <style:style style:name="roButton" style:family="table-row"><style:table-row-properties style:row-height="0.9cm" fo:break-before="auto"/></style:style>
 <style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>
 <style:style style:name="coGuide" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="22cm"/></style:style>
 <style:style style:name="ceGuideHead" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:padding-top="0.2cm"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:color="#1f3864"/></style:style>
 <style:style style:name="ceGuide" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:wrap-option="wrap"/></style:style>
 <style:style style:name="ceTitle" style:family="table-cell"><style:table-cell-properties style:vertical-align="middle"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:color="#1f3864"/></style:style>
 <style:style style:name="ceLabel" style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ceValue" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:border-bottom="0.5pt solid #8eaadb"/></style:style>
 <style:style style:name="ceButton" style:family="table-cell"><style:table-cell-properties fo:background-color="#2f5597" style:vertical-align="middle" fo:border="1.5pt solid #1f3864" fo:wrap-option="wrap"/><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold" fo:color="#ffffff"/></style:style>
 <style:style style:name="ceHeader" style:family="table-cell"><style:table-cell-properties fo:background-color="#d9e2f3" style:vertical-align="middle" fo:border="0.5pt solid #8eaadb" fo:wrap-option="wrap"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="ceCell" style:family="table-cell"><style:table-cell-properties style:vertical-align="top" fo:border="0.5pt solid #b4c6e7" fo:wrap-option="wrap"/></style:style>
</office:automatic-styles>
"""


def cell(text, style, extra=""):
    """A cell; @text is a string (lines separated by "\\n") or a pair (text,
    comment) for a cell that carries a comment (an annotation)."""
    comment = None
    if isinstance(text, tuple):
        text, comment = text
    if (text is None or text == "") and comment is None:
        return '<table:table-cell table:style-name="%s"%s/>' % (style, extra)
    paras = ""
    if comment is not None:
        paras += ('<office:annotation><dc:creator>TR</dc:creator><text:p>%s</text:p></office:annotation>'
                  % escape(comment))
    paras += "".join("<text:p>%s</text:p>" % escape(p) for p in (text or "").split("\n") if text)
    return ('<table:table-cell table:style-name="%s" office:value-type="string"%s>%s</table:table-cell>'
            % (style, extra, paras))


def row(cells, style="roAuto"):
    return '<table:table-row table:style-name="%s">%s</table:table-row>' % (style, "".join(cells))


def schema_sheet(name, team, leader, date, rows, blank_rows):
    out = ['<table:table table:name="%s" table:style-name="ta1">' % escape(name),
           '<table:table-column table:style-name="coName" table:default-cell-style-name="ceCell"/>',
           '<table:table-column table:style-name="coText" table:number-columns-repeated="2" '
           'table:default-cell-style-name="ceCell"/>']
    out.append(row([cell("Det fælles kompetenceskema", "ceTitle"), cell(None, "Default"),
                    cell(None, "Default")], "roTitle"))
    out.append(row([cell("Team:", "ceLabel"), cell(team, "ceValue"), cell(None, "Default")]))
    out.append(row([cell("Leder:", "ceLabel"), cell(leader, "ceValue"), cell(None, "Default")]))
    out.append(row([cell("Dato:", "ceLabel"), cell(date, "ceValue"), cell(None, "Default")]))
    out.append(row([cell(None, "Default"), cell(BUTTON, "ceButton"), cell(None, "Default")], "roButton"))
    # The header row repeats on every printed page.
    out.append("<table:table-header-rows>")
    out.append(row([cell(h, "ceHeader") for h in HEADERS]))
    out.append("</table:table-header-rows>")
    for r in rows:
        out.append(row([cell(r[0], "ceCell"), cell(r[1], "ceCell"), cell(r[2], "ceCell")]))
    if blank_rows:
        out.append('<table:table-row table:style-name="roAuto" table:number-rows-repeated="%d">'
                   '<table:table-cell table:style-name="ceCell" table:number-columns-repeated="3"/>'
                   '</table:table-row>' % blank_rows)
    out.append("</table:table>")
    return "".join(out)


# The header row is the 6th: title, Team, Leder, Dato, the button, the headers.
HEADER_ROWS = 6


def guide_sheet():
    out = ['<table:table table:name="Vejledning" table:style-name="ta1">',
           '<table:table-column table:style-name="coGuide" table:default-cell-style-name="ceGuide"/>']
    out.append(row([cell(guide_text.TITLE, "ceTitle")], "roTitle"))
    for heading, paragraphs in guide_text.SECTIONS:
        out.append(row([cell(heading, "ceGuideHead")]))
        for p in paragraphs:
            out.append(row([cell(p, "ceGuide")]))
    out.append("</table:table>")
    return "".join(out)


def content_xml(sheets):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content %s office:version="1.3">%s'
            '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body>'
            '</office:document-content>\n'
            % (xmlns("office", "style", "text", "table", "fo") + ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
               AUTOMATIC_STYLES, "".join(sheets)))


def meta_xml(title):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-meta %s office:version="1.3"><office:meta>'
            '<meta:generator>ikuflet make-schema.py</meta:generator>'
            '<dc:title>%s</dc:title></office:meta></office:document-meta>\n'
            % (xmlns("office", "meta") + ' xmlns:dc="http://purl.org/dc/elements/1.1/"', escape(title)))


# A4 landscape, scaled to one page wide; the master page the sheets use.
STYLES_XML = ("""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles %s office:version="1.3">
<office:automatic-styles>
 <style:page-layout style:name="pmLandscape">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" style:scale-to-X="1" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="1.5cm" fo:margin-right="1.5cm" style:writing-mode="lr-tb"/>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Default" style:page-layout-name="pmLandscape">
  <style:header style:display="false"/>
  <style:footer><text:p>Side <text:page-number>1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
</office:document-styles>
""" % xmlns("office", "style", "text", "table", "fo"))


def settings_xml(schema_sheet_name):
    """Opens on the schema sheet with the rows down to the headers frozen. The set's
    name "ooo:view-settings" is a qualified name: without the ooo namespace
    declared, LibreOffice ignores every view setting."""
    def item(name, kind, value):
        return '<config:config-item config:name="%s" config:type="%s">%s</config:config-item>' % (name, kind, value)
    table = "".join([
        item("HorizontalSplitMode", "short", 0), item("VerticalSplitMode", "short", 2),
        item("HorizontalSplitPosition", "int", 0), item("VerticalSplitPosition", "int", HEADER_ROWS),
        item("ActiveSplitRange", "short", 2), item("PositionLeft", "int", 0),
        item("PositionRight", "int", 0), item("PositionTop", "int", 0),
        item("PositionBottom", "int", HEADER_ROWS), item("CursorPositionX", "int", 0),
        item("CursorPositionY", "int", HEADER_ROWS),
    ])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-settings %s office:version="1.3"><office:settings>'
            '<config:config-item-set config:name="ooo:view-settings">'
            '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
            '%s<config:config-item-map-named config:name="Tables">'
            '<config:config-item-map-entry config:name="%s">%s</config:config-item-map-entry>'
            '</config:config-item-map-named>%s</config:config-item-map-entry>'
            '</config:config-item-map-indexed></config:config-item-set>'
            '</office:settings></office:document-settings>\n'
            % (xmlns("office", "config", "ooo"), item("ViewId", "string", "view1"), escape(schema_sheet_name),
               table, item("ActiveTable", "string", escape(schema_sheet_name))))


MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest %s manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="%s"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>\n' % (xmlns("manifest"), MIMETYPE))


def write_ods(path, files):
    stamp = (2026, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(path, "w") as z:
        info = zipfile.ZipInfo("mimetype", stamp)
        info.compress_type = zipfile.ZIP_STORED
        z.writestr(info, MIMETYPE)
        for name, data in files:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


def write_schema(path, title, team, leader, date, rows, blank_rows):
    name = "Kompetenceskema"
    sheets = [schema_sheet(name, team, leader, date, rows, blank_rows), guide_sheet()]
    write_ods(path, [("content.xml", content_xml(sheets)), ("styles.xml", STYLES_XML),
                     ("meta.xml", meta_xml(title)), ("settings.xml", settings_xml(name)),
                     ("META-INF/manifest.xml", MANIFEST)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--template", metavar="OUT.ods")
    ap.add_argument("--example", metavar="OUT.ods")
    args = ap.parse_args()
    if not args.template and not args.example:
        ap.error("give --template and/or --example")
    if args.template:
        write_schema(args.template, "Det fælles kompetenceskema med IKU", "", "", "", [], 60)
    if args.example:
        ex = example_schema
        write_schema(args.example, "Det fælles kompetenceskema – eksempel",
                     ex.TEAM, ex.LEADER, ex.DATE, ex.ROWS, 20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
