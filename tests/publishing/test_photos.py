import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from vernetzt.publishing import images, services
from vernetzt.publishing.models import Photo

from .factories import jpeg_with_gps, photo_for

pytestmark = pytest.mark.django_db


def test_the_gps_data_does_not_reach_the_stored_files(event, client):
    original = Image.open(io.BytesIO(jpeg_with_gps()))
    assert original.getexif().get_ifd(0x8825)  # the upload does carry GPS
    assert b"Geheimer Ort" in jpeg_with_gps()  # and XMP
    photo = photo_for(event)
    for field in (photo.image, photo.thumbnail):
        with Image.open(field.path) as stored:
            exif = stored.getexif()
            assert len(exif) == 0
            assert not exif.get_ifd(0x8825)
            assert "exif" not in stored.info and "xmp" not in stored.info
            content = Path(field.path).read_bytes()
            assert b"Beispielkamera" not in content and b"Geheimer Ort" not in content
            assert b"Exif" not in content
    # and the file the public gets is that file
    page = client.get(reverse("publishing:gallery", kwargs={"slug": event.slug}))
    assert photo.thumbnail.url in page.content.decode()


def test_not_an_image_is_refused_and_good_files_are_kept(event):
    photos, problems = services.upload_photos(
        event=event,
        files=[("lebenslauf.pdf", b"%PDF-1.4 hello"), ("gut.jpg", jpeg_with_gps())],
        credit="Pola Sell",
        licence="cc-by-4.0",
    )
    assert len(photos) == 1 and len(problems) == 1
    assert "lebenslauf.pdf" in problems[0]


def test_svg_is_refused(event):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
    with pytest.raises(images.ImageRejected):
        images.process("bild.svg", svg)


def _png_bomb(width=100_000, height=100_000) -> bytes:
    """A tiny PNG file that claims huge dimensions."""
    out = io.BytesIO()
    Image.new("1", (8, 8)).save(out, format="PNG")
    data = bytearray(out.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def test_an_image_bomb_is_refused_before_decoding(event):
    with pytest.raises(images.ImageRejected) as error:
        images.process("bombe.png", _png_bomb())
    assert error.value.reason == "pixels"
    assert "bombe.png" in str(error.value)
    with pytest.raises(images.ImageRejected) as error:
        images.process("bombe2.png", _png_bomb(9000, 9000))  # below Pillow's own limit
    assert error.value.reason == "pixels"


def test_too_large_file_is_refused(event):
    with pytest.raises(images.ImageRejected, match="riesig.jpg"):
        images.process("riesig.jpg", b"\xff\xd8" + b"0" * (images.MAX_BYTES + 1))


def test_zip_with_unsafe_paths(event):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../etc/boese.jpg", jpeg_with_gps())
        archive.writestr("/absolut.jpg", jpeg_with_gps())
        archive.writestr("fotos/gut.jpg", jpeg_with_gps())
    photos, problems = services.upload_photos(
        event=event,
        files=[("fotos.zip", buffer.getvalue())],
        credit="Pola Sell",
        licence="cc-by-4.0",
    )
    assert len(photos) == 1
    assert len(problems) == 2


def test_upload_page_takes_many_files(event, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    url = reverse("publishing:photo_upload", kwargs={"slug": event.slug})
    files = [SimpleUploadedFile(f"f{n}.jpg", jpeg_with_gps(), "image/jpeg") for n in range(3)]
    files.append(SimpleUploadedFile("kaputt.jpg", b"not an image", "image/jpeg"))
    response = client.post(
        url, {"files": files, "credit": "Pola Sell", "licence": "cc-by-4.0"}, follow=True
    )
    assert response.status_code == 200
    assert Photo.objects.filter(event=event).count() == 3
    assert "kaputt.jpg" in response.content.decode()


def test_photographer_account_may_upload(event, client):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    url = reverse("publishing:photo_upload", kwargs={"slug": event.slug})
    assert client.get(url).status_code == 403
    user.groups.add(Group.objects.get_or_create(name="Fotografie")[0])
    assert client.get(url).status_code == 200


def test_photo_without_consent_is_never_public(event, client):
    shown = photo_for(event, caption="Erlaubt")
    hidden = photo_for(event, caption="Ohne Einwilligung", lacks_consent=True)
    page = client.get(reverse("publishing:gallery", kwargs={"slug": event.slug})).content.decode()
    assert shown.thumbnail.url in page
    assert hidden.thumbnail.url not in page and hidden.image.url not in page


def test_too_large_upload_through_the_page_is_refused_with_its_name(event, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True))
    url = reverse("publishing:photo_upload", kwargs={"slug": event.slug})
    big = SimpleUploadedFile("riesig.jpg", b"\xff\xd8" + b"0" * (31 * 1024 * 1024), "image/jpeg")
    good = SimpleUploadedFile("gut.jpg", jpeg_with_gps(), "image/jpeg")
    response = client.post(
        url, {"files": [big, good], "credit": "Pola Sell", "licence": "cc-by-4.0"}, follow=True
    )
    assert "riesig.jpg" in response.content.decode()
    assert Photo.objects.filter(event=event).count() == 1
