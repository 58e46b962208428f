"""Proposals in the admin (a SnippetViewSet with filters and the timeline) and the hooks they plug into."""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.models import Organization, Sector
from participation.follows import FOLLOWABLE_HOOK, Followable
from participation.notifications import NOTIFICATION_KINDS_HOOK
from website import hooks as site_hooks
from website.groups import EDITORS, MODERATORS
from website.hooks import (
    ACCOUNT_LINKS_HOOK,
    API_ENDPOINTS_HOOK,
    DEMO_DATA_HOOK,
    PERSONAL_DATA_HOOK,
    STAFF_PERMISSIONS_HOOK,
)
from website.models import Topic

from . import admin_views
from .models import Proposal, ProposalAttachment, ProposalComment, ProposalPartner, ProposalState
from .workflow import NOTIFICATION_KINDS

# Before the viewset: Wagtail would otherwise create the default policy for the model.
register_permission_policy(Proposal, admin_views.ProposalPermissionPolicy(Proposal))


class ProposalFilterSet(WagtailFilterSet):
    state = django_filters.MultipleChoiceFilter(
        label=_("State"), choices=ProposalState.choices, widget=forms.CheckboxSelectMultiple
    )
    addressed_authority = django_filters.ModelChoiceFilter(
        label=_("Addressed authority"),
        queryset=Organization.objects.filter(kind__in=Organization.AUTHORITY_KINDS).order_by("sort_name"),
    )
    topics = django_filters.ModelMultipleChoiceFilter(
        label=_("Topic"), queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple, distinct=True
    )
    sectors = django_filters.ModelMultipleChoiceFilter(
        label=_("Sector"), queryset=Sector.objects.all(), widget=forms.CheckboxSelectMultiple, distinct=True
    )

    class Meta:
        model = Proposal
        fields = []


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "form"
    menu_label = _("Collaboration proposals")
    menu_order = 210
    add_to_admin_menu = True
    filterset_class = ProposalFilterSet
    index_view_class = admin_views.ProposalIndexView
    edit_view_class = admin_views.ProposalEditView
    inspect_view_enabled = True
    inspect_view_class = admin_views.ProposalInspectView
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["title", "summary", "proposing_organization__name", "addressed_authority__name"]
    list_display = ["title", "proposing_organization", "addressed_authority", "state", "submitted_at"]
    list_per_page = 50
    ordering = ["-submitted_at", "-pk"]
    list_export = [
        "title",
        "proposing_organization",
        "addressed_authority",
        "state",
        "budget_ron",
        "cofinancing_ron",
        "duration_months",
        "beneficiaries_count",
        "first_submitted_at",
        "submitted_at",
        "first_answer_at",
        "decided_at",
        "completed_at",
    ]
    export_filename = "propuneri"
    # The state, the organizations and the timeline are read-only: the state moves on the inspect page's actions.
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("state", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("proposing_organization", read_only=True),
                        FieldPanel("addressed_authority", read_only=True),
                    ]
                ),
            ],
            heading=_("Who and where"),
        ),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("activities"),
        FieldPanel("target_group"),
        FieldPanel("beneficiaries_count"),
        FieldRowPanel([FieldPanel("budget_ron"), FieldPanel("cofinancing_ron"), FieldPanel("duration_months")]),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("results_summary"),
        admin_views.TimelinePanel(heading=_("Timeline")),
    ]

    def get_queryset(self, request):
        return Proposal.objects.ever_submitted().select_related("proposing_organization", "addressed_authority")


register_snippet(ProposalViewSet)


@hooks.register("register_admin_urls")
def register_proposal_admin_urls():
    return [
        path(
            "propuneri/anexe/<int:pk>/",
            admin_views.attachment_download,
            name="proposals_attachment_download",
        )
    ]


@hooks.register(STAFF_PERMISSIONS_HOOK)
def proposal_permissions():
    """Editors read submitted proposals; moderators also correct them and move them (as the table allows)."""
    return {
        EDITORS: [("proposals", "view_proposal")],
        MODERATORS: [("proposals", "view_proposal"), ("proposals", "change_proposal")],
    }


@hooks.register(NOTIFICATION_KINDS_HOOK)
def proposal_notification_kinds():
    return NOTIFICATION_KINDS


@hooks.register(FOLLOWABLE_HOOK)
def followable_proposals():
    """Members follow public proposals (accepted, in progress, completed) only."""
    return Followable(Proposal, visible=lambda queryset, user: queryset.public())


@hooks.register(PERSONAL_DATA_HOOK)
def proposals_personal_data(user):
    """The proposals the member started, the private messages they wrote, the partnerships they offered and the
    documents they attached (titles; the files stay with the proposal)."""
    return "proposals", {
        "proposals_started": [
            {
                "title": proposal.title,
                "organization": proposal.proposing_organization.name,
                "authority": proposal.addressed_authority.name,
                "state": proposal.state,
                "created_at": proposal.created_at.isoformat(),
            }
            for proposal in Proposal.objects.filter(created_by=user).select_related(
                "proposing_organization", "addressed_authority"
            )
        ],
        "messages": [
            {"proposal": comment.proposal.title, "text": comment.text, "written_at": comment.created_at.isoformat()}
            for comment in ProposalComment.objects.filter(author=user).select_related("proposal")
        ],
        "partnership_offers": [
            {
                "proposal": partner.proposal.title,
                "organization": partner.organization.name,
                "role": partner.role,
                "message": partner.message,
                "state": partner.state,
            }
            for partner in ProposalPartner.objects.filter(offered_by=user).select_related("proposal", "organization")
        ],
        "attachments_uploaded": [
            {
                "proposal": attachment.proposal.title,
                "title": attachment.title,
                "uploaded_at": attachment.created_at.isoformat(),
            }
            for attachment in ProposalAttachment.objects.filter(uploaded_by=user).select_related("proposal")
        ],
    }


