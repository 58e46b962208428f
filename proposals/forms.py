"""The forms of the proposal pages: what a member types. The rules (who, which state, what a submission needs)
are proposals.services' and proposals.permissions'; these forms only read and check the values."""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Sector
from participation.uploads import ALLOWED_EXTENSIONS
from website.collation import romanian
from website.models import Topic

from .models import CONTENT_FIELDS, Proposal, ProposalAttachment, ProposalComment, ProposalPartner

# "150.000" (thousands with dots, as Romanians write them), never 150 lei.
THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


class MoneyField(forms.DecimalField):
    """An amount in lei as people type it: "150000", "150.000", "150 000", "150.000,50" or "150000.50"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            text = re.sub(r"\s+", "", value).removesuffix("lei").removesuffix("RON")
            if "," in text:
                text = text.replace(".", "").replace(",", ".")
            elif THOUSANDS.match(text):
                text = text.replace(".", "")
            value = text
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            if value == value.to_integral_value():
                return str(int(value))
            return f"{value:.2f}".replace(".", ",")
        return value


def show_organizations(field, organizations):
    """Offer `organizations` (those the member administers) in `field`, which accepts any organization: the service
    decides who may act for which, and answers a forged choice with 403."""
    field.queryset = Organization.objects.all()
    empty = [] if len(organizations) == 1 else [("", _("Choose the organization"))]
    field.choices = empty + [(organization.pk, organization.name) for organization in organizations]


def authority_choices():
    """The published local authorities and public institutions a proposal may be addressed to."""
    return Organization.objects.live().filter(kind__in=Organization.AUTHORITY_KINDS).order_by(romanian("name"))


class ProposalForm(forms.ModelForm):
    """The content of a proposal (CONTENT_FIELDS), and where it goes: the proposing organization when it is created
    (among those the member administers), the authority while it is a draft."""

    class Meta:
        model = Proposal
        fields = ["proposing_organization", "addressed_authority", *CONTENT_FIELDS]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 6}),
            "activities": forms.Textarea(attrs={"rows": 6}),
            "target_group": forms.Textarea(attrs={"rows": 3}),
            "topics": forms.CheckboxSelectMultiple,
            "sectors": forms.CheckboxSelectMultiple,
        }
        field_classes = {"budget_ron": MoneyField, "cofinancing_ron": MoneyField}

    def __init__(self, *args, organizations=None, with_authority=True, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is None:
            del self.fields["proposing_organization"]
        else:
            self.fields["proposing_organization"].label = _("On behalf of")
            show_organizations(self.fields["proposing_organization"], organizations)
        if with_authority:
            field = self.fields["addressed_authority"]
            field.queryset = authority_choices()
            field.empty_label = _("Choose the authority")
        else:
            del self.fields["addressed_authority"]
        self.fields["topics"].queryset = Topic.objects.order_by(romanian("name"))
        self.fields["sectors"].queryset = Sector.objects.all()
        self.fields["title"].error_messages["required"] = _("Give the proposal a title.")

    def content(self):
        """The values services.proposal_create / proposal_update take."""
        data = {name: self.cleaned_data[name] for name in CONTENT_FIELDS if name in self.cleaned_data}
        if "addressed_authority" in self.cleaned_data:
            data["addressed_authority"] = self.cleaned_data["addressed_authority"]
        return data


class TransitionForm(forms.Form):
    """One step of the transition table: the comment the table may require (the action is the button pressed)."""

    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    results_summary = forms.CharField(required=False, max_length=5000, widget=forms.HiddenInput)


class ResultsForm(forms.Form):
    """The project's results while it runs (the proposer or the authority writes them; required to complete it)."""

    results_summary = forms.CharField(
        label=_("The project's results"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the project achieved: published with the proposal once it is completed."),
    )


class CommentForm(forms.ModelForm):
    class Meta:
        model = ProposalComment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        labels = {"text": _("Your message")}
        help_texts = {"text": _("Only the proposing organization, the authority and the platform's staff read it.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Write your message.")


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = ProposalAttachment
        fields = ["file", "title"]
        labels = {"file": _("File"), "title": _("Title (optional)")}
        help_texts = {
            "file": _("PDF, DOC, DOCX or ODT, at most 10 MB."),
            "title": _("What the document is, e.g. “Detailed budget”."),
        }
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["file"].error_messages["required"] = _("Choose a file.")

    def _post_clean(self):
        """The file is checked by services.attachment_add (type, size, content), not by saving this form."""


class PartnerOfferForm(forms.ModelForm):
    """Another organization's offer to join a public proposal: as which organization, with what role."""

    organization = forms.ModelChoiceField(label=_("On behalf of"), queryset=Organization.objects.none())

    class Meta:
        model = ProposalPartner
        fields = ["organization", "role", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        labels = {"role": _("Your organization's role in the project"), "message": _("Message (optional)")}
        help_texts = {
            "role": _("e.g. “Volunteers for the workshops” or “Venue for the meetings”."),
            "message": _("What the proposing organization should know: what you bring, whom to contact."),
        }

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.show_organizations(organizations or [])
        self.fields["role"].error_messages["required"] = _("Say what your organization would do in the project.")

    def show_organizations(self, organizations):
        show_organizations(self.fields["organization"], organizations)

    def _post_clean(self):
        """The offer is validated and saved by services.partner_offer."""
