"""Demo meetings: 2019 and 2025 rebuilt from the facts in product.md, and an open one.

Idempotent: meetings are found by slug; programme and people are only created once.
Real associations are looked up (or created) by slug, with nothing invented about them.
"""

import io
import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from vernetzt.directory.models import Organisation

from .models import Event, ProgrammeItem, StagePerson, Venue

BERLIN = ZoneInfo("Europe/Berlin")

REAL_ORGANISATIONS = {
    "kone-ev": "KONE e.V.",
    "projekt-moses": "Projekt Moses Jugend- und Sozialwerk e.V.",
    "the-concerned-nigerians": "The Concerned Nigerians e.V.",
    "deutsch-syrischer-verein": "Deutsch-Syrischer Verein e.V.",
    "zan-ev": "ZAN e.V.",
    "all-in-kassel": "ALL IN Kassel",
    "house-of-resources-rhein-main": "House of Resources Rhein-Main",
}
MINISTRY_2025 = "Hessisches Ministerium für Arbeit, Integration, Jugend und Soziales"
MINISTRY_2019 = "Hessisches Ministerium für Soziales und Integration"


def real_organisation(slug: str) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            "name": REAL_ORGANISATIONS[slug],
            "status": Organisation.Status.VERIFIED,
            "is_published": True,
        },
    )
    return organisation


def _sentence(text: str) -> str:
    """A full stop at the end, unless the text ends with one already ("… ZAN e.V.")."""
    return text if text.endswith((".", "!", "?")) else text + "."


