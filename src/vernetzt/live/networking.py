"""Networking rounds: the solver's instance from the database, and the plan back into it.

`build_instance` is pure (no database): it takes plain participant records and pairs.
`gather_*` read the database; `services`-style writes are in `create_plan`.

A person is the same across meetings when the registrations share a user account or an
email address (`person_key`). Who met before: people who sat at one table in an earlier
plan (of this meeting or an earlier one), and people placed in the same forum
(`forums.Placement`, if that model exists). Interest: shared fields of activity
(`Organisation.fields`), different districts.
"""

from collections import defaultdict
from itertools import combinations

from django.apps import apps
from django.db import transaction
from django.utils.translation import gettext as _

from vernetzt.directory.models import Organisation
from vernetzt.registration.models import Registration

from .models import NetworkingPlan, Seat

MAX_ROUNDS = 100


class PlanError(Exception):
    """The plan could not be made; `str(error)` is the message for staff."""


def person_key(registration) -> str | None:
    if registration.user_id:
        return f"u{registration.user_id}"
    if registration.email_normalised:
        return f"e{registration.email_normalised}"
    return None


def pid(registration) -> str:
    return f"r{registration.pk}"


def build_instance(
    *,
    participants: list[dict],
    table_size: int,
    rounds: int,
    met_before: set[frozenset] | list = (),
    interest: dict | None = None,
    time_limit_s: float = 20,
    seed: int = 1,
) -> dict:
    """The solver's input (see vernetzt.solvers.rounds.plan_rounds).

    `participants`: [{"id", "organisation"}]; `met_before`: pairs of ids; `interest`:
    {(id_a, id_b): weight}. Pairs with unknown ids are left out; output is sorted, so the
    same data give the same instance.
    """
    ids = {p["id"] for p in participants}
    met = sorted(
        sorted(pair)
        for pair in {frozenset(pair) for pair in met_before}
        if len(pair) == 2
        if pair <= ids
    )
    weights = []
    for (a, b), weight in sorted((interest or {}).items()):
        if a in ids and b in ids and a != b and weight:
            weights.append([a, b, round(float(weight), 3)])
    return {
        "participants": [
            {"id": p["id"], "organisation": p.get("organisation")}
            for p in sorted(participants, key=lambda p: p["id"])
        ],
        "table_size": table_size,
        "rounds": rounds,
        "met_before": met,
        "interest": weights,
        "time_limit_s": time_limit_s,
        "seed": seed,
    }


def _related_names(organisation, *names) -> set[str]:
    """Values of a many-to-many, list or text field that may or may not exist yet."""
    values = set()
    for name in names:
        field = getattr(organisation, name, None)
        if field is None:
            continue
        if hasattr(field, "all"):
            values |= {str(getattr(item, "slug", None) or item.pk) for item in field.all()}
        elif isinstance(field, (list, tuple, set)):
            values |= {str(item) for item in field}
        elif isinstance(field, str) and field.strip():
            values |= {part.strip().casefold() for part in field.split(",") if part.strip()}
    return values


def organisation_profile(organisation) -> dict:
    """What the interest between two associations is computed from: fields of activity
    and the district."""
    municipality = getattr(organisation, "municipality", None)
    return {
        "fields": _related_names(organisation, "fields", "fields_of_activity"),
        "district": getattr(municipality, "district_id", None) if municipality else None,
    }


def pair_interest(a: dict, b: dict) -> float:
    """Mutual interest of two associations' profiles: 1 per shared field of activity,
    0.5 for different districts."""
    score = 1.0 * len(a["fields"] & b["fields"])
    if a["district"] and b["district"] and a["district"] != b["district"]:
        score += 0.5
    return score


def select_participants(event, *, who: str) -> list:
    """`checked_in`: confirmed and checked in; `confirmed`: all confirmed."""
    registrations = Registration.objects.filter(
        event=event, status=Registration.Status.CONFIRMED
    ).select_related("organisation__municipality")
    organisation_fields = {f.name for f in Organisation._meta.many_to_many}
    for name in ("fields", "fields_of_activity"):
        if name in organisation_fields:
            registrations = registrations.prefetch_related(f"organisation__{name}")
    if who == "checked_in":
        registrations = registrations.filter(checked_in_at__isnull=False)
    return list(registrations.order_by("pk"))


