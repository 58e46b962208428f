import factory

from dialogue.models import Post, Thread, ThreadKind, Visibility
from participation.models import ModerationState
from tests.factories.members import UserFactory


class ThreadFactory(factory.django.DjangoModelFactory):
    """An approved public discussion by default; `kind=ThreadKind.ASSISTANCE`, `visibility=Visibility.MEMBERS`,
    `moderation_state=ModerationState.PENDING` for the others; `topics=[…]` sets the topics."""

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Cum colaborăm cu primăria pe proiecte de incluziune {n}?")
    text = "Căutăm exemple de parteneriate care au funcționat în sectorul nostru."
    kind = ThreadKind.DISCUSSION
    visibility = Visibility.PUBLIC
    moderation_state = ModerationState.APPROVED

    class Meta:
        model = Thread
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)


class PostFactory(factory.django.DjangoModelFactory):
    """An approved reply; the thread's counters are not updated (call dialogue.services.thread_recount)."""

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Vă recomandăm să discutați cu direcția de asistență socială ({n}).")
    moderation_state = ModerationState.APPROVED

    class Meta:
        model = Post
