"""The staff groups ("Editori", "Moderatori") and their Wagtail permissions.

Run by `manage.py setup_groups` (and so by `seed_demo`); idempotent. GROUP_MODEL_PERMISSIONS below
holds the shell's own permissions; each app registers the ones its staff need through
STAFF_PERMISSIONS_HOOK (website/hooks.py).
"""

from django.contrib.auth.models import Group, Permission
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .hooks import STAFF_PERMISSIONS_HOOK

EDITORS = "Editori"
MODERATORS = "Moderatori"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
}
COLLECTION_PERMISSIONS[MODERATORS] = COLLECTION_PERMISSIONS[EDITORS]

# (app_label, codename) pairs, per group.
GROUP_MODEL_PERMISSIONS = {
    EDITORS: [
        ("wagtailadmin", "access_admin"),
        ("website", "add_topic"),
        ("website", "change_topic"),
        ("website", "delete_topic"),
        ("website", "change_sitesettings"),
        ("wagtailforms", "add_formsubmission"),
        ("wagtailforms", "change_formsubmission"),
        ("wagtailforms", "delete_formsubmission"),
        ("taggit", "add_tag"),
        ("taggit", "change_tag"),
    ],
    MODERATORS: [
        ("wagtailadmin", "access_admin"),
        ("website", "add_topic"),
        ("website", "change_topic"),
    ],
}


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        try:
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        except Permission.DoesNotExist:
            continue
    return found


def group_model_permissions(name):
    """The (app label, codename) pairs of a staff group: the project's own and those apps register."""
    pairs = list(GROUP_MODEL_PERMISSIONS[name])
    for hook in hooks.get_hooks(STAFF_PERMISSIONS_HOOK):
        pairs += hook().get(name, [])
    return pairs


def setup_groups():
    """Create or update the staff groups; returns them by name."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITORS, MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(group_model_permissions(name)))
        for codename in PAGE_PERMISSIONS[name]:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
        for permission in _permissions(COLLECTION_PERMISSIONS[name]):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        groups[name] = group
    return groups
