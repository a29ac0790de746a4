import io
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from tests.factories import OrganisationFactory, UserFactory
from vernetzt.registration import services
from vernetzt.registration.models import Registration

from .factories import EventFactory, ProgrammeItemFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies["vernetzt_language"] = "en"


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(email="staff@example.org", is_staff=True))
    return client


def form_data(**extra):
    data = {
        "first_name": "Kim",
        "last_name": "Beispiel",
        "email": "kim@example.org",
        "language": "en",
        "idempotency_key": "form-token-1",
    }
    data.update(extra)
    return data


def test_register_form_confirms_and_sends_email_with_ics_and_qr(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    url = reverse("registration:register", kwargs={"slug": event.slug})
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(q_photo_consent="yes"))
    registration = Registration.objects.get()
    # The page never shows the personal link: it goes to the email address only.
    received = reverse("registration:received", kwargs={"slug": event.slug})
    assert response.status_code == 302 and response["Location"] == received
    assert registration.manage_token not in client.get(received).content.decode()
    assert registration.status == "confirmed" and registration.photo_consent
    message = mail.outbox[-1]
    assert message.to == ["kim@example.org"]
    assert "Your registration" in message.subject  # English, the chosen language
    assert registration.manage_token in message.body
    names = [a[0] for a in message.attachments]
    assert names == ["meeting.ics", "ticket.png"]
    calendar = Calendar.from_ical(message.attachments[0][1])
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent.decoded("DTSTART") == event.starts_at.replace(microsecond=0)
    # double click: the same hidden token gives the same registration
    client.post(url, form_data())
    assert Registration.objects.count() == 1
    # second person: waiting list
    client.post(url, form_data(email="two@example.org", idempotency_key="other"))
    assert Registration.objects.get(email="two@example.org").waiting_position == 1


def test_register_with_new_organisation_creates_pending_entry(client):
    event = EventFactory()
    url = reverse("registration:register", kwargs={"slug": event.slug})
    client.post(url, form_data(new_organisation="Beispielverein Neu e.V."))
    registration = Registration.objects.get()
    assert registration.organisation.name == "Beispielverein Neu e.V."
    assert registration.organisation.status == "pending"
    assert not registration.organisation.is_published


def test_bad_input_keeps_what_was_typed_and_saves_nothing(client):
    event = EventFactory()
    event.questions.create(key="motto", label="Your motto", kind="text", required=True)
    url = reverse("registration:register", kwargs={"slug": event.slug})
    response = client.post(url, form_data(email="not-an-email", q_motto="x" * 10_000))
    assert response.status_code == 200
    content = response.content.decode()
    assert "This is not an email address" in content
    assert 'value="Beispiel"' in content
    assert Registration.objects.count() == 0
    response = client.post(url, form_data(q_motto=""))
    assert "This field is required" in response.content.decode()
    assert Registration.objects.count() == 0


def test_full_for_association_and_closed_meeting(client):
    organisation = OrganisationFactory()
    event = EventFactory(per_organisation_limit=1)
    services.register_participant(
        event=event, first_name="A", last_name="B", email="a@example.org", organisation=organisation
    )
    url = reverse("registration:register", kwargs={"slug": event.slug})
    response = client.post(url, form_data(organisation=organisation.pk))
    assert "already registered 1 people" in response.content.decode()
    event.status = "registration_closed"
    event.save()
    response = client.get(url)
    assert "not open" in response.content.decode()
    response = client.post(url, form_data())
    assert response.status_code == 200 and Registration.objects.count() == 1


