"""The demo entries of the network (fictional), used by demo.py."""

from datetime import time

CENTRE_SLUG = "kompetenzzentrum-geraetepool"
CENTRE_NAME = "Kompetenzzentrum – Gerätepool (Beispiel)"
DEMO_ORGANISATION = "beispielverein-brueckenbauer-darmstadt"

CITIES = {
    "Frankfurt": "06412000",
    "Kassel": "06611000",
    "Gießen": "06531005",
    "Darmstadt": "06411000",
    "Fulda": "06631009",
    "Wiesbaden": "06414000",
    "Offenbach": "06413000",
    "Marburg": "06534014",
    "Hanau": "06435014",
    "Wetzlar": "06532023",
}

ROOM_EVENINGS = [(day, time(17), time(22)) for day in range(5)] + [
    (day, time(10), time(20)) for day in (5, 6)
]
HOUSE_RULES = "Bitte nach 22 Uhr leise sein. Den Raum so verlassen, wie Sie ihn vorgefunden haben."
DAYTIME = [(day, time(9), time(18)) for day in range(6)]

# (city, title, capacity, step_free, kitchen, cost, description)
ROOMS = [
    (
        "Frankfurt",
        "Saal im Nachbarschaftshaus Gallus",
        80,
        True,
        True,
        "contribution",
        "Großer Saal mit Bühne, Stühlen und Tischen für Feste und Versammlungen.",
    ),
    (
        "Frankfurt",
        "Gruppenraum am Hauptbahnhof",
        20,
        True,
        False,
        "free",
        "Ruhiger Raum für Sitzungen und Sprachkurse, fünf Minuten vom Bahnhof.",
    ),
    (
        "Kassel",
        "Vereinsraum Nordstadt",
        30,
        False,
        True,
        "free",
        "Gemütlicher Raum mit Teeküche im ersten Stock.",
    ),
    (
        "Kassel",
        "Veranstaltungsraum Wesertor",
        60,
        True,
        True,
        "contribution",
        "Heller Raum mit Beamer und Leinwand, ebenerdig.",
    ),
    (
        "Gießen",
        "Seminarraum in der Innenstadt",
        25,
        True,
        False,
        "free",
        "Seminarraum mit Whiteboard, gut mit Bus und Bahn erreichbar.",
    ),
    (
        "Gießen",
        "Kulturkeller",
        50,
        False,
        False,
        "price",
        "Kellerraum für Musik- und Kulturabende.",
    ),
    (
        "Darmstadt",
        "Gruppenraum im Brückenbauer-Haus",
        25,
        True,
        True,
        "free",
        "Raum für Treffen, Hausaufgabenhilfe und Elternabende.",
    ),
    (
        "Darmstadt",
        "Saal Martinsviertel",
        70,
        True,
        True,
        "contribution",
        "Saal für Feiern, mit großer Küche.",
    ),
    (
        "Fulda",
        "Begegnungsraum Ziehers",
        35,
        True,
        True,
        "free",
        "Begegnungsraum mit Spielecke für Kinder.",
    ),
    (
        "Fulda",
        "Besprechungsraum am Domplatz",
        12,
        False,
        False,
        "free",
        "Kleiner Raum für Vorstandssitzungen.",
    ),
    (
        "Wiesbaden",
        "Werkstattraum Westend",
        15,
        True,
        False,
        "contribution",
        "Raum für Nähwerkstatt und Reparaturcafé.",
    ),
    (
        "Offenbach",
        "Mehrzweckraum Nordend",
        40,
        True,
        True,
        "free",
        "Raum für Kurse, Feiern und Versammlungen.",
    ),
    ("Marburg", "Studienraum Oberstadt", 18, False, False, "free", "Ruhiger Raum für Lerngruppen."),
    (
        "Hanau",
        "Saal im Kulturzentrum",
        100,
        True,
        True,
        "price",
        "Großer Saal für Feste, mit Technik.",
    ),
    ("Wetzlar", "Jugendraum Altstadt", 25, True, False, "free", "Jugendraum mit Kicker und Sofas."),
]

# (city, title, count, pickup, description, instant)
EQUIPMENT = [
    (
        "Frankfurt",
        "Beamer (Projektor) aus dem Gerätepool",
        2,
        "Kompetenzzentrum, Empfang",
        "Full-HD-Beamer mit HDMI-Kabel und Tasche.",
        True,
    ),
    (
        "Frankfurt",
        "Tonanlage aus dem Gerätepool",
        1,
        "Kompetenzzentrum, Lager",
        "Zwei Boxen, Mischpult, zwei Funkmikrofone.",
        True,
    ),
    (
        "Kassel",
        "Biertischgarnituren",
        10,
        "Vereinshof Nordstadt",
        "Tische und Bänke für Feste.",
        False,
    ),
    ("Gießen", "Pavillon-Zelte 3 × 3 m", 4, "Garage am Vereinsheim", "Für Stadtteilfeste.", False),
    (
        "Darmstadt",
        "Dolmetsch-Anlage (Flüsterkoffer)",
        1,
        "Brückenbauer-Haus",
        "Ein Sender, 15 Empfänger mit Kopfhörern.",
        False,
    ),
    (
        "Fulda",
        "Laptop für Präsentationen",
        1,
        "Begegnungsraum Ziehers",
        "Mit Office und Beamer-Adapter.",
        False,
    ),
    ("Wiesbaden", "Nähmaschinen", 5, "Werkstattraum Westend", "Für Nähkurse.", False),
    (
        "Hanau",
        "Kamera und Stativ",
        1,
        "Kulturzentrum",
        "Für Fotos und Videos von Veranstaltungen.",
        False,
    ),
]

