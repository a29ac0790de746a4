"""Export and erasure of one person in a full database.

In-process against PostgreSQL (BENCH_DATABASE_URL, default
postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_privacy; recreated): 5 meetings
with 1,000 registrations each, 20,000 finished background-task rows (emails), 2,000 admin-log
entries, 1,000 uploaded files. Then for 5 people (3 registrations and an account each) the
time of `export_person` and of `erase_person`. Prints the figures and writes
bench/results/privacy_erase.json.
"""

import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import _setup  # noqa: E402

DB_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/vernetzt_bench_privacy"
)
EVENTS, PER_EVENT, TASK_ROWS, LOG_ROWS, FILES, PEOPLE = 5, 1000, 20_000, 2000, 1000, 5


def main():
    _setup.django_on_fresh_postgres(DB_URL, "bench-privacy-")
    from datetime import timedelta

    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from vernetzt.accounts.models import User
    from vernetzt.events.models import Event
    from vernetzt.privacy.persons import find_person
    from vernetzt.privacy.services import erase_person, export_person
    from vernetzt.registration import tasks
    from vernetzt.registration.models import Registration, new_secret

    now = timezone.now()
    staff = User.objects.create_user("bench-staff@example.org", is_staff=True)
    registrations = []
    for e in range(EVENTS):
        event = Event.objects.create(
            title=f"Benchtreffen {e}",
            slug=f"benchtreffen-{e}",
            starts_at=now - timedelta(days=400 - e * 60),
            ends_at=now - timedelta(days=400 - e * 60) + timedelta(hours=7),
            status=Event.Status.PAST,
            capacity=PER_EVENT,
        )
        registrations += [
            Registration(
                event=event,
                first_name="Kim",
                last_name=f"Bench{e}-{i}",
                email=f"person{i}@example.org",
                email_normalised=f"person{i}@example.org",
                answers={"dietary": ["vegan"], "wunsch": f"Text {i}"},
                manage_token=new_secret(),
                ticket_code=new_secret(),
                checked_in_at=event.starts_at,
            )
            for i in range(PER_EVENT)
        ]
    Registration.objects.bulk_create(registrations, batch_size=2000)
    ids = list(Registration.objects.values_list("pk", flat=True))
    for i in range(PEOPLE):
        User.objects.create_user(f"person{i}@example.org")
    DBTaskResult.objects.bulk_create(
        [
            DBTaskResult(
                id=uuid.uuid4(),
                status="SUCCESSFUL",
                args_kwargs={"args": [ids[n % len(ids)], 1], "kwargs": {}},
                task_path=tasks.send_confirmation.module_path,
                backend_name="default",
                queue_name="default",
                run_after=now,
                finished_at=now,
                exception_class_path="",
                traceback="",
            )
            for n in range(TASK_ROWS)
        ],
        batch_size=2000,
    )
    content_type = ContentType.objects.get_for_model(Registration)
    LogEntry.objects.bulk_create(
        [
            LogEntry(
                user=staff,
                content_type=content_type,
                object_id=str(ids[n % len(ids)]),
                object_repr=f"Kim Bench {n}",
                action_flag=CHANGE,
                change_message="[]",
                action_time=now,
            )
            for n in range(LOG_ROWS)
        ]
    )
    for _ in range(FILES):
        default_storage.save(f"photos/bench/{uuid.uuid4().hex}.jpg", ContentFile(b"x"))

    export_times, erase_times, sizes = [], [], []
    for i in range(PEOPLE):
        email = f"person{i}@example.org"
        started = time.perf_counter()
        data = export_person(person=find_person(email))
        export_times.append(time.perf_counter() - started)
        sizes.append(len(json.dumps(data, default=str)))
        started = time.perf_counter()
        erase_person(person=find_person(email))
        erase_times.append(time.perf_counter() - started)
    result = {
        "registrations": len(ids),
        "task_rows": TASK_ROWS,
        "admin_log_rows": LOG_ROWS,
        "files": FILES,
        "people": PEOPLE,
        "export_median_s": round(statistics.median(export_times), 3),
        "export_max_s": round(max(export_times), 3),
        "erase_median_s": round(statistics.median(erase_times), 3),
        "erase_max_s": round(max(erase_times), 3),
        "export_json_bytes_median": int(statistics.median(sizes)),
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(result, indent=2))
    (ROOT / "bench" / "results" / "privacy_erase.json").write_text(
        json.dumps(result, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
