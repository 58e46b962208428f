"""How a resource's fields read in the partner API (`/api/v2/pages/?type=resources.ResourcePage`)."""

from rest_framework import serializers

from directory.models import Sector
from website.addresses import public_url


def _organization(organization):
    return {
        "id": organization.pk,
        "name": organization.name,
        "slug": organization.slug,
        "url": public_url(organization.get_absolute_url()),
    }


class OrganizationField(serializers.Field):
    """A published directory organization (id, name, slug, profile URL), or null."""

    def get_attribute(self, instance):
        return instance.public_adopting_authority

    def to_representation(self, organization):
        return _organization(organization)


class PublisherField(serializers.Field):
    """Who published it: a name, and the directory profile when the publisher is there (else null)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        organization = page.public_publisher_organization
        return {"name": page.publisher, "organization": _organization(organization) if organization else None}


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Sector
        fields = ["slug", "name"]


class DocumentsField(serializers.Field):
    """The files: title, the download address (readable name, counted), extension, size in bytes and "PDF, 2,4 MB"."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [
            {
                "title": item.display_title,
                "url": public_url(page.download_url(item)),
                "file_extension": item.extension,
                "file_size": item.document.file_size,
                "format": item.format_label,
            }
            for item in page.documents.all()
        ]


class RelatedPagesField(serializers.Field):
    """The live, public pages shown at its bottom: other resources, consultations, guides."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return [
            {"id": target.pk, "title": target.title, "type": label, "url": public_url(target.url or "")}
            for label, targets in page.public_related_pages().items()
            for target in targets
        ]
