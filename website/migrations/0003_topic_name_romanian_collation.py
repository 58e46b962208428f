"""Topic names collated in Romanian: ICU's ro-RO on PostgreSQL; website.collation registers it on SQLite."""

from django.db import migrations, models

import website.collation


def create_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE COLLATION IF NOT EXISTS {website.collation.COLUMN_COLLATION} (provider = icu, locale = 'ro-RO')"
        )


def drop_collation(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP COLLATION IF EXISTS {website.collation.COLUMN_COLLATION}")


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_romanian_names_for_wagtail_defaults"),
    ]

    operations = [
        migrations.RunPython(create_collation, drop_collation),
        migrations.AlterField(
            model_name="topic",
            name="name",
            field=models.CharField(db_collation="romanian", max_length=100, unique=True, verbose_name="name"),
        ),
    ]
