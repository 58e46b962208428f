"""What the proposal templates show: a state's badge, an amount in lei."""

from decimal import Decimal

from django import template
from django.utils import formats

from proposals.models import ProposalState

register = template.Library()

S = ProposalState
# The badge modifiers of static/css/site.css: green once accepted, blue while the authority reads it, amber when the
# proposer has something to do, grey when it ended without a project.
BADGES = {
    S.DRAFT: "badge--closed",
    S.SUBMITTED: "badge--upcoming",
    S.UNDER_REVIEW: "badge--upcoming",
    S.CHANGES_REQUESTED: "badge--closing-soon",
    S.ACCEPTED: "badge--open",
    S.IN_PROGRESS: "badge--open",
    S.COMPLETED: "badge--open",
    S.REJECTED: "badge--closed",
    S.WITHDRAWN: "badge--closed",
}


@register.filter
def state_badge(state):
    return BADGES.get(state, "badge--closed")


@register.filter
def lei(amount):
    """150000 as "150.000 lei", 1500.5 as "1.500,50 lei" (Romanian grouping and decimal comma)."""
    if amount in (None, ""):
        return ""
    amount = Decimal(amount)
    decimals = 0 if amount == amount.to_integral_value() else 2
    return f"{formats.number_format(amount, decimal_pos=decimals, use_l10n=True, force_grouping=True)} lei"
