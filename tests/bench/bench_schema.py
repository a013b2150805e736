# SPDX-License-Identifier: GPL-3.0-or-later
"""Competence schemas for the benchmarks: N employees of realistic Danish content.

The content is what a TUS med IKU produces: a handful of team items shared by
everyone, and for each employee two to seven individual items (courses, roles,
agreements), some with bullet lines. The mix gives one-page and two-page IKUs.
Generation is deterministic (a fixed seed), so every run measures the same work.

The .ods files are written with templates/make-schema.py's own writer, so they
have the same structure as the schema a leader starts from, including (when asked)
LibreOffice's repeated empty rows down to row 1,048,576.
"""

import importlib.util
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TEMPLATES = os.path.join(ROOT, "templates")

# Calc's last row: a sheet saved by LibreOffice repeats its empty rows down to it.
CALC_ROWS = 1048576
# Rows above the first employee row in make-schema.py's layout.
HEADER_ROWS = 6


def _load_make_schema():
    if TEMPLATES not in sys.path:
        sys.path.insert(0, TEMPLATES)
    spec = importlib.util.spec_from_file_location("make_schema",
                                                  os.path.join(TEMPLATES, "make-schema.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FIRST_NAMES = [
    "Anne", "Bente", "Camilla", "Dorte", "Eva", "Freja", "Gitte", "Hanne", "Ida", "Jette",
    "Karina", "Lene", "Maja", "Nanna", "Pia", "Rikke", "Sanne", "Tina", "Ulla", "Vibeke",
    "Birthe", "Søs", "Åse", "Mette", "Louise", "Sofie", "Line", "Charlotte", "Helle", "Marianne",
    "Anders", "Bjarne", "Carsten", "Emil", "Frederik", "Henrik", "Jonas", "Kasper", "Lars",
    "Mads", "Niels", "Ole", "Peter", "Rasmus", "Søren", "Thomas", "Torben", "Ulrik", "Jørgen",
    "Bo", "Kåre", "Steffen", "Mikkel", "Jens", "Morten", "Preben", "Aksel", "Malthe", "Øjvind",
]
MIDDLE_NAMES = [
    "", "Holm", "Vestergaard", "Bech", "Lund", "Kjær", "Dam", "Krogh", "Juul", "Bak",
    "Friis", "Skov", "Borg", "Winther", "Brandt", "Thorsen", "Mørk", "Lykke",
]
LAST_NAMES = [
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Østergaard", "Bækgaard",
    "Aagaard", "Mørch", "Ravn", "Jepsen", "Søndergaard", "Dalgaard", "Kjærsgaard", "Lauridsen",
    "Frandsen", "Ågård", "Nørgaard", "Bøgh", "Hjort", "Sejersen", "Damgaard", "Vinther",
]
# Names outside Windows-1252: their IKUs take the Unicode path of the PDF writer.
WORLD_NAMES = [
    "Łukasz Żółkiewski", "Agnieszka Wróbel", "Αλέξανδρος Παπαδόπουλος", "Ελένη Κωνσταντίνου",
    "Владимир Иванов", "Ольга Смирнова", "Nguyễn Thị Phương", "Trần Văn Đức",
    "Zdeněk Dvořák", "Şükrü Yılmaz", "Ioana Țăranu", "Dovilė Kazlauskaitė",
]

TEAM = "Hjemmeplejen Syd, gruppe 2"
LEADER = "Mette Lund Sørensen"
DATE = "12. november 2026"

TEAM_ITEMS = [
    "Vi indfører det nye omsorgssystem i marts. Alle får en introduktion på 3 timer, og "
    "superbrugerne hjælper kollegerne i de første uger.",
    "Vi styrker arbejdsmiljøet om forflytning: alle gennemgår forflytningsinstruks og "
    "hjælpemidler inden 1. april.\n"
    "• Gennemgang på teammøde i februar\n"
    "• Forflytningsvejlederen følger op hos den enkelte",
    "Kollegial sparring: hver medarbejder følger en kollega en halv dag i løbet af året.",
]

INDIVIDUAL_ITEMS = [
    "Vil gerne være superbruger på det nye omsorgssystem.\n"
    "• Kursus for superbrugere i 1. kvartal\n"
    "• Tid til at lære kollegerne op: 2 timer om ugen i marts",
    "Ønsker at arbejde mere med demens og pårørendesamtaler.",
    "Forflytningsvejleder: genopfriskning af certificering.\n"
    "- Repetitionskursus (2 dage)\n"
    "- Sidemandsoplæring af nye kolleger",
    "Medicinhåndtering: kursus i dispensering og dokumentation. Vil gerne være tovholder på "
    "den daglige medicintjek-runde.",
    "Ønsker at gå ned i tid fra 1. maj (30 timer); kompetencemål for året holdes realistiske.\n"
    "* Brush-up på sårpleje (e-læring)\n"
    "* Deltager i temadag om palliation",
    "Ny i teamet: introduktionsforløb med fast makker de første 8 uger.\n"
    "• Førstehjælp (2 dage)\n"
    "• Hygiejnekursus\n"
    "• Kørekursus glat føre inden vinter",
    "Vil uddanne sig videre til social- og sundhedsassistent; vi undersøger mulighederne "
    "for uddannelse med løn (ansøgning inden 1. februar).",
    "Erfaren kollega: vil være praktikvejleder for elever.\n"
    "- Praktikvejlederkursus (modul 1 og 2)\n"
    "- Aftale om tid til elevsamtaler hver uge",
    "Vil styrke sin dokumentation i omsorgssystemet og bruge talegenkendelse. Følger "
    "superbrugerens introduktion og får ekstra tid de første to uger.",
    "Ønsker mere ansvar for rehabiliteringsforløb (hverdagsrehabilitering).\n"
    "• Kursus i rehabilitering med terapeuterne\n"
    "• Deltager i tværfaglige møder hver anden uge",
    "Kursus i konflikthåndtering (1 dag) og opfølgning i teamet efter tre måneder.",
    "Diabetes-kursus i efteråret; bagefter fagperson for teamet i diabetes og "
    "blodsukkermåling.",
    "Vil være arbejdsmiljørepræsentant fra næste valg: den lovpligtige uddannelse "
    "(3 dage) og 1½ dags supplerende uddannelse det første år.",
    "Ønsker sparring om planlægning af egen arbejdsdag; aftale med planlæggeren om faste "
    "ruter i en prøveperiode på 3 måneder.",
    "Tovholder for teamets trivselsmåling: gennemgår resultatet med lederen og lægger "
    "handleplanen frem på et teammøde i juni.",
    "Velfærdsteknologi: afprøver vasketoiletter og spiserobot hos tre borgere og samler "
    "erfaringerne til teamet.\n"
    "– Introduktion hos leverandøren\n"
    "– Evaluering efter 8 uger",
    "Vil lære mere om kost og ernæring til ældre; e-læringsforløb (ca. 6 timer) og "
    "besøg hos kostfaglig eneansvarlig.",
    "Palliation: deltager i kommunens netværk for palliativ indsats (4 møder om året) og "
    "giver viden videre til teamet.",
    "Engelsk og dansk: ønsker danskundervisning (modul 3) for at blive sikrere i skriftlig "
    "dokumentation — undervisningen ligger om eftermiddagen.",
    "Mentor for nye kolleger i prøvetiden; 1 time om ugen sat af i planlægningen.",
]


def employee_name(rng, used, world_share):
    if world_share and rng.random() < world_share:
        base = rng.choice(WORLD_NAMES)
    else:
        middle = rng.choice(MIDDLE_NAMES)
        parts = [rng.choice(FIRST_NAMES)] + ([middle] if middle else []) + [rng.choice(LAST_NAMES)]
        base = " ".join(parts)
    name = base
    n = 2
    while name.casefold() in used:   # the schema merges equal names: keep them apart
        name = "%s %d" % (base, n)
        n += 1
    used.add(name.casefold())
    return name


def employees(n, seed=2026, world_share=0.0):
    """[(name, [individual items])] for @n employees; @world_share of them (0..1)
    with names outside Windows-1252."""
    rng = random.Random(seed)
    used = set()
    out = []
    for _ in range(n):
        name = employee_name(rng, used, world_share)
        # One to three items make one page; five to seven (one in four) make two.
        k = rng.randint(5, 7) if rng.random() < 0.25 else rng.randint(1, 3)
        out.append((name, rng.sample(INDIVIDUAL_ITEMS, k)))
    return out


def schema_rows(people):
    """The schema's rows: one row per individual item (the name on the first row
    of each employee, continuation rows below), team items down the team column."""
    rows = []
    for name, items in people:
        for k, item in enumerate(items):
            rows.append((name if k == 0 else "", item, ""))
    for k, item in enumerate(TEAM_ITEMS):
        name, individual, _ = rows[k]
        rows[k] = (name, individual, item)
    return rows


def write(path, n, seed=2026, world_share=0.0, calc_tail=False):
    """Writes a schema of @n employees to @path; returns the employees. With
    @calc_tail, the sheet's empty rows repeat down to Calc's last row."""
    make_schema = _load_make_schema()
    people = employees(n, seed, world_share)
    rows = schema_rows(people)
    blank = CALC_ROWS - HEADER_ROWS - len(rows) if calc_tail else 20
    make_schema.write_schema(path, "Det fælles kompetenceskema – benchmark",
                             TEAM, LEADER, DATE, rows, blank)
    return people
