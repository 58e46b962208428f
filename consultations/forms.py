"""The index's filters, the recommendation form and the authority's answer form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Sector
from website.models import Topic

from .models import AUTHORITY_KINDS, ResponseAnswer
from .status import ConsultationStatus, status_condition
from .uploads import ALLOWED_EXTENSIONS


class ConsultationFilterForm(forms.Form):
    """Bound to the query string (`?stare=&autoritate=&tema=&sector=`); a bad value is ignored, never an error page."""

    stare = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All"))] + ConsultationStatus.choices)
    autoritate = forms.ModelChoiceField(
        label=_("Initiating authority"),
        required=False,
        empty_label=_("All"),
        to_field_name="slug",
        queryset=Organization.objects.live().filter(kind__in=AUTHORITY_KINDS, consultations__isnull=False).distinct(),
    )
    tema = forms.ModelChoiceField(
        label=_("Topic"), required=False, empty_label=_("All"), to_field_name="slug", queryset=Topic.objects.all()
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"), required=False, empty_label=_("All"), to_field_name="slug", queryset=Sector.objects.all()
    )

    def filter(self, queryset, *, now=None):
        if not self.is_bound:
            return queryset
        self.is_valid()
        values = self.cleaned_data
        if status := values.get("stare"):
            queryset = queryset.filter(status_condition(status, now=now))
        if authority := values.get("autoritate"):
            queryset = queryset.filter(authority=authority)
        if topic := values.get("tema"):
            queryset = queryset.filter(topics=topic)
        if sector := values.get("sector"):
            queryset = queryset.filter(sectors=sector)
        return queryset


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
