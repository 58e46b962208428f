"""Reading the public directory. Its filters, shared by the website, the exports and the API, are in filters.py."""

from .models import Organization


def public_organizations():
    """Published organizations: the values moderators approved last, never drafts or pending changes."""
    return Organization.objects.live()
