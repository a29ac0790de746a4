"""Directory benchmark on PostgreSQL with 20,000 associations.

Measures server time (Django's test client, in process: the full middleware stack, no
network) of the directory page and of `GET /api/v1/organisations` with a search and two
filters, and the map's data for all points (time and gzip size on the wire).

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_directory \
        .venv/bin/python bench/directory_search.py

Creates (and reuses) its own database; writes bench/results/directory_search.json.
"""

import gzip
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
    "DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_directory"
)
os.environ.setdefault("DATA_DIR", "/tmp/vernetzt-bench-directory")  # noqa: S108
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vernetzt.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "ERROR")

COUNT = int(os.environ.get("BENCH_ORGANISATIONS", "20000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "100"))
WORDS = [
    "Jugend", "Kultur", "Frauen", "Brücke", "Sport", "Eltern", "Dialog", "Zukunft", "Musik",
    "Bildung", "Nachbarschaft", "Begegnung", "Vielfalt", "Horizont", "Teilhabe", "Sprache",
]  # fmt: skip


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


def fill(count):
    from django.db import connection, transaction  # noqa: PLC0415

    from vernetzt.directory.enums import LANGUAGE_CODES, TermKind  # noqa: PLC0415
    from vernetzt.directory.models import Municipality, Organisation, Term  # noqa: PLC0415
    from vernetzt.directory.search import build_search_text  # noqa: PLC0415

    if Organisation.objects.count() >= count:
        return
    Organisation.objects.all().delete()
    rng = random.Random(20000)  # noqa: S311
    municipalities = list(Municipality.objects.select_related("district"))
    fields = list(Term.objects.filter(kind=TermKind.FIELD))
    languages = list(Term.objects.filter(kind=TermKind.LANGUAGE, slug__in=LANGUAGE_CODES[:12]))
    targets = list(Term.objects.filter(kind=TermKind.TARGET))
    visibility = ["public", "members", "staff"]
    objects = []
    for number in range(count):
        municipality = rng.choice(municipalities)
        name = (
            f"Beispielverein {rng.choice(WORDS)} {rng.choice(WORDS)} {municipality.name} {number}"
        )
        organisation = Organisation(
            name=name,
            slug=f"bench-{number}",
            municipality=municipality,
            is_published=rng.random() < 0.9,
            status=rng.choice(["verified", "verified", "pending", "archived"]),
            short_name=f"BV{number}",
            description="Ein erfundener Verein für den Benchmark.",
            visibility_profile=rng.choice(visibility),
            visibility_contact=rng.choice(visibility),
            visibility_address=rng.choice(visibility),
            visibility_members=rng.choice(visibility),
            latitude=municipality.latitude + rng.uniform(-0.01, 0.01) if number % 5 == 0 else None,
            longitude=municipality.longitude + rng.uniform(-0.01, 0.01)
            if number % 5 == 0
            else None,
        )
        organisation.search_text = build_search_text(organisation)
        objects.append(organisation)
    with transaction.atomic():
        created = Organisation.objects.bulk_create(objects, batch_size=2000)
        through_rows = {"fields": [], "languages": [], "target_groups": []}
        for organisation in created:
            chosen = rng.sample(fields, rng.randint(1, 3))
            through_rows["fields"] += [(organisation.pk, term.pk) for term in chosen]
            through_rows["languages"] += [
                (organisation.pk, term.pk) for term in rng.sample(languages, rng.randint(1, 3))
            ]
            through_rows["target_groups"] += [
                (organisation.pk, term.pk) for term in rng.sample(targets, rng.randint(1, 2))
            ]
            # Field labels belong in the search words, as save() would add them.
            organisation.search_text += " " + " ".join(str(term.label).lower() for term in chosen)
        Organisation.objects.bulk_update(created, ["search_text"], batch_size=2000)
        for name, pairs in through_rows.items():
            through = getattr(Organisation, name).through
            through.objects.bulk_create(
                [through(organisation_id=o, term_id=t) for o, t in pairs], batch_size=5000
            )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(client, url, params_list):
    """Wall time per request, and the Django process's CPU time (not slowed by waiting for
    a busy shared CPU, but without PostgreSQL's own work)."""
    times, cpu = [], []
    for params in params_list:
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, params)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "cpu_p50_ms": round(statistics.median(cpu), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
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
    fill(COUNT)
    print(f"data ready ({COUNT} associations) in {time.perf_counter() - start:.1f} s")
    setup_test_environment()
    from vernetzt.directory.models import District, Term  # noqa: PLC0415

    rng = random.Random(1)  # noqa: S311
    districts = list(District.objects.values_list("key", flat=True))
    fields = list(Term.objects.filter(kind="field").values_list("slug", flat=True))
    params_list = [
        {
            "q": f"{rng.choice(WORDS)} {rng.choice(['', 'verein', 'beispielverein'])}".strip(),
            "district": rng.choice(districts),
            "field": rng.choice(fields),
        }
        for _ in range(ROUNDS)
    ]
    typo_list = [
        {"q": rng.choice(["Jugent", "Kultr", "Frauenn", "Begegnug"]), "field": rng.choice(fields),
         "district": rng.choice(districts)}
        for _ in range(ROUNDS // 2)
    ]  # fmt: skip
    client = Client()
    client.get("/verzeichnis/")  # warm up
    results = {
        "organisations": COUNT,
        "database": "PostgreSQL",
        "page_search_two_filters": measure(client, "/verzeichnis/", params_list),
        "api_search_two_filters": measure(client, "/api/v1/organisations", params_list),
        "page_typo_search_two_filters": measure(client, "/verzeichnis/", typo_list),
        "page_no_filter": measure(client, "/verzeichnis/", [{}] * (ROUNDS // 4)),
    }
    from django.core.cache import cache  # noqa: PLC0415

    for label, clear in (("map_data_all_points_cold", True), ("map_data_all_points_cached", False)):
        times, cpu, sizes, raw, points = [], [], [], 0, 0
        for _ in range(20):
            if clear:
                cache.clear()
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get("/verzeichnis/karte/punkte.geojson", HTTP_ACCEPT_ENCODING="gzip")
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            sizes.append(len(response.content))
            body = gzip.decompress(response.content)
            raw, points = len(body), len(json.loads(body)["features"])
        results[label] = {
            "points": points,
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "cpu_p50_ms": round(statistics.median(cpu), 1),
            "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
            "gzip_bytes": sizes[-1],
            "raw_bytes": raw,
        }
    results["load_average_after_run"] = [round(value, 2) for value in os.getloadavg()]
    results["cpus"] = os.cpu_count()
    print(json.dumps(results, indent=2))
    out = ROOT / "bench" / "results" / "directory_search.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
