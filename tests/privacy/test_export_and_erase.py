"""Export and erasure of a person: the pages of the personal link, staff's tools, commands."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.directory.models import Organisation
from vernetzt.privacy.persons import find_person
from vernetzt.privacy.services import erase_person, export_person
from vernetzt.publishing import queries as publishing_queries
from vernetzt.registration import services
from vernetzt.registration.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration():
    event = EventFactory(slug="auskunft-treffen")
    registration, _ = services.register_participant(
        event=event,
        first_name="Kim",
        last_name="Auskunftsbeispiel",
        email="Kim.Auskunft@Example.org",
        pronouns="they",
        answers={"dietary": ["vegan"], "photo_consent": "yes"},
    )
    return registration


def _personal(name, registration):
    return reverse(
        name, kwargs={"slug": registration.event.slug, "token": registration.manage_token}
    )


def _private(response):
    header = response["Cache-Control"]
    assert "private" in header and "no-store" in header


def test_export_collects_every_registration_of_the_email(registration):
    other_event = EventFactory()
    RegistrationFactory(event=other_event, email="kim.auskunft@example.org", first_name="Kim")
    data = export_person(person=find_person(" KIM.AUSKUNFT@example.org "))
    assert data["email"] == "kim.auskunft@example.org"
    assert len(data["registration"]["registrations"]) == 2
    first = data["registration"]["registrations"][0]
    assert first["last_name"] == "Auskunftsbeispiel"
    assert first["pronouns"] == "they"
    assert {"key": "dietary", "answer": ["vegan"]}.items() <= first["answers"][0].items()


def test_personal_pages_show_and_download_the_data_privately(client, registration):
    manage = client.get(registration.get_absolute_url())
    assert _personal("privacy:personal_export", registration) in manage.content.decode()

    page = client.get(_personal("privacy:personal_export", registration))
    assert page.status_code == 200
    _private(page)
    assert "Auskunftsbeispiel" in page.content.decode()

    download = client.get(_personal("privacy:personal_export_json", registration))
    _private(download)
    assert "attachment" in download["Content-Disposition"]
    data = json.loads(download.content)
    assert data["registration"]["registrations"][0]["email"] == "Kim.Auskunft@Example.org"


def test_personal_erasure_asks_first_then_erases_and_the_link_dies(client, registration):
    url = _personal("privacy:personal_erase", registration)
    question = client.get(url)
    assert question.status_code == 200
    _private(question)

    refused = client.post(url, {})
    assert refused.status_code == 200
    assert "field--invalid" in refused.content.decode()
    assert Registration.objects.get(pk=registration.pk).last_name == "Auskunftsbeispiel"

    done = client.post(url, {"confirm": "on"})
    assert done.status_code == 302 and done["Location"] == reverse("privacy:erased")
    erased = Registration.objects.get(pk=registration.pk)
    assert (erased.first_name, erased.last_name, erased.email, erased.pronouns) == ("", "", "", "")
    assert erased.answers == {} and erased.erased_at is not None
    # The meeting is still to come: the place is given back.
    assert erased.status == Registration.Status.CANCELLED
    assert client.get(registration.get_absolute_url()).status_code == 404
    assert client.get(url).status_code == 404


def test_erasure_gives_the_place_to_the_waiting_list(registration):
    event = registration.event
    event.capacity = 1
    event.save()
    waiting, _ = services.register_participant(
        event=event, first_name="Wai", last_name="Ting", email="waiting@example.org"
    )
    assert waiting.status == Registration.Status.WAITING
    erase_person(person=find_person("kim.auskunft@example.org"))
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_erasure_is_idempotent(registration):
    person = find_person("kim.auskunft@example.org")
    assert erase_person(person=person)["registration"]["registrations anonymised"] == 1
    again = erase_person(person=find_person("kim.auskunft@example.org"))
    assert again == {}


def test_report_figures_do_not_change_after_an_erasure():
    past = EventFactory(
        starts_at=timezone.now() - timedelta(days=40), status="past", slug="report-treffen"
    )
    organisation = OrganisationFactory()
    people = [
        RegistrationFactory(event=past, organisation=organisation, checked_in_at=past.starts_at)
        for _ in range(3)
    ]
    RegistrationFactory(event=past)  # confirmed, not checked in: not counted
    before = publishing_queries.report(past.starts_at.year)

    erase_person(person=find_person(people[0].email))

    after = publishing_queries.report(past.starts_at.year)
    for key in ("participants", "organisations", "organisations_new", "organisations_returning"):
        assert after[key] == before[key], key
    assert [row["figures"]["participants"] for row in after["events"]] == [
        row["figures"]["participants"] for row in before["events"]
    ]


# --- Staff ---------------------------------------------------------------------------------------


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(email="team@example.org", is_staff=True, is_superuser=False))
    return client


def test_staff_finds_exports_and_erases_a_person_by_email(staff_client, registration):
    found = staff_client.post(
        reverse("privacy:staff_person"), {"email": "KIM.auskunft@example.org"}
    )
    assert found.status_code == 200
    _private(found)
    assert "Auskunftsbeispiel" in found.content.decode()

    download = staff_client.post(
        reverse("privacy:staff_export"), {"email": "kim.auskunft@example.org", "format": "json"}
    )
    _private(download)
    assert json.loads(download.content)["registration"]["registrations"][0]["pronouns"] == "they"

    refused = staff_client.post(
        reverse("privacy:staff_erase"), {"email": "kim.auskunft@example.org"}
    )
    assert refused.status_code == 400
    assert Registration.objects.get(pk=registration.pk).last_name == "Auskunftsbeispiel"

    done = staff_client.post(
        reverse("privacy:staff_erase"), {"email": "kim.auskunft@example.org", "confirm": "on"}
    )
    assert done.status_code == 200
    assert Registration.objects.get(pk=registration.pk).last_name == ""


def test_staff_search_keeps_what_was_typed_on_a_bad_address(staff_client):
    response = staff_client.post(reverse("privacy:staff_person"), {"email": "kein-at-zeichen"})
    assert response.status_code == 200
    assert 'value="kein-at-zeichen"' in response.content.decode()


def test_members_cannot_use_staff_tools(client, registration):
    client.force_login(UserFactory(email="mitglied@example.org"))
    response = client.post(reverse("privacy:staff_person"), {"email": "kim.auskunft@example.org"})
    assert response.status_code == 403


def test_staff_exports_and_erases_an_association_entry(
    staff_client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    organisation = OrganisationFactory(
        name="Beispielverein Auskunft e.V.",
        contact_email="vorstand@example.org",
        street="Beispielweg 3",
        is_published=True,
    )
    organisation.logo.save("logo.png", ContentFile(b"\x89PNG fake"), save=True)
    logo = tmp_path / organisation.logo.name
    assert logo.exists()
    url = reverse("privacy:staff_organisation", kwargs={"slug": organisation.slug})
    found = staff_client.get(
        reverse("privacy:staff_organisation_find"), {"q": "beispielverein auskunft e.v."}
    )
    assert found.status_code == 302 and found["Location"] == url
    missing = staff_client.get(reverse("privacy:staff_organisation_find"), {"q": "Gibt es nicht"})
    assert missing.status_code == 404 and 'value="Gibt es nicht"' in missing.content.decode()

    data = json.loads(staff_client.get(url + "?format=json").content)
    assert data["association"]["street"] == "Beispielweg 3"

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {"confirm": "on"})
    assert response.status_code == 200
    assert not logo.exists()
    organisation.refresh_from_db()
    assert organisation.contact_email == "" and organisation.street == ""
    assert "Auskunft" not in organisation.name and not organisation.is_published
    assert organisation.status == Organisation.Status.ARCHIVED


# --- Commands ------------------------------------------------------------------------------------


def test_export_person_prints_json(registration):
    out = StringIO()
    call_command("export_person", "kim.auskunft@example.org", stdout=out)
    data = json.loads(out.getvalue())
    assert data["registration"]["registrations"][0]["last_name"] == "Auskunftsbeispiel"


def test_erase_person_asks_unless_yes(registration, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(CommandError):
        call_command("erase_person", "kim.auskunft@example.org", stdout=StringIO())
    assert Registration.objects.get(pk=registration.pk).last_name == "Auskunftsbeispiel"

    monkeypatch.setattr("builtins.input", lambda prompt: "ja")
    call_command("erase_person", "kim.auskunft@example.org", stdout=StringIO())
    assert Registration.objects.get(pk=registration.pk).last_name == ""


def test_any_task_row_holding_the_address_is_deleted_and_others_kept(registration):
    import uuid

    from django_tasks_db.models import DBTaskResult

    def row(kwargs):
        return DBTaskResult.objects.create(
            id=uuid.uuid4(),
            status="READY",
            args_kwargs={"args": [], "kwargs": kwargs},
            task_path="some.other.task",
            backend_name="default",
            queue_name="default",
            run_after=timezone.now(),
            exception_class_path="",
            traceback="",
        )

    mine = row({"to": "KIM.AUSKUNFT@example.org", "text": "Hallo"})
    other = row({"to": "someone@example.org", "text": "Kim Auskunftsbeispiel"})
    summary = erase_person(person=find_person("kim.auskunft@example.org"))
    assert summary["privacy"]["background task rows deleted"] == 1
    assert not DBTaskResult.objects.filter(pk=mine.pk).exists()
    assert DBTaskResult.objects.filter(pk=other.pk).exists()  # a namesake's email stays


def test_invitations_to_the_address_and_their_queued_emails_go(
    settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from vernetzt.directory.models import Invitation
    from vernetzt.directory.services import invite_colleague

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    organisation = OrganisationFactory()
    admin = UserFactory(email="vorstand@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invite_colleague(
            organisation=organisation,
            email="neu@example.org",
            role="member",
            invited_by=admin,
            language="de",
        )
    assert DBTaskResult.objects.count() == 1
    erase_person(person=find_person("neu@example.org"))
    assert not Invitation.objects.exists()
    assert not DBTaskResult.objects.exists()
