#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the .ods fixtures of tests/data/ods (see README.md there) with the
# Python standard library only. Deterministic: fixed zip timestamps, fixed
# compression level, no randomness, so that running it again reproduces the
# checked-in files byte for byte (with the same zlib).
#
#   /usr/bin/python3 tests/data/ods/make-fixtures.py [--out-dir DIR]
#
# schema-libreoffice.ods and broken-password.ods are written by LibreOffice
# itself (make-lo-fixtures.py) and are not touched here.

import argparse
import hashlib
import os
import struct
import sys
import unicodedata
import zipfile
import zlib
from xml.sax.saxutils import escape, quoteattr

FIXED_TIME = (2024, 1, 1, 0, 0, 0)
LEVEL = 9
MAX_ROWS = 1048576
LO_COLUMNS = 1024  # columns LibreOffice 7.4 writes per row (no "jumbo sheets")

NS = {
    'office': 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
    'style': 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
    'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
    'table': 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
    'draw': 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
    'fo': 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
    'xlink': 'http://www.w3.org/1999/xlink',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'number': 'urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0',
    'svg': 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
    'of': 'urn:oasis:names:tc:opendocument:xmlns:of:1.2',
    'calcext': 'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0',
    'manifest': 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
}
NS_DECLS = ' '.join('xmlns:%s="%s"' % (k, v) for k, v in NS.items() if k != 'manifest')
MIMETYPE = b'application/vnd.oasis.opendocument.spreadsheet'

# ---- zip packages ------------------------------------------------------------


def zinfo(name, compress=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = compress
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def manifest(entries, encrypted=False):
    crypt = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" '
             'manifest:checksum="AAAAAAAAAAAAAAAAAAAAAAAAAAA=">'
             '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" '
             'manifest:initialisation-vector="AAAAAAAAAAA="/>'
             '<manifest:key-derivation manifest:key-derivation-name="PBKDF2" '
             'manifest:iteration-count="1024" manifest:salt="AAAAAAAAAAAAAAAAAAAAAA=="/>'
             '</manifest:encryption-data>') if encrypted else ''
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<manifest:manifest xmlns:manifest="%s" manifest:version="1.2">' % NS['manifest'],
             ' <manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
             'manifest:media-type="%s"/>' % MIMETYPE.decode()]
    for name in entries:
        lines.append(' <manifest:file-entry manifest:full-path="%s" manifest:media-type="text/xml"'
                     % name + ('>' + crypt + '</manifest:file-entry>' if crypt else '/>'))
    lines.append('</manifest:manifest>')
    return ('\n'.join(lines) + '\n').encode()


def write_package(path, members, with_mimetype=True):
    """members: list of (name, bytes[, compress_type]) after mimetype."""
    with zipfile.ZipFile(path, 'w') as zf:
        if with_mimetype:
            zf.writestr(zinfo('mimetype', zipfile.ZIP_STORED), MIMETYPE)
        for member in members:
            name, data = member[0], member[1]
            compress = member[2] if len(member) > 2 else zipfile.ZIP_DEFLATED
            zf.writestr(zinfo(name, compress), data, compresslevel=LEVEL)


def write_ods(path, content, content_compress=zipfile.ZIP_DEFLATED, encrypted=False):
    if isinstance(content, str):
        content = content.encode('utf-8')
    write_package(path, [
        ('META-INF/manifest.xml', manifest(['content.xml'], encrypted)),
        ('content.xml', content, content_compress),
    ])


# ---- content.xml -------------------------------------------------------------


def document(tables, body_kind='spreadsheet', prolog='<?xml version="1.0" encoding="UTF-8"?>\n'):
    return (prolog +
            '<office:document-content %s office:version="1.2">' % NS_DECLS +
            '<office:automatic-styles><style:style style:name="ro1" style:family="table-row">'
            '<style:table-row-properties style:row-height="0.178in"/></style:style>'
            '</office:automatic-styles>'
            '<office:body><office:%s>' % body_kind + ''.join(tables) +
            '</office:%s></office:body></office:document-content>\n' % body_kind)


def text_run(line):
    """One line as LibreOffice writes it: the first space of a run literal, the
    rest as <text:s/>; a leading space always as <text:s/>; tabs as <text:tab/>."""
    out = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == '\t':
            out.append('<text:tab/>')
            i += 1
        elif ch == ' ':
            j = i
            while j < len(line) and line[j] == ' ':
                j += 1
            n = j - i
            if i == 0:
                out.append('<text:s/>' if n == 1 else '<text:s text:c="%d"/>' % n)
            else:
                out.append(' ')
                if n > 1:
                    out.append('<text:s/>' if n == 2 else '<text:s text:c="%d"/>' % (n - 1))
            i = j
        else:
            j = i
            while j < len(line) and line[j] not in ' \t':
                j += 1
            out.append(escape(line[i:j]))
            i = j
    return ''.join(out)


def paragraphs(text):
    return ''.join('<text:p>%s</text:p>' % text_run(line) for line in text.split('\n'))


