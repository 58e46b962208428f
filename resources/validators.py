"""Rules on single values of a resource, with the messages editors read in the admin."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from .validity import bucharest_today

FIRST_YEAR = 1990


def validate_year(value):
    """A publication year from 1990 to the current year (in Bucharest)."""
    last = bucharest_today().year
    if value > last:
        raise ValidationError(
            _("The year cannot be in the future: enter %(last)s or an earlier year."),
            code="year_in_future",
            params={"last": last},
        )
    if value < FIRST_YEAR:
        raise ValidationError(
            _("The library holds resources from %(first)s on: enter a year between %(first)s and %(last)s."),
            code="year_too_early",
            params={"first": FIRST_YEAR, "last": last},
        )


def validate_web_link(value):
    """An address on the web: http:// or https:// only (no ftp:, javascript:, file:)."""
    if urlsplit(value).scheme.lower() not in ("http", "https"):
        raise ValidationError(_("The link must start with http:// or https://."), code="scheme")
    URLValidator(schemes=["http", "https"])(value)


def validate_policy_page(value):
    """A strategy, public policy or action plan of the library (a consultation's "implements"), by page id."""
    from .models import POLICY_KINDS, ResourcePage

    if value is not None and not ResourcePage.objects.filter(pk=value, kind__in=POLICY_KINDS).exists():
        raise ValidationError(
            _("Choose a strategy, a public policy or an action plan of the resources library."), code="not_a_policy"
        )
