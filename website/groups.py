"""The staff groups ("Editori", "Moderatori") and their Wagtail permissions.

Run by `manage.py setup_groups` (and so by `seed_demo`); idempotent. The first apps list the
model permissions their staff need in GROUP_MODEL_PERMISSIONS below; newer apps register theirs
through STAFF_PERMISSIONS_HOOK.
"""

from django.contrib.auth.models import Group, Permission
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

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
        # Directory: editors add and edit organizations; publishing goes through moderators' approval.
        ("directory", "add_organization"),
        ("directory", "change_organization"),
        ("directory", "lock_organization"),
    ],
    MODERATORS: [
        ("wagtailadmin", "access_admin"),
        ("website", "add_topic"),
        ("website", "change_topic"),
        ("directory", "add_organization"),
        ("directory", "change_organization"),
        ("directory", "delete_organization"),
        ("directory", "publish_organization"),
        ("directory", "lock_organization"),
        ("directory", "unlock_organization"),
        # Members: moderators decide requests to join and name organizations' administrators.
        ("members", "add_membership"),
        ("members", "change_membership"),
        ("members", "delete_membership"),
        ("members", "view_membership"),
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


# Apps add the model permissions their staff need with
#   @hooks.register(STAFF_PERMISSIONS_HOOK)
#   def consultations(): return {MODERATORS: [("consultations", "change_response"), ...]}
STAFF_PERMISSIONS_HOOK = "register_staff_group_permissions"


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
