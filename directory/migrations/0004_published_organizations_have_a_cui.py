"""The database refuses a published organization without a fiscal code (CUI)."""

from django.db import migrations, models
from django.db.models import Q


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_unpublish_organizations_without_cui"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="organization",
            constraint=models.CheckConstraint(
                condition=Q(live=False) | (Q(cui__isnull=False) & ~Q(cui="")),
                name="directory_organization_live_has_cui",
                violation_error_message=(
                    "A published organization must have a fiscal code (CUI): enter it before publishing or approving."
                ),
            ),
        ),
    ]
