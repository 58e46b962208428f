from django import template
from wagtail.models import Page

from members.selectors import user_display_name

register = template.Library()

PRIVACY_POLICY_SLUG = "politica-de-confidentialitate"


@register.simple_tag(takes_context=True)
def privacy_policy_url(context):
    """The address of the privacy-policy content page (slug "politica-de-confidentialitate"), if it is published."""
    page = Page.objects.live().public().filter(slug=PRIVACY_POLICY_SLUG).first()
    return page.get_url(context.get("request")) if page else ""


@register.simple_tag
def member_name(user):
    return user_display_name(user) if user and user.is_authenticated else ""


@register.filter
def minutes(duration):
    """A timedelta as whole minutes (at least 1)."""
    return max(1, int(duration.total_seconds() // 60)) if duration else 0
