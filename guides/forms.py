"""The guide index's filters: optional, and a bad value is ignored with a notice, never an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.models import Topic

from .models import ActKind


class GuideFilterForm(forms.Form):
    """Bound to the query string (`?tema=&act=`)."""

    tema = forms.ChoiceField(label=_("Topic"), required=False)
    act = forms.ChoiceField(label=_("Type of act"), required=False, choices=[("", _("Any act")), *ActKind.choices])

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["tema"].choices = [("", _("Any topic")), *Topic.objects.values_list("slug", "name")]

    def ignored_filters(self):
        """(label, value, reason) for each parameter that was not understood and so not applied."""
        if not self.is_bound:
            return []
        self.is_valid()
        return [
            (self.fields[name].label, self.data.get(name, ""), " ".join(str(error) for error in errors))
            for name, errors in self.errors.items()
            if name in self.fields
        ]

    def value(self, name):
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name) or None

    def filter(self, guides):
        if topic := self.value("tema"):
            guides = guides.filter(topics__slug=topic)
        if kind := self.value("act"):
            guides = guides.covering(kind)
        return guides
