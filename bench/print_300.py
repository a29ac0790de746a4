"""Print for 300 people: name badges (A4 label sheet 2x4), table cards and the wall plan of a
networking plan (3 rounds, tables of 6); and the page count of the demo's 2025 documentation
PDF. Time and pages of each, read back with pypdf. Writes bench/results/print_300.json.
"""

import io
import logging
import os
import time

from _setup import django_with_fresh_database, write_result

os.environ.setdefault("ALLOWED_HOSTS", "testserver")
django_with_fresh_database("bench-print-")
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

from datetime import timedelta  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from vernetzt.accounts.models import User  # noqa: E402
from vernetzt.directory.models import Organisation  # noqa: E402
from vernetzt.events.models import Event  # noqa: E402
from vernetzt.live.models import NetworkingPlan, Seat  # noqa: E402
from vernetzt.registration.models import Registration  # noqa: E402

call_command("demo", stdout=io.StringIO())
start = timezone.now() + timedelta(days=20)
event = Event.objects.create(
    title="Druck-Treffen", slug="bench-druck", starts_at=start, ends_at=start + timedelta(hours=7)
)
organisations = list(Organisation.objects.order_by("pk")[:60])
people = Registration.objects.bulk_create(
    [
        Registration(
            event=event,
            first_name=["Amina", "Jonas", "Leyla", "Mehmet", "Sara", "Tesfay"][n % 6],
            last_name=f"Beispiel-{n:03d}",
            email=f"p{n}@example.org",
            email_normalised=f"p{n}@example.org",
            status="confirmed",
            organisation=organisations[n % len(organisations)],
            photo_consent=n % 7 != 0,
        )
        for n in range(300)
    ]
)
plan = NetworkingPlan.objects.create(
    event=event, title="Vernetzungsrunden", table_size=6, rounds_count=3, participants_count=300
)
Seat.objects.bulk_create(
    [
        Seat(plan=plan, round_number=r, table_number=(n * r + r) % 50 + 1, registration=person)
        for r in (1, 2, 3)
        for n, person in enumerate(people)
    ]
)
staff = User.objects.create_user(email="bench-staff@example.org", is_staff=True, is_superuser=True)
client = Client()
client.force_login(staff)


def measure(url: str) -> dict:
    """Wall-clock and CPU seconds (the CPU time is what a quiet machine's wall clock shows)."""
    began, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    seconds, cpu_seconds = time.perf_counter() - began, time.process_time() - cpu
    assert response.status_code == 200, (url, response.status_code)
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu_seconds, 2),
        "pages": len(PdfReader(io.BytesIO(response.content)).pages),
    }


base = f"/veranstaltungen/{event.slug}/verwaltung/namensschilder.pdf"
result = {
    "badges_300_2x4": measure(base + "?sheet=2x4"),
    "badges_300_2x5": measure(base + "?sheet=2x5"),
    "table_cards_300": measure(f"/live/treffen/{event.slug}/runden/{plan.pk}/tischkarten.pdf"),
    "wall_plan_300_3_rounds": measure(f"/live/treffen/{event.slug}/runden/{plan.pk}/tischplan.pdf"),
    "documentation_2025": measure("/veranstaltungen/vernetzungstreffen-2025/dokumentation.pdf"),
}
result["load_average"] = os.getloadavg()[0]
write_result("print_300", result)
