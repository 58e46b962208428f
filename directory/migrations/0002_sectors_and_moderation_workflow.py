"""The fixed list of sectors, and the workflow through which moderators approve organizations."""

from django.db import migrations

SECTORS = [
    ("sector-1", "Sector 1"),
    ("sector-2", "Sector 2"),
    ("sector-3", "Sector 3"),
    ("sector-4", "Sector 4"),
    ("sector-5", "Sector 5"),
    ("sector-6", "Sector 6"),
    ("municipiu", "Municipiul București (întreg)"),
]

WORKFLOW_NAME = "Moderare organizații"
TASK_NAME = "Aprobare de către moderatori"
MODERATORS_GROUP = "Moderatori"


def create_sectors(apps, schema_editor):
    Sector = apps.get_model("directory", "Sector")
    for order, (slug, name) in enumerate(SECTORS):
        Sector.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
    # Historical models do not fill in the task's specific content type: set it as Wagtail's own migration does.
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(moderators)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    organization_type, _ = ContentType.objects.get_or_create(app_label="directory", model="organization")
    WorkflowContentType.objects.update_or_create(content_type=organization_type, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_sectors, migrations.RunPython.noop),
        migrations.RunPython(create_workflow, migrations.RunPython.noop),
    ]
