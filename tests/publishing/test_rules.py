"""Rules of the public documentation and the ministry report that a change could break
silently: each test here fails when its rule is taken out."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory
from tests.registration.factories import EventFactory, RegistrationFactory
from vernetzt.publishing import queries, services

from .factories import photo_for

pytestmark = pytest.mark.django_db


def test_photo_whose_consent_is_withdrawn_after_publishing_leaves_the_public_documentation(
    event,
):
    """Publishing refuses photos without consent, so only the filter guards a later change."""
    shown = photo_for(event, caption="Erlaubt")
    withdrawn = photo_for(event, caption="Widerrufen")
    documentation = services.get_or_create_documentation(event=event)
    documentation.cover_photo = withdrawn
    documentation.save()
    services.publish_documentation(documentation=documentation)
    withdrawn.lacks_consent = True
    withdrawn.save()

    public = queries.documentation_content(documentation, public=True, language="de")
    assert [p.pk for p in public["photos"]] == [shown.pk]
    assert public["cover"] is None
    staff = queries.documentation_content(documentation, public=False, language="de")
    assert {p.pk for p in staff["photos"]} == {shown.pk, withdrawn.pk}

    page = Client().get(reverse("publishing:documentation", kwargs={"slug": event.slug}))
    body = page.content.decode()
    assert shown.thumbnail.url in body or shown.image.url in body
    assert withdrawn.thumbnail.url not in body and withdrawn.image.url not in body


def _meeting(year_offset_days=-10, **fields):
    from django.utils import timezone

    start = timezone.now() + timezone.timedelta(days=year_offset_days)
    return EventFactory(
        status="past", starts_at=start, ends_at=start + timezone.timedelta(hours=6), **fields
    )


def test_report_counts_the_checked_in_once_check_in_was_used_else_the_confirmed():
    with_check_in = _meeting(-10)
    orgs = [OrganisationFactory() for _ in range(4)]
    came = [
        RegistrationFactory(
            event=with_check_in, organisation=orgs[i], checked_in_at=with_check_in.starts_at
        )
        for i in range(2)
    ]
    RegistrationFactory(event=with_check_in, organisation=orgs[2])  # confirmed, did not come
    RegistrationFactory(
        event=with_check_in, organisation=orgs[3], status="cancelled", checked_in_at=None
    )
    facts = queries.figures(with_check_in)
    assert facts["participants"] == 2  # checked in, not the 3 confirmed
    assert facts["organisations"] == 2
    assert set(queries.participants(with_check_in)) == set(came)

    without_check_in = _meeting(-5)
    for org in orgs[:3]:
        RegistrationFactory(event=without_check_in, organisation=org)
    RegistrationFactory(event=without_check_in, status="waiting", waiting_position=1)
    facts = queries.figures(without_check_in)
    assert facts["participants"] == 3  # no check-in used: the confirmed count
    assert facts["organisations"] == 3

    year = with_check_in.starts_at.year
    if without_check_in.starts_at.year == year:
        assert queries.report(year)["participants"] == 5
