from django.core.paginator import Paginator


def paginate(request, queryset, per_page):
    """A page of `queryset` for the `page` query parameter.

    Bad values never fail: a non-number gives the first page, a number past the end the last one.
    """
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))
