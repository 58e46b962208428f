"""Who may create, change, publish and register organizations: the one place these rules live.

Staff act through the permissions of their Wagtail groups (website/groups.py); what an organization's
own members may do with its profile depends on their membership, in members.permissions.
"""


def can_add(user):
    """Add organizations to the directory (editors and moderators)."""
    return bool(user and user.is_authenticated and user.has_perm("directory.add_organization"))


def can_change(user):
    """Change any organization, as a draft or a change waiting for publication (editors and moderators)."""
    return bool(user and user.is_authenticated and user.has_perm("directory.change_organization"))


def can_publish(user):
    """Make an organization, or a change to it, public (moderators)."""
    return bool(user and user.is_authenticated and user.has_perm("directory.publish_organization"))


def can_register(user):
    """Register a new organization from "Contul meu": any member; it waits for the moderators as a draft."""
    return bool(user and user.is_authenticated and user.is_active)
