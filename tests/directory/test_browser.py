"""The directory in real Chromium: search, filters, map, profile editing, accessibility."""

import pytest

from tests.conftest import assert_accessible
from tests.directory.factories import ProfileFactory, UserFactory, municipality
from tests.factories import MembershipFactory, OrganisationFactory
from vernetzt.directory.enums import TermKind
from vernetzt.directory.models import District, Municipality, Term
from vernetzt.directory.services import load_geodata, sync_vocabulary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory(transactional_db):
    """Geodata and vocabulary again (a transactional test empties them), and a few entries."""
    if Municipality.objects.count() < 422:
        load_geodata(district_model=District, municipality_model=Municipality)
    sync_vocabulary()
    kassel = ProfileFactory(
        name="Beispielverein Jugend Kassel",
        slug="beispielverein-jugend-kassel",
        municipality=municipality("06611000"),
        visibility_profile="public",
    )
    frankfurt = OrganisationFactory(
        name="Beispielverein Kultur Frankfurt",
        slug="beispielverein-kultur-frankfurt",
        municipality=municipality("06412000"),
        is_published=True,
    )
    frankfurt.fields.set([Term.objects.get(kind=TermKind.FIELD, slug="kultur")])
    frankfurt.save()
    return kassel, frankfurt


def test_visitor_searches_filters_and_opens_the_map(directory, page):
    page.goto("/verzeichnis/")
    assert_accessible(page)
    page.get_by_label("Suche mit Wörtern").fill("Jugend Kassel")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text().startswith("1 ")
    assert page.get_by_role("link", name="Beispielverein Jugend Kassel").is_visible()

    page.goto("/verzeichnis/")
    page.get_by_label("Tätigkeitsfeld").select_option("kultur")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Beispielverein Kultur Frankfurt").is_visible()
    assert page.get_by_role("link", name="Beispielverein Jugend Kassel").count() == 0

    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.get_by_role("link", name="Auf der Karte zeigen").click()
    try:
        page.wait_for_selector("#directory-map[data-loaded='1']", state="attached")
        page.wait_for_selector("#directory-map[data-districts-loaded='26']", state="attached")
    finally:
        assert errors == []
    assert page.locator(".leaflet-interactive").count() >= 26  # district outlines
    assert page.locator(".leaflet-marker-icon").count() == 1
    assert_accessible(page)


def test_map_clusters_and_zoom_buttons_have_names_in_the_pages_language(directory, page):
    ProfileFactory(
        name="Beispielverein Zwei Kassel",
        slug="beispielverein-zwei-kassel",
        municipality=municipality("06611000"),
        visibility_profile="public",
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto("/verzeichnis/karte/")
    page.wait_for_selector("#directory-map[data-loaded]", state="attached")
    assert errors == []
    assert page.locator("#directory-map").get_attribute("data-loaded") == "3"
    page.wait_for_selector(".marker-cluster", state="attached")
    cluster = page.locator(".marker-cluster").first
    assert "Vereine an dieser Stelle: 2" in cluster.inner_text()
    assert page.get_by_role("button", name="Vereine an dieser Stelle: 2").count() == 1
    assert page.locator(".leaflet-control-zoom-in").get_attribute("title") == "Vergrößern"
    assert page.locator(".leaflet-control-zoom-out").get_attribute("title") == "Verkleinern"
    assert_accessible(page)


def test_visitor_never_sees_hidden_fields_on_the_profile(directory, page):
    hidden = ProfileFactory(name="Beispielverein Verborgen", slug="beispielverein-verborgen")
    page.goto(hidden.get_absolute_url())
    text = page.locator("main").inner_text()
    for secret in ["Geheime Beschreibung", "Geheimweg", "geheim.example", "geheim@", "VR 9"]:
        assert secret not in text
    assert page.get_by_role("link", name="Diesen Verein kontaktieren").is_visible()
    assert_accessible(page)


def _login(page, user):
    page.goto("/konto/login/")
    page.get_by_label("E-Mail").first.fill(user.email)
    page.locator("input[type=password]").fill("correct horse battery")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_admin_edits_own_profile_and_is_refused_on_another(directory, page):
    kassel, frankfurt = directory
    admin = UserFactory(email="vereinsadmin@example.org")
    MembershipFactory(user=admin, organisation=kassel, role="admin")
    _login(page, admin)
    page.goto(f"/verzeichnis/{kassel.slug}/bearbeiten/")
    assert_accessible(page)
    page.get_by_label("Kurzname").fill("BJK")
    page.get_by_label("Gründungsjahr").fill("2999")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").is_visible()
    assert page.get_by_label("Kurzname").input_value() == "BJK"  # what was typed is kept
    page.get_by_label("Gründungsjahr").fill("2004")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_load_state()
    assert page.locator(".message--success").is_visible()
    kassel.refresh_from_db()
    assert (kassel.short_name, kassel.founding_year) == ("BJK", 2004)

    response = page.goto(f"/verzeichnis/{frankfurt.slug}/bearbeiten/")
    assert response.status == 403
