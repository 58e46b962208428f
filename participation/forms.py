from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency


class PreferencesForm(forms.Form):
    """One choice per notification kind: at once, in a daily digest, or never by email."""

    def __init__(self, *args, kinds, initial_frequencies, **kwargs):
        super().__init__(*args, **kwargs)
        for key, kind in kinds.items():
            self.fields[key] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                initial=initial_frequencies.get(key, kind.default),
                widget=forms.RadioSelect,
            )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("For example: offensive language, personal data, advertising, false information."),
    )
