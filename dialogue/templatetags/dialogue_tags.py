"""Members' text in the dialogue's templates: rendered by dialogue.text (a safe Markdown subset), never raw."""

from django import template

from dialogue import text

register = template.Library()


@register.filter
def member_text(value):
    """The member's text as sanitised HTML: links `rel="nofollow ugc noopener"`, no markup of theirs survives."""
    return text.render(value)


@register.filter
def member_excerpt(value, length=200):
    """The member's text as a short plain excerpt (a quote, a card); autoescaped like any text."""
    return text.excerpt(value, int(length))
