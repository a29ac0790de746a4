"""Staff list with 5,000 registrations, and 300 name badges as one PDF.

In-process against PostgreSQL (BENCH_DATABASE_URL, default
postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_staff; recreated). Prints the
median and p95 time of the staff registration list and its query count (with 500 and with
5,000 registrations: the count must not grow), and the time of the 300-badge PDF; writes
bench/results/registration_staff.json.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import _setup  # noqa: E402

DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_staff"
)


def main():
    _setup.django_on_fresh_postgres(DB_URL, "bench-staff-", ALLOWED_HOSTS="testserver")
    from datetime import timedelta

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from vernetzt.accounts.models import User
    from vernetzt.directory.models import Municipality, Organisation
    from vernetzt.events.models import Event
    from vernetzt.registration import exports
    from vernetzt.registration.models import Registration, new_secret
    from vernetzt.registration.services import ensure_builtin_questions

    staff = User.objects.create_user(email="bench@example.org", is_staff=True)
    municipalities = list(Municipality.objects.all()[:100])
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Beispielverein {n} e.V.",
            slug=f"beispielverein-bench-{n}",
            municipality=municipalities[n % len(municipalities)] if municipalities else None,
        )
        for n in range(1000)
    )
    event = Event.objects.create(
        title="Bench",
        slug="bench",
        starts_at=timezone.now() + timedelta(days=10),
        ends_at=timezone.now() + timedelta(days=10, hours=6),
        status="registration_open",
        capacity=4000,
    )
    ensure_builtin_questions(event=event)

    def add(start, count):
        Registration.objects.bulk_create(
            Registration(
                event=event,
                status="confirmed" if n < 4000 else "waiting",
                waiting_position=None if n < 4000 else n - 3999,
                first_name="Kim",
                last_name=f"Beispiel{n}",
                email=f"b{n}@example.org",
                email_normalised=f"b{n}@example.org",
                organisation=organisations[n % len(organisations)],
                answers={"dietary": ["vegetarian"]} if n % 5 == 0 else {},
                pronouns="sie/ihr" if n % 7 == 0 else "",
                manage_token=new_secret(),
                ticket_code=new_secret(),
            )
            for n in range(start, start + count)
        )

    client = Client()
    client.force_login(staff)
    url = "/veranstaltungen/bench/verwaltung/anmeldungen/"

    def measure(runs=20):
        client.get(url)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return timings, len(queries.captured_queries)

    add(0, 500)
    _, queries_500 = measure(3)
    add(500, 4500)
    timings, queries_5000 = measure()
    timings.sort()

    badges = [
        exports.badge_data(r)
        for r in Registration.objects.filter(event=event, status="confirmed")
        .select_related("organisation")
        .order_by("last_name")[:300]
    ]
    started = time.perf_counter()
    exports.render_pdf(
        "registration/pdf/badges.html", {"event": event, "registrations": badges[:2]}
    )
    first_pdf_seconds = time.perf_counter() - started  # fonts loaded once per process
    started = time.perf_counter()
    pdf = exports.render_pdf(
        "registration/pdf/badges.html", {"event": event, "registrations": badges}
    )
    badge_seconds = time.perf_counter() - started

    figures = {
        "registrations": Registration.objects.filter(event=event).count(),
        "staff_list_median_ms": round(statistics.median(timings), 1),
        "staff_list_p95_ms": round(timings[int(len(timings) * 0.95) - 1], 1),
        "staff_list_queries_500": queries_500,
        "staff_list_queries_5000": queries_5000,
        "badges": len(badges),
        "badges_pdf_seconds": round(badge_seconds, 2),
        "first_pdf_of_a_process_seconds": round(first_pdf_seconds, 2),
        "badges_pdf_bytes": len(pdf),
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(figures, indent=2))
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "registration_staff.json").write_text(
        json.dumps(figures, indent=2) + "\n"
    )
    connection.close()
    if queries_5000 != queries_500:
        print("FAILED: the query count grows with the registrations", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
