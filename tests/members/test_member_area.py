"""The member area, "Contul meu": what each member sees and may do, and the 403s for everything else."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Revision

from directory.models import Organization
from members.models import Membership
from tests.factories.directory import OrganizationFactory, valid_cui
from tests.factories.members import MembershipFactory

pytestmark = pytest.mark.django_db


def profile_data(organization, **changes):
    """The profile form as an administrator would post it, with `changes` typed in."""
    values = {
        "name": organization.name,
        "short_name": organization.short_name,
        "kind": organization.kind,
        "cui": organization.cui or "",
        "registration_number": organization.registration_number,
        "founding_year": organization.founding_year or "",
        "description": organization.description,
        "topics": [topic.pk for topic in organization.topics.all()],
        "sectors": [sector.pk for sector in organization.sectors.all()],
        "address": organization.address,
        "postal_code": organization.postal_code,
        "email": organization.email,
        "phone": organization.phone,
        "website": organization.website,
        "partnership_text": organization.partnership_text,
    }
    values.update(changes)
    return values


@pytest.mark.parametrize(
    "name",
    [
        "members:dashboard",
        "members:profile",
        "members:organization_search",
        "members:organization_register",
        "members:data_export",
        "members:account_delete",
    ],
)
def test_the_member_area_needs_a_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_dashboard_lists_organizations_and_pending_requests(client, organization, other_organization, member):
    MembershipFactory(user=member, organization=other_organization, requested=True)
    client.force_login(member)
    page = client.get(reverse("members:dashboard")).content.decode()
    assert organization.name in page
    assert other_organization.name in page
    assert gettext("Request waiting for approval") in page
    assert reverse("members:organization", args=[organization.pk]) in page
    # A pending request gives no access to the organization's page yet.
    assert reverse("members:organization", args=[other_organization.pk]) not in page


def test_profile_change_keeps_what_was_typed_on_error(client, member):
    client.force_login(member)
    response = client.post(reverse("members:profile"), {"first_name": "Mihăiță", "last_name": ""})
    assert response.status_code == 200
    assert 'value="Mihăiță"' in response.content.decode()
    assert "last_name" in response.context["form"].errors
    response = client.post(reverse("members:profile"), {"first_name": "Mihăiță", "last_name": "Ionescu"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.get_full_name() == "Mihăiță Ionescu"


def test_search_then_ask_to_join(client, organization, outsider):
    client.force_login(outsider)
    response = client.get(reverse("members:organization_search"), {"q": "vecinii titan"})
    assert list(response.context["page_obj"].object_list) == [organization]
    join_url = reverse("members:join_request", args=[organization.pk])
    assert join_url in response.content.decode()

    response = client.post(join_url, {"message": "Sunt voluntar din 2024."})
    assert response.status_code == 302
    assert response["Location"] == reverse("members:dashboard")
    membership = Membership.objects.get(user=outsider)
    assert (membership.organization, membership.state, membership.message) == (
        organization,
        "requested",
        "Sunt voluntar din 2024.",
    )
    search = client.get(reverse("members:organization_search"), {"q": "vecinii"}).content.decode()
    assert gettext("Request waiting for approval") in search


def test_second_request_shows_a_clear_message_and_keeps_the_text(client, organization, outsider, join_request):
    client.force_login(outsider)
    response = client.post(reverse("members:join_request", args=[organization.pk]), {"message": "Din nou."})
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        gettext("You already asked to join %(organization)s. Your request is waiting for a decision.")
        % {"organization": organization.name}
        in page
    )
    assert "Din nou." in page
    assert Membership.objects.filter(user=outsider).count() == 1


def test_join_request_to_a_draft_organization_answers_as_if_it_did_not_exist(client, outsider):
    """Issue #7, point 4: trying ids must not reveal the names of draft organizations."""
    draft = OrganizationFactory(name="Asociația Ciornă", publish=False)
    missing = Organization.objects.order_by("-pk").first().pk + 100
    client.force_login(outsider)
    url = reverse("members:join_request", args=[draft.pk])
    for response in (client.get(url), client.post(url, {"message": "Bună ziua"})):
        assert response.status_code == 404
        assert "Ciornă" not in response.content.decode()
    assert client.get(reverse("members:join_request", args=[missing])).status_code == 404
    assert not Membership.objects.exists()


