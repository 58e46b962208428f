"""The guide index's filters: optional, and a bad value is ignored with a notice, never an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.forms import ListingFilterForm

from .models import ActKind


class GuideFilterForm(ListingFilterForm):
    """Bound to the query string (`?tema=&act=`)."""

    tema = forms.ChoiceField(label=_("Topic"), required=False)
    act = forms.ChoiceField(label=_("Type of act"), required=False, choices=[("", _("Any act")), *ActKind.choices])

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["tema"].choices = self.topic_choices()

    def filter(self, guides):
        if topic := self.value("tema"):
            guides = guides.filter(topics__slug=topic)
        if kind := self.value("act"):
            guides = guides.covering(kind)
        return guides
