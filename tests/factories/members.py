import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from members.models import Membership
from tests.factories.directory import OrganizationFactory

PASSWORD = "Parola-de-test-2026"


class UserFactory(factory.django.DjangoModelFactory):
    """A member with a confirmed email address (allauth's EmailAddress) and the password PASSWORD."""

    username = factory.Sequence(lambda n: f"membru{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Sequence(lambda n: f"Ana{n}")
    last_name = "Popescu"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if not create:
            return
        obj.save()
        if extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class MembershipFactory(factory.django.DjangoModelFactory):
    """An approved membership; `state=Membership.State.REQUESTED` for a request waiting for a decision."""

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Membership.Role.MEMBER
    state = Membership.State.APPROVED
    decided_at = factory.LazyAttribute(lambda o: None if o.state == Membership.State.REQUESTED else timezone.now())

    class Meta:
        model = Membership

    class Params:
        administrator = factory.Trait(role=Membership.Role.ADMINISTRATOR)
        requested = factory.Trait(state=Membership.State.REQUESTED)
