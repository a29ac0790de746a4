"""The documentation PDF of a meeting with 300 participants, 40 forum results, 50 photos.

Target: under 20 s and under 30 MB. Forum results come through the documentation hook
(the forums app is not needed). Photos are 3000 x 2000 noisy pictures (they compress like
real photos), uploaded through the same service as the upload page. Writes
bench/results/publishing_documentation_pdf.json.
"""

import io
import logging
import time

from _setup import django_with_fresh_database, write_result

django_with_fresh_database("bench-doc-")
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

from datetime import timedelta  # noqa: E402

from django.apps import apps  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from vernetzt.directory.models import Municipality, Organisation  # noqa: E402
from vernetzt.events.models import Event, ProgrammeItem, StagePerson  # noqa: E402
from vernetzt.publishing import services  # noqa: E402
from vernetzt.registration.models import Registration  # noqa: E402

start = timezone.now() - timedelta(days=7)
event = Event.objects.create(
    title="Benchmark-Treffen",
    slug="bench-doku",
    status="past",
    starts_at=start,
    ends_at=start + timedelta(hours=7),
    partners="Beispielpartner",
    funders="Beispielministerium",
)
for number in range(8):
    item = ProgrammeItem.objects.create(
        event=event,
        starts_at=start + timedelta(minutes=45 * number),
        title=f"Programmpunkt {number + 1}",
        kind="other",
    )
    StagePerson.objects.create(event=event, programme_item=item, name=f"Person {number}")
municipalities = list(Municipality.objects.order_by("key")[::4])
organisations = [
    Organisation.objects.create(
        name=f"Beispielverein {n} e.V.",
        slug=f"bench-verein-{n}",
        municipality=municipalities[n % len(municipalities)],
    )
    for n in range(120)
]
Registration.objects.bulk_create(
    [
        Registration(
            event=event,
            first_name="Kim",
            last_name=f"Beispiel{n}",
            email=f"b{n}@example.org",
            email_normalised=f"b{n}@example.org",
            status="confirmed",
            organisation=organisations[n % len(organisations)],
            checked_in_at=start,
        )
        for n in range(300)
    ]
)
forum_items = [
    {
        "title": f"Forum {n % 4 + 1}",
        "text": f"Bedarf {n + 1}: mehr Unterstützung bei Thema {n}",
        "meta": "Forderung" if n % 2 else "Bedarf",
    }
    for n in range(40)
]
apps.get_app_config("forums").documentation_sections = lambda event: [
    {"title": "Ergebnisse der Foren", "items": forum_items}
]


def photo(seed: int) -> bytes:
    noise = Image.effect_noise((3000, 2000), 40 + seed % 20)
    image = Image.merge("RGB", (noise, noise.rotate(90, expand=False), noise))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


files = [(f"foto{n}.jpg", photo(n)) for n in range(50)]
t0 = time.perf_counter()
photos, problems = services.upload_photos(
    event=event, files=files, credit="Pola Sell", licence="cc-by-4.0"
)
upload_seconds = time.perf_counter() - t0
assert len(photos) == 50, problems
documentation = services.get_or_create_documentation(event=event)
services.publish_documentation(documentation=documentation)

client = Client(HTTP_HOST="127.0.0.1")
t0 = time.perf_counter()
response = client.get("/veranstaltungen/bench-doku/dokumentation.pdf")
seconds = time.perf_counter() - t0
assert response.status_code == 200
size = len(response.content)
reader = PdfReader(io.BytesIO(response.content))
text = "".join(page.extract_text() for page in reader.pages)
assert "Pola Sell" in text and "Bedarf 40" in text
t0 = time.perf_counter()
client.get("/veranstaltungen/bench-doku/dokumentation.pdf")
cached_seconds = time.perf_counter() - t0

write_result(
    "publishing_documentation_pdf",
    {
        "participants": 300,
        "forum_results": 40,
        "photos": 50,
        "pdf_seconds": round(seconds, 2),
        "pdf_megabytes": round(size / 1024 / 1024, 2),
        "pages": len(reader.pages),
        "cached_pdf_seconds": round(cached_seconds, 3),
        "upload_50_photos_seconds": round(upload_seconds, 1),
        "target": "under 20 s, under 30 MB",
        "passed": seconds < 20 and size < 30 * 1024 * 1024,
    },
)
