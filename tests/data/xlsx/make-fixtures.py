#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the hand-made .xlsx fixtures of tests/data/xlsx (see README.md there):
# SpreadsheetML packages written as XML by hand, for what LibreOffice and
# openpyxl never write (lying dimensions, escapes, inline strings, sheet order
# unlike the part names, a CFB container, hostile parts). Python 3 standard
# library only, deterministic (fixed zip timestamps and compression level), so
# running it again reproduces the checked-in files byte for byte.
#
#   /usr/bin/python3 tests/data/xlsx/make-fixtures.py [--out-dir DIR]

import argparse
import os
import struct
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

FIXED_TIME = (2024, 1, 1, 0, 0, 0)
MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
HEADERS = ('Indsæt navn på medarbejder', 'Indsæt indhold vedrørende medarbejder',
           'Indsæt indhold vedrørende teamet')


def write_zip(path, parts):
    """@parts: (name, text or bytes) in order."""
    with zipfile.ZipFile(path, 'w') as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode('utf-8') if isinstance(data, str) else data,
                       compresslevel=9)


def content_types(sheet_parts, extra=''):
    overrides = ''.join(
        '<Override PartName="/%s" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.worksheet+xml"/>' % p for p in sheet_parts)
    return (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>' + overrides + extra + '</Types>')


def package_rels(target='xl/workbook.xml'):
    return (XML_DECL + '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
            'Target=%s/></Relationships>' % (PKG_REL, REL, quoteattr(target)))


def rels(items):
    """@items: (id, type, target)."""
    return (XML_DECL + '<Relationships xmlns="%s">' % PKG_REL
            + ''.join('<Relationship Id="%s" Type="%s/%s" Target=%s/>' % (i, REL, t, quoteattr(g))
                      for i, t, g in items) + '</Relationships>')


def workbook(sheets, extra=''):
    """@sheets: (name, rel id, state or None)."""
    return (XML_DECL + '<workbook xmlns="%s" xmlns:r="%s">%s<sheets>' % (MAIN, REL, extra)
            + ''.join('<sheet name=%s sheetId="%d"%s r:id="%s"/>'
                      % (quoteattr(n), k + 1, ' state="%s"' % s if s else '', i)
                      for k, (n, i, s) in enumerate(sheets)) + '</sheets></workbook>')


def shared_strings(items):
    """@items: raw XML of each <si>."""
    return (XML_DECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">' % (MAIN, len(items), len(items))
            + ''.join('<si>%s</si>' % i for i in items) + '</sst>')


def worksheet(rows, merges=(), head='', tail=''):
    """@rows: raw XML of <sheetData>'s content."""
    merge = ''
    if merges:
        merge = '<mergeCells count="%d">%s</mergeCells>' % (
            len(merges), ''.join('<mergeCell ref="%s"/>' % m for m in merges))
    return (XML_DECL + '<worksheet xmlns="%s" xmlns:r="%s">%s<sheetData>%s</sheetData>%s%s</worksheet>'
            % (MAIN, REL, head, rows, merge, tail))


def t(text):
    space = ' xml:space="preserve"' if text != text.strip() else ''
    return '<t%s>%s</t>' % (space, escape(text))


def inline(ref, text):
    return '<c r="%s" t="inlineStr"><is>%s</is></c>' % (ref, t(text))


def styles(num_fmts, xf_formats):
    fmts = ''.join('<numFmt numFmtId="%d" formatCode=%s/>' % (i, quoteattr(c)) for i, c in num_fmts)
    return (XML_DECL + '<styleSheet xmlns="%s"><numFmts count="%d">%s</numFmts>' % (MAIN, len(num_fmts), fmts)
            + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            # cellStyleXfs are the named styles, not the cells': their format must not count.
            '<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellStyleXfs>'
            '<cellXfs count="%d">%s</cellXfs></styleSheet>'
            % (len(xf_formats), ''.join('<xf numFmtId="%d" xfId="0" applyNumberFormat="1"/>' % f
                                        for f in xf_formats)))


def simple_book(path, sheet_xml, strings=None, style_xml=None, extra_parts=()):
    items = [('rId1', 'worksheet', 'worksheets/sheet1.xml')]
    parts = [('[Content_Types].xml', content_types(['xl/worksheets/sheet1.xml'])),
             ('_rels/.rels', package_rels()),
             ('xl/workbook.xml', workbook([('Ark1', 'rId1', None)]))]
    if strings is not None:
        items.append(('rId2', 'sharedStrings', 'sharedStrings.xml'))
    if style_xml is not None:
        items.append(('rId3', 'styles', 'styles.xml'))
    parts.append(('xl/_rels/workbook.xml.rels', rels(items)))
    parts.append(('xl/worksheets/sheet1.xml', sheet_xml))
    if strings is not None:
        parts.append(('xl/sharedStrings.xml', shared_strings(strings)))
    if style_xml is not None:
        parts.append(('xl/styles.xml', style_xml))
    parts.extend(extra_parts)
    write_zip(path, parts)


def schema_rows(top, rows):
    """A schema's header row at @top (1-based) and @rows (name, own, team,
    hidden) below it, as inline strings."""
    out = ['<row r="%d">%s</row>' % (top, ''.join(inline('%s%d' % (c, top), h)
                                                  for c, h in zip('ABC', HEADERS)))]
    for k, (name, own, team, hidden) in enumerate(rows):
        r = top + 1 + k
        cells = ''.join(inline('%s%d' % (c, r), v) for c, v in zip('ABC', (name, own, team)) if v)
        out.append('<row r="%d"%s>%s</row>' % (r, ' hidden="1"' if hidden else '', cells))
    return ''.join(out)


# ---- fixtures ------------------------------------------------------------------

def hand_order(path):
    """Sheets in workbook order Vejledning, Skjult (hidden), Skema; the part
    names and relationship ids in another order."""
    guide = worksheet('<row r="1">%s</row>' % inline('A1', 'Sådan bruges skemaet'))
    hidden = worksheet('<row r="1">%s</row>' % inline('A1', 'SKJULT-ARK'))
    schema = worksheet(schema_rows(1, [('Anna Jensen', 'Kursus i samtaleteknik', 'Fælles temadag', False)]))
    write_zip(path, [
        ('[Content_Types].xml', content_types(['xl/worksheets/sheet%d.xml' % i for i in (1, 2, 3)])),
        ('_rels/.rels', package_rels()),
        ('xl/workbook.xml', workbook([('Vejledning', 'rId7', None), ('Skjult', 'rId2', 'hidden'),
                                      ('Skema', 'rId5', None)])),
        ('xl/_rels/workbook.xml.rels', rels([('rId2', 'worksheet', 'worksheets/sheet1.xml'),
                                             ('rId5', 'worksheet', '/xl/worksheets/sheet2.xml'),
                                             ('rId7', 'worksheet', './worksheets/../worksheets/sheet3.xml')])),
        ('xl/worksheets/sheet1.xml', hidden),
        ('xl/worksheets/sheet2.xml', schema),
        ('xl/worksheets/sheet3.xml', guide),
    ])


def hand_strings(path):
    strings = [
        '<r><t>Fed </t></r><r><rPr><b/></rPr><t>og</t></r><r><rPr><i/></rPr><t xml:space="preserve"> kursiv</t></r>'
        '<rPh sb="0" eb="1"><t>LOKKEDUE-FONETISK</t></rPh><phoneticPr fontId="0"/>',
        '<t xml:space="preserve">  indrykket  </t>',
        '<t>Linje 1_x000D_\nLinje 2</t>',
        '<t>_x005F_x000D_ står bogstaveligt</t>',
        '<t>Smil _xD83D__xDE00_ og tab_x0009_her_x0001_</t>',
        '<t/>',
    ]
    # The dimension and the spans lie (A1, 1:1); rows and cells without r follow on.
    rows = ('<row r="1" spans="1:1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="F1" t="s"><v>2</v></c></row>'
            '<row r="2" spans="1:1"><c r="A2" t="s"><v>3</v></c><c t="s"><v>4</v></c>'
            '<c t="s"><v>5</v></c></row>'
            '<row>' + inline('A3', 'Indlejret tekst')
            + '<c r="B3" t="inlineStr"><is><r><t>Indlejret </t></r><r><rPr><b/></rPr><t>rig</t></r>'
            '<rPh sb="0" eb="1"><t>LOKKEDUE-FONETISK</t></rPh></is></c>'
            '<c r="C3" t="str"><f>A3&amp;"x"</f><v>Beregnet_x000A_tekst</v></c></row>'
            '<row r="5"><c r="AA5" t="s"><v>1</v></c></row>')
    simple_book(path, worksheet(rows, head='<dimension ref="A1"/>'), strings)


def hand_types(path):
    num_fmts = [(164, 'dd/mm/yyyy'), (165, '[$-406]d\\.\\ mmmm\\ yyyy'), (166, '#,##0.0\\ "kr."'),
                (167, 'hh:mm'), (168, '"TRUE";"TRUE";"FALSE"'), (169, '@'), (170, 'General')]
    # xf:  0 general, 1 "0.00", 2 "0.00%", 3 date 14, 4 date-time 22, 5-11 the custom ones
    xfs = [0, 2, 10, 14, 22, 164, 165, 166, 167, 168, 169, 170]
    cells = [
        ('A1', '', '', '1234.5'),            # general: 1234,5
        ('A2', '1', '', '1234.5'),           # 1234,50
        ('A3', '2', '', '0.125'),            # 12,50 %
        ('A4', '3', '', '45291'),            # 31-12-2023
        ('A5', '4', 'd', '2023-12-31T18:00:00'),  # 31-12-2023 18:00
        ('A6', '5', '', '45291'),            # 31-12-2023
        ('A7', '6', '', '45291'),            # 31. december 2023
        ('A8', '7', '', '1234.56'),          # 1.234,6 kr.
        ('A9', '8', '', '0.75'),             # 18:00
        ('A10', '', 'b', '1'),               # SAND
        ('A11', '', 'b', '0'),               # FALSK
        ('A12', '9', 'b', '1'),              # SAND (LibreOffice's boolean format)
        ('A13', '1', 'b', '1'),              # 1,00
        ('A14', '', 'e', '#DIV/0!'),
        ('A15', '', 'e', '#N/A'),
        ('A16', '', 'd', '2023-12-31T18:00:00'),  # general: 45291,75
        ('A17', '', '', '0.1'),              # 0,1
        ('A18', '10', '', '42'),             # text format: 42
        ('A19', '', '', '-1E-10'),           # -1E-10
    ]
    after = [
        ('A21', '11', 'b', '1'),             # SAND ("General", LibreOffice's default style)
        ('A22', '11', '', '0.5'),            # 0,5
    ]
    rows = []
    for ref, s, typ, v in cells:
        attrs = ' r="%s"' % ref + (' s="%s"' % s if s else '') + (' t="%s"' % typ if typ else '')
        rows.append('<row r="%s"><c%s><v>%s</v></c></row>' % (ref[1:], attrs, escape(v)))
    # A formula with its cached value, one without (never computed: empty).
    rows.append('<row r="20"><c r="A20"><f>A1*2</f><v>2469</v></c><c r="B20"><f>A1*3</f></c></row>')
    for ref, s, typ, v in after:
        attrs = ' r="%s"' % ref + (' s="%s"' % s if s else '') + (' t="%s"' % typ if typ else '')
        rows.append('<row r="%s"><c%s><v>%s</v></c></row>' % (ref[1:], attrs, escape(v)))
    simple_book(path, worksheet(''.join(rows)), None, styles(num_fmts, xfs))


def hand_merges(path):
    rows = ('<row r="1">' + inline('A1', 'Flettet') + inline('B1', 'SKJULT-UNDER-FLETNING') + '</row>'
            '<row r="2">' + inline('A2', 'SKJULT-UNDER-FLETNING') + inline('C2', 'Ved siden af') + '</row>'
            '<row r="3" hidden="1">' + inline('A3', 'Skjult række') + '</row>'
            '<row r="4" hidden="true"/>'
            '<row r="5">' + inline('C5', 'Synlig') + '</row>'
            '<row r="6">' + inline('A6', 'Anden fletning') + inline('B6', 'SKJULT-UNDER-FLETNING')
            + '</row><row r="7">' + inline('B7', 'SKJULT-UNDER-FLETNING') + '</row>'
            '<row r="8">' + inline('A8', 'Under fletningerne') + '</row>')
    # Listed out of order; two areas in the same columns.
    simple_book(path, worksheet(rows, merges=['A6:B7', 'C5', 'A1:B2']))


def hand_schema(path, macros=False):
    """A complete schema with what the CLI must leave out: a hidden employee,
    a comment, a threaded comment, and (in the .xlsm) a macro project."""
    rows = [('Anna Jensen', 'Kursus i samtaleteknik', 'Fælles temadag om arbejdsmiljø', False),
            ('', 'Mentor for ny kollega', 'Fælles temadag om arbejdsmiljø', False),
            ('Bo Skjult', 'SKJULT-MEDARBEJDER', '', True),
            ('Carl Nielsen', 'Førstehjælp', '', False)]
    sheet = worksheet(schema_rows(3, rows), head='<dimension ref="A1:C2"/>',
                      tail='<legacyDrawing r:id="rId1"/>')
    parts = [
        ('[Content_Types].xml', content_types(['xl/worksheets/sheet1.xml'],
                                              '<Default Extension="bin" ContentType="application/'
                                              'vnd.ms-office.vbaProject"/>' if macros else '')),
        ('_rels/.rels', package_rels()),
        ('xl/workbook.xml', workbook([('Skema', 'rId1', None)])),
        ('xl/_rels/workbook.xml.rels', rels([('rId1', 'worksheet', 'worksheets/sheet1.xml')]
                                            + ([('rId9', 'vbaProject', 'vbaProject.bin')] if macros else []))),
        ('xl/worksheets/sheet1.xml', sheet.replace('<sheetData>', '<sheetData>' + '<row r="1">'
                                                   + inline('A1', 'Team:') + inline('B1', 'Hjemmeplejen Nord')
                                                   + '</row>', 1)),
        ('xl/worksheets/_rels/sheet1.xml.rels', rels([('rId1', 'comments', '../comments1.xml'),
                                                      ('rId2', 'threadedComment', '../threadedComments/threadedComment1.xml')])),
        ('xl/comments1.xml', XML_DECL + '<comments xmlns="%s"><authors><author>Lea</author></authors>'
         '<commentList><comment ref="B4" authorId="0"><text><t>HEMMELIG-KOMMENTAR</t></text></comment>'
         '</commentList></comments>' % MAIN),
        ('xl/threadedComments/threadedComment1.xml', XML_DECL + '<ThreadedComments xmlns="http://schemas.'
         'microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B4" id="{1}">'
         '<text>HEMMELIG-TRAADKOMMENTAR</text></threadedComment></ThreadedComments>'),
    ]
    if macros:
        parts.append(('xl/vbaProject.bin', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'LOKKEDUE-MAKRO' * 8))
    write_zip(path, parts)


def broken_encrypted(path):
    """What Excel writes for a workbook with a password: a CFB (OLE2) container
    holding EncryptionInfo and EncryptedPackage, not a zip. The header of a
    version 3 compound file, then one directory sector naming those streams."""
    header = (b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + bytes(16) + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack('<IIIIIIII', 0, 1, 0, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE)
              + struct.pack('<II', 0, 0) + struct.pack('<I', 0) * 109)
    header = header[:512].ljust(512, b'\0')

    def entry(name, kind):
        n = (name + '\0').encode('utf-16-le')
        return (n.ljust(64, b'\0') + struct.pack('<HBB', len(n), kind, 1)
                + struct.pack('<III', 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)).ljust(128, b'\0')
    directory = entry('Root Entry', 5) + entry('EncryptionInfo', 2) + entry('EncryptedPackage', 2)
    with open(path, 'wb') as f:
        f.write(header + directory.ljust(512, b'\0') + b'LOKKEDUE-KRYPTERET'.ljust(512, b'\0'))


def broken_doctype(path):
    sheet = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&bombe;</t></is></c></row>')
    sheet = sheet.replace(XML_DECL, XML_DECL + '<!DOCTYPE worksheet [<!ENTITY bombe "LOKKEDUE">]>\n')
    simple_book(path, sheet)


def broken_entity(path):
    sst = shared_strings(['<t>&a;</t>']).replace(
        XML_DECL, XML_DECL + '<!DOCTYPE sst [<!ENTITY a "LOKKEDUELOKKEDUE">]>\n')
    items = [('rId1', 'worksheet', 'worksheets/sheet1.xml'), ('rId2', 'sharedStrings', 'sharedStrings.xml')]
    write_zip(path, [('[Content_Types].xml', content_types(['xl/worksheets/sheet1.xml'])),
                     ('_rels/.rels', package_rels()),
                     ('xl/workbook.xml', workbook([('Ark1', 'rId1', None)])),
                     ('xl/_rels/workbook.xml.rels', rels(items)),
                     ('xl/worksheets/sheet1.xml', worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')),
                     ('xl/sharedStrings.xml', sst)])


def broken_shared_index(path):
    simple_book(path, worksheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), ['<t>Én</t>'])


def broken_zip_bomb(path):
    # 40 MiB of one repeated empty row: some 40 KB packed, more than the
    # 32 MiB a part may inflate to, and the directory says so.
    filler = '<row/>' * (40 * 1024 * 1024 // 6)
    simple_book(path, worksheet(filler))


def broken_no_workbook(path):
    write_zip(path, [('[Content_Types].xml', content_types([])), ('_rels/.rels', package_rels())])


def broken_malformed(path):
    simple_book(path, worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Åben</is></c></row>'))


def broken_many_attributes(path):
    attrs = ' '.join('a%d="1"' % i for i in range(200))
    simple_book(path, worksheet('<row r="1" %s/>' % attrs))


def broken_bad_number(path):
    simple_book(path, worksheet('<row r="3"><c r="B3"><v>tolv</v></c></row>'))


FIXTURES = {
    'hand-order.xlsx': hand_order,
    'hand-strings.xlsx': hand_strings,
    'hand-types.xlsx': hand_types,
    'hand-merges.xlsx': hand_merges,
    'hand-schema.xlsx': hand_schema,
    'hand-schema.xlsm': lambda p: hand_schema(p, macros=True),
    'broken-encrypted.xlsx': broken_encrypted,
    'broken-doctype.xlsx': broken_doctype,
    'broken-entity.xlsx': broken_entity,
    'broken-shared-index.xlsx': broken_shared_index,
    'broken-zip-bomb.xlsx': broken_zip_bomb,
    'broken-no-workbook.xlsx': broken_no_workbook,
    'broken-malformed.xlsx': broken_malformed,
    'broken-many-attributes.xlsx': broken_many_attributes,
    'broken-bad-number.xlsx': broken_bad_number,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--out-dir', default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    for name, make in FIXTURES.items():
        make(os.path.join(args.out_dir, name))
    return 0


if __name__ == '__main__':
    sys.exit(main())
