# SPDX-License-Identifier: GPL-3.0-or-later
"""The sheet "Vejledning" of the competence schema: short instructions for the
leader and the TR who fill it in during a TUS med IKU."""

TITLE = "Vejledning: sådan bruger I kompetenceskemaet"

SECTIONS = [
    ("Før samtalen", [
        "Skriv team, leder og dato for samtalen øverst på arket »Kompetenceskema«.",
        "Skriv medarbejdernes navne i kolonnen »Indsæt navn på medarbejder« – ét navn i hver række.",
    ]),
    ("Under samtalen (TUS med IKU)", [
        "Skriv aftalerne direkte i skemaet, mens I taler. Det, der kun gælder én medarbejder, "
        "skrives ud for navnet i kolonnen »Indsæt indhold vedrørende medarbejder«.",
        "Det, der gælder hele teamet, skrives i kolonnen »Indsæt indhold vedrørende teamet«. "
        "Det kommer med i alles IKU; står den samme tekst i flere rækker, kommer den kun med én gang.",
        "Er der mere til den samme medarbejder, så brug rækken nedenunder, og lad navnet stå tomt.",
        "Ny linje i en celle: Ctrl+Enter. En linje, der begynder med »•«, »-« eller »*«, "
        "bliver til et punkt i IKU'en.",
        "Kommentarer i cellerne kommer ikke med i IKU'erne.",
    ]),
    ("Efter samtalen", [
        "Send skemaet til medarbejderne, så de kan læse det igennem, og vent på deres rettelser, "
        "før I laver IKU'erne.",
    ]),
    ("Lav IKU'erne", [
        "Gem skemaet, og dobbeltklik på den blå knap »Dobbeltklik for at lave PDF-filer« "
        "(eller vælg »Lav IKU'er« i menuen).",
        "Der kommer én PDF for hver medarbejder, »IKU - navn.pdf«, i den mappe, hvor skemaet er gemt. "
        "Laver I dem igen efter rettelser, bliver de gamle erstattet.",
    ]),
    ("Godkendelse og arkivering", [
        "Medarbejderen læser sin IKU og godkender den skriftligt med dato og underskrift; "
        "lederen skriver også under.",
        "Den godkendte IKU lægges i medarbejderens personalesag, og medarbejderen får en kopi "
        "(fx i e-Boks).",
    ]),
]
