#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The route an HR department with a Python programmer would take: a script that
writes one IKU PDF per employee with reportlab (platypus), the fonts embedded
(reportlab subsets TrueType fonts itself), a footer with the name and "Side X af
N" by the usual two-pass canvas.

  hr_reportlab.py INPUT.json OUTDIR

INPUT.json: {"team", "leader", "date", "team_items": [...], "people": [[name,
[items]], ...]} — the schema as the benchmark generated it (reading the .ods is
not part of what is compared). Prints JSON: n, loop_ms (wall time of the loop
that makes and writes the PDFs), loop_cpu_ms, startup_ms (imports and fonts).
Each file is written as such a script would: straight to its name, no fsync."""
import json
import os
import sys
import time

start = time.perf_counter()
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import (HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate,  # noqa: E402
                                Spacer, Table, TableStyle)
from xml.sax.saxutils import escape  # noqa: E402

FONTS = "/usr/share/fonts/truetype/liberation2/"
pdfmetrics.registerFont(TTFont("Sans", FONTS + "LiberationSans-Regular.ttf"))
pdfmetrics.registerFont(TTFont("Sans-Bold", FONTS + "LiberationSans-Bold.ttf"))
startup_ms = (time.perf_counter() - start) * 1000

ACCENT = colors.HexColor("#1F3B5C")
TITLE = ParagraphStyle("title", fontName="Sans-Bold", fontSize=18, leading=23, textColor=ACCENT)
HEADING = ParagraphStyle("heading", fontName="Sans-Bold", fontSize=13, leading=18,
                         textColor=ACCENT, spaceBefore=16, spaceAfter=6)
BODY = ParagraphStyle("body", fontName="Sans", fontSize=10.5, leading=15.5, leftIndent=14)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=27, bulletIndent=15)
LABEL = ParagraphStyle("label", fontName="Sans-Bold", fontSize=10.5, leading=15.5)
VALUE = ParagraphStyle("value", fontName="Sans", fontSize=10.5, leading=15.5)
SMALL = ParagraphStyle("small", fontName="Sans", fontSize=9, leading=13, textColor=colors.grey)

APPROVAL = ("Jeg har læst denne individuelle kompetenceudviklingsplan og godkender den. Planen "
            "bygger på de aftaler, der blev indgået på teamudviklingssamtalen (TUS med IKU).")
FILING = ("Når IKU'en er godkendt, lægges den i medarbejderens personalesag, og medarbejderen "
          "får en kopi (fx i e-Boks).")


def item(text):
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped[:2] in ("• ", "- ", "* ", "– "):
            out.append(Paragraph(escape(stripped[2:]), BULLET, bulletText="•"))
        elif stripped:
            out.append(Paragraph(escape(stripped), BODY))
    return out + [Spacer(1, 8)]


def footer_canvas(name):
    class Numbered(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            canvas.Canvas.__init__(self, *args, **kwargs)
            self.pages = []

        def showPage(self):
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            for state in self.pages:
                self.__dict__.update(state)
                self.setFont("Sans", 8.5)
                self.setFillColor(colors.grey)
                self.setStrokeColor(colors.lightgrey)
                self.line(25 * mm, 22 * mm, 185 * mm, 22 * mm)
                self.drawString(25 * mm, 17 * mm, name)
                self.drawRightString(185 * mm, 17 * mm,
                                     "Side %d af %d" % (self._pageNumber, len(self.pages)))
                canvas.Canvas.showPage(self)
            canvas.Canvas.save(self)
    return Numbered


def make_pdf(path, schema, name, items):
    story = [Paragraph("Individuel kompetenceudviklingsplan (IKU)", TITLE),
             HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=4, spaceAfter=10)]
    rows = [[Paragraph(label, LABEL), Paragraph(escape(value), VALUE)]
            for label, value in (("Medarbejder:", name), ("Team:", schema["team"]),
                                 ("Leder:", schema["leader"]),
                                 ("Dato for samtalen:", schema["date"])) if value]
    info = Table(rows, colWidths=[42 * mm, 118 * mm])
    info.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [info, Paragraph("Teamfokus", HEADING)]
    for text in schema["team_items"]:
        story += item(text)
    story.append(Paragraph("Individuelt fokus", HEADING))
    for text in items:
        story += item(text)
    signatures = Table([["", ""], ["Dato og underskrift, medarbejder", "Dato og underskrift, leder"],
                        [name, schema["leader"]]], colWidths=[75 * mm, 75 * mm],
                       rowHeights=[40, None, None])
    signatures.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Sans", 9),
                                    ("LINEBELOW", (0, 0), (0, 0), 0.7, colors.black),
                                    ("LINEBELOW", (1, 0), (1, 0), 0.7, colors.black)]))
    story.append(KeepTogether([Paragraph("Godkendelse", HEADING), Paragraph(APPROVAL, VALUE),
                               signatures, Spacer(1, 14), Paragraph(FILING, SMALL)]))
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm,
                            topMargin=22 * mm, bottomMargin=30 * mm, title="IKU – " + name,
                            author=schema["leader"], subject="Individuel kompetenceudviklingsplan")
    doc.build(story, canvasmaker=footer_canvas(name))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    wall, cpu = time.perf_counter(), time.process_time()
    for name, items in schema["people"]:
        make_pdf(os.path.join(out, "IKU - %s.pdf" % name.replace("/", "_")), schema, name, items)
    print(json.dumps({"n": len(schema["people"]), "startup_ms": startup_ms,
                      "loop_ms": (time.perf_counter() - wall) * 1000,
                      "loop_cpu_ms": (time.process_time() - cpu) * 1000}))


main()
