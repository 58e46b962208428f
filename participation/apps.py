from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, published

        from . import signals

        page_published.connect(signals.on_page_published, dispatch_uid="participation_page_published")
        published.connect(signals.on_published, dispatch_uid="participation_published")
