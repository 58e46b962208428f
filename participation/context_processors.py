from django.utils.functional import SimpleLazyObject

from .notifications import unread_count


def notifications(request):
    """The unread count in the header: one query, only when a template shows it."""
    user = getattr(request, "user", None)
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user) if user is not None else 0)}
