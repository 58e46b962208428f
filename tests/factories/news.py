import datetime

import factory
import wagtail_factories
from django.utils import timezone

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Știri"
    slug = "stiri"
    intro = "Noutăți despre economia socială din București."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    """A live article, one day older than the previous one; `topics=[…]`, `tags=[…]` set the relations."""

    title = factory.Sequence(lambda n: f"Știre {n}")
    slug = factory.Sequence(lambda n: f"stire-{n}")
    intro = "Primăria Sectorului 3 lansează un program pentru întreprinderile sociale."
    date = factory.Sequence(lambda n: timezone.localdate() - datetime.timedelta(days=n))
    author = "Redacția"
    source_name = "Primăria Municipiului București"
    source_url = "https://www.pmb.ro/"

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.set(extracted)
            if create:
                obj.save()

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.add(*extracted)
            if create:
                obj.save()
