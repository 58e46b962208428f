from django import forms
from django.utils.translation import gettext_lazy as _

from .collation import romanian
from .models import Topic


class ListingFilterForm(forms.Form):
    """A listing's filters bound to the query string: every parameter is optional, and one that is
    not understood is ignored (and reported with `ignored_filters`), never an error page."""

    def topic_choices(self):
        return [("", _("Any topic")), *Topic.objects.order_by(romanian("name")).values_list("slug", "name")]

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

    def active_count(self):
        """How many filters are applied (the "Filtre (N active)" button says it); the ordering is not a filter."""
        return sum(1 for name in self.fields if name != "ordine" and self.value(name) is not None)

    def value(self, name):
        """The cleaned value of a valid parameter, or None when it is absent or was ignored."""
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name) or None
