from datetime import timedelta

import factory
from django.utils import timezone

from vernetzt.events.models import Event, ProgrammeItem, StagePerson, Venue
from vernetzt.registration.models import Registration


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = "Beispielhaus"
    address = "Beispielstraße 1, 60311 Frankfurt am Main"
    step_free = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Beispieltreffen {n}")
    slug = factory.Sequence(lambda n: f"beispieltreffen-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=7))
    venue = factory.SubFactory(VenueFactory)
    status = Event.Status.REGISTRATION_OPEN
    capacity = 60

    @factory.post_generation
    def builtin_questions(self, create, extracted, **kwargs):
        if create and extracted is not False:
            from vernetzt.registration.services import ensure_builtin_questions

            ensure_builtin_questions(event=self)


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    title = "Begrüßung"
    kind = ProgrammeItem.Kind.GREETING


class StagePersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StagePerson

    programme_item = factory.SubFactory(ProgrammeItemFactory)
    event = factory.LazyAttribute(lambda o: o.programme_item.event)
    name = "Alex Beispiel"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration (bypasses the service: for arranging data only)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    first_name = "Kim"
    last_name = factory.Sequence(lambda n: f"Beispiel{n}")
    email = factory.Sequence(lambda n: f"teilnahme{n}@example.org")
    email_normalised = factory.LazyAttribute(lambda o: o.email.lower() if o.email else None)
    status = Registration.Status.CONFIRMED