def at(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def _programme(event, items):
    if event.programme_items.exists():
        return
    for position, (start, end, kind, title, description, people) in enumerate(items):
        item = ProgrammeItem.objects.create(
            event=event,
            starts_at=start,
            ends_at=end,
            kind=kind,
            title=title,
            description=description,
            position=position,
        )
        for number, (name, role, organisation, affiliation) in enumerate(people):
            StagePerson.objects.create(
                event=event,
                programme_item=item,
                name=name,
                role=role,
                organisation=organisation,
                affiliation=affiliation,
                position=number,
            )


def _upcoming_start():
    wanted = datetime(2026, 12, 12, 10, 0, tzinfo=BERLIN)
    if wanted - timezone.now() < timedelta(days=7):
        soon = timezone.localtime(timezone.now() + timedelta(days=30), BERLIN)
        wanted = at(soon.date(), 10)
    return wanted


def load(stdout):
    venue, _ = Venue.objects.get_or_create(
        name="Tagungshaus in Frankfurt am Main (Beispiel)",
        defaults={
            "address": "Frankfurt am Main",
            "directions": "Mit S- und U-Bahn bis Frankfurt Hauptbahnhof, dann wenige Minuten "
            "zu Fuß (Beispielangabe).",
            "step_free": True,
            "quiet_room": True,
        },
    )
    kind = ProgrammeItem.Kind
    role = StagePerson.Role

    day = datetime(2019, 6, 1).date()
    e2019, _ = Event.objects.get_or_create(
        slug="vernetzungstreffen-2019",
        defaults={
            "title": "Vernetzungstreffen 2019",
            "edition": "Hessenweites Vernetzungstreffen migrantischer Organisationen",
            "theme": "Demokratisches Engagement von migrantischen Organisationen",
            "description": (
                "Rund 60 Vertreterinnen und Vertreter aus 43 Vereinen kamen in Frankfurt am "
                "Main zusammen. Auch das Landesministerium für Soziales und Integration war "
                "vertreten. In Workshops mit House of Resources Rhein-Main sammelten die "
                "Vereine ihre Bedarfe; daraus entstehen die Angebote des Kompetenzzentrums. "
                "Eine Dokumentation ist erschienen."
            ),
            "starts_at": at(day, 10),
            "ends_at": at(day, 16),
            "venue": venue,
            "partners": "House of Resources Rhein-Main",
            "funders": MINISTRY_2019,
            "status": Event.Status.PAST,
            "capacity": 70,
        },
    )
    hor = real_organisation("house-of-resources-rhein-main")
    moderation_2019 = (
        "Andrea Nispel",
        role.MODERATOR,
        None,
        "Sozialwissenschaftlerin, wissenschaftliche Begleitung des Kompetenzzentrums",
    )
    _programme(
        e2019,
        [
            (
                at(day, 10),
                at(day, 10, 30),
                kind.GREETING,
                "Begrüßung und Einstieg",
                "",
                [moderation_2019],
            ),
            (
                at(day, 10, 30),
                at(day, 12, 30),
                kind.FORUMS,
                "Workshops: Demokratisches Engagement in unseren Vereinen",
                "Gemeinsam mit House of Resources Rhein-Main.",
                [("House of Resources Rhein-Main", role.SPEAKER, hor, "")],
            ),
            (at(day, 12, 30), at(day, 13, 30), kind.FOOD, "Mittagessen", "", []),
            (
                at(day, 13, 30),
                at(day, 15, 30),
                kind.PANEL,
                "Ergebnisse und Bedarfe im Plenum",
                "",
                [moderation_2019],
            ),
            (at(day, 15, 30), at(day, 16), kind.NETWORKING, "Austausch und Ausklang", "", []),
        ],
    )

    day = datetime(2025, 11, 22).date()
    e2025, _ = Event.objects.get_or_create(
        slug="vernetzungstreffen-2025",
        defaults={
            "title": "Vernetzungstreffen 2025",
            "edition": "6. hessenweites Vernetzungstreffen (post-)migrantischer "
            "Selbstorganisationen",
            "theme": "Wie Vereine ihre Netzwerke stärken",
            "description": (
                "Das sechste landesweite Treffen in Frankfurt stellte die Frage, wie Vereine "
                "ihre Netzwerke stärken. Am Nachmittag tauschten sich die Teilnehmenden in "
                "vier Foren aus. Eine Dokumentation ist angekündigt."
            ),
            "starts_at": at(day, 10),
            "ends_at": at(day, 17),
            "venue": venue,
            "funders": MINISTRY_2025,
            "status": Event.Status.PAST,
            "capacity": 130,
            "reserved_places": 10,
        },
    )
    minister = ("Heike Hofmann", role.SPEAKER, None, f"Ministerin, {MINISTRY_2025}")
    moderation = ("Rachel Etse", role.MODERATOR, None, "")
    stories = [
        real_organisation(slug)
        for slug in (
            "kone-ev",
            "projekt-moses",
            "the-concerned-nigerians",
            "deutsch-syrischer-verein",
            "zan-ev",
        )
    ]
    _programme(
        e2025,
        [
            (
                at(day, 10),
                at(day, 10, 30),
                kind.GREETING,
                "Grußwort der Ministerin",
                "",
                [minister, moderation],
            ),
            (
                at(day, 10, 30),
                at(day, 11, 15),
                kind.KEYNOTE,
                "Impulsvortrag",
                "",
                [("Tzehaie Semere", role.SPEAKER, None, "")],
            ),
            (
                at(day, 11, 15),
                at(day, 12, 30),
                kind.PANEL,
                "Offenes Podium mit freiem Stuhl",
                "Ein Stuhl auf dem Podium bleibt frei: wer aus dem Publikum etwas sagen will, "
                "setzt sich dazu.",
                [
                    ("Heike Hofmann", role.PANELLIST, None, f"Ministerin, {MINISTRY_2025}"),
                    ("Leila Mohtadi", role.PANELLIST, real_organisation("all-in-kassel"), ""),
                    moderation,
                ],
            ),
            (at(day, 12, 30), at(day, 13, 30), kind.FOOD, "Mittagessen", "", []),
            (
                at(day, 13, 30),
                at(day, 16),
                kind.FORUMS,
                "Vier Austausch-Foren: Ressourcen teilen, digitale Netzwerke, Allianzen bilden, "
                "vor Ort kooperieren",
                _sentence("Aus ihrer Praxis erzählen: " + ", ".join(o.name for o in stories)),
                [],
            ),
            (
                at(day, 16),
                at(day, 17),
                kind.NETWORKING,
                "Vernetzung und Abschluss",
                "",
                [moderation],
            ),
        ],
    )
    StagePerson.objects.get_or_create(
        event=e2025, programme_item=None, name="Pola Sell", defaults={"role": role.PHOTOGRAPHER}
    )

    start = _upcoming_start()
    e2026, created = Event.objects.get_or_create(
        slug="vernetzungstreffen-2026",
        defaults={
            "title": "Vernetzungstreffen 2026",
            "edition": "7. hessenweites Vernetzungstreffen (Beispiel)",
            "theme": "Gemeinsam stark vor Ort (Beispielthema)",
            "description": "Ein Beispiel für ein kommendes Treffen: die Anmeldung ist offen.",
            "starts_at": start,
            "ends_at": start + timedelta(hours=7),
            "venue": venue,
            "funders": MINISTRY_2025,
            "status": Event.Status.REGISTRATION_OPEN,
            "capacity": 150,
            "reserved_places": 10,
            "per_organisation_limit": 3,
            "per_organisation_limit_until": start - timedelta(days=3),
            "copied_from": e2025,
        },
    )
    if created:
        for item in e2025.programme_items.prefetch_related("stage_people"):
            delta = start - e2025.starts_at
            ProgrammeItem.objects.create(
                event=e2026,
                starts_at=item.starts_at + delta,
                ends_at=item.ends_at + delta if item.ends_at else None,
                title=item.title,
                kind=item.kind,
                position=item.position,
            )
    if not e2026.image:
        e2026.image.save("vernetzungstreffen-2026.jpg", ContentFile(_demo_picture()), save=False)
        e2026.image_alt = ""  # an abstract, decorative picture
        e2026.save(update_fields=["image", "image_alt"])
    stdout.write("  3 meetings (2019, 2025, 2026 with open registration)")


def _demo_picture() -> bytes:
    """A wide, calm picture for the demo meeting (drawn here: no photo of real people)."""
    width, height = 1600, 600
    image = Image.new("RGB", (width, height), (7, 64, 95))
    draw = ImageDraw.Draw(image)
    rng = random.Random(2026)  # noqa: S311 - a picture, not a secret
    colours = [(11, 92, 138), (162, 59, 0), (255, 191, 71), (24, 92, 46), (244, 246, 248)]
    points = [(rng.randrange(width), rng.randrange(height)) for _ in range(40)]
    for index, (x, y) in enumerate(points):  # a network: dots and the lines between them
        for other in points[index + 1 : index + 4]:
            draw.line([(x, y), other], fill=(60, 120, 160), width=3)
    for x, y in points:
        radius = rng.randrange(10, 34)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(colours))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()
