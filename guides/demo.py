"""Demo guides for `seed_demo`: the laws an NGO in Bucharest meets first, explained, with questions and answers.

The texts are data: demo_data/guides.json (the section, then each guide with its acts, body and questions).
"""

from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from website import demo

from .models import GuideIndexPage, GuideQuestion, LegalAct, LegislationGuidePage

GUIDES = Path(__file__).resolve().parent / "demo_data" / "guides.json"


def seed(*, home, topics):
    today = timezone.localdate()
    data = demo.load_data(GUIDES)
    section = data["index"]
    index = demo.child_page(
        home,
        GuideIndexPage,
        slug=section["slug"],
        title=section["title"],
        show_in_menus=True,
        intro=section["intro"],
        body=demo.streamfield(section["body"]),
        topics=[topics[slug] for slug in section["topics"]],
    )
    for guide in data["guides"]:
        demo.child_page(
            index,
            LegislationGuidePage,
            slug=guide["slug"],
            title=guide["title"],
            intro=guide["intro"],
            body=demo.streamfield(guide["body"]),
            legal_acts=[LegalAct(sort_order=position, **act) for position, act in enumerate(guide["acts"])],
            faq_items=[
                GuideQuestion(sort_order=position, question=question, answer=f"<p>{answer}</p>")
                for position, (question, answer) in enumerate(guide["faq"])
            ],
            last_reviewed=today - timedelta(days=guide["reviewed_days_ago"]),
            topics=[topics[slug] for slug in guide["topics"]],
        )
    return []
