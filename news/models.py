from wagtail.models import PageManager

from website.models import BasePage


class NewsIndexPage(BasePage):
    subpage_types = ["news.NewsPage"]


class NewsPage(BasePage):
    parent_page_types = ["news.NewsIndexPage"]
    objects = PageManager()
