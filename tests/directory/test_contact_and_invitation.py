"""The contact form relays by email without showing the address; invitations make members."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.directory.factories import InvitationFactory, ProfileFactory, UserFactory
from vernetzt.directory.models import Membership

MESSAGE = {
    "name": "Alex Beispiel",
    "email": "alex@example.org",
    "message": "Hallo, wir möchten kooperieren.",
}


def test_contact_sends_no_copy_to_a_typed_address(client, hidden_profile):
    """A visitor could type anyone's address: the relay would mail them on the visitor's word."""
    response = client.post(reverse("directory:contact", args=[hidden_profile.slug]), MESSAGE)
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[hidden_profile.contact_email]]


def test_contact_relays_with_copy_to_a_verified_address_and_hides_address(client, hidden_profile):
    client.force_login(UserFactory(email="alex@example.org"))  # verified by the factory
    page = client.get(reverse("directory:contact", args=[hidden_profile.slug]))
    assert hidden_profile.contact_email not in page.content.decode()
    response = client.post(reverse("directory:contact", args=[hidden_profile.slug]), MESSAGE)
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    relay, copy = mail.outbox
    assert relay.to == [hidden_profile.contact_email]
    assert relay.reply_to == ["alex@example.org"]
    assert "kooperieren" in relay.body
    assert copy.to == ["alex@example.org"]
    assert hidden_profile.contact_email not in copy.body + copy.subject


def test_contact_is_rate_limited(client, hidden_profile):
    url = reverse("directory:contact", args=[hidden_profile.slug])
    statuses = [client.post(url, MESSAGE).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == 3  # no copies to a typed address


def test_contact_validates_and_keeps_input(client, hidden_profile):
    response = client.post(
        reverse("directory:contact", args=[hidden_profile.slug]),
        {"name": "Alex", "email": "not-an-email", "message": "Hallo zusammen, ein Test."},
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert "Hallo zusammen" in response.content.decode()
    assert mail.outbox == []


def test_contact_goes_to_admins_without_contact_email(client, world):
    organisation = world["organisation_a"]
    client.post(reverse("directory:contact", args=[organisation.slug]), MESSAGE)
    assert mail.outbox[0].to == ["admin-a@example.org"]


def test_invite_and_accept(client, world, django_capture_on_commit_callbacks):
    organisation = world["organisation_a"]
    client.force_login(world["users"]["admin_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("directory:invite", args=[organisation.slug]),
            {"email": "Kollegin@Example.org", "role": "admin"},
        )
    assert response.status_code == 302
    assert mail.outbox[0].to == ["kollegin@example.org"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/einladung/" in line)
    path = link.split("testserver", 1)[1].strip()
    colleague = UserFactory(email="kollegin@example.org")
    client.force_login(colleague)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    membership = Membership.objects.get(user=colleague, organisation=organisation)
    assert membership.role == "admin"
    assert client.get(path).status_code == 404  # used up


def test_invitation_for_another_address_is_not_accepted(client, world):
    invitation = InvitationFactory(organisation=world["organisation_a"], email="x@example.org")
    client.force_login(world["users"]["admin_b"])
    url = reverse("directory:invitation_accept", args=[invitation.token])
    client.post(url)
    assert not Membership.objects.filter(
        user=world["users"]["admin_b"], organisation=world["organisation_a"]
    ).exists()


@pytest.mark.django_db
def test_member_cannot_invite(client, world):
    client.force_login(world["users"]["member"])
    url = reverse("directory:invite", args=[world["organisation_a"].slug])
    assert client.post(url, {"email": "a@example.org", "role": "admin"}).status_code == 403
    assert mail.outbox == []
    assert ProfileFactory  # factories import used by other tests
