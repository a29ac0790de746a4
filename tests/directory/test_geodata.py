import pytest

from vernetzt.directory.models import District, Municipality
from vernetzt.directory.services import load_geodata


@pytest.mark.django_db
def test_hesse_is_loaded_by_migration():
    assert District.objects.count() == 26
    assert District.objects.filter(kind=District.Kind.URBAN).count() == 5
    assert Municipality.objects.count() == 422
    frankfurt = Municipality.objects.get(key="06412000")
    assert frankfurt.name == "Frankfurt am Main"
    assert frankfurt.district.kind == District.Kind.URBAN
    assert 49.3 < frankfurt.latitude < 51.7 and 7.7 < frankfurt.longitude < 10.3


@pytest.mark.django_db
def test_loading_geodata_again_changes_nothing():
    before = list(Municipality.objects.order_by("key").values_list("key", "name", "district_id"))
    assert load_geodata(district_model=District, municipality_model=Municipality) == (26, 422)
    after = list(Municipality.objects.order_by("key").values_list("key", "name", "district_id"))
    assert before == after
