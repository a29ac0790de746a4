import factory

from tests.registration.factories import EventFactory, ProgrammeItemFactory
from vernetzt.events.models import ProgrammeItem
from vernetzt.live.models import ChairRequest, LiveQuestion, LiveRoom, Poll, PollOption

__all__ = ["EventFactory", "LiveRoomFactory", "ProgrammeItemFactory"]


class LiveRoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiveRoom
        skip_postgeneration_save = True

    programme_item = factory.SubFactory(
        ProgrammeItemFactory, title="Offenes Podium", kind=ProgrammeItem.Kind.PANEL
    )
    event = factory.LazyAttribute(lambda o: o.programme_item.event)
    code = factory.Sequence(lambda n: f"raum{n}")
    is_open = True
    moderation = True


class LiveQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiveQuestion

    room = factory.SubFactory(LiveRoomFactory)
    text = factory.Sequence(lambda n: f"Beispielfrage {n}?")
    device_id = factory.Sequence(lambda n: f"device-question-{n:06d}")
    status = LiveQuestion.Status.APPROVED


class ChairRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChairRequest

    room = factory.SubFactory(LiveRoomFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    topic = "Ein Thema"
    device_id = factory.Sequence(lambda n: f"device-chair-{n:06d}")


class PollFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Poll
        skip_postgeneration_save = True

    room = factory.SubFactory(LiveRoomFactory)
    question = "Wie finden Sie das Treffen?"

    @factory.post_generation
    def answers(self, create, extracted, **kwargs):
        if create:
            for i, label in enumerate(extracted or ["Gut", "Sehr gut"]):
                PollOption.objects.create(poll=self, label=label, position=i)