def _forum_groups(keys_of: dict) -> list[set]:
    """Groups of person keys placed in the same forum (forums app: `Placement` with
    `registration` and `forum`). Without that model (or those fields) this returns nothing."""
    try:
        placement = apps.get_model("forums", "Placement")
    except LookupError:
        return []
    names = {f.name for f in placement._meta.fields}
    if not {"registration", "forum"} <= names:
        return []
    members = defaultdict(set)
    for registration_id, forum_id in placement.objects.values_list("registration_id", "forum_id"):
        key = keys_of.get(registration_id)
        if key and forum_id:
            members[forum_id].add(key)
    return list(members.values())


def gather_met_before(registrations) -> set[frozenset]:
    """Pairs of participant ids (`r<pk>`) who met before: same table in any stored plan, or
    same forum group (if the forums app places people)."""
    by_person = defaultdict(set)
    for registration in registrations:
        key = person_key(registration)
        if key:
            by_person[key].add(pid(registration))
    if not by_person:
        return set()
    keys_of = {}
    for registration_id, user_id, email in (
        Registration.objects.filter(seats__isnull=False)
        .values_list("pk", "user_id", "email_normalised")
        .distinct()
    ):
        key = f"u{user_id}" if user_id else (f"e{email}" if email else None)
        if key:
            keys_of[registration_id] = key
    tables = defaultdict(set)
    for plan_id, round_number, table_number, registration_id in Seat.objects.values_list(
        "plan_id", "round_number", "table_number", "registration_id"
    ):
        key = keys_of.get(registration_id)
        if key in by_person:
            tables[(plan_id, round_number, table_number)].add(key)
    groups = list(tables.values())
    forum_keys = (
        {
            r_id: (f"u{u}" if u else f"e{e}")
            for r_id, u, e in Registration.objects.exclude(
                user__isnull=True, email_normalised__isnull=True
            ).values_list("pk", "user_id", "email_normalised")
        }
        if apps.is_installed("vernetzt.forums")
        else {}
    )
    groups.extend(_forum_groups(forum_keys) if forum_keys else [])
    met = set()
    for group in groups:
        people = [k for k in group if k in by_person]
        for a, b in combinations(sorted(people), 2):
            for x in by_person[a]:
                for y in by_person[b]:
                    met.add(frozenset((x, y)))
    return met


def gather_interest(registrations) -> dict:
    profiles = {}
    for registration in registrations:
        if registration.organisation_id and registration.organisation_id not in profiles:
            profiles[registration.organisation_id] = organisation_profile(registration.organisation)
    scores = {}
    org_pairs = {}
    for a, b in combinations(sorted(profiles), 2):
        score = pair_interest(profiles[a], profiles[b])
        if score:
            org_pairs[(a, b)] = org_pairs[(b, a)] = score
    if not org_pairs:
        return scores
    for x, y in combinations(registrations, 2):
        score = org_pairs.get((x.organisation_id, y.organisation_id))
        if score:
            scores[(pid(x), pid(y))] = score
    return scores


def instance_for(registrations, *, table_size: int, rounds: int, time_limit_s: float = 20):
    participants = [
        {"id": pid(r), "organisation": f"o{r.organisation_id}" if r.organisation_id else None}
        for r in registrations
    ]
    return build_instance(
        participants=participants,
        table_size=table_size,
        rounds=rounds,
        met_before=gather_met_before(registrations),
        interest=gather_interest(registrations),
        time_limit_s=time_limit_s,
    )


def solve(instance: dict) -> dict:
    """Run the seating solver. Raises PlanError if it is missing or refuses the input."""
    try:  # optional: the seating solver's package (OR-Tools) may not be installed
        from vernetzt.solvers.errors import SolverInputError  # noqa: PLC0415 - optional
        from vernetzt.solvers.rounds import plan_rounds  # noqa: PLC0415 - optional
    except ImportError as error:
        raise PlanError(_("The seating solver is not installed.")) from error
    try:
        return plan_rounds(instance)
    except SolverInputError as error:
        raise PlanError(str(error)) from error


def check_plan_input(*, event, who: str, table_size: int, rounds: int) -> list:
    """The participants of a plan; raises PlanError for sizes out of range or too few people."""
    if table_size < 2 or table_size > 20:
        raise PlanError(_("People per table must be between 2 and 20."))
    if rounds < 1 or rounds > MAX_ROUNDS:
        raise PlanError(_("Rounds must be between 1 and %(max)d.") % {"max": MAX_ROUNDS})
    registrations = select_participants(event, who=who)
    if len(registrations) < 2:
        raise PlanError(_("At least two people are needed for a seating plan."))
    return registrations


