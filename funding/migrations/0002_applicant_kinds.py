from django.db import migrations

# The codes of funding.models.ApplicantKind.Code, in display order (frozen here on purpose:
# a migration must not import the current model).
CODES = [
    "ong",
    "intreprindere-sociala",
    "institutie-publica",
    "autoritate-locala",
    "unitate-invatamant",
    "imm",
    "persoana-fizica",
]


def create_applicant_kinds(apps, schema_editor):
    ApplicantKind = apps.get_model("funding", "ApplicantKind")
    for position, code in enumerate(CODES):
        ApplicantKind.objects.update_or_create(code=code, defaults={"sort_order": position})


class Migration(migrations.Migration):
    dependencies = [("funding", "0001_initial")]

    operations = [migrations.RunPython(create_applicant_kinds, migrations.RunPython.noop)]
