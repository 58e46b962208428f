"""The dialogue's forms: what a member types. The rules (length, who may write for which organization, which reply
may be quoted, the edit window) are dialogue.services'; these forms only read the values."""

from django import forms
from django.utils.translation import gettext_lazy as _

from website.collation import romanian
from website.models import Topic

from .models import TITLE_MAX_LENGTH, ThreadKind, Visibility

MARKDOWN_HELP = _(
    "You can write **bold**, *italic*, lists (lines that start with “- ”), quotes (lines that start with “> ”) and "
    "links. HTML is shown as text."
)


def text_field(label):
    """The text of a post: no length check here, so that the service's clear message answers a text too long."""
    field = forms.CharField(
        label=label, strip=False, help_text=MARKDOWN_HELP, widget=forms.Textarea(attrs={"rows": 8})
    )
    field.error_messages["required"] = _("Write your message.")
    return field


class OrganizationMixin:
    """The `organization` field: "Myself" or one of the member's organizations; without any, no field."""

    def setup_organization(self, organizations):
        self.organizations = {organization.pk: organization for organization in organizations}
        if not organizations:
            del self.fields["organization"]
            return
        self.fields["organization"].choices = [("", _("Myself"))] + [
            (organization.pk, organization.name) for organization in organizations
        ]

    def chosen_organization(self):
        return self.organizations.get(self.cleaned_data.get("organization"))


class ThreadForm(OrganizationMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        help_text=_("A question or a short sentence that says what the discussion is about."),
        # The service measures the title (with its clear message); the attribute only stops the typing.
        widget=forms.TextInput(attrs={"maxlength": TITLE_MAX_LENGTH}),
    )
    text = text_field(_("Your message"))
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (ThreadKind.DISCUSSION.value, _("Discussion: an idea, an experience, a question for everyone")),
            (ThreadKind.ASSISTANCE.value, _("Assistance request: your organization needs help on a question")),
        ],
        initial=ThreadKind.DISCUSSION,
        widget=forms.RadioSelect,
    )
    visibility = forms.ChoiceField(
        label=_("Who can read it"),
        choices=[
            (Visibility.PUBLIC.value, _("Anyone (public)")),
            (Visibility.MEMBERS.value, _("Only the platform's members (logged in)")),
        ],
        initial=Visibility.PUBLIC,
        widget=forms.RadioSelect,
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organization = forms.TypedChoiceField(label=_("On behalf of"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.order_by(romanian("name"))
        self.fields["title"].error_messages["required"] = _("Give the discussion a title.")
        self.setup_organization(list(organizations))


class ReplyForm(OrganizationMixin, forms.Form):
    text = text_field(_("Your reply"))
    organization = forms.TypedChoiceField(label=_("On behalf of"), required=False, coerce=int, empty_value=None)
    # The reply quoted (`?citeaza=<pk>`); the service checks it belongs to the thread and that the member may read it.
    quote = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_organization(list(organizations))


class EditForm(forms.Form):
    """The author's correction of a thread (title and text) or of a reply (text)."""

    title = forms.CharField(label=_("Title"), widget=forms.TextInput(attrs={"maxlength": TITLE_MAX_LENGTH}))
    text = text_field(_("Text"))

    def __init__(self, *args, with_title=True, **kwargs):
        super().__init__(*args, **kwargs)
        if with_title:
            self.fields["title"].error_messages["required"] = _("Give the discussion a title.")
        else:
            del self.fields["title"]
