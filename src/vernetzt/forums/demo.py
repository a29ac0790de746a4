"""Demo forums: the four exchange forums of 2025 with the associations that told their
stories, fictional rankings and a published assignment; workshops of 2019; fictional results
(needs and demands) with some "you said, we did" answers; open forum choice for 2026.

Which storytelling association spoke in which 2025 forum is not in the sources: the demo
spreads them over the forums for illustration only. Results are fictional and are only ever
attributed to the fictional "Beispielverein" associations. Idempotent: a meeting that has
forums is left alone.
"""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from vernetzt.accounts.models import User
from vernetzt.directory.models import Organisation
from vernetzt.events.models import Event

from . import services
from .models import AssignmentRun, Forum, ForumHost, Ranking, ResultItem, Slot

BERLIN = ZoneInfo("Europe/Berlin")
REAL = {
    "kone-ev": "KONE e.V.",
    "projekt-moses": "Projekt Moses Jugend- und Sozialwerk e.V.",
    "the-concerned-nigerians": "The Concerned Nigerians e.V.",
    "deutsch-syrischer-verein": "Deutsch-Syrischer Verein e.V.",
    "zan-ev": "ZAN e.V.",
    "house-of-resources-rhein-main": "House of Resources Rhein-Main",
}
TAGS = [
    "Finanzierung",
    "Räume",
    "Ehrenamt",
    "Digitalisierung",
    "Sichtbarkeit",
    "Kooperation",
    "Qualifizierung",
    "Politische Teilhabe",
]
FORUMS_2025 = [
    (
        "Ressourcen teilen",
        "Wie Vereine Räume, Technik und Wissen gemeinsam nutzen.",
        ["kone-ev", "projekt-moses"],
        "Raum 1",
        True,
        [],
    ),
    (
        "Digitale Netzwerke",
        "Welche digitalen Wege Vereine verbinden und was sie dafür brauchen.",
        ["the-concerned-nigerians"],
        "Raum 2",
        True,
        ["en"],
    ),
    (
        "Allianzen bilden",
        "Wie aus Kontakten verlässliche Bündnisse werden.",
        ["deutsch-syrischer-verein"],
        "Raum 3",
        False,
        ["ar"],
    ),
    (
        "Vor Ort kooperieren",
        "Zusammenarbeit mit Kommune, Nachbarschaft und anderen Vereinen.",
        ["zan-ev"],
        "Raum 4",
        True,
        [],
    ),
]
# Fictional results: (forum index, kind, text, tags, status, public answer)
RESULTS_2025 = [
    (
        0,
        "need",
        "Ein gemeinsamer Kalender für freie Vereinsräume in der Region.",
        ["Räume"],
        "in_progress",
        "Wir sammeln freie Räume und stellen 2026 eine erste Liste online.",
    ),
    (
        0,
        "demand",
        "Förderprogramme sollen auch Sachkosten für geteilte Technik tragen.",
        ["Finanzierung"],
        "open",
        "",
    ),
    (
        0,
        "good_practice",
        "Zwei Vereine teilen sich ein Büro und die Kosten dafür.",
        ["Räume", "Kooperation"],
        "open",
        "",
    ),
    (
        1,
        "need",
        "Schulungen zu Datenschutz in Messenger-Gruppen.",
        ["Digitalisierung", "Qualifizierung"],
        "done",
        "Im Frühjahr gab es zwei Online-Schulungen; die Unterlagen sind im Verzeichnis.",
    ),
    (
        1,
        "demand",
        "Eine landesweite Plattform, auf der sich Vereine finden können.",
        ["Digitalisierung", "Sichtbarkeit"],
        "in_progress",
        "Das Vereinsverzeichnis dieser Plattform ist der erste Schritt.",
    ),
    (
        1,
        "open_question",
        "Wer bezahlt Lizenzen für Videokonferenzen?",
        ["Finanzierung"],
        "open",
        "",
    ),
    (
        2,
        "demand",
        "Migrantische Vereine sollen in kommunalen Gremien fest vertreten sein.",
        ["Politische Teilhabe"],
        "not_possible",
        "Das entscheiden die Kommunen; wir unterstützen Vereine mit einer Handreichung.",
    ),
    (
        2,
        "idea",
        "Ein jährliches Bündnistreffen nach dem Vernetzungstreffen.",
        ["Kooperation"],
        "open",
        "",
    ),
    (3, "need", "Eine feste Ansprechperson in der Stadtverwaltung.", ["Kooperation"], "open", ""),
    (
        3,
        "need",
        "Mehr Anerkennung für Ehrenamtliche, die übersetzen.",
        ["Ehrenamt"],
        "in_progress",
        "Wir bereiten mit dem Land eine Ehrenamtskampagne vor.",
    ),
]
RESULTS_2019 = [
    (
        0,
        "need",
        "Beratung bei Anträgen für Fördermittel.",
        ["Finanzierung", "Qualifizierung"],
        "done",
        "Seit 2020 gibt es eine monatliche Sprechstunde zu Förderanträgen.",
    ),
    (
        0,
        "demand",
        "Einfachere Formulare für kleine Förderungen.",
        ["Finanzierung"],
        "in_progress",
        "Wir haben Vorschläge an das Ministerium weitergegeben.",
    ),
    (1, "need", "Räume für Treffen am Abend und am Wochenende.", ["Räume"], "open", ""),
    (1, "need", "Junge Menschen für die Vereinsarbeit gewinnen.", ["Ehrenamt"], "open", ""),
    (
        2,
        "demand",
        "Vereine sollen bei Integrationsplänen mitreden.",
        ["Politische Teilhabe"],
        "done",
        "Der Kompetenzzentrum-Beirat hat seit 2021 Plätze für Vereine.",
    ),
    (2, "idea", "Eine gemeinsame Pressearbeit mehrerer Vereine.", ["Sichtbarkeit"], "open", ""),
]


