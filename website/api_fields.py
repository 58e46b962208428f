"""Fields every endpoint of the partner API writes the same way (imported by the apps' endpoints; website/api.py,
the router, imports the apps, so these live apart from it)."""

from django.utils import timezone
from rest_framework import serializers


def moment(value):
    """A moment as the API writes it: ISO 8601 in Bucharest's time (the offset says which), or None."""
    return timezone.localtime(value).isoformat() if value else None


def moment_field():
    """A read-only date-time field of an endpoint, in Bucharest's time like `moment`."""
    return serializers.DateTimeField(default_timezone=timezone.get_default_timezone(), read_only=True)
