# SPDX-License-Identifier: GPL-3.0-or-later
"""The example schema the demo exports: a home-care team's TUS med IKU, filled in
live during the talk. Rows are (name, individual content, team content); an empty
name continues the employee above. The people are invented."""

TEAM = "Hjemmeplejen Syd, gruppe 2"
LEADER = "Mette Lund Sørensen"
DATE = "12. november 2026"

ROWS = [
    ("Anne Kristensen",
     "Vil gerne være superbruger på det nye omsorgssystem.\n"
     "• Kursus for superbrugere i 1. kvartal\n"
     "• Tid til at lære kollegerne op: 2 timer om ugen i marts",
     "Vi indfører det nye omsorgssystem i marts. Alle får en introduktion, og "
     "superbrugerne hjælper i de første uger."),
    ("",
     "Ønsker at arbejde mere med demens og pårørendesamtaler.",
     "Faste teammøder hver anden torsdag kl. 14-15 med fokus på svære borgerforløb."),
    ("Bjarne Østergaard",
     "Forflytningsvejleder: genopfriskning af certificering.\n"
     "- Repetitionskursus (2 dage)\n"
     "- Sidemandsoplæring af nye kolleger",
     "Vi styrker arbejdsmiljøet om forflytning: alle gennemgår forflytningsinstruks "
     "og hjælpemidler inden 1. april."),
    ("Camilla Holm Jepsen",
     "Medicinhåndtering: kursus i dispensering og dokumentation.\n"
     "Vil gerne være tovholder på den daglige medicintjek-runde.",
     "Kollegial sparring: hver medarbejder følger en kollega en halv dag i løbet af året."),
    ("Dorte Ravn",
     "Ønsker at gå ned i tid fra 1. maj (30 timer); kompetencemål for året holdes realistiske.\n"
     "* Brush-up på sårpleje (e-læring)\n"
     "* Deltager i temadag om palliation",
     ""),
    ("Emil Bækgaard",
     "Ny i teamet: introduktionsforløb med fast makker de første 8 uger.\n"
     "• Førstehjælp (2 dage)\n"
     "• Hygiejnekursus\n"
     "• Kørekursus glat føre inden vinter",
     ""),
    ("Fatima Al-Sayed",
     "Vil uddanne sig videre til social- og sundhedsassistent; vi undersøger "
     "mulighederne for uddannelse med løn (ansøgning inden 1. februar).",
     ""),
    ("",
     "Indtil da: ansvar for at opdatere teamets vejledning om hjælpemidler.",
     ""),
    ("Gitte Mørch",
     "Erfaren kollega: vil være praktikvejleder for elever.\n"
     "- Praktikvejlederkursus (modul 1 og 2)\n"
     "- Aftale om tid til elevsamtaler hver uge",
     ""),
    ("Henrik Aagaard",
     "Vil styrke sin dokumentation i omsorgssystemet og bruge talegenkendelse.\n"
     "Følger superbrugerens introduktion og får ekstra tid de første to uger.",
     ""),
    ("Ida Vestergaard Lund",
     "Ønsker mere ansvar for rehabiliteringsforløb (hverdagsrehabilitering).\n"
     "• Kursus i rehabilitering med terapeuterne\n"
     "• Deltager i tværfaglige møder hver anden uge",
     ""),
    ("Jonas Friis",
     "Arbejder mest i aftenvagt: ønsker at deltage i teammøder via skærm, når "
     "mødet ligger uden for vagten.\n"
     "Kursus i konflikthåndtering (1 dag).",
     "Vi aftaler en fast plan for, hvordan aftenvagten får information fra teammøderne."),
]