class C:
    """A cell. text: what Calc shows ('\\n' between paragraphs)."""

    def __init__(self, text=None, *, rows=1, cols=1, comment=None, repeat=1, date=None,
                 number=None, raw=None, covered=False, attrs=''):
        self.text, self.rows, self.cols, self.comment = text, rows, cols, comment
        self.repeat, self.date, self.number, self.raw = repeat, date, number, raw
        self.covered, self.attrs = covered, attrs

    def xml(self):
        tag = 'table:covered-table-cell' if self.covered else 'table:table-cell'
        a = self.attrs
        if self.repeat > 1:
            a += ' table:number-columns-repeated="%d"' % self.repeat
        if self.rows > 1:
            a += ' table:number-rows-spanned="%d"' % self.rows
        if self.rows > 1 or self.cols > 1:
            a += ' table:number-columns-spanned="%d"' % self.cols
            if self.rows == 1:
                a += ' table:number-rows-spanned="1"'
        inner = ''
        if self.comment is not None:
            inner += ('<office:annotation><dc:creator>Birgitte Sørensen</dc:creator>'
                      '<dc:date>2024-03-12T10:00:00</dc:date>%s</office:annotation>'
                      % paragraphs(self.comment))
        if self.raw is not None:
            inner += self.raw
        elif self.text is not None:
            if self.date is not None:
                a += ' office:value-type="date" office:date-value="%s" calcext:value-type="date"' % self.date
            elif self.number is not None:
                a += ' office:value-type="float" office:value="%s" calcext:value-type="float"' % self.number
            elif not self.covered:
                a += ' office:value-type="string" calcext:value-type="string"'
            inner += paragraphs(self.text)
        return '<%s%s>%s</%s>' % (tag, a, inner, tag) if inner else '<%s%s/>' % (tag, a)


def cell(x):
    if isinstance(x, C):
        return x
    return C(x)


def row(cells, repeat=1, tail_cols=True):
    cells = [cell(x) for x in cells]
    used = sum(c.repeat for c in cells)
    out = ''.join(c.xml() for c in cells)
    if tail_cols and used < LO_COLUMNS:
        out += '<table:table-cell table:number-columns-repeated="%d"/>' % (LO_COLUMNS - used)
    rep = ' table:number-rows-repeated="%d"' % repeat if repeat > 1 else ''
    return '<table:table-row table:style-name="ro1"%s>%s</table:table-row>' % (rep, out)


def table(name, rows, tail=True, extra='', used_rows=None):
    """rows: lists of cells (None, str or C), or ready-made XML strings (then give
    used_rows, the number of rows they make, for an exact tail)."""
    xml = ['<table:table table:name=%s>' % quoteattr(name),
           '<table:table-column table:number-columns-repeated="%d"/>' % LO_COLUMNS, extra]
    for r in rows:
        xml.append(r if isinstance(r, str) else row(r))
    if tail:
        # What LibreOffice writes after the last used row of every sheet.
        xml.append(row([], repeat=MAX_ROWS - (used_rows or len(rows))))
    xml.append('</table:table>')
    return ''.join(xml)


# ---- the schemas ---------------------------------------------------------------

H_NAME = 'Indsæt navn på medarbejder'
H_INDIVIDUAL = 'Indsæt indhold vedrørende medarbejder'
H_TEAM = 'Indsæt indhold vedrørende teamet'
BUTTON = 'Dobbeltklik for at lave PDF-filer'
SECRET = 'HEMMELIG-KOMMENTAR'


def header_area(team='Hjemmeplejen Nord', leader='Birgitte Sørensen', date='12.03.2024',
                iso_date='2024-03-12', merged_title=False):
    title = C('Det fælles kompetenceskema', cols=3) if merged_title else 'Det fælles kompetenceskema'
    first = [title, C(covered=True), C(covered=True), BUTTON] if merged_title \
        else [title, None, None, BUTTON]
    return [
        first,
        ['Team:', team],
        ['Leder:', leader],
        ['Dato:', C(date, date=iso_date)],
        [],
    ]


def schema_basic():
    return document([table('Skema', header_area() + [
        [H_NAME, H_INDIVIDUAL, H_TEAM],
        ['Anne Æbelø',
         'Kursus i forflytning\n• Opfølgning efter 3 måneder\n- Sidemandsoplæring\n'
         '* Læse faglitteratur om demens',
         'Fælles temadag om demens'],
        [None, 'Mentor for nye kolleger', 'Fælles temadag om demens'],
        ['Søren Østergaard', 'Lederuddannelse, modul 1',
         'Supervision hver 6. uge\n• Første gang i april'],
        [],
        [C('Åse Hansen', comment=SECRET + ': må aldrig stå i en IKU'),
         'Førstehjælp, genopfriskning', 'Fælles temadag om demens'],
        [None, None, 'Nyt dokumentationssystem i efteråret'],
    ])])


def schema_short_headers():
    return document([table('Ark1', [
        ['Team:', 'Dagcenter Solsikken'],
        [],
        [None, 'Navn', 'Individuelt fokus', 'Teamfokus', 'Bemærkninger'],
        [None, 'Mads Kjærgaard', 'Kørekort til minibus', 'Brugerinddragelse', 'Ferie i uge 30'],
        [None, 'Lærke Holm', 'Aktivitetsuddannelse', 'Brugerinddragelse'],
    ])])


def schema_header_variants():
    # Header texts as users type them: other case, extra spaces, a line break.
    return document([table('Skema', [
        ['  indsæt NAVN på\nmedarbejder ', 'INDSÆT INDHOLD   VEDRØRENDE MEDARBEJDER',
         ' Indsæt indhold\nvedrørende teamet'],
        ['Rasmus Dahl', 'Kursus i kommunikation', 'Ny mødestruktur'],
    ])])


