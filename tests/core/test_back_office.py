"""The back office (Django admin): each section named once, the site's icon in the tab."""

import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_index_names_each_section_once_and_has_the_favicon(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get("/verwaltung/").content.decode()
    captions = re.findall(r'<caption>\s*<a[^>]*class="section"[^>]*>([^<]+)</a>', html)
    assert captions, "the admin index lists its sections"
    lowered = [caption.strip().lower() for caption in captions]
    assert len(lowered) == len(set(lowered)), captions
    assert 'rel="icon"' in html and "favicon.svg" in html
