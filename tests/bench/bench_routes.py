# SPDX-License-Identifier: GPL-3.0-or-later
"""The routes a user would take instead of ikuflet, measured in one interleaved
run with the CLI (bench.py calls run()):

  - LibreOffice Writer's mail merge: a data source with one row per employee (a
    Calc sheet registered as a database), a Writer template with database fields
    and a footer with name, page number and page count, and one MailMerge.execute
    that saves one PDF per record (writer_pdf_Export), in a warm soffice. Mail merge
    has no shared team items: the team text is one field repeated on every record;
  - an HR-style Python script with reportlab (hr_reportlab.py);
  - the floor: writing files of the CLI's size durably (a new temporary file,
    write, fsync, close, rename), nothing else; and the same with the folder
    synced after each rename, as the CLI's atomic writes do.

Every round runs every tool once on each schema, the tools in a rotated order, so
that the load of this shared machine falls on all of them alike; figures are
medians over the rounds."""
import json
import os
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ("Navn", "Team", "Leder", "Dato", "Teamfokus", "Individuelt", "Fil")
ACCENT = 0x1F3B5C


def _pdfs(folder):
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".pdf"))


def _cpu_ms(pid):
    with open("/proc/%d/stat" % pid, encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


# ---- the reportlab script --------------------------------------------------

def write_script_input(path, bench_schema, people):
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"team": bench_schema.TEAM, "leader": bench_schema.LEADER,
                   "date": bench_schema.DATE, "team_items": list(bench_schema.TEAM_ITEMS),
                   "people": people}, f, ensure_ascii=False)


def run_reportlab(script_input, out):
    r = subprocess.run(["/usr/bin/python3", os.path.join(HERE, "hr_reportlab.py"),
                        script_input, out], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("hr_reportlab.py: %s" % r.stderr[-2000:])
    result = json.loads(r.stdout)
    return {"ms": result["loop_ms"], "cpu_ms": result["loop_cpu_ms"], "n": result["n"]}


# ---- the floor -------------------------------------------------------------

def run_floor(out, n, size, sync_folder=False):
    """@n files of @size bytes, each durable before it gets its name; with
    @sync_folder, the folder synced after each rename too, as ikuflet's atomic
    writes do (native/core/iku-atomic-file.c)."""
    os.makedirs(out, exist_ok=True)
    data = bytes((i * 131 + 7) & 0xFF for i in range(size))
    wall, cpu = time.perf_counter(), time.process_time()
    folder = os.open(out, os.O_RDONLY | os.O_DIRECTORY) if sync_folder else -1
    for i in range(n):
        tmp = os.path.join(out, ".tmp-%d" % i)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, os.path.join(out, "IKU - %04d.pdf" % i))
        if sync_folder:
            os.fsync(folder)
    if sync_folder:
        os.close(folder)
    return {"ms": (time.perf_counter() - wall) * 1000, "cpu_ms": (time.process_time() - cpu) * 1000,
            "n": n}


# ---- Writer mail merge -----------------------------------------------------

