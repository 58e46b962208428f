"""Admin panels of the consultation pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from participation.models import ModerationState

VIEW_RESPONSES_PERMISSION = "consultations.view_response"


class RecommendationsPanel(Panel):
    """How many of the consultation's recommendations wait for moderation and for an answer, linked to the listing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Recommendations"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "consultations/admin/recommendations_panel.html"

        def is_shown(self):
            # Not on the page's creation form: a new consultation has no recommendations.
            return bool(self.instance and self.instance.pk) and self.request.user.has_perm(VIEW_RESPONSES_PERMISSION)

        def get_context_data(self, parent_context=None):
            # Imported here: the page model imports this module.
            from .admin_views import WAITING_FOR_ANSWER, recommendation_counts, recommendations_url

            context = super().get_context_data(parent_context)
            consultation = self.instance
            context["counts"] = recommendation_counts(consultation)
            context["urls"] = {
                "pending": recommendations_url(consultation=consultation, moderation_state=ModerationState.PENDING),
                "unanswered": recommendations_url(consultation=consultation, answer=WAITING_FOR_ANSWER),
                "all": recommendations_url(consultation=consultation),
            }
            return context