def _organisation(slug):
    organisation, _ = Organisation.objects.get_or_create(
        slug=slug,
        defaults={"name": REAL[slug], "status": Organisation.Status.VERIFIED, "is_published": True},
    )
    return organisation


def _tags():
    return {name: services.get_or_create_tag(name=name) for name in TAGS}


def _results(forums, rows, tags, seed, host):
    rng = random.Random(seed)  # noqa: S311 - demo data
    for index, kind, text, tag_names, status, answer in rows:
        forum = forums[index]
        fictional = list(
            Organisation.objects.filter(
                registrations__event=forum.event, slug__startswith="beispielverein-"
            ).distinct()[:30]
        )
        item = ResultItem.objects.create(
            forum=forum,
            kind=kind,
            text=text,
            created_by=host,
            status=status,
            public_answer=answer,
            answered_at=timezone.now() if answer else None,
            is_published=True,
            field_of_activity=rng.choice(["bildung", "kultur", "jugend", "teilhabe", ""]),
        )
        item.tags.set([tags[name] for name in tag_names])
        if fictional:
            item.organisations.set(rng.sample(fictional, min(len(fictional), rng.randint(1, 3))))
        registrations = list(forum.event.registrations.filter(status="confirmed")[:60])
        for registration in rng.sample(registrations, min(len(registrations), rng.randint(0, 12))):
            services.support_item(item=item, registration=registration)


def _rank_all(event, seed):
    rng = random.Random(seed)  # noqa: S311 - demo data
    rows = []
    for slot in Slot.objects.filter(event=event):
        forums = list(slot.forums.all())
        weights = [1.6, 1.2, 1.0, 0.8, 0.7, 0.6][: len(forums)]
        for registration in event.registrations.filter(status="confirmed"):
            if rng.random() < 0.1:
                continue  # some never rank
            order = sorted(forums, key=lambda f: -rng.random() * weights[forums.index(f)])
            for rank, forum in enumerate(order[:3], start=1):
                rows.append(Ranking(registration=registration, slot=slot, forum=forum, rank=rank))
    Ranking.objects.bulk_create(rows)