class MailMerge:
    """A registered data source and a template per schema, in one warm office."""

    def __init__(self, office_mod, office, work):
        self.m = office_mod
        self.office = office
        self.work = work
        self.sources = {}

    def _data_source(self, key, people, bench_schema):
        doc = self.office.new_spreadsheet()
        sheet = doc.Sheets.getByIndex(0)
        sheet.Name = "IKU"
        team = "\n".join(bench_schema.TEAM_ITEMS)
        rows = [COLUMNS] + [(name, bench_schema.TEAM, bench_schema.LEADER, bench_schema.DATE,
                             team, "\n".join(items), "IKU - " + name.replace("/", "_"))
                            for name, items in people]
        cells = sheet.getCellRangeByPosition(0, 0, len(COLUMNS) - 1, len(rows) - 1)
        cells.setDataArray(tuple(tuple(r) for r in rows))
        path = os.path.join(self.work, "mm-%s.ods" % key)
        doc.storeToURL(self.m.file_url(path), (self.m.pv("FilterName", "calc8"),))
        doc.close(True)

        context = self.office.smgr.createInstanceWithContext("com.sun.star.sdb.DatabaseContext",
                                                             self.office.ctx)
        name = "ikuflet_bench_%s_%d" % (key, os.getpid())
        if context.hasByName(name):
            context.revokeObject(name)
        source = context.createInstance()
        source.URL = "sdbc:calc:" + self.m.file_url(path)
        odb = os.path.join(self.work, "%s.odb" % name)
        source.DatabaseDocument.storeAsURL(self.m.file_url(odb), ())
        context.registerObject(name, source)
        return name

    def _template(self, source, path):
        import uno
        doc = self.office.desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0,
                                                       (self.m.pv("Hidden", True),))
        standard = doc.StyleFamilies.getByName("ParagraphStyles").getByName("Standard")
        standard.CharFontName = "Liberation Sans"
        standard.CharHeight = 10.5
        page = doc.StyleFamilies.getByName("PageStyles").getByName("Standard")
        page.Width, page.Height = 21000, 29700
        page.LeftMargin = page.RightMargin = 2500
        page.TopMargin, page.BottomMargin = 2200, 1500
        page.FooterIsOn = True
        text = doc.Text
        cursor = text.createTextCursor()

        def field(column, target=text, at=None):
            master = doc.createInstance("com.sun.star.text.fieldmaster.Database")
            master.DataBaseName = source
            master.DataTableName = "IKU"
            master.DataCommandType = 0   # a table
            master.DataColumnName = column
            f = doc.createInstance("com.sun.star.text.TextField.Database")
            f.attachTextFieldMaster(master)
            target.insertTextContent(at or cursor, f, False)

        def paragraph(s, size=10.5, bold=False, color=0, above=0, below=120, end=True):
            cursor.CharHeight = size
            cursor.CharWeight = 150.0 if bold else 100.0
            cursor.CharColor = color
            cursor.ParaTopMargin, cursor.ParaBottomMargin = above, below
            text.insertString(cursor, s, False)
            if end:
                text.insertControlCharacter(cursor, 0, False)   # PARAGRAPH_BREAK

        paragraph("Individuel kompetenceudviklingsplan (IKU)", 18.0, True, ACCENT, 0, 400)
        for label, column in (("Medarbejder:", "Navn"), ("Team:", "Team"), ("Leder:", "Leder"),
                              ("Dato for samtalen:", "Dato")):
            paragraph(label + "\t", bold=True, below=60, end=False)
            field(column)
            paragraph("")
        paragraph("Teamfokus", 13.0, True, ACCENT, 400, 160)
        field("Teamfokus")
        paragraph("")
        paragraph("Individuelt fokus", 13.0, True, ACCENT, 400, 160)
        field("Individuelt")
        paragraph("")
        paragraph("Godkendelse", 13.0, True, ACCENT, 400, 160)
        paragraph("Jeg har læst denne individuelle kompetenceudviklingsplan og godkender den. "
                  "Planen bygger på de aftaler, der blev indgået på teamudviklingssamtalen "
                  "(TUS med IKU).", below=900)
        paragraph("______________________________\t______________________________")
        paragraph("Dato og underskrift, medarbejder\tDato og underskrift, leder", 8.5)
        field("Navn")
        paragraph("\t", end=False)
        field("Leder")
        paragraph("", below=300)
        paragraph("Når IKU'en er godkendt, lægges den i medarbejderens personalesag, og "
                  "medarbejderen får en kopi (fx i e-Boks).", 9.0, end=False)
        tab = uno.createUnoStruct("com.sun.star.style.TabStop")
        tab.Position = 4500
        paragraphs = text.createEnumeration()
        while paragraphs.hasMoreElements():
            paragraphs.nextElement().ParaTabStops = (tab,)

        footer = page.FooterText
        at = footer.createTextCursor()
        at.CharHeight = 8.5
        at.CharColor = 0x595959
        field("Navn", footer, at)
        footer.insertString(at, "\tSide ", False)
        number = doc.createInstance("com.sun.star.text.TextField.PageNumber")
        number.NumberingType = 4   # ARABIC
        number.SubType = uno.Enum("com.sun.star.text.PageNumberType", "CURRENT")
        footer.insertTextContent(at, number, False)
        footer.insertString(at, " af ", False)
        count = doc.createInstance("com.sun.star.text.TextField.PageCount")
        count.NumberingType = 4
        footer.insertTextContent(at, count, False)
        right = uno.createUnoStruct("com.sun.star.style.TabStop")
        right.Position = 16000
        right.Alignment = uno.Enum("com.sun.star.style.TabAlign", "RIGHT")
        footer.createEnumeration().nextElement().ParaTabStops = (right,)
        doc.storeToURL(self.m.file_url(path), (self.m.pv("FilterName", "writer8"),))
        doc.close(True)

    def prepare(self, key, people, bench_schema):
        source = self._data_source(key, people, bench_schema)
        template = os.path.join(self.work, "mm-%s.odt" % key)
        self._template(source, template)
        self.sources[key] = (source, template)

    def run(self, key, out):
        source, template = self.sources[key]
        os.makedirs(out, exist_ok=True)
        merge = self.office.smgr.createInstanceWithContext("com.sun.star.text.MailMerge",
                                                           self.office.ctx)
        merge.DocumentURL = self.m.file_url(template)
        merge.DataSourceName = source
        merge.CommandType = 0       # com.sun.star.sdb.CommandType.TABLE
        merge.Command = "IKU"
        merge.OutputType = 2        # com.sun.star.text.MailMergeType.FILE
        merge.OutputURL = self.m.file_url(out)
        merge.SaveAsSingleFile = False
        merge.SaveFilter = "writer_pdf_Export"
        merge.FileNameFromColumn = True
        merge.FileNamePrefix = "Fil"
        cpu = _cpu_ms(self.office.proc.pid)
        start = time.perf_counter()
        merge.execute(())
        ms = (time.perf_counter() - start) * 1000
        cpu = _cpu_ms(self.office.proc.pid) - cpu
        merge.dispose()
        return {"ms": ms, "cpu_ms": cpu, "n": len(_pdfs(out))}


