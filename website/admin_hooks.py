"""The admin in Romanian, for this platform: ASCII slugs with help, the editor's guide, messages.

Imported by website.wagtail_hooks, so that Wagtail registers these hooks at start-up.
"""

from django.db import models
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.compare import FieldComparison, register_comparison_class
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from .slugs import AsciiSlugFormField, slug_input

PAGE_SLUG_HELP = _(
    "The last part of the page's web address, for example “reparatii-scoala” in /stiri/reparatii-scoala/. "
    "It is filled in from the title; only letters without diacritics, digits and hyphens "
    "(ă, â, î, ș and ț become a, a, i, s and t). If you change it on a published page, "
    "the old address redirects to the new one."
)


def slug_field_override(db_field):
    """Every slug edited in the admin (pages, organizations, topics) is ASCII, in the browser and on the server."""
    override = {"form_class": AsciiSlugFormField, "widget": slug_input()}
    if db_field.model is Page:
        # Wagtail's own help text names "domain.com/blog": say what the address is on this site.
        override["help_text"] = PAGE_SLUG_HELP
    return override


register_form_field_override(models.SlugField, override=slug_field_override)


class BooleanFieldComparison(FieldComparison):
    """A yes/no field in the revision comparison: "Nu → Da", where Wagtail writes "FalseTrue"."""

    @staticmethod
    def label(value):
        if value is None:
            return "–"
        return capfirst(_("yes") if value else _("no"))

    def htmldiff(self):
        if self.val_a == self.val_b:
            return self.label(self.val_a)
        return format_html(
            '<span class="deletion">{}</span> → <span class="addition">{}</span>',
            self.label(self.val_a),
            self.label(self.val_b),
        )


register_comparison_class(models.BooleanField, comparison_class=BooleanFieldComparison)


def editor_guide(request):
    """The editors' and moderators' guide to this platform, in Romanian, inside the admin (staff only)."""
    title = _("Editor's guide")
    context = {"page_title": title, "header_title": title, "header_icon": "help"}
    return render(request, "wagtailadmin/editor_guide.html", context)


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    # Admin URLs are served only to people who may use the admin.
    return [path("ghid/", editor_guide, name="editor_guide")]


@hooks.register("construct_help_menu")
def point_help_at_our_guide(request, menu_items):
    """The help menu opens this platform's guide, not Wagtail's English guide and release notes."""
    menu_items[:] = [
        item for item in menu_items if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.insert(0, MenuItem(_("Editor's guide"), reverse("editor_guide"), icon_name="help", order=1100))