def schema_merged():
    return document([table('Skema', header_area(merged_title=True) + [
        [H_NAME, H_INDIVIDUAL, H_TEAM],
        [C('Mette Kjær', rows=2), 'Kursus i Excel', 'Teammøde hver mandag'],
        [C('SKJULT-INDHOLD', covered=True), 'Sprogkursus i tysk', 'Teammøde hver mandag'],
        ['Jens Ølgaard', 'Coaching-forløb', C('Trivselsmåling', rows=2)],
        ['Kim Larsen', 'Truckcertifikat', C(covered=True)],
        ['Ida Vestergaard', C('Projektleder på ny vagtplan', cols=2), C(covered=True)],
    ])])


def schema_second_sheet():
    decoy = table('Vejledning', [
        ['Sådan bruger du skemaet'],
        ['Skriv navne og indhold på arket »Skema«.'],
        [],
        ['Eksempel:', 'LOKKEDUE-NAVN', 'LOKKEDUE-INDHOLD'],
    ])
    schema = table('Skema', header_area(team='Sygeplejen Syd', leader='Hanne Lykke',
                                        date='2. april 2024', iso_date='2024-04-02') + [
        [H_NAME, H_INDIVIDUAL, H_TEAM],
        ['Karen Bæk', 'Kursus i palliation', 'Fælles kursus i konflikthåndtering'],
        ['Ole Frølund', 'Introduktion til velfærdsteknologi', 'Fælles kursus i konflikthåndtering'],
    ])
    notes = table('Noter', [['Mødet blev holdt i kantinen.']])
    return document([decoy, schema, notes])


VIETNAMESE = 'Nguyễn Thị Hương'


def schema_unicode_names():
    return document([table('Skema', [
        ['Team:', 'Tværfagligt team'],
        ['Leder:', 'Søs Ærbødig'],
        [],
        ['Navn', 'Individuelt fokus', 'Teamfokus'],
        ['Bjørn Æbelø', 'Kursus i ældrepleje', 'Sprogcafé hver torsdag'],
        ['Åse Ørsted', 'Efteruddannelse i psykiatri', 'Sprogcafé hver torsdag'],
        ['Łukasz Wójcik-Żmuda', 'Danskuddannelse, modul 3', 'Sprogcafé hver torsdag'],
        ['Γιώργος Παπαδόπουλος', 'Kursus i dansk fagsprog', 'Sprogcafé hver torsdag'],
        ['Олена Коваленко', 'Praktik på plejecenter', 'Sprogcafé hver torsdag'],
        # Decomposed (NFD) in the file, as some keyboards and macOS write it.
        [unicodedata.normalize('NFD', VIETNAMESE), 'Sosu-assistentuddannelse',
         'Sprogcafé hver torsdag'],
        ['  Ida   Ærø  ', 'Mentorordning', 'Sprogcafé hver torsdag'],
        ['Per/Ole: Hansen?', 'Kursus i IT-sikkerhed', 'Sprogcafé hver torsdag'],
    ])])


def schema_duplicates():
    return document([table('Skema', [
        [H_NAME, H_INDIVIDUAL, H_TEAM],
        ['Anne Æbelø', 'Kursus A: forflytning', 'Fælles supervision'],
        ['Bo Holm', 'Kursus B: medicinhåndtering', None],
        ['anne æbelø', 'Kursus C: demens', 'Fælles supervision'],
    ])])


def error_no_header():
    return document([table('Skema', header_area() + [
        ['Person', 'Aftaler', 'Fælles'],
        ['Anne Æbelø', 'Kursus i forflytning', 'Temadag'],
    ])])


def error_no_employees():
    return document([table('Skema', header_area() + [
        [H_NAME, H_INDIVIDUAL, H_TEAM],
        [None, None, 'Fælles temadag om demens'],
        [],
        [None, None, 'Nyt dokumentationssystem'],
    ])])


def error_orphan_content():
    return document([table('Skema', [
        [H_NAME, H_INDIVIDUAL, H_TEAM],
        [None, 'Indhold uden navn', 'Teammøde hver tirsdag'],
        ['Lone Berg', 'Kursus i sårpleje', None],
    ])])


FIRST_NAMES = ['Anne', 'Bo', 'Camilla', 'Dorthe', 'Emil', 'Frederik', 'Gitte', 'Hans', 'Inge',
               'Jonas', 'Karen', 'Lars', 'Mette', 'Niels', 'Ole', 'Pia', 'Rasmus', 'Signe',
               'Troels', 'Ulla', 'Vibeke', 'Yrsa', 'Åse', 'Ærtebjerg', 'Øjvind', 'Birthe',
               'Christian', 'Ditte', 'Erik', 'Freja', 'Gustav', 'Hanne', 'Ida', 'Jens', 'Kirsten',
               'Lone', 'Mads', 'Nanna', 'Oskar', 'Pernille', 'Rikke', 'Søren', 'Tove', 'Villads',
               'Asta', 'Bjørn', 'Carl', 'Dagmar', 'Esben', 'Frida']
LAST_NAMES = ['Hansen', 'Jensen', 'Nielsen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen',
              'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen',
              'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Østergaard',
              'Ærenlund', 'Åberg', 'Bæk', 'Frølund', 'Kjær', 'Lykke', 'Holm', 'Dahl', 'Berg',
              'Vestergaard', 'Ølgaard', 'Brødsgaard', 'Skov', 'Lund', 'Krogh', 'Bach', 'Vinther',
              'Friis', 'Juhl']


