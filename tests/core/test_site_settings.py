"""The operating organisation: set once by staff on their own page, then named in the header,
footer, every email and the legal notice; read from the cache (decision 0186)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from tests.factories import UserFactory
from vernetzt.core.demo import load as load_site_pages
from vernetzt.core.models import SiteSettings

pytestmark = pytest.mark.django_db
URL = "/verwaltung/einstellungen/"
NAME = "Kompetenzzentrum Vielfalt (Test)"


@pytest.fixture
def staff_client():
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=False))
    return client


def _photo_with_gps() -> bytes:
    image = Image.new("RGB", (900, 300), "#0b6e4f")
    exif = Image.Exif()
    exif[0x010F] = "Kamera GmbH"  # camera maker
    exif[0x8825] = {2: (50.0, 6.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _form(**extra):
    return {
        "organisation_name": NAME,
        "address": "Beispielstraße 1\n60311 Frankfurt am Main",
        "contact": "kontakt@example.org",
        "signature_name": "Dr. Maria Beispiel",
        "signature_role": "Leitung",
        **extra,
    }


def test_staff_set_the_organisation_and_the_logo_is_re_encoded(staff_client):
    assert reverse("core:site_settings") == URL
    svg = SimpleUploadedFile("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    refused = staff_client.post(URL, _form(logo=svg))
    assert refused.status_code == 400
    page = refused.content.decode()
    assert 'id="error-summary"' in page and NAME in page and "60311 Frankfurt am Main" in page
    assert not SiteSettings.objects.exists()

    upload = SimpleUploadedFile("kamera.jpg", _photo_with_gps(), content_type="image/jpeg")
    assert staff_client.post(URL, _form(logo=upload)).status_code == 302
    site = SiteSettings.objects.get()
    assert site.organisation_name == NAME and "kamera" not in site.logo.name
    with site.logo.open("rb") as stored, Image.open(stored) as image:
        assert max(image.size) <= 512
        assert not image.getexif() and "exif" not in image.info


def test_the_name_is_required_and_members_may_not_change_it(client):
    member = UserFactory()
    client.force_login(member)
    assert client.post(URL, _form()).status_code == 403
    assert not SiteSettings.objects.exists()
    staff = Client()
    staff.force_login(UserFactory(is_staff=True))
    assert staff.post(URL, _form(organisation_name="")).status_code == 400


def test_header_footer_and_legal_notice_name_the_organisation(client, staff_client):
    load_site_pages(stdout=io.StringIO())
    staff_client.post(URL, _form())
    home = client.get("/").content.decode()
    header = home.split('<header class="site-header">')[1].split("</header>")[0]
    footer = home.split('<footer class="site-footer">')[1].split("</footer>")[0]
    assert NAME in header
    assert NAME in footer and "60311 Frankfurt am Main" in footer
    assert "kontakt@example.org" in footer and "/seite/impressum/" in footer
    imprint = client.get(reverse("core:site_page", args=["impressum"])).content.decode()
    main = imprint.split('<main id="main"')[1]
    assert main.index(NAME) < main.index("Dies ist eine Demo-Installation")


def test_every_email_ends_with_the_organisation(staff_client, settings):
    staff_client.post(URL, _form())
    body = render_to_string(
        "directory/email/invitation.txt", {"organisation": None, "link": "https://x/"}
    )
    assert NAME in body and "60311 Frankfurt am Main" in body
    assert settings.SITE_URL + "/seite/impressum/" in body
    login_code = render_to_string(
        "account/email/login_code_message.txt", {"code": "ABC123", "current_site": None}
    )
    assert NAME in login_code


def test_the_settings_come_from_the_cache_and_saving_refreshes_them(client, staff_client):
    staff_client.post(URL, _form())
    with CaptureQueriesContext(connection) as first:
        client.get("/")  # fills the cache
    assert sum("core_sitesettings" in q["sql"] for q in first.captured_queries) == 1
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not any("core_sitesettings" in q["sql"] for q in queries.captured_queries)
    staff_client.post(URL, _form(organisation_name="Neuer Name e.V."))
    assert "Neuer Name e.V." in client.get("/").content.decode()


def test_the_pdf_letterhead_reads_the_logo_through_the_storage():
    """The logo goes into PDFs as data (read through the storage), never as a file path: S3
    storage has no paths, and certificates and the report must work there too."""
    from django.core.files.base import ContentFile

    site = SiteSettings.objects.create(pk=1, organisation_name=NAME)
    png = io.BytesIO()
    Image.new("RGB", (40, 20), "#0b6e4f").save(png, format="PNG")
    site.logo.save("logo.png", ContentFile(png.getvalue()), save=True)
    html = render_to_string("core/pdf/_letterhead.html", {"site_settings": site})
    assert 'src="data:image/png;base64,' in html and "file://" not in html
