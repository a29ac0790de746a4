import io

import pytest
from django.core.management import call_command

from vernetzt.directory.demo import REAL
from vernetzt.directory.models import District, Organisation


@pytest.mark.django_db
def test_demo_covers_all_districts_and_real_associations_with_names_only():
    call_command("demo", stdout=io.StringIO())
    listed = Organisation.objects.filter(is_published=True).exclude(status="archived")
    assert listed.count() >= 120
    assert Organisation.objects.filter(slug__startswith="beispielverein-").count() >= 140
    used = District.objects.filter(municipalities__organisations__isnull=False).distinct()
    assert used.count() == 26
    for slug, name, _key in REAL:
        real = Organisation.objects.get(slug=slug)
        assert real.name == name
        assert (real.contact_email, real.street, real.website, real.description) == ("", "", "", "")
        assert not real.memberships.exists()
    assert Organisation.objects.get(slug="all-in-kassel").municipality.name == "Kassel"
    before = list(Organisation.objects.order_by("pk").values())
    call_command("demo", stdout=io.StringIO())
    assert list(Organisation.objects.order_by("pk").values()) == before
