"""What proposals plug into: the shared attachment check, notification kinds, staff groups, the data export."""

import pytest

from participation import uploads
from participation.notifications import notification_kinds
from proposals import services
from proposals.models import ProposalState
from website.groups import EDITORS, MODERATORS, group_model_permissions


def test_one_attachment_check_for_consultations_and_proposals():
    from consultations import uploads as consultation_uploads

    assert consultation_uploads.validate_attachment is uploads.validate_attachment
    assert consultation_uploads.ALLOWED_EXTENSIONS == (".pdf", ".doc", ".docx", ".odt")


def test_notification_kinds_are_registered_in_romanian():
    kinds = notification_kinds()
    assert str(kinds["propuneri"].label) == "Propunerile de colaborare ale organizațiilor mele"
    assert (str(kinds["propuneri-urmarite"].label), kinds["propuneri-urmarite"].default) == (
        "Propunerile de colaborare pe care le urmăresc",
        "zilnic",
    )


def test_staff_groups():
    assert ("proposals", "view_proposal") in group_model_permissions(EDITORS)
    assert ("proposals", "change_proposal") not in group_model_permissions(EDITORS)
    assert {("proposals", "view_proposal"), ("proposals", "change_proposal")} <= set(
        group_model_permissions(MODERATORS)
    )
    assert ("proposals", "add_proposal") not in group_model_permissions(MODERATORS)


@pytest.mark.django_db
def test_the_members_data_export_holds_their_proposals_messages_and_offers(world, make_proposal):
    from wagtail import hooks

    from website.hooks import PERSONAL_DATA_HOOK

    proposal = make_proposal(state=ProposalState.ACCEPTED, created_by=world.proposer)
    services.comment_add(proposal=proposal, by=world.proposer, text="Mulțumim!")
    services.partner_offer(proposal=proposal, organization=world.other, by=world.outsider, role="Logistică")
    exports = dict(hook(world.proposer) for hook in hooks.get_hooks(PERSONAL_DATA_HOOK))
    mine = exports["proposals"]
    assert [item["title"] for item in mine["proposals_started"]] == [proposal.title]
    assert [item["text"] for item in mine["messages"]] == ["Mulțumim!"]
    theirs = dict(hook(world.outsider) for hook in hooks.get_hooks(PERSONAL_DATA_HOOK))["proposals"]
    assert [item["role"] for item in theirs["partnership_offers"]] == ["Logistică"]
