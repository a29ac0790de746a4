"""End-to-end forum assignment of a real-sized meeting: database -> solver -> stored.

300 confirmed participants of 100 associations, 3 slots of 4, 5 and 6 forums, three choices
per slot (skewed towards popular forums), 5 % needing step-free access, 8 % interpretation,
max_per_organisation = 2. Measures `services.execute_run` (load the instance from the
database, solve, first come first served, fairness report, store placements), i.e. what the
background task does. Uses its own throw-away meeting in the configured database (removed
afterwards). Run: `DATA_DIR=... .venv/bin/python bench/forums_assign.py`.
"""

import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vernetzt.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

call_command("migrate", verbosity=0)

from vernetzt.directory.models import Organisation  # noqa: E402
from vernetzt.events.models import Event  # noqa: E402
from vernetzt.forums import services  # noqa: E402
from vernetzt.forums.models import AssignmentRun, Forum, Placement, Ranking, Slot  # noqa: E402
from vernetzt.registration.models import Registration, new_secret  # noqa: E402

SLUG = "bench-forums-assign"
REPEATS = 5


def build():
    rng = random.Random(2025)  # noqa: S311 - benchmark data
    Event.objects.filter(slug=SLUG).delete()
    start = timezone.now() + timedelta(days=60)
    event = Event.objects.create(
        title="Bench", slug=SLUG, starts_at=start, ends_at=start + timedelta(hours=8)
    )
    setup = services.get_setup(event=event)
    setup.max_per_organisation = 2
    setup.save()
    organisations = [
        Organisation.objects.get_or_create(
            slug=f"bench-verein-{n}", defaults={"name": f"Bench-Verein {n}"}
        )[0]
        for n in range(100)
    ]
    slots = []
    for number, size in enumerate((4, 5, 6)):
        slot = Slot.objects.create(event=event, title=f"Slot {number + 1}", position=number)
        forums = [
            Forum.objects.create(
                event=event,
                slot=slot,
                title=f"Forum {number + 1}.{k + 1}",
                capacity=300 // size + 5,
                step_free=k != 0,
                languages=["de"],
                interpretation=["ar"] if k == 1 else (["fa"] if k == 2 else []),
                position=k,
            )
            for k in range(size)
        ]
        slots.append((slot, forums))
    people = Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                first_name="Bench",
                last_name=str(n),
                organisation=organisations[n % 100],
                accessibility_needs=["step_free"] if rng.random() < 0.05 else [],
                interpretation_language=rng.choice(["ar", "fa"]) if rng.random() < 0.08 else "",
                manage_token=new_secret(),
                ticket_code=new_secret(),
            )
            for n in range(300)
        ]
    )
    rankings = []
    for person in people:
        for slot, forums in slots:
            weights = [1.0 / (k + 1) for k in range(len(forums))]
            chosen = []
            while len(chosen) < 3:
                forum = rng.choices(forums, weights)[0]
                if forum not in chosen:
                    chosen.append(forum)
            rankings += [
                Ranking(registration=person, slot=slot, forum=forum, rank=rank)
                for rank, forum in enumerate(chosen, start=1)
            ]
    Ranking.objects.bulk_create(rankings)
    return event


def main():
    with transaction.atomic():
        event = build()
    times, report = [], None
    for _ in range(REPEATS):
        run = AssignmentRun.objects.create(event=event)
        started = time.perf_counter()
        run = services.execute_run(run_id=run.pk)
        times.append(time.perf_counter() - started)
        assert run.status == AssignmentRun.Status.DONE, run.error
        report = run.report
    placed = Placement.objects.filter(slot__event=event).count()
    from vernetzt.solvers.assignment import assign_forums

    solver_times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        assign_forums(run.instance)
        solver_times.append(time.perf_counter() - started)
    Event.objects.filter(slug=SLUG).delete()
    Organisation.objects.filter(slug__startswith="bench-verein-").delete()
    figures = {
        "participants": 300,
        "slots": [4, 5, 6],
        "max_per_organisation": 2,
        "end_to_end_seconds_median": round(statistics.median(times), 4),
        "end_to_end_seconds_max": round(max(times), 4),
        "solver_seconds_median": round(statistics.median(solver_times), 4),
        "placed": placed,
        "first_choice_share": report["first_choice_share"],
        "fcfs_first_choice_share": report.get("fcfs_first_choice_share"),
        "histogram": report["optimal"]["total"],
        "fcfs_histogram": (report["fcfs"] or {}).get("total"),
        "database": django.db.connection.vendor,
    }
    print(json.dumps(figures, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "forums_assign.json").write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
