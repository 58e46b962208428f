from django import template

from participation import follows

register = template.Library()


@register.inclusion_tag("participation/includes/follow_button.html", takes_context=True)
def follow_button(context, obj):
    """ "Urmăriți" / "Nu mai urmăriți" for a followable object; anonymous readers are invited to log in."""
    request = context["request"]
    # Wagtail's previews render with a dummy request that has no user.
    user = getattr(request, "user", None)
    authenticated = bool(user and user.is_authenticated)
    return {
        "request": request,
        "authenticated": authenticated,
        "obj": obj,
        "label": obj._meta.label_lower,
        "following": authenticated and follows.is_following(user=user, obj=obj),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("participation/includes/report_link.html", takes_context=True)
def report_link(context, obj):
    """ "Raportează" for a public submission (members only)."""
    user = getattr(context["request"], "user", None)  # previews render with a request that has no user
    return {
        "request": context["request"],
        "authenticated": bool(user and user.is_authenticated),
        "obj": obj,
        "label": obj._meta.label_lower,
    }
