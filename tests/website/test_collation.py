"""Romanian alphabetical order on the database (SQLite here, PostgreSQL in CI's second pass) and in Python."""

import random

import pytest

from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.website import TopicFactory
from website.collation import romanian, romanian_sort_key
from website.filters import topic_options
from website.models import Topic

ROMANIAN_ORDER = ["Abc", "Ăbc", "Inserție", "Îngrijire", "Sănătate", "Șanse", "Tineret", "Țară", "Vârstnici"]


def shuffled(values):
    values = list(values)
    random.Random(7).shuffle(values)
    return values


def test_python_sort_key():
    assert sorted(shuffled(ROMANIAN_ORDER), key=romanian_sort_key) == ROMANIAN_ORDER


def test_python_sort_key_ignores_case_and_legacy_cedillas():
    assert sorted(["șanse", "Sănătate", "ţară", "Tineret"], key=romanian_sort_key) == [
        "Sănătate",
        "șanse",
        "Tineret",
        "ţară",
    ]


@pytest.mark.django_db
def test_database_order():
    for name in shuffled(ROMANIAN_ORDER):
        TopicFactory(name=name, slug=f"tema-{ROMANIAN_ORDER.index(name)}")
    assert list(Topic.objects.order_by(romanian("name")).values_list("name", flat=True)) == ROMANIAN_ORDER


@pytest.mark.django_db
def test_filter_options_are_in_romanian_order():
    for name in shuffled(ROMANIAN_ORDER):
        TopicFactory(name=name, slug=f"tema-{ROMANIAN_ORDER.index(name)}")
    assert [label for _slug, label in topic_options()] == ROMANIAN_ORDER


@pytest.mark.django_db
def test_news_topics_and_tags_are_in_romanian_order(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    for name in shuffled(ROMANIAN_ORDER):
        TopicFactory(name=name, slug=f"tema-{ROMANIAN_ORDER.index(name)}")
    article = NewsPageFactory(parent=index)
    article.tags.add(*shuffled(ROMANIAN_ORDER))
    article.save_revision().publish()
    response = client.get(index.url)
    fields = response.context["filter_form"].fields
    # Each option says how many articles it gives: "Îngrijire (0)".
    assert [label.rsplit(" (", 1)[0] for value, label in fields["tema"].choices if value] == ROMANIAN_ORDER
    assert [label.rsplit(" (", 1)[0] for value, label in fields["eticheta"].choices if value] == ROMANIAN_ORDER
    article_tags = client.get(article.url).context["tags"]
    assert [tag.name for tag in article_tags] == ROMANIAN_ORDER
