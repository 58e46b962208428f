from django.utils.translation import gettext as _
from wagtail import hooks

from directory.views import PROFILE_SECTIONS_HOOK

from .models import FundingCallPage


@hooks.register(PROFILE_SECTIONS_HOOK)
def funding_calls_section(organization, request):
    """The funding calls an organization gives, on its directory profile (open ones first)."""
    calls = FundingCallPage.objects.live().public().filter(funder_organization=organization).order_by_deadline()
    items = [(f"{call.title} ({call.status_label})", call.get_url(request)) for call in calls[:20]]
    return {"title": _("Funding calls it gives"), "items": items}
