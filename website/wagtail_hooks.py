from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import admin_hooks  # noqa: F401  (registers the admin's Romanian and slug hooks)
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
