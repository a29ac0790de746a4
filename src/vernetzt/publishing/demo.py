"""Demo of publishing: placeholder photos credited to Pola Sell (2025), the 2019
documentation published and the 2025 one as a draft, two news posts written new from the
facts in product.md. Idempotent: what exists is left alone.
"""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q
from PIL import Image, ImageDraw

from vernetzt.core.translations import Status, store
from vernetzt.events.models import Event

from . import services
from .models import Documentation, Licence, NewsPost

PHOTOGRAPHER = "Pola Sell"
BERLIN = ZoneInfo("Europe/Berlin")
COLOURS = [
    (29, 92, 150),
    (180, 83, 9),
    (21, 128, 61),
    (126, 34, 206),
    (190, 18, 60),
    (15, 118, 110),
]


def placeholder(number: int) -> bytes:
    """A generated placeholder picture (no real photo, no person)."""
    image = Image.new("RGB", (960, 640), COLOURS[number % len(COLOURS)])
    draw = ImageDraw.Draw(image)
    for step in range(0, 960, 48):
        draw.line([(step, 0), (step + 320, 640)], fill=(255, 255, 255), width=3)
    draw.rectangle([280, 250, 680, 390], fill=(255, 255, 255))
    draw.text((310, 290), f"Platzhalterbild {number + 1}", fill=(26, 26, 26), font_size=40)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


NEWS = [
    {
        "slug": "rueckblick-vernetzungstreffen-2019",
        "title": "Rückblick: Vernetzungstreffen 2019 in Frankfurt",
        "event": "vernetzungstreffen-2019",
        "published": datetime(2019, 6, 20, 10, 0, tzinfo=BERLIN),
        "teaser": (
            "Im Juni 2019 trafen sich rund 60 Menschen aus 43 migrantischen Vereinen in "
            "Frankfurt am Main. Im Mittelpunkt stand das demokratische Engagement der Vereine."
        ),
        "body": (
            "Am 1. Juni 2019 war Frankfurt am Main Treffpunkt für Vereine aus ganz Hessen. "
            "Das Thema des Tages: Wie engagieren sich migrantische Organisationen für die "
            "Demokratie, und was brauchen sie dafür?\n\n"
            "Andrea Nispel, Sozialwissenschaftlerin und wissenschaftliche Begleitung des "
            "Kompetenzzentrums, führte durch den Tag. Auch Vertreterinnen und Vertreter des "
            "Landesministeriums für Soziales und Integration waren dabei.\n\n"
            "In Workshops, die wir gemeinsam mit House of Resources Rhein-Main angeboten "
            "haben, sammelten die Vereine ihre Bedarfe. Diese Bedarfe bestimmen, welche "
            "Angebote das Kompetenzzentrum in Zukunft macht. Die Dokumentation des Treffens "
            "ist online."
        ),
    },
    {
        "slug": "sechstes-vernetzungstreffen-2025",
        "title": "Sechstes hessenweites Vernetzungstreffen: Netzwerke stärken",
        "event": "vernetzungstreffen-2025",
        "published": datetime(2025, 11, 28, 10, 0, tzinfo=BERLIN),
        "teaser": (
            "Am 22. November 2025 ging es in Frankfurt um die Frage, wie Vereine ihre "
            "Netzwerke stärken können – mit Ministerin Heike Hofmann, einem offenen Podium "
            "und vier Austausch-Foren."
        ),
        "body": (
            "Zum sechsten Mal kamen (post-)migrantische Selbstorganisationen aus ganz Hessen "
            "zusammen, diesmal am 22. November 2025 in Frankfurt. Ministerin Heike Hofmann "
            "eröffnete den Tag, danach sprach Tzehaie Semere.\n\n"
            "Auf dem offenen Podium diskutierten Ministerin Hofmann, Leila Mohtadi (ALL IN "
            "Kassel) und das Publikum. Ein Stuhl auf dem Podium blieb frei: Wer etwas sagen "
            "wollte, konnte sich dazusetzen. Rachel Etse moderierte.\n\n"
            "Nach dem Essen tauschten sich die Teilnehmenden in vier Foren aus: Ressourcen "
            "teilen, digitale Netzwerke, Allianzen bilden und vor Ort kooperieren. KONE e.V., "
            "Projekt Moses Jugend- und Sozialwerk e.V., The Concerned Nigerians e.V., "
            "Deutsch-Syrischer Verein e.V. und ZAN e.V. erzählten aus ihrer Praxis.\n\n"
            "Das Treffen wurde vom Hessischen Ministerium für Arbeit, Integration, Jugend und "
            "Soziales gefördert. Die Fotos machte Pola Sell. Die Dokumentation erscheint bald."
        ),
    },
]


