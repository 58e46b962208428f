from datetime import date

import factory
import wagtail_factories

from guides.models import ActKind, GuideIndexPage, GuideQuestion, LegalAct, LegislationGuidePage


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ghiduri și legislație"
    slug = "ghiduri"
    intro = "Legislația pe înțelesul tuturor."

    class Meta:
        model = GuideIndexPage


class LegislationGuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ghid {n}")
    intro = "Ce prevede legea, pe scurt."
    last_reviewed = date(2026, 10, 1)

    class Meta:
        model = LegislationGuidePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, topics, **kwargs):
        if topics:
            self.topics.set(topics)
            if create:
                self.save()


class LegalActFactory(factory.django.DjangoModelFactory):
    kind = ActKind.LAW
    number = factory.Sequence(lambda n: str(100 + n))
    year = 2015
    title = "privind economia socială"
    url = "https://legislatie.just.ro/Public/DetaliiDocument/170258"

    class Meta:
        model = LegalAct


class GuideQuestionFactory(factory.django.DjangoModelFactory):
    question = factory.Sequence(lambda n: f"Întrebarea {n}?")
    answer = "<p>Un răspuns clar.</p>"

    class Meta:
        model = GuideQuestion
