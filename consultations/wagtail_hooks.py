from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from participation.follows import FOLLOWABLE_HOOK, Followable
from participation.models import Frequency
from participation.moderation import MODERATION_KINDS_HOOK, ModerationKind
from participation.notifications import NOTIFICATION_KINDS_HOOK, NotificationKind
from website.groups import EDITORS, MODERATORS
from website.hooks import (
    ACCOUNT_LINKS_HOOK,
    API_ENDPOINTS_HOOK,
    DEMO_DATA_HOOK,
    HOME_PAGE_BLOCKS_HOOK,
    PERSONAL_DATA_HOOK,
    PROFILE_SECTIONS_HOOK,
    STAFF_PERMISSIONS_HOOK,
)

from . import admin_views, services
from .models import ConsultationPage, DebateRequest, Response
from .panels import VIEW_RESPONSES_PERMISSION


@hooks.register(MODERATION_KINDS_HOOK)
def consultation_responses():
    """Recommendations wait in the one moderation queue; moderators decide on the core's decision page."""
    return ModerationKind(
        key="recomandari",
        label=_("Consultation recommendations"),
        model=Response,
        pending=lambda: Response.objects.pending().select_related("consultation").order_by("created_at", "pk"),
        admin_url=lambda response: reverse("participation_moderation:decide", args=["recomandari", response.pk]),
        describe=lambda response: f"{response.consultation.title}: {response.text[:120]}",
        reportable=lambda queryset: queryset.approved(),
        on_decision=services.response_moderated,
    )


@hooks.register(API_ENDPOINTS_HOOK)
def consultations_api_endpoint():
    """`/api/v2/consultations/`: live consultations with their approved recommendations and answers."""
    from .api import ConsultationAPIViewSet

    return "consultations", ConsultationAPIViewSet


@hooks.register(DEMO_DATA_HOOK)
def consultations_demo():
    """After the directory (authorities) and the members (authors of the recommendations)."""
    from . import demo

    return 60, demo.seed


@hooks.register(STAFF_PERMISSIONS_HOOK)
def consultation_permissions():
    """Editors answer on an authority's behalf; both see recommendations and debate requests (moderators decide)."""
    return {
        EDITORS: [
            ("consultations", "view_response"),
            ("consultations", "view_debaterequest"),
            ("consultations", "add_responseanswer"),
            ("consultations", "change_responseanswer"),
        ],
        MODERATORS: [("consultations", "view_response"), ("consultations", "view_debaterequest")],
    }


@hooks.register("register_admin_viewset")
def register_consultations_viewsets():
    """The "Consultări" menu: every recommendation (filters, export, bulk moderation) and the debate requests."""
    return admin_views.ConsultationsViewSetGroup()


# Approve or reject the recommendations selected in the listing (this hook takes the classes themselves).
hooks.register("register_bulk_action", admin_views.ApproveResponsesBulkAction)
hooks.register("register_bulk_action", admin_views.RejectResponsesBulkAction)


@hooks.register("register_page_listing_more_buttons")
def recommendations_listing_button(page, user, next_url=None):
    """A consultation's "Recomandări (N)" in the page explorer's menu: its recommendations in the listing."""
    if page.specific_class is not ConsultationPage or not user.has_perm(VIEW_RESPONSES_PERMISSION):
        return
    # One query for the whole explorer listing, kept on the request's user object like Django's permission cache.
    if not hasattr(user, "_consultation_recommendation_totals"):
        user._consultation_recommendation_totals = admin_views.recommendation_totals()
    count = user._consultation_recommendation_totals.get(page.pk, 0)
    yield Button(
        _("Recommendations (%(count)d)") % {"count": count},
        url=admin_views.recommendations_url(consultation=page.pk),
        icon_name="comment",
        priority=45,
    )


@hooks.register(HOME_PAGE_BLOCKS_HOOK)
def open_consultations_block(request):
    """The consultations that accept recommendations now, closing soonest first."""
    return {
        "order": 15,
        "id": "home-consultations",
        "title": _("Open public consultations"),
        "more_label": _("All public consultations"),
        "items": ConsultationPage.objects.live().public().open().for_listing()[:3],
        "card_meta": "consultations/includes/consultation_meta.html",
    }


@hooks.register(PROFILE_SECTIONS_HOOK)
def consultations_section(organization, request):
    """The consultations an authority initiated, on its directory profile (open ones first)."""
    consultations = (
        ConsultationPage.objects.live().public().filter(authority=organization).order_for_listing().for_listing()
    )
    items = [(f"{page.title} ({page.status_label})", page.get_url(request)) for page in consultations[:20]]
    return {"title": _("Public consultations it initiated"), "items": items}


@hooks.register("after_publish_page")
def log_short_period(request, page):
    specific = page.specific
    if isinstance(specific, ConsultationPage):
        services.consultation_log_short_period(consultation=specific, by=getattr(request, "user", None))


