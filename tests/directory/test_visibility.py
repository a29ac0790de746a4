"""A visitor never sees a field marked for members or staff: page, API, map, open data."""

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.directory.factories import ProfileFactory, UserFactory
from tests.factories import MembershipFactory
from vernetzt.directory.visibility import ANONYMOUS, viewer_for, visible_fields

SECRETS = [
    "Geheime Beschreibung",
    "Geheimweg",
    "geheim.example",
    "geheim@beispielverein.example",
    "social.example",
    "VR 9",
    "51.2871",
]


def _assert_no_secret(text):
    for secret in SECRETS:
        assert secret not in text, secret


@pytest.mark.django_db
def test_new_entry_shows_only_name_municipality_and_fields_by_default():
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(is_published=True)
    assert visible_fields(ANONYMOUS, organisation) == {
        "name",
        "slug",
        "municipality",
        "district",
        "fields",
    }


@pytest.mark.django_db
def test_new_entry_is_not_listed_until_published(client):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Beispielverein Unveröffentlicht")
    assert client.get(organisation.get_absolute_url()).status_code == 404
    assert "Unveröffentlicht" not in client.get(reverse("directory:list")).content.decode()


@pytest.mark.django_db
def test_levels_public_members_staff(hidden_profile):
    hidden_profile.visibility_profile = "public"
    hidden_profile.visibility_contact = "members"
    hidden_profile.save()
    outsider = UserFactory()
    member = MembershipFactory().user
    staff = UserFactory(is_staff=True)
    own = MembershipFactory(organisation=hidden_profile).user
    assert "description" in visible_fields(ANONYMOUS, hidden_profile)
    assert "website" not in visible_fields(viewer_for(outsider), hidden_profile)
    assert "website" in visible_fields(viewer_for(member), hidden_profile)
    assert "street" not in visible_fields(viewer_for(member), hidden_profile)
    assert "street" in visible_fields(viewer_for(staff), hidden_profile)
    assert "contact_email" in visible_fields(viewer_for(own), hidden_profile)
    assert "contact_email" not in visible_fields(viewer_for(member), hidden_profile)


@pytest.mark.django_db
def test_visitor_sees_no_hidden_field_anywhere(client, hidden_profile):
    pages = [
        reverse("directory:list"),
        hidden_profile.get_absolute_url(),
        reverse("directory:map_data"),
        reverse("directory:open_data_geojson"),
        reverse("directory:open_data_csv"),
        "/api/v1/organisations",
        f"/api/v1/organisations/{hidden_profile.slug}",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Verborgen" in body, url
        _assert_no_secret(body)


@pytest.mark.django_db
def test_api_leaves_hidden_keys_out(client, hidden_profile):
    item = client.get("/api/v1/organisations").json()["results"][0]
    assert item["name"] == "Beispielverein Verborgen e.V."
    for key in ("description", "website", "contact_email", "street", "members_range"):
        assert key not in item
    # The marker is at the town (Kassel), not at the exact point.
    assert (item["latitude"], item["longitude"]) != (51.2871, 9.4012)


@pytest.mark.django_db
def test_public_groups_reach_api_and_open_data(client):
    ProfileFactory(
        name="Beispielverein Offen",
        visibility_profile="public",
        visibility_contact="public",
    )
    item = client.get("/api/v1/organisations").json()["results"][0]
    assert item["description"] == "Geheime Beschreibung"
    assert item["website"] == "https://geheim.example"
    assert "contact_email" not in item  # the contact form relays; the address stays hidden
    rows = list(
        csv.DictReader(io.StringIO(client.get(reverse("directory:open_data_csv")).content.decode()))
    )
    assert rows[0]["website"] == "https://geheim.example"
    assert rows[0]["licence"] == "CC BY 4.0"
    geojson = json.loads(client.get(reverse("directory:open_data_geojson")).content)
    assert "CC BY 4.0" in geojson["license"]
    assert "GeoBasis-DE / BKG" in geojson["attribution"]


@pytest.mark.django_db
def test_filter_on_hidden_language_does_not_reveal_it(client, hidden_profile):
    response = client.get("/api/v1/organisations", {"language": "tr"})
    assert response.json()["count"] == 0
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get("/api/v1/organisations", {"language": "tr"}).json()["count"] == 1


@pytest.mark.django_db
def test_search_does_not_find_hidden_description(client, hidden_profile):
    assert client.get("/api/v1/organisations", {"q": "geheime"}).json()["count"] == 0
    hidden_profile.visibility_profile = "public"
    hidden_profile.save()
    assert client.get("/api/v1/organisations", {"q": "geheime"}).json()["count"] == 1
