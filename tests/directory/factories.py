"""Factories of the directory's models."""

import secrets

import factory

from tests.factories import OrganisationFactory, UserFactory
from vernetzt.directory.enums import TermKind
from vernetzt.directory.models import Invitation, Municipality, Term


def term(kind: str, slug: str) -> Term:
    return Term.objects.get(kind=kind, slug=slug)


def municipality(key: str = "06611000") -> Municipality:
    """A municipality of the shipped geodata (default: Kassel)."""
    return Municipality.objects.get(key=key)


class ProfileFactory(OrganisationFactory):
    """A published association with a full profile; every group visible to staff only."""

    class Meta:
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Beispielverein Profil {n} e.V.")
    slug = factory.Sequence(lambda n: f"beispielverein-profil-{n}")
    is_published = True
    municipality = factory.LazyFunction(municipality)
    short_name = "BVP"
    legal_form = "ev"
    register_number = factory.Sequence(lambda n: f"VR {9000 + n}")
    founding_year = 2001
    description = "Geheime Beschreibung"
    street = "Geheimweg 7"
    postcode = "34117"
    latitude = 51.2871
    longitude = 9.4012
    website = "https://geheim.example"
    social_links = factory.LazyFunction(lambda: ["https://social.example/geheim"])
    contact_email = "geheim@beispielverein.example"
    members_range = "11-50"
    visibility_profile = "staff"
    visibility_contact = "staff"
    visibility_address = "staff"
    visibility_members = "staff"

    @factory.post_generation
    def terms(self, create, extracted, **kwargs):
        if not create:
            return
        self.fields.set([term(TermKind.FIELD, "jugend")])
        self.languages.set([term(TermKind.LANGUAGE, "tr")])
        self.target_groups.set([term(TermKind.TARGET, "jugendliche")])
        self.save()


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"colleague{n}@example.org")
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    invited_by = factory.SubFactory(UserFactory)


__all__ = ["InvitationFactory", "ProfileFactory", "UserFactory", "municipality", "term"]
