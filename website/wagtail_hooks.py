from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_hooks  # noqa: F401  (registers the admin's Romanian and slug hooks)
from .hooks import API_ENDPOINTS_HOOK
from .models import Topic
from .spreadsheets import SafeSpreadsheetExportMixin


class TopicIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class TopicViewSet(SnippetViewSet):
    model = Topic
    index_view_class = TopicIndexView
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    # Search the listing with plain ORM lookups: the default backend on SQLite cannot restrict
    # a search to named fields.
    search_backend_name = None
    ordering = ["name"]


register_snippet(TopicViewSet)


@hooks.register(API_ENDPOINTS_HOOK)
def topics_api_endpoint():
    """`/api/v2/topics/`: every topic, the values of the other endpoints' `topic` filters."""
    from .api_topics import TopicAPIViewSet

    return "topics", TopicAPIViewSet