def test_personal_link_change_and_cancel_moves_waiting_list(client):
    event = EventFactory(capacity=1)
    first, _ = services.register_participant(
        event=event, first_name="A", last_name="B", email="a@example.org"
    )
    second, _ = services.register_participant(
        event=event, first_name="C", last_name="D", email="c@example.org"
    )
    url = first.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200 and "Confirmed" in response.content.decode()
    response = client.post(url, {"first_name": "Anna", "last_name": "B", "language": "de"})
    first.refresh_from_db()
    assert first.first_name == "Anna"
    client.post(
        reverse("registration:cancel", kwargs={"slug": event.slug, "token": first.manage_token})
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "cancelled" and second.status == "confirmed"


def test_forged_or_other_meeting_link_is_404(client):
    event = EventFactory()
    other = EventFactory()
    registration, _ = services.register_participant(
        event=event, first_name="A", last_name="B", email="a@example.org"
    )
    for slug, token in ((event.slug, "forged"), (other.slug, registration.manage_token)):
        response = client.get(f"/veranstaltungen/{slug}/anmeldung/{token}/")
        assert response.status_code == 404


def test_public_detail_shows_programme_and_places_left(client):
    event = EventFactory(capacity=5)
    ProgrammeItemFactory(event=event, title="Grußwort")
    RegistrationFactory(event=event)
    response = client.get(event.get_absolute_url())
    content = response.content.decode()
    assert "Grußwort" in content and 'id="places-left"' in content and "4" in content
    draft = EventFactory(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_home_shows_next_meeting(client):
    event = EventFactory(title="Kommendes Beispieltreffen")
    assert event.title in client.get("/").content.decode()


def test_api_list_detail_and_register(client):
    event = EventFactory(capacity=1)
    ProgrammeItemFactory(event=event)
    assert client.get("/api/v1/events").json()[0]["places_left"] == 1
    detail = client.get(f"/api/v1/events/{event.slug}").json()
    assert detail["places_left"] == 1 and len(detail["programme"]) == 1
    url = f"/api/v1/events/{event.slug}/registrations"
    body = {
        "first_name": "Kim",
        "last_name": "B",
        "email": "k@example.org",
        "organisation": None,
        "language": "de",
        "answers": {"photo_consent": "yes"},
    }
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 201 and response.json()["received"] is True
    assert response.json()["status"] == "confirmed" and response.json()["waiting_position"] is None
    assert Registration.objects.get(email="k@example.org").status == "confirmed"
    body["email"] = "l@example.org"
    again = client.post(url, body, content_type="application/json")
    assert again.status_code == 201 and again.json()["status"] == "waiting"
    assert again.json()["waiting_position"] == 1 and again.json()["id"] != response.json()["id"]
    assert Registration.objects.get(email="l@example.org").waiting_position == 1
    body.update(email="bad", answers={"dietary": ["x"]})
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"email", "answers.dietary"}
    body.update(email="m@example.org", answers={}, organisation=999999)
    assert client.post(url, body, content_type="application/json").status_code == 400
    assert (
        client.post(
            "/api/v1/events/nope/registrations", body, content_type="application/json"
        ).status_code
        == 404
    )


def test_staff_list_constant_queries(staff_client, django_assert_max_num_queries):
    event = EventFactory()
    organisation = OrganisationFactory()
    RegistrationFactory.create_batch(5, event=event, organisation=organisation)
    url = reverse("registration:staff_list", kwargs={"slug": event.slug})
    with django_assert_max_num_queries(20) as small:
        assert staff_client.get(url).status_code == 200
    RegistrationFactory.create_batch(60, event=event, organisation=organisation)
    with django_assert_max_num_queries(len(small.captured_queries)):
        staff_client.get(url)


def test_exports_leave_out_sensitive_unless_asked(staff_client):
    event = EventFactory()
    services.register_participant(
        event=event,
        first_name="Kim",
        last_name="Export",
        email="e@example.org",
        answers={"dietary": ["halal"], "childcare": "yes"},
    )
    url = reverse("registration:export_csv", kwargs={"slug": event.slug})
    content = staff_client.get(url).content.decode()
    assert "Export" in content and "halal" not in content
    assert "halal" in staff_client.get(url + "?sensitive=1").content.decode()
    summary = staff_client.get(reverse("registration:staff_summary", kwargs={"slug": event.slug}))
    assert "halal: 1" in summary.content.decode()
    xlsx = staff_client.get(reverse("registration:export_xlsx", kwargs={"slug": event.slug}))
    assert xlsx.content[:2] == b"PK"


def test_badges_participants_certificate_pdfs(staff_client, client):
    event = EventFactory(starts_at=timezone.now() - timedelta(hours=8))
    registration, _ = services.register_participant(
        event=event,
        first_name="Kim",
        last_name="Badge",
        email="b@example.org",
        pronouns="sie/ihr",
        by_staff=True,
    )
    badges = staff_client.get(reverse("registration:badges_pdf", kwargs={"slug": event.slug}))
    text = pdf_text(badges.content)
    assert "Kim Badge" in text and "sie/ihr" in text
    participants = staff_client.get(
        reverse("registration:participants_pdf", kwargs={"slug": event.slug})
    )
    assert "Badge, Kim" in pdf_text(participants.content)
    url = reverse(
        "registration:certificate", kwargs={"slug": event.slug, "token": registration.manage_token}
    )
    assert client.get(url).status_code == 404  # not checked in
    services.check_in(event=event, registration=registration)
    assert "Kim Badge" in pdf_text(client.get(url).content)


def test_staff_add_without_email_and_printed_ticket(staff_client):
    event = EventFactory()
    url = reverse("registration:staff_add", kwargs={"slug": event.slug})
    response = staff_client.post(
        url, {"first_name": "Ohne", "last_name": "Mail", "language": "de", "email": ""}
    )
    registration = Registration.objects.get()
    assert response.status_code == 302 and registration.email == ""
    ticket = staff_client.get(
        reverse(
            "registration:ticket_pdf",
            kwargs={"slug": event.slug, "token": registration.manage_token},
        )
    )
    assert "Ohne Mail" in pdf_text(ticket.content)


def test_checkin_views(staff_client):
    event = EventFactory()
    other = EventFactory()
    registration, _ = services.register_participant(
        event=event, first_name="Kim", last_name="Einlass", email="c@example.org"
    )
    foreign, _ = services.register_participant(
        event=other, first_name="X", last_name="Y", email="x@example.org"
    )
    scan = reverse("registration:checkin_scan", kwargs={"slug": event.slug})
    assert (
        "Checked in" in staff_client.post(scan, {"code": registration.ticket_code}).content.decode()
    )
    assert (
        "Already checked in"
        in staff_client.post(scan, {"code": registration.ticket_code}).content.decode()
    )
    assert (
        "another meeting" in staff_client.post(scan, {"code": foreign.ticket_code}).content.decode()
    )
    search = reverse("registration:checkin_search", kwargs={"slug": event.slug})
    assert "Einlass" in staff_client.get(search, {"q": "einl"}).content.decode()
    counter = reverse("registration:checkin_counter", kwargs={"slug": event.slug})
    assert ">1</strong> / 1" in staff_client.get(counter).content.decode()


def test_staff_create_and_copy_meeting(staff_client):
    response = staff_client.post(
        reverse("events:create"),
        {
            "title": "Neues Treffen",
            "slug": "neues-treffen",
            "starts_at": "2030-06-01T10:00",
            "ends_at": "2030-06-01T17:00",
            "status": "draft",
            "capacity": 50,
            "reserved_places": 0,
        },
    )
    assert response.status_code == 302
    from vernetzt.events.models import Event

    event = Event.objects.get(slug="neues-treffen")
    assert event.questions.count() == 7
    response = staff_client.post(
        reverse("events:copy", kwargs={"slug": event.slug}),
        {"title": "Kopie", "slug": "kopie", "starts_at": "2031-06-07T10:00"},
    )
    assert response.status_code == 302
    assert Event.objects.get(slug="kopie").questions.count() == 7


def test_api_hostile_bodies_never_500(client):
    event = EventFactory()
    event.questions.create(key="motto", label="Motto", kind="text")
    url = f"/api/v1/events/{event.slug}/registrations"
    bodies = [
        {"first_name": "A\x00", "last_name": "B", "email": "a@example.org"},
        {"first_name": "A", "last_name": "B", "email": "a\x00@example.org"},
        {
            "first_name": "A",
            "last_name": "B",
            "email": "a@example.org",
            "answers": {"motto": "\x00"},
        },
        {"first_name": "x" * 10_000, "last_name": "B", "email": "a@example.org"},
        {"first_name": "A", "last_name": "B", "email": "a@example.org", "language": "xx"},
        {"first_name": "A", "last_name": "B", "email": "a@example.org", "pronouns": "\x00"},
        {"first_name": "A", "last_name": "B", "email": "a@example.org", "answers": {"dietary": 5}},
        {"first_name": 5, "last_name": None, "email": []},
        {
            "first_name": "<script>alert(1)</script>",
            "last_name": "\u202e",
            "email": "x@example.org",
        },
    ]
    for body in bodies:
        response = client.post(url, body, content_type="application/json")
        assert response.status_code < 500, body
    assert client.post(url, "not json", content_type="application/json").status_code < 500


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP server down")


def test_email_failure_does_not_lose_the_registration(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.registration.test_views.FailingBackend"
    event = EventFactory()
    body = {
        "first_name": "Kim",
        "last_name": "B",
        "email": "down@example.org",
        "organisation": None,
        "language": "de",
        "answers": {},
    }
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            f"/api/v1/events/{event.slug}/registrations", body, content_type="application/json"
        )
    assert len(callbacks) == 1  # the email task ran, and failed
    assert response.status_code == 201
    registration = Registration.objects.get()
    assert registration.confirmation_sent_at is None  # not flagged: a retry will send it


def test_staff_pdfs_offer_other_languages(staff_client):
    """The participant list is printed in the staff member's language or in one chosen
    beside its link (the same `?lang=` as tickets and certificates)."""
    event = EventFactory()
    staff_client.cookies["vernetzt_language"] = "de"
    page = staff_client.get(reverse("registration:staff_list", kwargs={"slug": event.slug}))
    url = reverse("registration:participants_pdf", kwargs={"slug": event.slug})
    assert f'href="{url}?lang=ar"' in page.content.decode()
    german = pdf_text(staff_client.get(url).content)
    english = pdf_text(staff_client.get(url + "?lang=en").content)
    assert "Teilnahmeliste" in german and "Participant list" in english
    # the name badges: a language beside the label sheet, the page's own chosen
    assert '<select id="badge-lang" name="lang">' in page.content.decode()
    assert '<option value="de" lang="de" selected>' in page.content.decode()
