"""Romanian names for what Wagtail's own migrations create in English.

Wagtail creates the page workflow and its task as "Moderators approval", and the tree's root page
as "Root" (the admin's page explorer then says "Explorare: Root"). Rows an administrator already
renamed are left alone.
"""

from django.db import migrations

WORKFLOW_NAMES = {"Moderators approval": "Aprobarea paginilor"}
TASK_NAMES = {"Moderators approval": "Aprobarea paginilor de către moderatori"}
ROOT_TITLE = "Pagini"


def romanian_names(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Page = apps.get_model("wagtailcore", "Page")
    for english, romanian in WORKFLOW_NAMES.items():
        Workflow.objects.filter(name=english).update(name=romanian)
    for english, romanian in TASK_NAMES.items():
        Task.objects.filter(name=english).update(name=romanian)
    Page.objects.filter(depth=1, title="Root").update(title=ROOT_TITLE, draft_title=ROOT_TITLE)


def english_names(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Page = apps.get_model("wagtailcore", "Page")
    for english, romanian in WORKFLOW_NAMES.items():
        Workflow.objects.filter(name=romanian).update(name=english)
    for english, romanian in TASK_NAMES.items():
        Task.objects.filter(name=romanian).update(name=english)
    Page.objects.filter(depth=1, title=ROOT_TITLE).update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(romanian_names, english_names)]
