"""Published organizations without a valid fiscal code (CUI) go back to draft.

Their values stay (as unpublished changes) so that a moderator adds the code and publishes them
again; the next migration then makes the database refuse any live row without a CUI.
"""

from django.core.exceptions import ValidationError
from django.db import migrations


def unpublish_organizations_without_cui(apps, schema_editor):
    from directory.validators import validate_cui

    Organization = apps.get_model("directory", "Organization")
    without_cui = []
    for pk, cui in Organization.objects.filter(live=True).values_list("pk", "cui"):
        try:
            if not cui:
                raise ValidationError("missing")
            validate_cui(cui)
        except ValidationError:
            without_cui.append(pk)
    Organization.objects.filter(pk__in=without_cui).update(live=False, has_unpublished_changes=True)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0002_sectors_and_moderation_workflow"),
    ]

    operations = [
        migrations.RunPython(unpublish_organizations_without_cui, migrations.RunPython.noop),
    ]
