"""The admin in Romanian, for this platform: ASCII slugs with help, the editor's guide, messages.

Imported by website.wagtail_hooks, so that Wagtail registers these hooks at start-up.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
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
