"""The recommendation form and the authority's answer form (the index's filters are in filters.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ResponseAnswer
from .uploads import ALLOWED_EXTENSIONS


class ResponseForm(forms.Form):
    """What a member types; the rules (open, membership, attachment) are checked by services.response_submit."""

    organization = forms.TypedChoiceField(label=_("On behalf of"), required=False, coerce=int, empty_value=None)
    section = forms.CharField(
        label=_("Article or section (optional)"),
        required=False,
        max_length=255,
        help_text=_("e.g. art. 5 alin. (2), or Anexa 1."),
    )
    text = forms.CharField(label=_("Your recommendation"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10000)
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("PDF, DOC, DOCX or ODT, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organizations = {organization.pk: organization for organization in organizations}
        self.fields["organization"].choices = [("", _("Myself"))] + [
            (organization.pk, organization.name) for organization in organizations
        ]
        self.fields["text"].error_messages["required"] = _("Write your recommendation.")

    def chosen_organization(self):
        return self.organizations.get(self.cleaned_data.get("organization"))


class AnswerForm(forms.Form):
    verdict = forms.ChoiceField(label=_("Answer"), choices=ResponseAnswer.Verdict.choices, widget=forms.RadioSelect)
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required when the recommendation is not fully accepted."),
    )