@hooks.register("after_publish_page")
def notify_consultation_followers(request, page):
    """Publishing a consultation that is open, or its outcome, tells its followers (once per event)."""
    specific = page.specific
    if isinstance(specific, ConsultationPage):
        user = getattr(request, "user", None)
        services.notify_followers(consultation=specific, by=user if user and user.is_authenticated else None)


@hooks.register(NOTIFICATION_KINDS_HOOK)
def consultation_notification_kinds():
    return [
        NotificationKind(services.NOTIFICATION_KIND, _("Public consultations I follow"), default=Frequency.IMMEDIATE)
    ]


@hooks.register(FOLLOWABLE_HOOK)
def followable_consultations():
    return Followable(ConsultationPage, visible=lambda queryset, user: queryset.live().public())


@hooks.register("register_log_actions")
def consultation_log_actions(actions):
    @actions.register_action("consultations.short_period")
    class ShortPeriod(LogFormatter):
        label = gettext_lazy("Shorter recommendations period")

        def format_message(self, log_entry):
            return _("Published with a recommendations period shorter than 10 days. Reason: %(reason)s") % {
                "reason": (log_entry.data or {}).get("reason", "")
            }


@hooks.register(PERSONAL_DATA_HOOK)
def consultations_personal_data(user):
    """The member's recommendations (with their state and the authority's answer) and debate requests."""
    responses = Response.objects.filter(author=user).select_related("consultation", "organization", "answer")
    return "consultations", {
        "recommendations": [
            {
                "consultation": response.consultation.title,
                "on_behalf_of": response.organization.name if response.organization_id else None,
                "section": response.section,
                "text": response.text,
                "attachment": bool(response.attachment),
                "moderation": response.moderation_state,
                "moderation_reason": response.moderation_reason,
                "submitted_at": response.created_at.isoformat(),
                "answer": _answer_data(response),
            }
            for response in responses
        ],
        "debate_requests": [
            {"consultation": item.consultation.title, "organization": item.organization.name}
            for item in DebateRequest.objects.filter(requested_by=user).select_related("consultation", "organization")
        ],
    }


def _answer_data(response):
    answer = getattr(response, "answer", None)
    return {"verdict": answer.verdict, "justification": answer.justification} if answer else None


@hooks.register(NOTIFICATION_KINDS_HOOK)
def consultation_authority_notification_kinds():
    """For an authority's reviewers and administrators: debate requests and recommendations waiting for an answer."""
    return [
        NotificationKind(
            services.AUTHORITY_NOTIFICATION_KIND,
            _("Public consultations of my institution: debate requests, recommendations to answer"),
            default=Frequency.IMMEDIATE,
        )
    ]


@hooks.register("register_search_kinds")  # search.registry.SEARCH_KINDS_HOOK
def consultations_search_kinds():
    """Published consultations (open ones rank above closed ones) and their approved recommendations in the
    site-wide search; a recommendation leaves it when its consultation is unpublished or made private."""
    from django.utils import timezone

    from search.documents import join_text, page_document
    from search.registry import DocumentData, SearchKind

    def public_consultations():
        return ConsultationPage.objects.live().public()

    def consultation_document(page):
        authority = page.public_authority
        return page_document(
            page,
            extra=[authority.name if authority else "", page.legal_basis, page.debate_place, page.outcome_text],
            date=timezone.localdate(page.closes_at),
            closes_at=page.closes_at,
        )

    def recommendation_document(response):
        return DocumentData(
            title=_("Recommendation from %(author)s") % {"author": response.public_author_name},
            url=response.get_absolute_url(),
            body=join_text(response.section, response.text, response.consultation.title),
            date=timezone.localdate(response.created_at),
            topics=tuple(topic.pk for topic in response.consultation.topics.all()),
        )

    return [
        SearchKind(
            key="consultari",
            label=gettext_lazy("Public consultations"),
            model=ConsultationPage,
            public=lambda: public_consultations().select_related("authority").prefetch_related("topics"),
            document=consultation_document,
            order=50,
        ),
        SearchKind(
            key="recomandari",
            label=gettext_lazy("Recommendations"),
            model=Response,
            public=lambda: (
                Response.objects.approved()
                .filter(consultation__in=public_consultations())
                .select_related("consultation", "organization", "author")
                .prefetch_related("consultation__topics")
            ),
            document=recommendation_document,
            order=60,
            refresh_with={ConsultationPage: lambda pk: Response.objects.filter(consultation_id=pk)},
            # "Recomandare de la …" completes nothing a visitor types.
            suggest=False,
        ),
    ]


@hooks.register(ACCOUNT_LINKS_HOOK)
def consultations_account_link(request):
    return {
        "title": _("My recommendations to public consultations"),
        "url": reverse("consultations:my_responses"),
        "order": 10,
    }
