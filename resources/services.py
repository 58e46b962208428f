"""The only code that changes a resource's state outside the admin: its download counter."""

from django.db import transaction
from django.db.models import F

from .models import ResourceDownloadCount, ResourcePage


@transaction.atomic
def resource_record_download(*, resource: ResourcePage) -> int:
    """Count one download of `resource`'s files, atomically (F() in the database, correct under concurrency);
    return the new count."""
    counter, _created = ResourceDownloadCount.objects.get_or_create(resource_id=resource.pk)
    ResourceDownloadCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
    return ResourceDownloadCount.objects.values_list("count", flat=True).get(pk=counter.pk)
