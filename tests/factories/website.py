import factory
import wagtail_factories
from django.utils.text import slugify

from website.models import ContentPage, FormField, FormPage, HomePage, SiteSettings, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Temă {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = Topic
        django_get_or_create = ["slug"]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Acasă"
    slug = "acasa"
    hero_title = "Bucureștiul social și solidar"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagină {n}")
    intro = "O pagină de conținut."

    class Meta:
        model = ContentPage


class FormPageFactory(wagtail_factories.PageFactory):
    title = "Contact"
    slug = "contact"

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Câmp {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    contact_email = "contact@example.org"
    funding_disclaimer = "Proiect cofinanțat din Fondul Social European."

    class Meta:
        model = SiteSettings
