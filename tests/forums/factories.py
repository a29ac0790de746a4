import factory

from tests.registration.factories import EventFactory, RegistrationFactory  # noqa: F401
from vernetzt.forums.models import Forum, ForumHost, ResultItem, Slot


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Zeitfenster {n}")
    position = factory.Sequence(lambda n: n)


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    slot = factory.SubFactory(SlotFactory)
    event = factory.LazyAttribute(lambda o: o.slot.event)
    title = factory.Sequence(lambda n: f"Forum {n}")
    capacity = 10
    languages = ["de"]
    step_free = True
    position = factory.Sequence(lambda n: n)


class ForumHostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForumHost

    forum = factory.SubFactory(ForumFactory)
    user = None


class ResultItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultItem

    forum = factory.SubFactory(ForumFactory)
    kind = ResultItem.Kind.NEED
    text = factory.Sequence(lambda n: f"Ein Bedarf Nummer {n}")
    is_published = True
