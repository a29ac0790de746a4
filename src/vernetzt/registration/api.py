"""JSON API of meetings and registration: /api/v1/events..."""

from datetime import datetime

from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from vernetzt.core import ratelimits
from vernetzt.core.api_schemas import ErrorsOut
from vernetzt.directory.models import Organisation
from vernetzt.events import queries as event_queries
from vernetzt.events.models import Event

from . import queries, services

router = Router(tags=["events"])


class VenueOut(Schema):
    name: str
    address: str
    directions: str
    step_free: bool
    quiet_room: bool


class StagePersonOut(Schema):
    name: str
    role: str
    affiliation: str


class ProgrammeItemOut(Schema):
    starts_at: datetime
    ends_at: datetime | None
    title: str
    kind: str
    description: str
    people: list[StagePersonOut]


class EventSummaryOut(Schema):
    slug: str
    title: str
    edition: str
    theme: str
    starts_at: datetime
    ends_at: datetime
    status: str
    places_left: int


class EventOut(EventSummaryOut):
    description: str
    venue: VenueOut | None
    partners: list[str]
    funders: list[str]
    capacity: int
    programme: list[ProgrammeItemOut]


class RegistrationIn(Schema):
    first_name: str
    last_name: str
    email: str
    organisation: int | None = None
    language: str = "de"
    answers: dict = {}
    pronouns: str = ""
    idempotency_key: str | None = None


class RegistrationReceivedOut(Schema):
    id: int | None
    status: str
    waiting_position: int | None
    received: bool
    detail: str


def _summary(event, places_left):
    return {
        "slug": event.slug,
        "title": event.title,
        "edition": event.edition,
        "theme": event.theme,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "status": event.status,
        "places_left": places_left,
    }


@router.get("", response={200: list[EventSummaryOut], 400: ErrorsOut})
def list_events(request):
    """Published meetings, newest first."""
    events = (
        Event.objects.filter(status__in=Event.VISIBLE_STATUSES)
        .annotate(
            confirmed=Count(
                "registrations",
                filter=Q(registrations__status="confirmed", registrations__is_reserved=False),
            )
        )
        .order_by("-starts_at")
    )
    return [_summary(event, max(0, event.capacity - event.confirmed)) for event in events]


@router.get("/{slug}", response={200: EventOut, 404: ErrorsOut})
def get_event(request, slug: str):
    """One published meeting with its programme and `places_left` (confirmed places free)."""
    event = get_object_or_404(
        Event.objects.select_related("venue"), slug=slug, status__in=Event.VISIBLE_STATUSES
    )
    programme = []
    for item in event_queries.programme(event):
        programme.append(
            {
                "starts_at": item.starts_at,
                "ends_at": item.ends_at,
                "title": item.title,
                "kind": item.kind,
                "description": item.description,
                "people": [
                    {"name": p.name, "role": p.role, "affiliation": p.affiliation_display}
                    for p in item.stage_people.all()
                ],
            }
        )
    venue = event.venue
    return {
        **_summary(event, queries.places_left(event)),
        "description": event.description,
        "venue": (
            {
                "name": venue.name,
                "address": venue.address,
                "directions": venue.directions,
                "step_free": venue.step_free,
                "quiet_room": venue.quiet_room,
            }
            if venue
            else None
        ),
        "partners": event.partner_list(),
        "funders": event.funder_list(),
        "capacity": event.capacity,
        "programme": programme,
    }


@router.post(
    "/{slug}/registrations",
    response={
        200: RegistrationReceivedOut,
        201: RegistrationReceivedOut,
        400: ErrorsOut,
        404: ErrorsOut,
        415: ErrorsOut,
        429: ErrorsOut,
    },
)
def create_registration(request, response: HttpResponse, slug: str, payload: RegistrationIn):
    """Register without an account (body: `application/json` only).

    201 `{"id", "status", "waiting_position", "received", "detail"}` for a new registration;
    200 with the same body when the same request comes again (same `idempotency_key` or header
    Idempotency-Key, same email, same answers). An email that is already registered answers
    201 in the same shape, with the status a new registration would have had now; the
    registrant gets their personal link by email (decision 0111). 400 with messages per field;
    415 for another body type; 429 when one network sends too many.
    """
    if ratelimits.limited(request, "registration"):
        response["Retry-After"] = "60"
        return Status(
            429,
            {
                "errors": {
                    "__all__": [
                        _(
                            "Too many requests from your network. Please wait a few minutes "
                            "and try again."
                        )
                    ]
                }
            },
        )
    event = Event.objects.filter(slug=slug, status__in=Event.VISIBLE_STATUSES).first()
    if event is None:
        return Status(
            404, {"errors": {"__all__": [_("This meeting does not exist or is not published.")]}}
        )
    organisation = None
    if payload.organisation is not None:
        organisation = (
            Organisation.objects.exclude(status=Organisation.Status.ARCHIVED)
            .filter(pk=payload.organisation)
            .first()
        )
        if organisation is None:
            return Status(400, {"errors": {"organisation": [_("Unknown association.")]}})
    key = payload.idempotency_key or request.headers.get("Idempotency-Key") or None
    try:
        outcome = services.request_registration(
            event=event,
            first_name=payload.first_name,
            last_name=payload.last_name,
            email=payload.email,
            organisation=organisation,
            language=payload.language,
            answers=payload.answers,
            pronouns=payload.pronouns,
            idempotency_key=key,
            user=request.user,
        )
    except services.RegistrationError as error:
        return Status(400, {"errors": {k: [str(m) for m in v] for k, v in error.errors.items()}})
    received = {
        "received": True,
        "detail": _(
            "We have received your registration and sent you an email with your "
            "personal link and whether your place is confirmed."
        ),
    }
    registration = outcome.registration
    if registration is not None:
        body = {
            "id": registration.pk,
            "status": registration.status,
            "waiting_position": registration.waiting_position,
        }
        return Status(201 if outcome.created else 200, {**body, **received})
    # Already registered: the same shape as a new registration, nothing of the earlier one.
    waiting = queries.places_left(event) <= 0
    body = {
        "id": outcome.existing_id,
        "status": "waiting" if waiting else "confirmed",
        "waiting_position": queries.counts(event)["waiting"] + 1 if waiting else None,
    }
    return Status(201, {**body, **received})
