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
