"""Network benchmark on PostgreSQL: 20,000 associations and 50,000 offers.

Server time (Django's test client, in process: the full middleware stack, no network) of
the offers page and of `GET /api/v1/offers`, each with a distance filter ("within 20 or 50
km of a municipality") and with a kind; plus the number of SQL queries per request, which
must be the same for every request of a kind (fixed, whatever the data).

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_network \
        .venv/bin/python bench/network_offers.py

Creates (and reuses) its own database; writes bench/results/network_offers.json.
"""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault(
    "DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_network"
)
os.environ.setdefault("DATA_DIR", "/tmp/vernetzt-bench-network")  # noqa: S108
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vernetzt.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "ERROR")

ORGANISATIONS = int(os.environ.get("BENCH_ORGANISATIONS", "20000"))
OFFERS = int(os.environ.get("BENCH_OFFERS", "50000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "100"))
KINDS = ["room", "equipment", "know_how", "helpers", "transport", "other"]
WORDS = ["Saal", "Raum", "Beamer", "Zelt", "Bus", "Buchhaltung", "Förderantrag", "Küche"]


def create_database():
    import psycopg  # noqa: PLC0415

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def fill():
    from django.db import connection, transaction  # noqa: PLC0415

    from vernetzt.directory.models import Municipality, Organisation  # noqa: PLC0415
    from vernetzt.network.models import Listing  # noqa: PLC0415

    if Listing.objects.count() >= OFFERS and Organisation.objects.count() >= ORGANISATIONS:
        return
    Listing.objects.all().delete()
    Organisation.objects.all().delete()
    rng = random.Random(50000)  # noqa: S311
    municipalities = list(Municipality.objects.all())
    with transaction.atomic():
        organisations = Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"Beispielverein {n}",
                    slug=f"bench-{n}",
                    municipality=rng.choice(municipalities),
                    is_published=True,
                    status="verified",
                )
                for n in range(ORGANISATIONS)
            ],
            batch_size=5000,
        )
        rows = []
        for n in range(OFFERS):
            place = rng.choice(municipalities)
            title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}"
            rows.append(
                Listing(
                    organisation=rng.choice(organisations),
                    side="offer" if n % 5 else "request",
                    kind=rng.choice(KINDS),
                    title=title,
                    description="Ein erfundenes Angebot für den Benchmark.",
                    visibility="public" if n % 4 else "members",
                    municipality=place,
                    district_id=place.district_id,
                    latitude=place.latitude,
                    longitude=place.longitude,
                    capacity=rng.choice([None, 10, 20, 40, 80]),
                    search_text=f"{title.lower()} {place.name.lower()}",
                )
            )
        Listing.objects.bulk_create(rows, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(client, url, params_list):
    from django.db import connection  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    times, cpu, queries = [], [], set()
    for params in params_list:
        start, start_cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        queries.add(len(captured.captured_queries))
        assert response.status_code == 200, (url, params, response.status_code)
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
        "queries_per_request": sorted(queries),
    }


def main():
    create_database()
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415
    from django.test.utils import setup_test_environment  # noqa: PLC0415

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    fill()
    print(f"data ready ({ORGANISATIONS} associations, {OFFERS} listings) in "
          f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    setup_test_environment()
    from vernetzt.directory.models import Municipality  # noqa: PLC0415

    rng = random.Random(1)  # noqa: S311
    places = list(Municipality.objects.values_list("pk", flat=True))
    near = [
        {"near": rng.choice(places), "km": rng.choice([20, 50]), "kind": rng.choice(KINDS)}
        for _ in range(ROUNDS)
    ]
    near_words = [
        {"near": rng.choice(places), "km": 30, "q": rng.choice(WORDS)} for _ in range(ROUNDS // 2)
    ]
    client = Client()
    client.get("/netzwerk/")  # warm up
    client.get("/api/v1/offers")
    results = {
        "organisations": ORGANISATIONS,
        "listings": OFFERS,
        "database": "PostgreSQL",
        "page_near_and_kind": measure(client, "/netzwerk/", near),
        "api_near_and_kind": measure(client, "/api/v1/offers", near),
        "page_near_and_words": measure(client, "/netzwerk/", near_words),
        "api_near_and_words": measure(client, "/api/v1/offers", near_words),
        "page_no_filter": measure(client, "/netzwerk/", [{}] * (ROUNDS // 4)),
        "api_no_filter": measure(client, "/api/v1/offers", [{}] * (ROUNDS // 4)),
        "load_average_after_run": [round(value, 2) for value in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    print(json.dumps(results, indent=2))
    out = ROOT / "bench" / "results" / "network_offers.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
