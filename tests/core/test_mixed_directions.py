"""Latin-script names and numbers inside Arabic or Persian text are isolated (<bdi>, dir=auto),
so that "Schwalm-Eder-Kreis (Landkreis)" or "Beispielverein Anker e.V." keep their order."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory
from vernetzt.directory.models import Municipality


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fa"])
def test_place_and_language_names_in_the_directory_are_isolated(language):
    rural = Municipality.objects.filter(district__kind="Landkreis").order_by("key").first()
    organisation = OrganisationFactory(
        name="Beispielverein Anker e.V.", is_published=True, municipality=rural
    )
    client = Client()
    client.cookies["vernetzt_language"] = language
    for url in (reverse("directory:list"), organisation.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Beispielverein Anker e.V." in html
        assert f"<bdi>{rural.name}</bdi>" in html, url
        assert re.search(r"<bdi>[^<]*" + re.escape(rural.district.name), html), url
        # the association's name: isolated wherever it is shown
        for match in re.finditer(r"Beispielverein Anker e\.V\.", html):
            before = html[max(0, match.start() - 300) : match.start()]
            if before.rfind("<") > before.rfind(">"):
                continue  # inside an attribute (aria-label, alt): no markup possible there
            opening = before[before.rfind("<") :]
            if opening.startswith(("<title", "<option")):
                continue
            assert "dir=" in opening or opening.startswith("<bdi"), (url, opening)