# ---- the interleaved run ---------------------------------------------------

def run(tools, keys, rounds, work, pdf_stats):
    """@tools: name -> function(key, out_folder) returning {"ms", "cpu_ms", "n"}
    for the whole schema @key. One unmeasured warm-up of each, then @rounds
    rounds. Returns name -> key -> {"ms_per_pdf", "cpu_ms_per_pdf", "n", "runs",
    bytes...}."""
    names = list(tools)
    results = {name: {} for name in names}
    seq = [0]

    def folder(name, key):
        seq[0] += 1
        return tempfile.mkdtemp(prefix="%05d-%s-%s-" % (seq[0], name, key), dir=work)

    for key in keys:
        for name in names:
            out = folder(name, key)
            r = tools[name](key, out)
            stats = pdf_stats(_pdfs(out)) if _pdfs(out) else {}
            results[name][key] = {"n": r["n"], "runs": [], "cpu": [], **stats}
    for rnd in range(rounds):
        for k, key in enumerate(keys):
            shift = (rnd + k) % len(names)
            for name in names[shift:] + names[:shift]:
                r = tools[name](key, folder(name, key))
                entry = results[name][key]
                if r["n"] != entry["n"]:
                    raise RuntimeError("%s wrote %d files for %s, %d before"
                                       % (name, r["n"], key, entry["n"]))
                entry["runs"].append(round(r["ms"], 1))
                entry["cpu"].append(r["cpu_ms"])
    for name in names:
        for key in keys:
            entry = results[name][key]
            entry["ms_per_pdf"] = round(statistics.median(entry["runs"]) / entry["n"], 3)
            entry["cpu_ms_per_pdf"] = round(statistics.median(entry.pop("cpu")) / entry["n"], 3)
    return results
