"""Who may do what with consultations: the one place these rules live (services ask; views and templates read)."""

from members import permissions as member_permissions

ANSWER_PERMISSION = "consultations.add_responseanswer"


def is_editor(user):
    """Staff who may record answers on an authority's behalf (the "Editori" group)."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(ANSWER_PERMISSION))


def is_reviewer(user, consultation):
    """The initiating authority's reviewers (members named reviewer, and its administrators)."""
    return member_permissions.is_reviewer(user, consultation.authority)


def can_answer(user, consultation):
    return is_editor(user) or is_reviewer(user, consultation)


def can_respond_for(user, organization):
    """A member sends recommendations on behalf of an organization they are an approved member of."""
    return member_permissions.is_member(user, organization)


def can_request_debate(user, organization):
    """An organization asks for a public debate through one of its administrators."""
    return member_permissions.is_administrator(user, organization)
