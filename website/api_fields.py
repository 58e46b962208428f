"""Fields every endpoint of the partner API writes the same way (imported by the apps' endpoints; website/api.py,
the router, imports the apps, so these live apart from it)."""

from django.utils import timezone
from rest_framework import serializers
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url


def moment(value):
    """A moment as the API writes it: ISO 8601 in Bucharest's time (the offset says which), or None."""
    return timezone.localtime(value).isoformat() if value else None


def moment_field():
    """A read-only date-time field of an endpoint, in Bucharest's time like `moment`."""
    return serializers.DateTimeField(default_timezone=timezone.get_default_timezone(), read_only=True)


class InstanceField(Field):
    """A field computed from the whole object."""

    def get_attribute(self, instance):
        return instance


class PageUrlField(InstanceField):
    """The page on the website, as an absolute URL."""

    def to_representation(self, page):
        return get_full_url(self.context["request"], page.get_url(self.context["request"]))


class OwnDetailUrlField(InstanceField):
    """The serving endpoint's own detail URL: Wagtail's would name the first endpoint serving the model (`pages`)."""

    def to_representation(self, obj):
        request, view = self.context["request"], self.context["view"]
        path = type(view).get_object_detail_urlpath(type(obj), obj.pk, namespace=request.resolver_match.namespace)
        return get_full_url(request, path)
