from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **kwargs):
    """The current query string with some parameters replaced (for pagination and filter links)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def page_range(paginator, page_obj):
    """Page numbers around the current one, with ellipses, for long listings."""
    return paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