def load(stdout):
    e2019 = Event.objects.filter(slug="vernetzungstreffen-2019").first()
    e2025 = Event.objects.filter(slug="vernetzungstreffen-2025").first()
    if e2025 is not None and not e2025.photos.exists():
        files = [(f"platzhalter-{n + 1}.jpg", placeholder(n)) for n in range(6)]
        photos, _problems = services.upload_photos(
            event=e2025, files=files, credit=PHOTOGRAPHER, licence=Licence.RIGHTS
        )
        for number, photo in enumerate(photos, start=1):
            photo.caption = f"Platzhalterbild {number} (Beispiel)"
            photo.save(update_fields=["caption"])
        stdout.write(f"{len(photos)} placeholder photos for {e2025.title}.")
    if e2019 is not None and not Documentation.objects.filter(event=e2019).exists():
        documentation = services.get_or_create_documentation(event=e2019)
        documentation.greeting = (
            "Liebe Vereine, liebe Leserinnen und Leser,\n\n"
            "2019 haben wir uns in Frankfurt getroffen, um über demokratisches Engagement zu "
            "sprechen. Diese Dokumentation zeigt, wer dabei war, was wir gemeinsam erarbeitet "
            "haben und welche Bedarfe die Vereine genannt haben.\n\n"
            "Ihr Team des Kompetenzzentrums (Beispieltext)"
        )
        store(
            documentation,
            "greeting",
            "en",
            "Dear associations, dear readers,\n\n"
            "In 2019 we met in Frankfurt to talk about democratic engagement. This "
            "documentation shows who took part, what we worked out together and which needs "
            "the associations named.\n\n"
            "Your team of the competence centre (example text)",
            Status.HUMAN,
        )
        store(
            documentation,
            "thanks",
            "en",
            "We thank all associations, contributors, partners and funders.",
            Status.HUMAN,
        )
        documentation.save()
        services.publish_documentation(documentation=documentation)
        stdout.write(f"Documentation of {e2019.title} published.")
    if e2025 is not None and not Documentation.objects.filter(event=e2025).exists():
        documentation = services.get_or_create_documentation(event=e2025)
        documentation.greeting = (
            "Liebe Vereine,\n\nam 22. November 2025 haben wir gemeinsam darüber gesprochen, "
            "wie wir unsere Netzwerke stärken. [Entwurf: Begrüßungstext folgt.]"
        )
        documentation.save()
        stdout.write(f"Documentation of {e2025.title} as a draft.")
    events = {
        e.slug: e
        for e in Event.objects.filter(
            Q(pk=getattr(e2019, "pk", None)) | Q(pk=getattr(e2025, "pk", None))
        )
    }
    for item in NEWS:
        if NewsPost.objects.filter(slug=item["slug"]).exists():
            continue
        post = NewsPost.objects.create(
            slug=item["slug"],
            title=item["title"],
            teaser=item["teaser"],
            body=item["body"],
            publish_at=item["published"],
        )
        if item["event"] in events:
            post.events.add(events[item["event"]])
        stdout.write(f"News post: {post.title}")
