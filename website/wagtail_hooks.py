from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
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