@hooks.register(API_ENDPOINTS_HOOK)
def proposals_api_endpoint():
    """`/api/v2/proposals/`: public proposals with their partners and public timeline."""
    from .api import ProposalAPIViewSet

    return "proposals", ProposalAPIViewSet


@hooks.register(DEMO_DATA_HOOK)
def proposals_demo():
    """After the directory (organizations), the members (the people who act) and the consultations."""
    from . import demo

    return 70, demo.seed


# The website: the menu entry, the sitemap, the home page and the organizations' profiles.


@hooks.register(site_hooks.NAVIGATION_HOOK)
def proposals_navigation(request):
    """The header entry "Propuneri", before the directory."""
    return {"title": gettext("Proposals"), "url": reverse("proposals:index"), "order": 95}


@hooks.register(site_hooks.SITEMAPS_HOOK)
def proposal_sitemaps():
    from .sitemaps import ProposalSitemap

    return {"proposals": ProposalSitemap}


@hooks.register(site_hooks.HOME_PAGE_BLOCKS_HOOK)
def recent_proposals_block(request):
    """The latest accepted proposals (in progress and completed ones too), after the open consultations."""
    from . import selectors

    return {
        "order": 17,
        "id": "home-proposals",
        "title": gettext("Recently accepted collaboration proposals"),
        "more_label": gettext("All collaboration proposals"),
        "more_url": reverse("proposals:index"),
        "items": selectors.recent_accepted(3),
        "card": "proposals/includes/card.html",
        "card_meta": "",
    }


@hooks.register(site_hooks.PROFILE_SECTIONS_HOOK)
def organization_proposals_section(organization, request):
    """The public proposals an organization made or joined as a partner, on its directory profile."""
    from . import selectors

    items = []
    for proposal in selectors.organization_public_proposals(organization)[:20]:
        values = {"title": proposal.title, "state": proposal.get_state_display()}
        label = (
            gettext("%(title)s (%(state)s)")
            if proposal.proposing_organization_id == organization.pk
            else gettext("%(title)s (%(state)s, as a partner)")
        )
        items.append((label % values, reverse("proposals:detail", args=[proposal.pk])))
    return {"title": gettext("Collaboration proposals"), "items": items}


@hooks.register(site_hooks.PROFILE_SECTIONS_HOOK)
def authority_proposal_figures(organization, request):
    """For an authority: how many proposals it received, accepted and rejected, and how soon it answers."""
    from django.utils.formats import number_format

    from . import selectors

    if not organization.is_authority:
        return None
    figures = selectors.authority_stats(organization)
    if not figures["received"]:
        return None
    count = figures["received"]
    items = [(ngettext("%(count)d proposal received", "%(count)d proposals received", count) % {"count": count}, None)]
    count = figures["accepted"]
    accepted = ngettext("%(count)d accepted", "%(count)d accepted", count) % {"count": count}
    items.append((accepted, f"{reverse('proposals:index')}?autoritate={organization.slug}" if count else None))
    count = figures["rejected"]
    items.append((ngettext("%(count)d rejected", "%(count)d rejected", count) % {"count": count}, None))
    if count := figures["waiting"]:
        waiting = ngettext(
            "%(count)d waiting to be taken into review", "%(count)d waiting to be taken into review", count
        )
        items.append((waiting % {"count": count}, None))
    if (days := figures["median_days_to_first_answer"]) is not None:
        median = gettext("Median time to a first answer: %(days)s days") % {"days": number_format(days, 1)}
        items.append((median, None))
    return {"title": gettext("Collaboration proposals received"), "items": items}


@hooks.register("register_search_kinds")  # search.registry.SEARCH_KINDS_HOOK
def proposals_search_kinds():
    """Public proposals (accepted, in progress, completed) in the site-wide search; drafts, proposals under review,
    rejected and withdrawn ones never have a document, and one that leaves the public states loses it."""
    from django.db.models import Q
    from django.utils import timezone

    from search.documents import join_text
    from search.registry import DocumentData, SearchKind

    def document(proposal):
        return DocumentData(
            title=proposal.title,
            url=proposal.get_absolute_url(),
            body=join_text(
                proposal.summary,
                proposal.proposing_organization.name,
                proposal.addressed_authority.name,
                proposal.problem,
                proposal.activities,
                proposal.target_group,
                proposal.results_summary,
            ),
            date=timezone.localdate(proposal.decided_at) if proposal.decided_at else None,
            topics=tuple(topic.pk for topic in proposal.topics.all()),
        )

    def naming(pk):
        # A renamed organization is renamed in the documents of the proposals it made or received.
        return Proposal.objects.filter(Q(proposing_organization_id=pk) | Q(addressed_authority_id=pk))

    return SearchKind(
        key="propuneri",
        label=_("Collaboration proposals"),
        model=Proposal,
        public=lambda: (
            Proposal.objects.public()
            .select_related("proposing_organization", "addressed_authority")
            .prefetch_related("topics")
        ),
        document=document,
        order=55,
        refresh_with={Organization: naming},
    )


@hooks.register(ACCOUNT_LINKS_HOOK)
def proposals_account_link(request):
    return {"title": gettext("Collaboration proposals"), "url": reverse("proposals:member_list"), "order": 20}