def test_drafts_are_not_found_by_the_search(client, outsider):
    OrganizationFactory(name="Asociația Ciornă", publish=False)
    client.force_login(outsider)
    response = client.get(reverse("members:organization_search"), {"q": "ciorna"})
    assert list(response.context["page_obj"].object_list) == []


def test_administrator_decides_from_the_organization_page(client, organization, administrator, join_request):
    client.force_login(administrator)
    page = client.get(reverse("members:organization", args=[organization.pk])).content.decode()
    assert "Ioana" in page
    approve = reverse("members:membership_approve", args=[join_request.pk])
    assert approve in page
    response = client.post(approve)
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.state == "approved"
    # Deciding twice gives a message, not an error page.
    response = client.post(reverse("members:membership_reject", args=[join_request.pk]), follow=True)
    assert response.status_code == 200
    assert gettext("This request has already been decided.") in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.state == "approved"


def test_members_see_the_organization_page_without_the_decisions(client, organization, member, join_request):
    client.force_login(member)
    response = client.get(reverse("members:organization", args=[organization.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("members:membership_approve", args=[join_request.pk]) not in page
    assert reverse("members:organization_edit", args=[organization.pk]) not in page


def test_members_emails_are_not_shown_to_other_members(client, organization, member, administrator):
    client.force_login(member)
    page = client.get(reverse("members:organization", args=[organization.pk])).content.decode()
    assert administrator.get_full_name() in page
    assert administrator.email not in page


@pytest.mark.parametrize("name", ["members:membership_approve", "members:membership_reject"])
def test_deciding_is_forbidden_to_others(client, name, join_request, member, outsider, other_organization):
    other_administrator = MembershipFactory(organization=other_organization, administrator=True).user
    for user in (member, other_administrator):
        client.force_login(user)
        assert client.post(reverse(name, args=[join_request.pk])).status_code == 403
    client.force_login(outsider)
    assert client.post(reverse(name, args=[join_request.pk])).status_code == 403
    join_request.refresh_from_db()
    assert join_request.state == "requested"


def test_deciding_needs_a_post(client, administrator, join_request):
    client.force_login(administrator)
    assert client.get(reverse("members:membership_approve", args=[join_request.pk])).status_code == 405
    join_request.refresh_from_db()
    assert join_request.state == "requested"


def test_making_administrators_is_forbidden_to_plain_members(client, organization, member):
    colleague = MembershipFactory(organization=organization)
    client.force_login(member)
    response = client.post(reverse("members:membership_make_administrator", args=[colleague.pk]))
    assert response.status_code == 403
    colleague.refresh_from_db()
    assert colleague.role == "membru"


def test_administrator_makes_a_member_administrator(client, organization, administrator, member):
    membership = Membership.objects.get(user=member)
    client.force_login(administrator)
    response = client.post(reverse("members:membership_make_administrator", args=[membership.pk]))
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "administrator"


def test_organization_page_is_forbidden_to_non_members(client, organization, outsider, join_request):
    client.force_login(outsider)
    assert client.get(reverse("members:organization", args=[organization.pk])).status_code == 403


def test_editing_another_organization_is_forbidden_and_changes_nothing(client, organization, other_organization):
    """A member of organization A who posts to organization B's edit URL gets 403, and nothing changes."""
    administrator_of_a = MembershipFactory(organization=organization, administrator=True).user
    revisions = Revision.objects.count()
    client.force_login(administrator_of_a)
    url = reverse("members:organization_edit", args=[other_organization.pk])
    assert client.get(url).status_code == 403
    response = client.post(url, profile_data(other_organization, name="Fundația Deturnată"))
    assert response.status_code == 403
    other_organization.refresh_from_db()
    assert other_organization.name == "Fundația Lumina"
    assert not other_organization.has_unpublished_changes
    assert Revision.objects.count() == revisions
    assert not other_organization.workflow_states.exists()


def test_editing_is_forbidden_to_plain_members(client, organization, member):
    client.force_login(member)
    url = reverse("members:organization_edit", args=[organization.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, profile_data(organization, name="Schimbat")).status_code == 403
    organization.refresh_from_db()
    assert organization.name == "Asociația Vecinii din Titan"


def test_profile_form_keeps_what_was_typed_on_error(client, organization, administrator):
    client.force_login(administrator)
    url = reverse("members:organization_edit", args=[organization.pk])
    response = client.post(url, profile_data(organization, name="Vecinii din Titan Verde", cui="123", phone="abc"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Vecinii din Titan Verde"' in page
    assert {"cui", "phone"} <= set(response.context["form"].errors)
    organization.refresh_from_db()
    assert organization.name == "Asociația Vecinii din Titan"
    assert not organization.has_unpublished_changes


def test_register_a_new_organization(client, outsider):
    client.force_login(outsider)
    url = reverse("members:organization_register")
    data = {"name": "Asociația Grădina Comunitară", "kind": "asociatie", "cui": "", "description": "Grădinărim."}
    response = client.post(url, data)
    assert response.status_code == 302
    organization = Organization.objects.get(name="Asociația Grădina Comunitară")
    assert response["Location"] == reverse("members:organization", args=[organization.pk])
    assert not organization.live
    assert organization.workflow_in_progress
    membership = Membership.objects.get(organization=organization)
    assert (membership.user, membership.role, membership.state) == (outsider, "administrator", "approved")
    page = client.get(response["Location"]).content.decode()
    assert gettext("The organization is waiting for a moderator's approval; it is not public yet.") in page


def test_register_refuses_a_known_fiscal_code_and_keeps_the_form(client, organization, outsider):
    client.force_login(outsider)
    response = client.post(
        reverse("members:organization_register"),
        {"name": "Altă asociație", "kind": "asociatie", "cui": f"RO {organization.cui}", "description": "Text scris."},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "cui" in response.context["form"].errors
    assert 'value="Altă asociație"' in page
    assert "Text scris." in page
    assert Organization.objects.filter(name="Altă asociație").count() == 0


def test_register_accepts_a_valid_fiscal_code(client, outsider):
    client.force_login(outsider)
    client.post(
        reverse("members:organization_register"),
        {"name": "Fundația Nouă", "kind": "fundatie", "cui": f"RO{valid_cui(7654321)}"},
    )
    assert Organization.objects.get(name="Fundația Nouă").cui == valid_cui(7654321)


# Issue #7, point 15: joining by fiscal code, an empty search that says so, and waiting requests on the dashboard.


@pytest.mark.parametrize("typed", ["{cui}", "RO{cui}", "ro {cui}", " RO 4267 117 "])
def test_search_finds_an_organization_by_its_fiscal_code(client, outsider, typed):
    OrganizationFactory(name="Primăria Municipiului București", cui="4267117")
    OrganizationFactory(name="Altă organizație")
    client.force_login(outsider)
    response = client.get(reverse("members:organization_search"), {"q": typed.format(cui="4267117")})
    assert [o.name for o in response.context["page_obj"].object_list] == ["Primăria Municipiului București"]


def test_a_search_that_finds_nothing_says_so(client, outsider):
    OrganizationFactory(name="Primăria Municipiului București", cui="4267117")
    client.force_login(outsider)
    response = client.get(reverse("members:organization_search"), {"q": "RO 14337527"})
    assert response.status_code == 200
    assert "Nicio organizație publicată nu corespunde căutării" in response.content.decode()


def test_dashboard_shows_an_administrator_the_waiting_requests(client, organization, administrator, join_request):
    MembershipFactory(organization=organization, requested=True)
    elsewhere = MembershipFactory(administrator=True, user=administrator).organization
    MembershipFactory(requested=True)  # another organization's request: not counted
    client.force_login(administrator)
    page = client.get(reverse("members:dashboard")).content.decode()
    assert "2 cereri de aderare așteaptă decizia dumneavoastră" in page
    assert f'href="{reverse("members:organization", args=[organization.pk])}#requests"' in page
    assert f'href="{reverse("members:organization", args=[elsewhere.pk])}#requests"' not in page


def test_dashboard_shows_no_waiting_requests_to_a_plain_member(client, organization, member, join_request):
    client.force_login(member)
    page = client.get(reverse("members:dashboard")).content.decode()
    assert "așteaptă decizia dumneavoastră" not in page
