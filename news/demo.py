"""Demo news for `seed_demo`: the "Știri" section and about twenty articles, from demo_data/ (JSON)."""

import datetime
from pathlib import Path

from django.utils import timezone
from taggit.models import Tag

from website import demo

from .models import NewsIndexPage, NewsPage, NewsPageTag

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
# The section and its articles: slug, days ago, title, intro, paragraphs, topics, tags, author, source, views.
ARTICLES = DATA_DIR / "articles.json"
# The platform's own launch announcement.
LAUNCH_ARTICLE = DATA_DIR / "launch.json"


def tag(name):
    """The taggit tag with this name, created on the first run."""
    return Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)


def seed(*, home, topics):
    data = demo.load_data(ARTICLES)
    section = data["index"]
    index = demo.child_page(
        home,
        NewsIndexPage,
        slug=section["slug"],
        title=section["title"],
        show_in_menus=True,
        intro=section["intro"],
        topics=[topics[slug] for slug in section["topics"]],
    )
    today = timezone.localdate()
    for number, article in enumerate(data["articles"]):
        demo.child_page(
            index,
            NewsPage,
            listing_image=demo.generated_image(article["title"], seed=number),
            **_article_fields(article, topics=topics, today=today),
        )
    seed_launch_article(index, topics=topics, today=today, image_seed=len(data["articles"]))
    return []


def _article_fields(article, *, topics, today):
    return {
        "slug": article["slug"],
        "title": article["title"],
        "intro": article["intro"],
        "body": demo.paragraph(*article["paragraphs"]),
        "date": today - datetime.timedelta(days=article["days_ago"]),
        "author": article["author"],
        "source_name": article["source_name"],
        "source_url": article["source_url"],
        "view_count": article["views"],
        "topics": [topics[slug] for slug in article["topics"]],
        "tagged_items": [NewsPageTag(tag=tag(name)) for name in article["tags"]],
    }


def seed_launch_article(index, *, topics, today, image_seed):
    """The launch announcement from LAUNCH_ARTICLE; a later run brings its texts up to date."""
    data = demo.load_data(LAUNCH_ARTICLE)
    fields = _article_fields(data, topics=topics, today=today)
    article = demo.child_page(
        index, NewsPage, listing_image=demo.generated_image(data["slug"], seed=image_seed), **fields
    )
    texts = ("title", "intro", "body", "author", "source_name", "source_url")
    return demo.update_page(article, **{name: fields[name] for name in texts})
