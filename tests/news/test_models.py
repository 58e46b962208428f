import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page
from wagtail_factories import ImageFactory

from news.models import NewsIndexPage, NewsPage
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.website import ContentPageFactory
from website.models import HomePage

pytestmark = pytest.mark.django_db


class TestTreeRules:
    def test_news_index_only_under_home_page(self):
        assert NewsIndexPage.allowed_parent_page_models() == [HomePage]

    def test_news_index_holds_only_news_pages(self):
        assert NewsIndexPage.allowed_subpage_models() == [NewsPage]

    def test_news_page_only_under_news_index(self):
        assert NewsPage.allowed_parent_page_models() == [NewsIndexPage]

    def test_news_page_has_no_children(self):
        assert NewsPage.allowed_subpage_models() == []

    def test_where_editors_can_create_them(self, home_page, news_index):
        content_page = ContentPageFactory(parent=home_page)
        assert NewsPage.can_create_at(news_index)
        assert not NewsPage.can_create_at(home_page)
        assert not NewsPage.can_create_at(content_page)
        assert not NewsIndexPage.can_create_at(content_page)
        assert not NewsIndexPage.can_create_at(Page.get_first_root_node())

    def test_one_news_index_per_home_page(self, home_page):
        assert NewsIndexPage.can_create_at(home_page)
        NewsIndexPageFactory(parent=home_page)
        assert not NewsIndexPage.can_create_at(home_page)


class TestNewsPage:
    def test_date_defaults_to_today(self, news_index):
        page = news_index.add_child(instance=NewsPage(title="Fără dată", slug="fara-data"))
        assert page.date == timezone.localdate()

    def test_view_count_is_not_editable_in_the_admin(self):
        form_class = NewsPage.get_edit_handler().get_form_class()
        assert "view_count" not in form_class.base_fields
        assert {"date", "author", "source_name", "source_url", "tags", "topics", "listing_image"} <= set(
            form_class.base_fields
        )

    def test_newest_first(self, news_index):
        today = timezone.localdate()
        older = NewsPageFactory(parent=news_index, date=today - datetime.timedelta(days=5))
        newer = NewsPageFactory(parent=news_index, date=today)
        assert list(news_index.news()) == [newer, older]

    def test_listing_is_newest_first_whatever_the_tree_order(self, news_index):
        """HomePage shows `NewsPage.objects.live().public().for_listing()[:3]` as the latest news."""
        today = timezone.localdate()
        pages = [NewsPageFactory(parent=news_index, date=today - datetime.timedelta(days=n)) for n in (9, 1, 5, 0)]
        latest = list(NewsPage.objects.live().public().for_listing()[:3])
        assert latest == [pages[3], pages[1], pages[2]]

    def test_index_lists_only_live_public_children(self, news_index):
        live = NewsPageFactory(parent=news_index)
        NewsPageFactory(parent=news_index, live=False)
        assert list(news_index.news()) == [live]

    def test_for_listing_reads_topics_tags_and_image_without_more_queries(
        self, news_index, economy, django_assert_num_queries
    ):
        for _ in range(4):
            NewsPageFactory(
                parent=news_index,
                topics=[economy],
                tags=["ONG", "Sectorul 3"],
                listing_image=ImageFactory(file__width=1280, file__height=720),
            )
        for page in NewsPage.objects.all():
            page.listing_image.get_rendition("fill-640x360|format-webp")
        with django_assert_num_queries(5):  # view restrictions, pages with images, topics, tags, renditions
            pages = list(NewsPage.objects.live().public().for_listing())
            for page in pages:
                assert [topic.name for topic in page.topics.all()] == ["Economie socială"]
                assert sorted(tag.name for tag in page.tags.all()) == ["ONG", "Sectorul 3"]
                assert page.listing_image.get_rendition("fill-640x360|format-webp").width == 640


class TestRelatedNews:
    def test_latest_three_sharing_a_topic_excluding_itself(self, news_index, economy, environment):
        today = timezone.localdate()
        page = NewsPageFactory(parent=news_index, topics=[economy], date=today)
        related = [
            NewsPageFactory(parent=news_index, topics=[economy, environment], date=today - datetime.timedelta(days=n))
            for n in range(1, 5)
        ]
        NewsPageFactory(parent=news_index, topics=[environment], date=today)  # no shared topic
        NewsPageFactory(parent=news_index, topics=[economy], date=today, live=False)  # draft
        assert list(page.related_news([economy.pk])) == related[:3]

    def test_no_topics_no_related_news(self, news_index):
        page = NewsPageFactory(parent=news_index)
        NewsPageFactory(parent=news_index)
        assert list(page.related_news([])) == []
