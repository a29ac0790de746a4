"""An association admin edits the profile and its visibility; bad input is refused clearly."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.directory.factories import municipality, term
from vernetzt.directory.enums import TermKind
from vernetzt.directory.models import Organisation


def _form_data(organisation, **changes):
    data = {
        "name": organisation.name,
        "short_name": "BVA",
        "legal_form": "ev",
        "register_number": "VR 4711",
        "founding_year": "1999",
        "municipality": municipality("06412000").pk,
        "description": "Wir sind ein Beispiel.",
        "fields": [term(TermKind.FIELD, "bildung").pk],
        "target_groups": [term(TermKind.TARGET, "frauen").pk],
        "languages": [term(TermKind.LANGUAGE, "ar").pk, term(TermKind.LANGUAGE, "de").pk],
        "members_range": "11-50",
        "street": "",
        "postcode": "",
        "website": "https://beispiel.example",
        "contact_email": "info@beispiel.example",
        "visibility_profile": "public",
        "visibility_contact": "members",
        "visibility_address": "staff",
        "visibility_members": "staff",
        "is_published": "on",
        "description_en": "We are an example.",
        "description_ar": "",
        "description_tr": "",
        "social_links_text": "https://social.example/a\nhttps://social.example/b",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _png(size=(40, 30), exif=False):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, "red")
    if exif:
        info = Image.Exif()
        info[0x010F] = "Beispielkamera"  # Make
        info[0x8825] = {2: (50.0, 6.0, 0.0)}  # GPS latitude
        image.save(buffer, format="JPEG", exif=info)
        return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def test_admin_edits_own_profile(client, world):
    organisation = world["organisation_a"]
    client.force_login(world["users"]["admin_a"])
    response = client.post(
        reverse("directory:edit", args=[organisation.slug]), _form_data(organisation)
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.short_name == "BVA"
    assert organisation.municipality.name == "Frankfurt am Main"
    assert organisation.description_translations == {"en": "We are an example."}
    assert organisation.social_links == ["https://social.example/a", "https://social.example/b"]
    assert sorted(organisation.languages.values_list("slug", flat=True)) == ["ar", "de"]
    assert "frankfurt am main" in organisation.search_text
    assert organisation.history.first().text == "Profile changed"


def test_admin_is_refused_on_another_association(client, world):
    client.force_login(world["users"]["admin_a"])
    organisation = world["organisation_b"]
    url = reverse("directory:edit", args=[organisation.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, _form_data(organisation, short_name="X")).status_code == 403
    organisation.refresh_from_db()
    assert organisation.short_name == ""


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"founding_year": "2999"}, "founding_year", "future"),
        ({"website": "not a url"}, "website", "URL"),
        ({"contact_email": "nobody-at-example"}, "contact_email", "email"),
        ({"social_links_text": "javascript:alert(1)"}, "social_links_text", "web address"),
        ({"name": ""}, "name", "required"),
    ],
)
def test_bad_input_is_refused_at_the_field(client, world, changes, field, message):
    organisation = world["organisation_a"]
    client.force_login(world["users"]["admin_a"])
    response = client.post(
        reverse("directory:edit", args=[organisation.slug]),
        _form_data(organisation, **changes),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert errors[field][0]  # a message in the user's language (German here)
    assert 'aria-invalid="true"' in response.content.decode() or field == "social_links_text"
    organisation.refresh_from_db()
    assert organisation.short_name == ""  # nothing saved half


def _post_logo(client, world, upload):
    organisation = world["organisation_a"]
    client.force_login(world["users"]["admin_a"])
    data = _form_data(organisation)
    data["logo"] = upload
    return client.post(reverse("directory:edit", args=[organisation.slug]), data)


def test_logo_is_stored_with_a_random_name_and_without_exif(client, world):
    response = _post_logo(client, world, _png(exif=True))
    assert response.status_code == 302
    organisation = Organisation.objects.get(pk=world["organisation_a"].pk)
    assert organisation.logo.name.startswith("logos/")
    assert "photo" not in organisation.logo.name
    with Image.open(organisation.logo.path) as stored:
        assert not stored.getexif()
        assert "exif" not in stored.info


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("logo.png", b"this is text, not an image", content_type="image/png"),
        SimpleUploadedFile(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            content_type="image/svg+xml",
        ),
        SimpleUploadedFile(
            "big.png", b"\x89PNG" + b"0" * (3 * 1024 * 1024), content_type="image/png"
        ),
    ],
    ids=["not-image", "svg-with-script", "huge"],
)
def test_bad_logo_is_refused(client, world, upload):
    response = _post_logo(client, world, upload)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["logo"]
    assert not Organisation.objects.get(pk=world["organisation_a"].pk).logo


def test_image_bomb_is_refused(client, world):
    response = _post_logo(client, world, _png(size=(5000, 5000)))
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["logo"]