def create_plan(
    *,
    event,
    who: str,
    table_size: int,
    rounds: int,
    title: str = "",
    user=None,
    time_limit_s: float = 20,
) -> NetworkingPlan:
    """Compute and store a seating plan for `rounds` networking rounds.

    Side effects: one NetworkingPlan with its seats (in one transaction, after the solver
    ran). Raises PlanError: too few people, table size or rounds out of range, solver error.
    """
    registrations = check_plan_input(event=event, who=who, table_size=table_size, rounds=rounds)
    instance = instance_for(
        registrations, table_size=table_size, rounds=rounds, time_limit_s=time_limit_s
    )
    result = solve(instance)
    by_id = {pid(r): r for r in registrations}
    with transaction.atomic():
        plan = NetworkingPlan.objects.create(
            event=event,
            title=title or _("Networking rounds"),
            table_size=table_size,
            rounds_count=rounds,
            participants_count=len(registrations),
            created_by=user if getattr(user, "is_authenticated", False) else None,
            figures={
                key: result.get(key)
                for key in (
                    "repeat_pairs",
                    "repeat_pairs_lower_bound",
                    "repeat_pairs_best_possible",
                    "same_organisation_pairs",
                    "new_pairs",
                    "interest",
                    "stopped_by",
                )
            },
        )
        seats = []
        for round_number, tables in enumerate(result["rounds"], start=1):
            for table_number, table in enumerate(tables, start=1):
                for participant in table:
                    seats.append(
                        Seat(
                            plan=plan,
                            round_number=round_number,
                            table_number=table_number,
                            registration=by_id[participant],
                        )
                    )
        Seat.objects.bulk_create(seats)
    return plan


def plan_tables(plan: NetworkingPlan) -> list[dict]:
    """[{"number": 1, "tables": [{"number": 1, "people": [Registration, ...]}]}] per round."""
    rounds = {}
    for seat in plan.seats.select_related("registration__organisation").order_by(
        "round_number", "table_number", "registration__last_name"
    ):
        tables = rounds.setdefault(seat.round_number, {})
        tables.setdefault(seat.table_number, []).append(seat.registration)
    return [
        {
            "number": number,
            "tables": [{"number": t, "people": people} for t, people in sorted(tables.items())],
            # For the wall: everybody by name, so that a person finds their own name quickly.
            "people": sorted(
                (
                    {
                        "registration": person,
                        "table": t,
                        "letter": (person.last_name[:1] or "?").upper(),
                    }
                    for t, people in tables.items()
                    for person in people
                ),
                key=lambda row: (
                    row["registration"].last_name.lower(),
                    row["registration"].first_name.lower(),
                ),
            ),
        }
        for number, tables in sorted(rounds.items())
    ]


def person_tables(plan: NetworkingPlan) -> list[dict]:
    """[{"registration": r, "seats": [(round, table), ...]}] by last name."""
    people = {}
    for seat in plan.seats.select_related("registration__organisation").order_by(
        "registration__last_name", "registration__first_name", "registration_id", "round_number"
    ):
        entry = people.setdefault(
            seat.registration_id, {"registration": seat.registration, "seats": []}
        )
        entry["seats"].append((seat.round_number, seat.table_number))
    return list(people.values())


def tables_of(registration) -> list[dict]:
    """A person's tables in the published plans of their meeting:
    [{"plan": plan, "seats": [(round, table), ...]}]."""
    result = {}
    for seat in (
        Seat.objects.filter(registration=registration, plan__is_published=True)
        .select_related("plan")
        .order_by("plan__created_at", "round_number")
    ):
        entry = result.setdefault(seat.plan_id, {"plan": seat.plan, "seats": []})
        entry["seats"].append((seat.round_number, seat.table_number))
    return list(result.values())


def badge_tables(event) -> dict[int, str]:
    """{registration id: "round 1: table 7, round 2: table 3"} of the latest published plan."""
    plan = NetworkingPlan.objects.filter(event=event, is_published=True).first()
    if plan is None:
        return {}
    tables: dict[int, list[str]] = {}
    for registration_id, round_number, table_number in plan.seats.order_by(
        "round_number"
    ).values_list("registration_id", "round_number", "table_number"):
        tables.setdefault(registration_id, []).append(
            _("round %(round)s: table %(table)s") % {"round": round_number, "table": table_number}
        )
    return {registration_id: ", ".join(parts) for registration_id, parts in tables.items()}
