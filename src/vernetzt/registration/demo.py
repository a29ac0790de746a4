"""Demo registrations: fictional people of fictional associations ("Beispielverein ...").

About 60 people of 43 associations in 2019, about 120 in 2025 (most checked in), some for
the open 2026 meeting. Idempotent: a meeting that has registrations is left alone.
"""

import random
from datetime import timedelta

from vernetzt.directory.models import Municipality, Organisation
from vernetzt.events.models import Event

from . import enums, services
from .models import Registration, new_secret

FIRST = [
    "Amina",
    "Jonas",
    "Leyla",
    "Samir",
    "Fatma",
    "Lukas",
    "Nour",
    "Mehmet",
    "Sara",
    "Tigist",
    "Olena",
    "Yusuf",
    "Hanna",
    "Kofi",
    "Mariam",
    "David",
    "Aylin",
    "Omar",
    "Lea",
    "Emeka",
]
LAST = ["Beispiel", "Muster", "Probe", "Testmann", "Exempel", "Modell", "Vorlage", "Entwurf"]
WORDS = [
    "Brücke",
    "Miteinander",
    "Horizont",
    "Begegnung",
    "Vielfalt",
    "Zukunft",
    "Nachbarschaft",
    "Sonnenblume",
    "Regenbogen",
    "Dialog",
    "Heimat",
    "Kompass",
    "Weltoffen",
    "Zusammenhalt",
    "Mosaik",
    "Leuchtturm",
    "Wegweiser",
    "Ankommen",
    "Perspektive",
    "Teilhabe",
    "Stimme",
    "Kulturbrücke",
    "Freundschaft",
    "Netzwerk",
    "Lernort",
    "Werkstatt",
    "Treffpunkt",
    "Sprachcafé",
    "Elternkreis",
    "Jugendforum",
    "Frauenkreis",
    "Sportfreunde",
    "Chor",
    "Tanzgruppe",
    "Bildungsweg",
    "Solidarität",
    "Aufbruch",
    "Morgenrot",
    "Baumhaus",
    "Gartenkreis",
    "Kochtopf",
    "Lesezeichen",
    "Schlüssel",
    "Laterne",
    "Kreisel",
    "Anker",
    "Flügel",
    "Quelle",
    "Insel",
    "Pfad",
]


def fictional_organisations(count):
    municipalities = list(Municipality.objects.order_by("key")[:: max(1, 422 // count)][:count])
    organisations = []
    for number in range(count):
        word = WORDS[number % len(WORDS)]
        slug = (
            f"beispielverein-{word.lower()}".replace("ü", "ue")
            .replace("ä", "ae")
            .replace("ö", "oe")
            .replace("é", "e")
            .replace("ß", "ss")
        )
        organisation, _ = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": f"Beispielverein {word} e.V.",
                "status": Organisation.Status.VERIFIED,
                "is_published": True,
                "municipality": municipalities[number % len(municipalities)]
                if municipalities
                else None,
            },
        )
        organisations.append(organisation)
    return organisations


def _fill(event, organisations, people, *, checked_in_share, seed, waiting=0):
    if event.registrations.exists():
        return 0
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    rows = []
    for number in range(people):
        first = FIRST[number % len(FIRST)]
        last = f"{LAST[(number // len(FIRST)) % len(LAST)]}-{number + 1}"
        organisation = organisations[number % len(organisations)]
        answers = {}
        if rng.random() < 0.3:
            answers[enums.DIETARY] = [rng.choice(["vegetarian", "vegan", "halal", "no_pork"])]
        if rng.random() < 0.08:
            answers[enums.ACCESSIBILITY] = [rng.choice(["step_free", "hearing_loop"])]
        if rng.random() < 0.1:
            answers[enums.INTERPRETATION] = rng.choice(["ar", "fa", "ti", "en"])
        if rng.random() < 0.8:
            answers[enums.PHOTO_CONSENT] = "yes" if rng.random() < 0.85 else "no"
        created_at = event.starts_at - timedelta(days=40 - number * 30 // max(people, 1))
        is_waiting = number >= people - waiting
        registration = Registration(
            event=event,
            status=Registration.Status.WAITING if is_waiting else Registration.Status.CONFIRMED,
            waiting_position=(number - (people - waiting) + 1) if is_waiting else None,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}.{last.lower()}@example.org",
            email_normalised=f"{first.lower()}.{last.lower()}@example.org",
            organisation=organisation,
            language=rng.choice(["de", "de", "de", "en", "ar"]),
            answers=answers,
            manage_token=new_secret(),
            ticket_code=new_secret(),
            confirmed_at=None if is_waiting else created_at,
            checked_in_at=event.starts_at + timedelta(minutes=rng.randint(-30, 45))
            if not is_waiting and rng.random() < checked_in_share
            else None,
        )
        services.answers._denormalise(registration)
        rows.append(registration)
    Registration.objects.bulk_create(rows)
    return len(rows)


def load(stdout):
    organisations = fictional_organisations(50)
    total = 0
    for slug, people, share, orgs, waiting in (
        ("vernetzungstreffen-2019", 60, 0.95, 43, 0),
        ("vernetzungstreffen-2025", 120, 0.9, 50, 0),
        ("vernetzungstreffen-2026", 40, 0.0, 30, 0),
    ):
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            continue
        services.ensure_builtin_questions(event=event)
        total += _fill(
            event, organisations[:orgs], people, checked_in_share=share, seed=slug, waiting=waiting
        )
    stdout.write(f"  {total} demo registrations")
