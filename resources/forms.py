"""The resource's admin form: the period of validity typed as years or dates, and a file or a link required."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .validators import validate_web_link

YEAR = re.compile(r"^\d{4}$")
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")
NOT_AN_AUTHORITY = _("Choose a local public authority or a public institution.")


def boundary_text(day, *, end):
    """A period's boundary as editors and readers write it: the year alone when the period starts on 1 January (or
    ends on 31 December), else the date (15.03.2022)."""
    if day is None:
        return ""
    whole_year = (day.month, day.day) == ((12, 31) if end else (1, 1))
    return str(day.year) if whole_year else day.strftime("%d.%m.%Y")


class YearOrDateField(forms.DateField):
    """A year ("2022": 1 January, or 31 December for an end) or a date ("15.03.2022")."""

    default_error_messages = {"invalid": _("Enter a year (2022) or a date (15.03.2022).")}

    def __init__(self, *, end, **kwargs):
        self.end = end
        kwargs.setdefault("widget", forms.TextInput(attrs={"placeholder": "2027" if end else "2022", "size": 12}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return boundary_text(value, end=self.end)
        return value

    def to_python(self, value):
        text = (value or "").strip() if isinstance(value, str) else value
        if text in (None, ""):
            return None
        if isinstance(text, datetime.date):
            return text
        if YEAR.match(text):
            year = int(text)
            if not 1 <= year <= 9999:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            return datetime.date(year, 12, 31) if self.end else datetime.date(year, 1, 1)
        for date_format in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValidationError(self.error_messages["invalid"], code="invalid")


class ResourcePageForm(WagtailAdminPageForm):
    """Wagtail's page form, with the period's boundaries as years or dates and "a file or a link" checked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, end in (("valid_from", False), ("valid_until", True)):
            if name in self.fields:
                old = self.fields[name]
                self.fields[name] = YearOrDateField(end=end, required=False, label=old.label, help_text=old.help_text)
        if "adopting_authority" in self.fields:
            # The chooser lists every organization; the field accepts authorities only (limit_choices_to).
            self.fields["adopting_authority"].error_messages["invalid_choice"] = NOT_AN_AUTHORITY
        if "external_url" in self.fields:
            # Django's URL field also accepts ftp://: one rule, with its own message, for every link.
            self.fields["external_url"].validators = [validate_web_link]

    def clean(self):
        cleaned_data = super().clean()
        wanted = "external_url" in self.fields and "external_url" not in self.errors
        if wanted and not cleaned_data.get("external_url") and not self._has_files():
            self.add_error("external_url", _("Attach at least one file or give an external link."))
        return cleaned_data

    def _has_files(self):
        formset = self.formsets.get("documents")
        if formset is None:
            return True  # a form without the files panel cannot say
        formset.is_valid()
        return any(
            form.cleaned_data.get("document") and not form.cleaned_data.get("DELETE")
            for form in formset.forms
            if hasattr(form, "cleaned_data")
        )
