"""Staff verify, archive, merge, import (dry run, encodings, idempotent, all or nothing), export."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.directory.factories import ProfileFactory, UserFactory
from tests.factories import MembershipFactory, OrganisationFactory
from vernetzt.directory.models import HistoryEntry, Membership, Organisation

CSV_TEXT = (
    "name;municipality_key;register_number;founding_year;website;contact_email;fields;languages\n"
    "Beispielverein Größenwahn e.V.;06611000;VR 100;1990;https://a.example;a@a.example;jugend;tr,ar\n"
    "Beispielverein Süd;06412000;;;;;kultur;\n"
)


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(email="team@example.org", is_staff=True))
    return client


def _upload(staff_client, content, name="liste.csv", apply=False):
    data = {"file": SimpleUploadedFile(name, content)}
    if apply:
        data["apply"] = "1"
    return staff_client.post(reverse("directory:import"), data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_import_reads_common_encodings(staff_client, encoding):
    response = _upload(staff_client, CSV_TEXT.encode(encoding), apply=True)
    assert response.status_code == 200
    assert response.context["applied"] == {"create": 2, "update": 0, "unchanged": 0, "error": 0}
    organisation = Organisation.objects.get(register_number="VR 100")
    assert organisation.name == "Beispielverein Größenwahn e.V."
    assert sorted(organisation.languages.values_list("slug", flat=True)) == ["ar", "tr"]
    assert organisation.is_published is False


def test_dry_run_saves_nothing_and_second_import_changes_nothing(staff_client):
    preview = _upload(staff_client, CSV_TEXT.encode())
    assert preview.context["report"].summary["create"] == 2
    assert Organisation.objects.count() == 0
    _upload(staff_client, CSV_TEXT.encode(), apply=True)
    before = list(Organisation.objects.order_by("pk").values())
    again = _upload(staff_client, CSV_TEXT.encode(), apply=True)
    assert again.context["applied"] == {"create": 0, "update": 0, "unchanged": 2, "error": 0}
    assert list(Organisation.objects.order_by("pk").values()) == before


def test_import_with_a_bad_row_saves_nothing(staff_client):
    text = CSV_TEXT + (
        "Beispielverein Zukunft;06611000;;2999;kein-link;keine-mail;unbekannt;\n"
        ";99999999;;;;;;\n"
        "Beispielverein Zu viel;06611000;;;;;;;extra;cells\n"
    )
    response = _upload(staff_client, text.encode(), apply=True)
    report = response.context["report"]
    assert response.context["applied"] is None
    assert Organisation.objects.count() == 0
    errors = {row.number: row.errors for row in report.errors}
    assert sorted(errors) == [4, 5, 6]
    assert len(errors[4]) == 4  # year, website, email, field
    assert len(errors[5]) == 2  # name, municipality
    assert "Zukunft" in response.content.decode()


@pytest.mark.parametrize(
    "content",
    [b"vorname;ort\nA;B\n", b"\x00\x01\x02binary", b"PK\x03\x04broken-zip"],
    ids=["missing-columns", "binary", "broken-xlsx"],
)
def test_unreadable_files_get_a_clear_message(staff_client, content):
    response = _upload(staff_client, content)
    assert response.status_code == 400
    assert response.context["file_error"]
    assert Organisation.objects.count() == 0


def test_import_xlsx_and_export_round_trip(staff_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["name", "municipality", "founding_year"])
    sheet.append(["Beispielverein Tabelle", "Marburg", 2005])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _upload(staff_client, buffer.getvalue(), name="liste.xlsx", apply=True)
    assert response.context["applied"]["create"] == 1
    organisation = Organisation.objects.get(name="Beispielverein Tabelle")
    assert organisation.founding_year == 2005
    exported = staff_client.get(reverse("directory:export", args=["xlsx"]))
    rows = list(load_workbook(io.BytesIO(exported.content)).active.values)
    assert rows[1][0] == "Beispielverein Tabelle"
    text = staff_client.get(reverse("directory:export", args=["csv"])).content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[1][0] == "Beispielverein Tabelle"


def test_export_neutralises_formulas(staff_client):
    OrganisationFactory(name="=HYPERLINK(1)")
    text = staff_client.get(reverse("directory:export", args=["csv"])).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_import_command(tmp_path, db):
    path = tmp_path / "liste.csv"
    path.write_bytes(CSV_TEXT.encode("cp1252"))
    out = io.StringIO()
    call_command("import_organisations", str(path), "--dry-run", stdout=out)
    assert "dry run" in out.getvalue()
    assert Organisation.objects.count() == 0
    call_command("import_organisations", str(path), stdout=out)
    assert Organisation.objects.count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("name;municipality_key\nX;1\n")
    with pytest.raises(CommandError):
        call_command("import_organisations", str(bad), stdout=out, stderr=io.StringIO())


def test_verify_and_archive(staff_client):
    organisation = OrganisationFactory(is_published=True)
    staff_client.post(reverse("directory:verify", args=[organisation.slug]))
    organisation.refresh_from_db()
    assert organisation.status == "verified" and organisation.verified_at
    staff_client.post(reverse("directory:archive", args=[organisation.slug]))
    organisation.refresh_from_db()
    assert organisation.status == "archived"
    assert list(organisation.history.values_list("text", flat=True)) == ["Archived", "Verified"]


def test_verify_refuses_get(staff_client):
    organisation = OrganisationFactory()
    assert (
        staff_client.get(reverse("directory:verify", args=[organisation.slug])).status_code == 405
    )


def test_merge_moves_memberships_history_and_keeps_the_higher_role(staff_client):
    target = ProfileFactory(name="Beispielverein Original")
    duplicate = OrganisationFactory(name="Beispielverein Original (doppelt)", is_published=True)
    both = UserFactory()
    MembershipFactory(user=both, organisation=target, role="member")
    MembershipFactory(user=both, organisation=duplicate, role="admin")
    only_duplicate = MembershipFactory(organisation=duplicate).user
    HistoryEntry.objects.create(organisation=duplicate, text="Old note")
    response = staff_client.post(
        reverse("directory:merge", args=[duplicate.slug]), {"target": target.pk}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=both, organisation=target).role == "admin"
    assert Membership.objects.filter(user=only_duplicate, organisation=target).exists()
    assert not Membership.objects.filter(organisation=duplicate).exists()
    assert target.history.filter(text="Old note").exists()
    duplicate.refresh_from_db()
    assert (duplicate.status, duplicate.is_published, duplicate.merged_into) == (
        "archived",
        False,
        target,
    )
    # The duplicate's address forwards to the kept entry.
    assert staff_client.logout() is None
    forward = staff_client.get(duplicate.get_absolute_url())
    assert forward.status_code == 302 and forward["Location"] == target.get_absolute_url()


def test_merge_with_itself_is_refused(staff_client):
    organisation = OrganisationFactory()
    response = staff_client.post(
        reverse("directory:merge", args=[organisation.slug]), {"target": organisation.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
