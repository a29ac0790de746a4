"""Search, filters, pages and their query count; bad input gives a normal page."""

import pytest
from django.urls import reverse

from tests.directory.factories import ProfileFactory, municipality, term
from tests.factories import OrganisationFactory
from vernetzt.directory.enums import TermKind


@pytest.fixture
def spread(db):
    kassel = ProfileFactory(
        name="Beispielverein Jugend Kassel",
        municipality=municipality("06611000"),
        visibility_profile="public",
    )
    frankfurt = ProfileFactory(
        name="Beispielverein Kultur Frankfurt", municipality=municipality("06412000")
    )
    frankfurt.fields.set([term(TermKind.FIELD, "kultur")])
    frankfurt.languages.set([term(TermKind.LANGUAGE, "ar")])
    frankfurt.save()
    return kassel, frankfurt


def _names(response):
    return [organisation.name for organisation, _fields in response.context["entries"]]


def test_search_by_words_and_town(client, spread):
    response = client.get(reverse("directory:list"), {"q": "Jugend Kassel"})
    assert _names(response) == ["Beispielverein Jugend Kassel"]
    assert response.context["page"].paginator.count == 1


def test_search_by_field_label_in_german(client, spread):
    response = client.get(reverse("directory:list"), {"q": "Kultur"})
    assert _names(response) == ["Beispielverein Kultur Frankfurt"]


@pytest.mark.postgres
def test_search_tolerates_typos_on_postgres(client, spread):
    response = client.get(reverse("directory:list"), {"q": "Jugent Kasel"})
    assert "Beispielverein Jugend Kassel" in _names(response)


def test_filters_district_field_language(client, spread):
    url = reverse("directory:list")
    assert _names(client.get(url, {"district": "06412"})) == ["Beispielverein Kultur Frankfurt"]
    assert _names(client.get(url, {"field": "kultur"})) == ["Beispielverein Kultur Frankfurt"]
    assert _names(client.get(url, {"field": "jugend", "district": "06611"})) == [
        "Beispielverein Jugend Kassel"
    ]
    # The Kassel entry shows its languages publicly, Frankfurt's are for staff only.
    assert _names(client.get(url, {"language": "tr"})) == ["Beispielverein Jugend Kassel"]
    assert _names(client.get(url, {"language": "ar"})) == []
    assert _names(client.get(url, {"target_group": "jugendliche"})) == [
        "Beispielverein Jugend Kassel"
    ]


def test_api_has_the_same_search_and_filters(client, spread):
    response = client.get(
        "/api/v1/organisations", {"q": "beispielverein", "district": "06611", "field": "jugend"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    assert data["results"][0]["slug"] == spread[0].slug
    assert data["results"][0]["languages"] == ["tr"]


def test_api_pages(client, db):
    for number in range(7):
        OrganisationFactory(name=f"Beispielverein Seite {number}", is_published=True)
    data = client.get("/api/v1/organisations", {"page": 2, "page_size": 5}).json()
    assert (data["count"], data["page"], data["num_pages"], len(data["results"])) == (7, 2, 2, 2)
    refused = client.get("/api/v1/organisations", {"page_size": 1000})
    assert refused.status_code == 400 and "page_size" in refused.json()["errors"]


@pytest.mark.parametrize("page_size", [5, 50])
def test_list_query_count_is_fixed(client, db, django_assert_num_queries, page_size):
    for number in range(60):
        ProfileFactory(name=f"Beispielverein Zahl {number:02}")
    url = reverse("directory:list")
    client.get(url)  # the filter choices (districts, vocabulary) come from the cache after this
    # count, page, 3 prefetches (fields, languages, target groups)
    with django_assert_num_queries(5):
        response = client.get(url, {"page_size": page_size, "q": "beispielverein"})
    assert len(response.context["entries"]) == page_size


@pytest.mark.parametrize(
    "query",
    [
        "x" * 2000,
        "'; DROP TABLE directory_organisation; --",
        "<script>alert(1)</script>",
        "%_\\",
        "\u202e\u0000 Jugend",
    ],
)
def test_hostile_search_gives_a_normal_page(client, spread, query):
    response = client.get(reverse("directory:list"), {"q": query, "page": "abc"})
    # A NUL byte is refused at the door with a message (400); everything else is a page.
    assert response.status_code == (400 if "\x00" in query else 200)
    assert b"<script>alert(1)</script>" not in response.content
    api = client.get("/api/v1/organisations", {"q": query[:2000]})
    assert api.status_code in (200, 400)


def test_archived_entries_leave_the_directory(client, spread):
    kassel = spread[0]
    kassel.status = "archived"
    kassel.save()
    assert client.get(kassel.get_absolute_url()).status_code == 404
    assert "Kassel" not in " ".join(_names(client.get(reverse("directory:list"))))


def test_map_data_is_compact_geojson(client, spread):
    response = client.get(reverse("directory:map_data"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    import gzip
    import json

    data = json.loads(gzip.decompress(response.content))
    assert len(data["features"]) == 2
    feature = data["features"][0]
    assert set(feature["properties"]) == {"n", "s"}
    kassel = municipality("06611000")
    points = {tuple(f["geometry"]["coordinates"]) for f in data["features"]}
    assert (round(kassel.longitude, 4), round(kassel.latitude, 4)) in points


def test_map_page_without_tiles_sends_no_tile_url(client, db, settings):
    settings.MAP_TILE_URL = ""
    response = client.get(reverse("directory:map"))
    assert b'data-tiles=""' in response.content
    assert "GeoBasis-DE / BKG" in response.content.decode()


def test_admin_finds_own_unpublished_entry_from_the_list(client, world):
    from tests.factories import MembershipFactory

    hidden = OrganisationFactory(name="Beispielverein Noch Privat")
    MembershipFactory(user=world["users"]["admin_a"], organisation=hidden, role="admin")
    client.force_login(world["users"]["admin_a"])
    response = client.get(reverse("directory:list"))
    assert hidden.get_absolute_url() in response.content.decode()
    assert client.get(hidden.get_absolute_url()).status_code == 200
    assert "Noch Privat" not in " ".join(_names(response))


@pytest.mark.parametrize("query", ["Türkisch", "turkish", "التركية", "Türkçe", "ترکی"])
def test_search_finds_a_language_by_its_name_in_any_interface_language(client, spread, query):
    kassel = spread[0]
    kassel.languages.set([term(TermKind.LANGUAGE, "tr")])
    kassel.save()
    response = client.get(reverse("directory:list"), {"q": query})
    assert _names(response) == ["Beispielverein Jugend Kassel"]


@pytest.mark.parametrize("query", ["Brückenbauer", "Bruckenbauer", "brueckenbauer", "BRÜCKEN"])
def test_search_without_umlauts_finds_the_same(client, db, query):
    ProfileFactory(name="Brückenbauer e.V.", municipality=municipality("06611000"))
    response = client.get(reverse("directory:list"), {"q": query})
    assert _names(response) == ["Brückenbauer e.V."]


def test_search_hides_languages_of_a_profile_that_is_not_public(client, spread):
    # Frankfurt's profile group (languages, target groups) is not public: not found by "Arabisch".
    assert _names(client.get(reverse("directory:list"), {"q": "Arabisch"})) == []