def _assign_and_publish(event, stdout):
    run = AssignmentRun.objects.create(event=event)
    run = services.execute_run(run_id=run.pk)
    setup = services.get_setup(event=event)
    setup.published_at = event.starts_at - timedelta(days=5)
    setup.choice_open = False
    setup.save()
    if run and run.status == AssignmentRun.Status.DONE:
        stdout.write(f"  forums: 2025 assignment in {run.duration_ms} ms")


def load(stdout):
    tags = _tags()
    host = User.objects.filter(email="forum@vernetzt.example").first()

    e2025 = Event.objects.filter(slug="vernetzungstreffen-2025").first()
    if e2025 and not e2025.forums.exists():
        day = e2025.starts_at.astimezone(BERLIN).date()
        slot = Slot.objects.create(
            event=e2025,
            title="Austausch-Foren",
            starts_at=datetime(day.year, day.month, day.day, 13, 30, tzinfo=BERLIN),
            ends_at=datetime(day.year, day.month, day.day, 16, tzinfo=BERLIN),
        )
        setup = services.get_setup(event=e2025)
        setup.max_per_organisation = 2
        setup.save()
        forums = []
        for position, (title, text, slugs, room, step_free, interp) in enumerate(FORUMS_2025):
            forum = Forum.objects.create(
                event=e2025,
                slot=slot,
                title=title,
                description=text,
                room=room,
                capacity=34,
                languages=["de"],
                interpretation=interp,
                step_free=step_free,
                position=position,
            )
            forum.host_organisations.set([_organisation(s) for s in slugs])
            forums.append(forum)
        if host:
            ForumHost.objects.get_or_create(
                forum=forums[1], user=host, defaults={"role": ForumHost.Role.RAPPORTEUR}
            )
        _rank_all(e2025, "forums-2025")
        _assign_and_publish(e2025, stdout)
        _results(forums, RESULTS_2025, tags, "results-2025", host)

    e2019 = Event.objects.filter(slug="vernetzungstreffen-2019").first()
    if e2019 and not e2019.forums.exists():
        slot = Slot.objects.create(event=e2019, title="Workshops")
        hor = _organisation("house-of-resources-rhein-main")
        forums = []
        for position, title in enumerate(
            [
                "Workshop A: Förderung (Beispiel)",
                "Workshop B: Vereinsleben (Beispiel)",
                "Workshop C: Mitreden (Beispiel)",
            ]
        ):
            forum = Forum.objects.create(
                event=e2019,
                slot=slot,
                title=title,
                capacity=25,
                position=position,
                languages=["de"],
            )
            forum.host_organisations.set([hor])
            forums.append(forum)
        services.set_choice_open(event=e2019, is_open=False)
        _results(forums, RESULTS_2019, tags, "results-2019", host)

    e2026 = Event.objects.filter(slug="vernetzungstreffen-2026").first()
    if e2026 and not e2026.forums.exists():
        # One afternoon slot with four forums, at the time the programme gives them (as in 2025).
        item = e2026.programme_items.filter(kind="forums").first()
        starts = item.starts_at if item else e2026.starts_at + timedelta(hours=3, minutes=30)
        ends = (item.ends_at if item else None) or starts + timedelta(hours=2, minutes=30)
        slot = Slot.objects.create(
            event=e2026, title="Austausch-Foren", starts_at=starts, ends_at=ends, position=0
        )
        titles = [
            "Ressourcen teilen",
            "Digitale Netzwerke",
            "Allianzen bilden",
            "Vor Ort kooperieren",
        ]
        for position, title in enumerate(titles):
            forum = Forum.objects.create(
                event=e2026,
                slot=slot,
                title=title,
                capacity=16,
                position=position,
                languages=["de"],
                interpretation=["ar"] if position == 0 else [],
                room=f"Raum {position + 1}",
                description="Austausch in kleiner Runde (Beispiel).",
            )
            if host and position == 0:
                ForumHost.objects.get_or_create(forum=forum, user=host)
        setup = services.get_setup(event=e2026)
        setup.max_per_organisation = 2
        setup.save()
    stdout.write(f"  forums: {Forum.objects.count()} forums, {ResultItem.objects.count()} results")
