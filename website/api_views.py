"""What every custom endpoint of the partner API shares (mixed into the apps' BaseAPIViewSet subclasses)."""

from wagtail.api.v2.utils import BadRequestError


class StrictParametersMixin:
    """Only the documented parameters: Wagtail's default also accepts (and ignores) any field name."""

    def check_query_parameters(self, queryset):
        unknown = set(self.request.GET.keys()) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                f"query parameter is not an operation or a recognised filter: {', '.join(sorted(unknown))}"
            )


class FindBySlugMixin:
    """`find/?slug=` (and `find/?id=`) answer with the object's detail."""

    def find_object(self, queryset, request):
        if "slug" in request.GET:
            return queryset.get(slug=request.GET["slug"])
        if "id" in request.GET:
            return queryset.get(pk=int(request.GET["id"]))
        return None


def requested_order(value, orderable):
    """`?order=name,-created_at` as `[("name", False), ("created_at", True)]` (name, descending); a field outside
    `orderable` is a 400."""
    order = []
    for field in value.split(","):
        name = field.strip().lstrip("-")
        if name not in orderable:
            raise BadRequestError(f"cannot order by '{field}'; use one of: {', '.join(sorted(orderable))}")
        order.append((name, field.strip().startswith("-")))
    return order