# (city or None, title, topics, languages)
KNOW_HOW = [
    (
        "Frankfurt",
        "Hilfe bei Förderanträgen",
        "Förderanträge, Verwendungsnachweis",
        ["de", "ar", "tr"],
    ),
    ("Kassel", "Buchhaltung für kleine Vereine", "Buchhaltung, Kasse, Steuer", ["de", "ru", "fa"]),
    (
        "Gießen",
        "Vereinsrecht verständlich",
        "Satzung, Mitgliederversammlung, Vereinsrecht",
        ["de", "en"],
    ),
    ("Darmstadt", "Übersetzen bei Elternabenden", "Übersetzung, Dolmetschen", ["ar", "fa", "ku"]),
    ("Fulda", "Social Media für Vereine", "Social Media, Öffentlichkeitsarbeit", ["de", "uk"]),
    (None, "Spenden sammeln online", "Fundraising, Spenden", ["de", "en", "fr"]),
    (
        "Offenbach",
        "Förderanträge auf Türkisch erklärt",
        "Förderanträge, Projektplanung",
        ["tr", "de"],
    ),
    ("Marburg", "Buchhaltung auf Arabisch", "Buchhaltung, Belege, Kasse", ["ar", "de"]),
]

# (kind, city, title, description)
OTHERS = [
    (
        "helpers",
        "Frankfurt",
        "Helfende für Stadtteilfeste",
        "Bis zu acht Freiwillige für Auf- und Abbau.",
    ),
    ("helpers", "Kassel", "Hausaufgabenhilfe durch Studierende", "Zweimal pro Woche nachmittags."),
    (
        "helpers",
        "Gießen",
        "Ordnerinnen und Ordner für Veranstaltungen",
        "Mit Erfahrung bei großen Festen.",
    ),
    ("helpers", "Fulda", "Kinderbetreuung bei Versammlungen", "Zwei Erzieherinnen, ehrenamtlich."),
    ("transport", "Kassel", "Kleinbus mit neun Sitzen", "Mit Fahrerin, für Ausflüge."),
    (
        "transport",
        "Darmstadt",
        "Transporter für Umzüge und Material",
        "Führerschein Klasse B genügt.",
    ),
    ("transport", "Hanau", "Lastenrad", "Für Einkäufe und kleine Transporte in der Stadt."),
    ("other", "Wiesbaden", "Bücherkisten für Lesecafés", "Kinderbücher in acht Sprachen."),
    (
        "other",
        "Frankfurt",
        "Kostüme für Theater und Tanz",
        "Trachten und Kostüme aus vielen Ländern.",
    ),
]

# (kind, city or None, title, capacity, step_free, weekdays, languages, when)
REQUESTS = [
    (
        "room",
        "Kassel",
        "Raum für 30 Personen in Kassel am Samstagnachmittag",
        30,
        False,
        [5],
        [],
        "samstags 14–18 Uhr",
    ),
    ("room", "Frankfurt", "Stufenloser Saal für 70 Gäste", 70, True, [5, 6], [], "am Wochenende"),
    (
        "room",
        "Gießen",
        "Raum für einen Deutschkurs",
        15,
        False,
        [1, 3],
        [],
        "dienstags und donnerstags abends",
    ),
    (
        "room",
        "Fulda",
        "Raum für unsere Mitgliederversammlung",
        30,
        True,
        [6],
        [],
        "einmal im Herbst",
    ),
    ("room", "Darmstadt", "Raum für ein Elterncafé", 20, True, [2], [], "mittwochs"),
    ("equipment", "Fulda", "Beamer für einen Vortrag", None, False, [], [], "im nächsten Monat"),
    ("equipment", "Offenbach", "Tonanlage für ein Sommerfest", None, False, [5], [], "im Sommer"),
    ("know_how", None, "Hilfe bei der Buchhaltung auf Arabisch", None, False, [], ["ar"], ""),
    ("know_how", None, "Beratung zum Förderantrag", None, False, [], ["tr"], "bis Ende des Monats"),
    ("know_how", None, "Übersetzung Farsi bei Elternabenden", None, False, [], ["fa"], ""),
    ("helpers", "Frankfurt", "Helfende für das Nachbarschaftsfest", None, False, [], [], "im Juni"),
    ("transport", "Kassel", "Bus für einen Ausflug nach Frankfurt", None, False, [], [], "im Mai"),
    (
        "helpers",
        "Marburg",
        "Hausaufgabenhilfe für Grundschulkinder",
        None,
        False,
        [],
        [],
        "nachmittags",
    ),
    ("other", "Wiesbaden", "Kinderbücher auf Ukrainisch", None, False, [], [], ""),
    # The one no offer answers: know-how in Tigrinya.
    ("know_how", None, "Beratung zum Vereinsrecht auf Tigrinya", None, False, [], ["ti"], ""),
]
