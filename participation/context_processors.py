from .notifications import unread_count


def notifications(request):
    """The unread count in the header, read only when a template asks for it."""
    user = getattr(request, "user", None)
    return {"unread_notifications": (lambda: unread_count(user)) if user is not None else 0}
