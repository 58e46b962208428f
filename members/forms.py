"""Forms of the account pages (allauth's, relabelled) and of the member area."""

from allauth.account import forms as allauth_forms
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from directory.fields import MEMBER_EDITABLE_FIELDS
from directory.models import Organization

from .models import Membership
from .throttling import login_warnings

PASSWORD_HELP = _(
    "At least 8 characters; not only digits, not a common password, not like your name or email address."
)


def _relabel(form, **labels):
    """Set the fields' labels; placeholders go (a label is what screen readers and people read)."""
    for name, label in labels.items():
        if name in form.fields:
            form.fields[name].label = label
            form.fields[name].widget.attrs.pop("placeholder", None)


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, login=_("Email address"), password=_("Password"), remember=_("Keep me logged in"))
        # The template links to the password reset page next to the button.
        self.fields["password"].help_text = ""

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as error:
            raise forms.ValidationError([*error.error_list, *login_warnings(self.request)]) from error


class AdminLoginForm(WagtailLoginForm):
    """The Wagtail admin's login: staff only. Anyone else gets the wrong-credentials answer and no session."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as error:
            raise forms.ValidationError([*error.error_list, *login_warnings(self.request)]) from error

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.has_perm("wagtailadmin.access_admin"):
            # Counted as a failed login (django-axes), like a wrong password, so the two cannot be told apart.
            user_login_failed.send(
                sender=type(self), credentials={"username": self.cleaned_data.get("username")}, request=self.request
            )
            raise self.get_invalid_login_error()


class SignupForm(allauth_forms.SignupForm):
    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, email=_("Email address"), password1=_("Password"), password2=_("Password again"))
        self.fields["password1"].help_text = PASSWORD_HELP
        self.fields["email"].help_text = _("We send you a link to confirm it. It is never shown on the site.")


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    """Never tells whether an address has an account: the same answer either way (allauth emails the address)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, email=_("Email address"))

    def clean_email(self):
        try:
            return super().clean_email()
        except forms.ValidationError as error:
            if error.code != "unknown_email":
                raise
            self.users = []
            return self.cleaned_data["email"]


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, password1=_("New password"), password2=_("New password again"))
        self.fields["password1"].help_text = PASSWORD_HELP


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(
            self, oldpassword=_("Current password"), password1=_("New password"), password2=_("New password again")
        )
        self.fields["password1"].help_text = PASSWORD_HELP
        self.fields["oldpassword"].help_text = ""


class SetPasswordForm(allauth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, password1=_("Password"), password2=_("Password again"))
        self.fields["password1"].help_text = PASSWORD_HELP


class AddEmailForm(allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, email=_("New email address"))


class ReauthenticateForm(allauth_forms.ReauthenticateForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _relabel(self, password=_("Password"))
        self.fields["password"].help_text = ""


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": _("First name"), "last_name": _("Last name")}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class JoinRequestForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3, "maxlength": 500})}


class OrganizationSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Organization name or fiscal code (CUI)"),
        max_length=200,
        required=False,
        # Published organizations' names suggested as one types (js/search-suggest.js, loaded by the header):
        # choosing one searches for it.
        widget=forms.TextInput(
            attrs={
                "data-suggest-url": format_lazy("{}?tip=organizatii", reverse_lazy("search:suggestions")),
                "data-suggest-mode": "fill",
                "data-suggest-hint": "suggest-hint",
                "data-suggest-label": _("Organizations"),
            }
        ),
    )


class OrganizationProfileForm(forms.ModelForm):
    """An organization's public profile, as its administrators register or change it."""

    class Meta:
        model = Organization
        fields = MEMBER_EDITABLE_FIELDS
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "topics": forms.CheckboxSelectMultiple,
            "sectors": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "email": _("The organization's public contact address; it is shown on its profile."),
            "phone": _("The organization's public phone number; it is shown on its profile."),
        }


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="incorrect_password")
        return password