def big_name(i):
    return '%s %s' % (FIRST_NAMES[i % 50], LAST_NAMES[i // 50])


def big_2000_employees():
    rows = header_area() + [[H_NAME, H_INDIVIDUAL, H_TEAM]]
    for i in range(2000):
        rows.append([big_name(i), 'Kursus nr. %d\n• Opfølgning med lederen' % (i + 1),
                     'Fælles temadag om arbejdsmiljø'])
    return document([table('Skema', rows)])


def tail_million_rows():
    # The tail is LibreOffice's own, as written after the last used row.
    return document([table('Skema', [
        ['Navn', 'Individuelt fokus', 'Teamfokus'],
        ['Anne Æbelø', 'Kursus i forflytning', 'Temadag'],
        ['Bo Holm', 'Kursus i medicinhåndtering', 'Temadag'],
        ['Camilla Kjær', 'Kursus i demens', 'Temadag'],
    ])])


# ---- constructs (for the reader's own tests) -------------------------------------------

def constructs_text():
    def raw(xml):
        return C(raw=xml, attrs=' office:value-type="string"')
    return document([table('Tekst', [
        [raw('<text:p>Linje 1</text:p><text:p>Linje 2</text:p><text:p>Linje 3</text:p>')],
        [raw('<text:p>Se <text:span text:style-name="T1">fed</text:span> og '
             '<text:a xlink:type="simple" xlink:href="https://example.org/">link'
             '<text:bookmark text:name="b1"/></text:a><text:bookmark-start text:name="b2"/> her'
             '<text:bookmark-end text:name="b2"/></text:p>')],
        [raw('<text:p>a<text:s/>b <text:s text:c="3"/>c<text:s text:c="0"/>d'
             '<text:s text:c="x"/>e</text:p>')],
        [raw('<text:p>Før<text:tab/>efter<text:line-break/>ny linje</text:p>')],
        [raw('<office:annotation><dc:creator>Leder</dc:creator><text:p>%s</text:p>'
             '<text:p>anden linje</text:p></office:annotation><text:p>Synlig tekst</text:p>'
             % SECRET)],
        [raw('<text:p>Del<text:soft-page-break/> 1 <text:sequence text:name="Illustration" '
             'text:formula="ooow:Illustration+1" style:num-format="1">7</text:sequence> '
             '<text:sheet-name>Tekst</text:sheet-name></text:p>')],
        [raw('<text:h text:outline-level="1">Overskrift</text:h><text:p>Brødtekst</text:p>')],
        [raw('<text:p>før<draw:frame svg:width="1in" svg:height="1in"><draw:text-box>'
             '<text:p>FIGURTEKST</text:p></draw:text-box></draw:frame>efter</text:p>'
             '<draw:custom-shape draw:name="Figur"><text:p>FIGURTEKST</text:p></draw:custom-shape>')],
        [raw('<text:p>  to  mellemrum  </text:p>')],
        [raw('<text:p/>'), raw('<text:p/><text:p/>')],
        [raw('<text:p><text:span>ydre <text:span>indre</text:span></text:span>'
             '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
             '<text:note-body><text:p>FODNOTE</text:p></text:note-body></text:note></text:p>')],
        [raw('<text:p>Æ&amp;Ø &lt;tag&gt; &#x263A; &#229;&#xE6;</text:p>')],
        [raw('<text:list><text:list-item><text:p>LISTEPUNKT</text:p></text:list-item></text:list>'
             '<text:p>Efter listen</text:p>')],
        [raw('<text:p>første\nanden\tmed tab</text:p>')],
        [raw('<office:annotation><text:p>%s</text:p></office:annotation>' % SECRET),
         raw('<text:p>B15</text:p><office:annotation-end office:name="x"/>')],
        [raw('<text:p><text:span>a</text:span> <text:span>b</text:span></text:p>')],
    ])])


def constructs_values():
    def c(attrs, inner=''):
        return C(raw=inner, attrs=' ' + attrs) if inner else C(attrs=' ' + attrs)
    return document([table('Værdier', [
        [c('office:value-type="float" office:value="1234.5"', '<text:p>1.234,50</text:p>')],
        [c('office:value-type="percentage" office:value="0.25"', '<text:p>25%</text:p>')],
        [c('office:value-type="currency" office:currency="DKK" office:value="99.95"',
           '<text:p>99,95 kr.</text:p>')],
        [c('office:value-type="date" office:date-value="2024-03-12"', '<text:p>12.03.2024</text:p>')],
        [c('office:value-type="time" office:time-value="PT13H30M00S"', '<text:p>13:30</text:p>')],
        [c('office:value-type="boolean" office:boolean-value="true"', '<text:p>SAND</text:p>')],
        [c('table:formula="of:=1+1" office:value-type="float" office:value="2"', '<text:p>2</text:p>')],
        [c('table:formula="of:=&quot;I&quot;&amp;&quot;KU&quot;" office:value-type="string" '
           'office:string-value="IKU"', '<text:p>IKU</text:p>')],
        [c('table:formula="of:=1/0" office:value-type="float" office:value="0" '
           'calcext:value-type="error"', '<text:p>#DIV/0!</text:p>')],
        [c('office:value-type="float" office:value="3.5"')],
        [c('office:value-type="percentage" office:value="0.25"')],
        [c('office:value-type="currency" office:value="10"')],
        [c('office:value-type="date" office:date-value="2024-05-01"')],
        [c('office:value-type="time" office:time-value="PT13H30M00S"')],
        [c('office:value-type="boolean" office:boolean-value="false"')],
        [c('office:value-type="string" office:string-value="Kun værdi"')],
        [c('office:value-type="float"'), c('office:value="7"'), 'C17'],
        [c('office:value-type="string" office:string-value="Anden værdi"',
           '<text:p>Vist tekst</text:p>')],
        [c('office:value-type="void"', '<text:p/>'), 'B19'],
    ])])


def constructs_layout():
    layout = table('Layout', [
        '<table:table-header-rows>' + row(['Overskrift 1', 'Overskrift 2']) + '</table:table-header-rows>',
        '<table:table-row-group><table:table-row-group>' + row(['I gruppe']) +
        '</table:table-row-group></table:table-row-group>',
        '<table:table-rows>' + row(['I rows']) + '</table:table-rows>',
        row([C('x', repeat=3), C(repeat=2), 'y']),
        row(['gentaget', None, 'z'], repeat=2),
        row([], repeat=3),
        row([C('Flettet', rows=2, cols=2), C('SKJULT', covered=True), 'ved siden af']),
        row([C(covered=True, repeat=2), 'under']),
        # Covered cells that no merged area covers: Calc shows them.
        row([C(raw='<text:p>dækket</text:p>', covered=True, repeat=3), 'D12']),
        row([C('nul', attrs=' table:number-columns-repeated="0"'),
             C('minus', attrs=' table:number-columns-repeated="-2"'), 'efter']),
        row([C(repeat=2), C('to', repeat=2)], repeat=2),
    ], extra='<table:table-header-columns><table:table-column/></table:table-header-columns>'
             '<table:table-column-group><table:table-column table:number-columns-repeated="3"/>'
             '</table:table-column-group>'
             '<table:shapes><draw:frame svg:width="1in" svg:height="1in"><draw:text-box>'
             '<text:p>FIGURTEKST</text:p></draw:text-box></draw:frame></table:shapes>',
       used_rows=15)
    empty = table('Tom', [])
    unnamed = ('<table:table><table:table-row><table:table-cell><text:p>uden navn</text:p>'
               '</table:table-cell></table:table-row></table:table>')
    special = table('R&D "Æøå" – <ark>', [['særligt navn']], tail=False)
    tail = ('<table:named-expressions><table:named-range table:name="x" '
            'table:base-cell-address="$Layout.$A$1" table:cell-range-address="$Layout.$A$1"/>'
            '</table:named-expressions>')
    return document([layout, empty, unnamed, special, tail])


def constructs_prefixes():
    o, t, x = NS['office'], NS['table'], NS['text']
    return ('\ufeff<!-- en kommentar før roden - med bindestreg -->\n'
            '<?ikuflet-test data?>\n'
            '<o:document-content xmlns:o="%s" xmlns:t="%s" xmlns:x="%s">'
            '<o:body><o:spreadsheet><t:table t:name="Præfikser"><t:table-row>'
            '<t:table-cell><x:p>andet præfiks</x:p></t:table-cell>'
            '<table:table-cell xmlns:table="urn:example:fremmed"><x:p>FREMMED</x:p></table:table-cell>'
            '<t:table-cell><p xmlns="%s">standardnavnerum</p></t:table-cell>'
            '<t:table-cell><x:p><![CDATA[<CDATA & tekst>]]></x:p></t:table-cell>'
            '<ukendt:celle><x:p>UKENDT</x:p></ukendt:celle>'
            '<t:table-cell><x:p>sidst</x:p></t:table-cell>'
            '</t:table-row></t:table></o:spreadsheet></o:body></o:document-content>'
            % (o, t, x, x)).encode('utf-8')


# ---- broken files --------------------------------------------------------------------

def small_content(inner_text='Anne Æbelø'):
    return document([table('Skema', [['Navn', 'Individuelt fokus', 'Teamfokus'],
                                      [inner_text, 'Kursus', 'Temadag']], tail=False)])


ENTITY_BOMB = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<!DOCTYPE office:document-content [\n'
               ' <!ENTITY lol "lol">\n' +
               ''.join(' <!ENTITY lol%d "%s">\n' % (i, ('&lol%d;' % (i - 1) if i > 1 else '&lol;') * 10)
                       for i in range(1, 10)) +
               ']>\n')

EXTERNAL_ENTITY = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                   '<!DOCTYPE office:document-content [\n'
                   ' <!ENTITY xxe SYSTEM "file:///etc/passwd">\n'
                   ']>\n')


def with_body_text(prolog, text):
    return document([table('Skema', [[C(raw='<text:p>%s</text:p>' % text)]], tail=False)],
                    prolog=prolog)


def zipcrypto_entry(data, password, seed):
    """Traditional PKWARE encryption (what "zip -e" does), for one stored entry."""
    table_ = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table_.append(c)

    def crc_byte(crc, b):
        return (crc >> 8) ^ table_[(crc ^ b) & 0xFF]

    keys = [0x12345678, 0x23456789, 0x34567890]

    def update(b):
        keys[0] = crc_byte(keys[0], b)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_byte(keys[2], keys[1] >> 24)

    def stream_byte():
        t = (keys[2] | 2) & 0xFFFF
        return ((t * (t ^ 1)) >> 8) & 0xFF

    for b in password:
        update(b)
    crc = zlib.crc32(data) & 0xFFFFFFFF
    header = hashlib.sha256(seed).digest()[:11] + bytes([crc >> 24])
    out = bytearray()
    for b in header + data:
        out.append(b ^ stream_byte())
        update(b)
    return bytes(out), crc


def write_raw_zip(path, entries, local_names=None):
    """entries: (name, payload, method, flags, crc, uncompressed size).
    local_names: names to write in the local headers instead, by entry name."""
    dos_time = (FIXED_TIME[3] << 11) | (FIXED_TIME[4] << 5) | (FIXED_TIME[5] // 2)
    dos_date = ((FIXED_TIME[0] - 1980) << 9) | (FIXED_TIME[1] << 5) | FIXED_TIME[2]
    local, central = bytearray(), bytearray()
    for name, payload, method, flags, crc, size in entries:
        n = name.encode()
        ln = (local_names or {}).get(name, name).encode()
        offset = len(local)
        local += struct.pack('<IHHHHHIIIHH', 0x04034B50, 20, flags, method, dos_time, dos_date,
                             crc, len(payload), size, len(ln), 0) + ln + payload
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014B50, 0x314, 20, flags, method,
                               dos_time, dos_date, crc, len(payload), size, len(n), 0, 0, 0, 0,
                               0o644 << 16, offset) + n
    end = struct.pack('<IHHHHIIH', 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                      len(local), 0)
    with open(path, 'wb') as f:
        f.write(bytes(local + central + end))


def broken_zip_password(path):
    content = small_content().encode()
    payload, crc = zipcrypto_entry(content, b'ikuflet', b'ikuflet-fixture')
    write_raw_zip(path, [
        ('mimetype', MIMETYPE, 0, 0, zlib.crc32(MIMETYPE) & 0xFFFFFFFF, len(MIMETYPE)),
        ('content.xml', payload, 0, 1, crc, len(content)),
    ])


def broken_encrypted(path):
    # ODF encryption keeps the zip readable and makes each stream ciphertext;
    # the manifest says so. The "ciphertext" here is deterministic noise.
    noise = b''.join(hashlib.sha256(b'ikuflet-%d' % i).digest() for i in range(64))
    write_ods(path, noise, content_compress=zipfile.ZIP_STORED, encrypted=True)


def broken_bad_crc(path):
    write_ods(path, small_content('KONTROLSUM'), content_compress=zipfile.ZIP_STORED)
    data = bytearray(open(path, 'rb').read())
    at = data.index(b'KONTROLSUM')
    data[at] = ord('X')
    open(path, 'wb').write(bytes(data))


def broken_deflate_data(path):
    write_ods(path, schema_basic())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo('content.xml')
    data = bytearray(open(path, 'rb').read())
    name_len, extra_len = struct.unpack('<HH', data[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + info.compress_size // 3, start + info.compress_size // 3 + 16):
        data[i] ^= 0x5A
    open(path, 'wb').write(bytes(data))


def broken_zip_bomb(path):
    # 1 GiB + 1 MiB of well-formed rows and white space between them (long runs
    # of one byte compress best): inflates past the reader's cap.
    head = document([table('Skema', [['Navn']], tail=False)]).split('</table:table>')[0]
    chunk = b'<table:table-row/>' + b' ' * (64 * 1024)
    total = (1 << 30) + (1 << 20)
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr(zinfo('mimetype', zipfile.ZIP_STORED), MIMETYPE)
        zf.writestr(zinfo('META-INF/manifest.xml'), manifest(['content.xml']), compresslevel=LEVEL)
        # zlib's default level: level 9 is slow on a gigabyte and gains nothing here.
        with zf.open(zinfo('content.xml'), 'w', force_zip64=True) as f:
            f.write(head.encode())
            written = 0
            while written < total:
                f.write(chunk)
                written += len(chunk)
            f.write(b'</table:table></office:spreadsheet></office:body></office:document-content>\n')


def broken_xlsx(path):
    write_package(path, [
        ('[Content_Types].xml', b'<?xml version="1.0" encoding="UTF-8"?><Types '
         b'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
        ('xl/workbook.xml', b'<?xml version="1.0" encoding="UTF-8"?><workbook '
         b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
    ], with_mimetype=False)


def broken_no_content(path):
    write_package(path, [
        ('META-INF/manifest.xml', manifest(['styles.xml'])),
        ('styles.xml', ('<?xml version="1.0" encoding="UTF-8"?><office:document-styles %s/>'
                        % NS_DECLS).encode()),
    ])


def many_sheets():
    return document([table('Ark %d' % i, [['celle']], tail=False) for i in range(257)])


def too_many_cells():
    rows = ['<table:table-row table:number-rows-repeated="1000">'
            '<table:table-cell table:number-columns-repeated="1000" office:value-type="string">'
            '<text:p>x</text:p></table:table-cell></table:table-row>']
    return document([table('Skema', rows, tail=False)])


def too_many_columns():
    rows = ['<table:table-row><table:table-cell table:number-columns-repeated="16384"/>'
            '<table:table-cell><text:p>for langt til højre</text:p></table:table-cell>'
            '</table:table-row>']
    return document([table('Skema', rows, tail=False)])


def too_many_rows():
    rows = [row(['Navn'], tail_cols=False), row([], repeat=MAX_ROWS - 1, tail_cols=False),
            row(['for langt nede'], tail_cols=False)]
    return document([table('Skema', rows, tail=False)])


def deep_nesting():
    depth = 300
    inner = '<text:span>' * depth + 'dybt' + '</text:span>' * depth
    return document([table('Skema', [[C(raw='<text:p>%s</text:p>' % inner)]], tail=False)])


def book_text():
    # 200 KB in one cell, repeated over 50 cells on each of two sheets: 10 MB
    # per sheet, 20 MB for the workbook, over IKU_MAX_BOOK_TEXT_BYTES (16 MiB)
    # only when the sheets are counted together.
    text = ('Lang tekst ' * 18619)[:200 * 1024]
    rows = ['<table:table-row table:number-rows-repeated="5">'
            '<table:table-cell table:number-columns-repeated="10"><text:p>%s</text:p>'
            '</table:table-cell></table:table-row>' % text]
    return document([table('Skema', rows, tail=False), table('Kopi', rows, tail=False)])


def many_attributes():
    # One cell with 200 attributes: over the markup guard's 128 per element.
    attrs = ''.join(' table:a%d="x"' % i for i in range(200))
    return document([table('Skema', ['<table:table-row><table:table-cell%s><text:p>x</text:p>'
                                      '</table:table-cell></table:table-row>' % attrs],
                           tail=False)])


def many_namespaces():
    # 150 declarations in scope at the cell (60 + 60 + 30 on nested elements):
    # no element has more than 128 attributes, but their sum is over the bound.
    def decls(first, n):
        return ''.join(' xmlns:n%d="urn:example:%d"' % (i, i) for i in range(first, first + n))
    rows = ['<table:table-row-group%s><table:table-row%s><table:table-cell%s><text:p>x</text:p>'
            '</table:table-cell></table:table-row></table:table-row-group>'
            % (decls(0, 60), decls(60, 60), decls(120, 30))]
    return document([table('Skema', rows, tail=False)])


def book_cells():
    # 150,000 repeated cells on each of two sheets: each sheet is below
    # IKU_MAX_CELLS (200,000), the workbook is not.
    rows = ['<table:table-row table:number-rows-repeated="150">'
            '<table:table-cell table:number-columns-repeated="1000"><text:p>x</text:p>'
            '</table:table-cell></table:table-row>']
    return document([table('Skema', rows, tail=False), table('Kopi', rows, tail=False)])


def merged_ordinary_cells():
    # Ordinary cells (not covered-table-cell) under merged areas: Calc hides
    # them. A covered-table-cell outside any merged area: Calc shows it.
    return document([table('Skema', [
        [H_NAME, H_INDIVIDUAL, H_TEAM],
        ['Anne Æbelø', C('Kursus i forflytning', rows=2, cols=2), 'SKJULT-TEAM-1'],
        [None, 'SKJULT-INDIVIDUELT-1', 'SKJULT-TEAM-2'],
        [C('Bo Holm', rows=3), 'Kursus i demens', 'Fælles temadag'],
        ['SKJULT-NAVN-2', 'Sprogkursus', None],
        [C('SKJULT-NAVN-3', covered=True), 'Mentor', None],
        ['Camilla Kjær', C(raw='<text:p>Synlig dækket celle</text:p>', covered=True),
         C(covered=True, raw='<text:p>Også synlig</text:p>')],
    ])])


def schema_misleading_names():
    # Invisible characters in names; a name cell of nothing else; names that
    # make the same file name once sanitised.
    return document([table('Skema', [
        [H_NAME, H_INDIVIDUAL, H_TEAM],
        ['Anne\u200b Hansen', 'Kursus i Excel', 'Fælles temadag'],
        ['\u200b\u00ad\u202e', 'Mentor for ny kollega', None],
        ['Bo\u202e Ek\u2069', 'Førstehjælp', None],
        ['\ufeffAnne Hansen', 'Sårpleje', None],
        ['A/B', 'Kursus A', None],
        ['A_B', 'Kursus B', None],
    ])])


def zip_duplicate(path):
    # Two entries named content.xml: the first a schema, the second another.
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr(zinfo('mimetype', zipfile.ZIP_STORED), MIMETYPE)
        zf.writestr(zinfo('META-INF/manifest.xml'), manifest(['content.xml']), compresslevel=LEVEL)
        zf.writestr(zinfo('content.xml'), small_content('FØRSTE').encode(), compresslevel=LEVEL)
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')  # "Duplicate name": the point of the fixture
            zf.writestr(zinfo('content.xml'), small_content('ANDEN').encode(), compresslevel=LEVEL)


def zip_local_header(path):
    # The central directory says content.xml, the local header another name.
    content = small_content('LOKAL').encode()
    write_raw_zip(path, [
        ('mimetype', MIMETYPE, 0, 0, zlib.crc32(MIMETYPE) & 0xFFFFFFFF, len(MIMETYPE)),
        ('content.xml', content, 0, 0, zlib.crc32(content) & 0xFFFFFFFF, len(content)),
    ], local_names={'content.xml': 'contenx.xml'})


def zip_bomb_lying(path):
    # 100 MiB of rows and white space whose headers claim 4 KB: refused by the
    # running count of inflated bytes, not by the declared size.
    head = document([table('Skema', [['Navn']], tail=False)]).split('</table:table>')[0].encode()
    chunk = b'<table:table-row/>' + b' ' * (64 * 1024)
    body = head + chunk * ((100 << 20) // len(chunk)) + \
        b'</table:table></office:spreadsheet></office:body></office:document-content>\n'
    packed = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    payload = packed.compress(body) + packed.flush()
    write_raw_zip(path, [
        ('mimetype', MIMETYPE, 0, 0, zlib.crc32(MIMETYPE) & 0xFFFFFFFF, len(MIMETYPE)),
        ('content.xml', payload, 8, 0, zlib.crc32(body) & 0xFFFFFFFF, 4096),
    ])


# ---- all fixtures ----------------------------------------------------------------

def fixtures():
    xml = {
        'schema-basic.ods': schema_basic,
        'schema-short-headers.ods': schema_short_headers,
        'schema-header-variants.ods': schema_header_variants,
        'schema-merged.ods': schema_merged,
        'schema-second-sheet.ods': schema_second_sheet,
        'schema-unicode-names.ods': schema_unicode_names,
        'schema-duplicates.ods': schema_duplicates,
        'error-no-header.ods': error_no_header,
        'error-no-employees.ods': error_no_employees,
        'error-orphan-content.ods': error_orphan_content,
        'big-2000-employees.ods': big_2000_employees,
        'tail-million-rows.ods': tail_million_rows,
        'constructs-text.ods': constructs_text,
        'constructs-values.ods': constructs_values,
        'constructs-layout.ods': constructs_layout,
        'constructs-prefixes.ods': constructs_prefixes,
        'broken-not-spreadsheet.ods': lambda: document(
            [table('Tabel', [['TEKSTDOKUMENT']], tail=False)], body_kind='text'),
        'broken-foreign-root.ods': lambda: '<?xml version="1.0"?><html><body>Hej</body></html>\n',
        'broken-malformed-xml.ods': lambda: small_content().replace(
            '<text:p>Kursus</text:p>', '<text:p>Kursus</text:span>'),
        'broken-invalid-utf8.ods': lambda: small_content().encode().replace(
            'Anne Æbelø'.encode(), b'Anne \xff\xfebel\xf8'),
        'broken-invalid-utf8-surrogate.ods': lambda: small_content().encode().replace(
            'Anne Æbelø'.encode(), b'Anne \xed\xa0\x80'),
        'broken-latin1.ods': lambda: small_content().replace('encoding="UTF-8"',
                                                             'encoding="ISO-8859-1"').encode('latin-1'),
        'broken-utf16.ods': lambda: small_content().replace('encoding="UTF-8"',
                                                            'encoding="UTF-16"').encode('utf-16'),
        'broken-entity-bomb.ods': lambda: with_body_text(ENTITY_BOMB, '&lol9;'),
        'broken-external-entity.ods': lambda: with_body_text(EXTERNAL_ENTITY, '&xxe;'),
        'broken-doctype.ods': lambda: with_body_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE office:document-content SYSTEM '
            '"http://example.org/office.dtd">\n', 'DTD'),
        'broken-doctype-bare.ods': lambda: with_body_text(
            '<!DOCTYPE office:document-content>', 'DTD'),
        'broken-control-char.ods': lambda: with_body_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n', 'Anne\x01Æbelø'),
        'broken-huge-text-node.ods': lambda: with_body_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n', 'x' * (11 * 1024 * 1024)),
        'broken-undeclared-entity.ods': lambda: with_body_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n', 'Hej &ukendt;'),
        'broken-empty-content.ods': lambda: b'',
        'broken-too-many-sheets.ods': many_sheets,
        'broken-long-sheet-name.ods': lambda: document([table('Ark' * 150, [['x']], tail=False)]),
        'broken-too-many-cells.ods': too_many_cells,
        'broken-too-many-columns.ods': too_many_columns,
        'broken-too-many-rows.ods': too_many_rows,
        'refused-cell-too-large.ods': lambda: document([table('Skema', [
            ['Navn', 'Individuelt fokus'],
            ['Anne Æbelø', ('Meget lang tekst. ' * 17000)[:300 * 1024]]], tail=False)]),
        'refused-huge-space.ods': lambda: with_body_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n', 'a<text:s text:c="2000000000"/>b'),
        'schema-five-mb-cell.ods': lambda: document([table('Skema', [
            [H_NAME, H_INDIVIDUAL, H_TEAM],
            ['Anne Æbelø', 'Kursus i forflytning', 'Fælles temadag'],
            ['Bo Holm', 'Indsat ved en fejl: ' + 'x' * (5 * 1024 * 1024), None],
            [None, 'BO-FORTSAT', None],
            ['Camilla Kjær', 'Kursus i demens', None]], tail=False)]),
        'broken-deep-nesting.ods': deep_nesting,
        'broken-book-text.ods': book_text,
        'broken-book-cells.ods': book_cells,
        'broken-many-attributes.ods': many_attributes,
        'broken-many-namespaces.ods': many_namespaces,
        'schema-merged-ordinary.ods': merged_ordinary_cells,
        'schema-misleading-names.ods': schema_misleading_names,
    }
    files = {
        'broken-bad-crc.ods': broken_bad_crc,
        'broken-deflate-data.ods': broken_deflate_data,
        'broken-encrypted.ods': broken_encrypted,
        'broken-zip-password.ods': broken_zip_password,
        'broken-no-content.ods': broken_no_content,
        'broken-xlsx.ods': broken_xlsx,
        'broken-zip-bomb.ods': broken_zip_bomb,
        'broken-zip-bomb-lying.ods': zip_bomb_lying,
        'broken-zip-duplicate.ods': zip_duplicate,
        'broken-zip-local-header.ods': zip_local_header,
    }
    return xml, files


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--out-dir', default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    xml, files = fixtures()
    for name, make in xml.items():
        write_ods(os.path.join(args.out_dir, name), make())
    for name, make in files.items():
        make(os.path.join(args.out_dir, name))
    # content.xml not compressed: lets tests change bytes of the XML itself.
    write_ods(os.path.join(args.out_dir, 'constructs-stored.ods'), constructs_text(),
              content_compress=zipfile.ZIP_STORED)
    with open(os.path.join(args.out_dir, 'broken-not-zip.ods'), 'wb') as f:
        f.write('Dette er ikke et regneark, men en tekstfil med endelsen .ods.\n'.encode())
    with open(os.path.join(args.out_dir, 'broken-empty.ods'), 'wb') as f:
        pass
    with open(os.path.join(args.out_dir, 'schema-basic.ods'), 'rb') as f:
        whole = f.read()
    with open(os.path.join(args.out_dir, 'broken-truncated.ods'), 'wb') as f:
        f.write(whole[:len(whole) // 2])
    return 0


if __name__ == '__main__':
    sys.exit(main())
