"""Importing organizations from a CSV file: every row validated, good rows saved, bad rows reported.

The fiscal code (CUI) is the key: importing the same file twice updates, never duplicates.
Each row is saved in its own transaction, so a failing row leaves nothing behind.
See README.md, "Importing organizations", for the columns.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils.translation import gettext as _

from website.models import Topic

from . import services
from .exports import FORMULA_PREFIXES
from .exports import INFORMATIVE_COLUMNS as EXPORT_INFORMATIVE_COLUMNS
from .fields import RELATION_FIELDS, TABULAR_FIELDS
from .models import Organization, Sector
from .text import fix_cedillas, fold
from .validators import normalize_cui, validate_cui

REQUIRED_COLUMNS = ["name", "kind", "cui"]
# Export-only columns: accepted (so an export can be imported back) and ignored.
INFORMATIVE_COLUMNS = set(EXPORT_INFORMATIVE_COLUMNS)
# The public fields a spreadsheet holds (directory/fields.py), read by the model field's kind.
IMPORT_COLUMNS = list(TABULAR_FIELDS)
TEXT_COLUMNS = [
    name
    for name in IMPORT_COLUMNS
    if isinstance(Organization._meta.get_field(name), models.CharField | models.TextField)
    and not Organization._meta.get_field(name).choices
    and name != "cui"
]
BOOLEAN_COLUMNS = [
    name for name in IMPORT_COLUMNS if isinstance(Organization._meta.get_field(name), models.BooleanField)
]
YES = {"da", "yes", "true", "1", "x", "y"}
NO = {"nu", "no", "false", "0", "n", ""}
KIND_ALIASES = {
    "asociatie": Organization.Kind.ASSOCIATION,
    "asociatia": Organization.Kind.ASSOCIATION,
    "fundatie": Organization.Kind.FOUNDATION,
    "fundatia": Organization.Kind.FOUNDATION,
    "federatie": Organization.Kind.FEDERATION,
    "federatia": Organization.Kind.FEDERATION,
    "intreprindere sociala": Organization.Kind.SOCIAL_ENTERPRISE,
    "institutie publica": Organization.Kind.PUBLIC_INSTITUTION,
    "autoritate publica locala": Organization.Kind.LOCAL_AUTHORITY,
    "autoritate locala": Organization.Kind.LOCAL_AUTHORITY,
    "alta entitate": Organization.Kind.OTHER,
}
MUNICIPALITY_ALIASES = {"municipiu", "municipiul bucuresti", "municipiul bucuresti (intreg)", "bucuresti", "intreg"}


class ImportFileError(Exception):
    """The file as a whole cannot be read: wrong encoding, no header, a required column missing, empty."""


@dataclass
class RowProblem:
    line: int
    messages: list[str]

    def __str__(self):
        return _("Line %(line)d: %(reasons)s") % {"line": self.line, "reasons": " ".join(self.messages)}


@dataclass
class ImportReport:
    created: list[tuple[int, str]] = field(default_factory=list)
    updated: list[tuple[int, str]] = field(default_factory=list)
    unchanged: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[RowProblem] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def rows(self):
        return len(self.created) + len(self.updated) + len(self.unchanged) + len(self.rejected)


def import_organizations(data, *, filename="", encoding=None, publish=True, user=None):
    """Import the CSV `data` (bytes). New organizations are published unless `publish` is False.

    Existing organizations (same CUI) keep their state: a published one is republished with the new
    values (or gets them as a draft when `publish` is False), a draft stays a draft. An organization
    with changes waiting for moderation is left alone and its row reported.
    Raises ImportFileError when the file cannot be read at all.
    """
    filename = filename or _("the file")
    text = decode(data, filename=filename, encoding=encoding)
    header, rows = read_csv(text, filename=filename)
    report = ImportReport(
        ignored_columns=[
            column for column in header if column not in IMPORT_COLUMNS and column not in INFORMATIVE_COLUMNS
        ]
    )
    importer = _RowImporter(header=header, publish=publish, user=user)
    for line, cells in rows:
        importer.import_row(line, cells, report)
    return report


def decode(data, *, filename, encoding=None):
    """The file's text; UTF-8 (with or without a byte-order mark) unless another `encoding` is given."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and not encoding:
        raise ImportFileError(
            _("%(file)s is saved as UTF-16 (“Unicode text”). Save it again as “CSV UTF-8” and import it again.")
            % {"file": filename}
        )
    try:
        text = data.decode(encoding or "utf-8-sig")
    except LookupError as error:
        raise ImportFileError(_("Unknown encoding “%(encoding)s”.") % {"encoding": encoding}) from error
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        if encoding:
            raise ImportFileError(
                _("%(file)s cannot be read as %(encoding)s (line %(line)d).")
                % {"file": filename, "encoding": encoding, "line": line}
            ) from error
        raise ImportFileError(
            _(
                "%(file)s is not UTF-8 text (unexpected byte 0x%(byte)02x on line %(line)d). Files saved by "
                "spreadsheet programs on Romanian Windows are often in Windows-1250 or ISO-8859-2 (Latin-2): save it "
                "again as “CSV UTF-8”, or import it with --encoding=cp1250 (or --encoding=iso-8859-2)."
            )
            % {"file": filename, "byte": data[error.start], "line": line}
        ) from error
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ImportFileError(_("%(file)s is empty.") % {"file": filename})
    return text


def read_csv(text, *, filename):
    """The normalised column names and the data rows as (line number, cells) pairs."""
    first_line = text.lstrip().split("\n", 1)[0]
    # Spreadsheet programs in Romanian use ";" between columns (the comma is the decimal separator).
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text.lstrip(), newline=""), delimiter=delimiter)
    header = [_column_name(name) for name in next(reader)]
    if len(set(header)) != len(header):
        repeated = sorted({name for name in header if header.count(name) > 1})
        raise ImportFileError(
            _("%(file)s has the column %(columns)s more than once.")
            % {"file": filename, "columns": ", ".join(repeated)}
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(
            _(
                "%(file)s has no column %(missing)s. The first line must name the columns; required: %(required)s "
                "(see “Importing organizations” in the README)."
            )
            % {"file": filename, "missing": ", ".join(missing), "required": ", ".join(REQUIRED_COLUMNS)}
        )
    rows = []
    line = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(
            _("%(file)s is not valid CSV near line %(line)d: %(error)s")
            % {"file": filename, "line": line, "error": error}
        ) from error
    if not rows:
        raise ImportFileError(_("%(file)s has column names but no organizations.") % {"file": filename})
    return header, rows


class _RowImporter:
    def __init__(self, *, header, publish, user):
        self.header = header
        self.publish = publish
        self.user = user
        self.topics = {}
        for topic in Topic.objects.all():
            self.topics[topic.slug] = topic
            self.topics[fold(topic.name)] = topic
        self.sectors = {}
        for sector in Sector.objects.all():
            self.sectors[sector.slug] = sector
            self.sectors[fold(sector.name)] = sector
            digits = "".join(char for char in sector.slug if char.isdigit())
            if digits:
                self.sectors[digits] = sector
                self.sectors[f"s{digits}"] = sector
                self.sectors[f"sectorul {digits}"] = sector
            else:
                self.sectors.update(dict.fromkeys(MUNICIPALITY_ALIASES, sector))
        self.seen_cuis = {}

    def import_row(self, line, cells, report):
        if len(cells) != len(self.header):
            message = _("it has %(cells)d values but the first line names %(columns)d columns.") % {
                "cells": len(cells),
                "columns": len(self.header),
            }
            report.rejected.append(RowProblem(line, [message]))
            return
        values = {column: cell.strip() for column, cell in zip(self.header, cells, strict=True)}
        errors = {}
        cui = normalize_cui(values["cui"])
        if not cui:
            errors["cui"] = [_("the fiscal code (CUI) is required: it identifies the organization.")]
        else:
            try:
                validate_cui(cui)
            except ValidationError as error:
                errors["cui"] = error.messages
        if cui in self.seen_cuis and "cui" not in errors:
            errors["cui"] = [_("the same CUI is already on line %(line)d.") % {"line": self.seen_cuis[cui]}]
        if cui and "cui" not in errors:
            self.seen_cuis[cui] = line
        parsed, parse_errors = self.parse(values)
        for column, messages in parse_errors.items():
            errors.setdefault(column, []).extend(messages)
        if "cui" in errors:
            report.rejected.append(RowProblem(line, _messages(self.check_other_columns(parsed, errors))))
            return
        try:
            with transaction.atomic():
                outcome, organization = self.save(cui, parsed, parse_errors=errors)
        except ValidationError as error:
            report.rejected.append(RowProblem(line, _messages(error.message_dict)))
            return
        except _Refused as refusal:
            report.rejected.append(RowProblem(line, [str(refusal)]))
            return
        except DatabaseError as error:
            report.rejected.append(RowProblem(line, [_("the database refused the row: %(error)s") % {"error": error}]))
            return
        getattr(report, outcome).append((line, organization.name))

    def parse(self, values):
        """Column values as model values; columns absent from the file are left out (kept as they are)."""
        parsed, errors = {}, {}
        for column in TEXT_COLUMNS:
            if column in values:
                parsed[column] = fix_cedillas(_unescape_formula(values[column]))
        if "kind" in values:
            kind = self.kind(values["kind"])
            if kind is None:
                errors["kind"] = [
                    _("unknown kind “%(value)s”; use one of: %(kinds)s.")
                    % {"value": values["kind"], "kinds": ", ".join(Organization.Kind.values)}
                ]
            else:
                parsed["kind"] = kind
        for column in BOOLEAN_COLUMNS:
            if column in values:
                answer = values[column].lower()
                if answer in YES or answer in NO:
                    parsed[column] = answer in YES
                else:
                    errors[column] = [_("“%(value)s” is not da or nu.") % {"value": values[column]}]
        if values.get("founding_year"):
            try:
                parsed["founding_year"] = int(values["founding_year"])
            except ValueError:
                errors["founding_year"] = [_("“%(value)s” is not a year.") % {"value": values["founding_year"]}]
        elif "founding_year" in values:
            parsed["founding_year"] = None
        for column in ("latitude", "longitude"):
            if values.get(column):
                try:
                    number = Decimal(values[column].replace(",", "."))
                    # "NaN" and "inf" are decimals to Python, not coordinates.
                    if not number.is_finite():
                        raise InvalidOperation(values[column])
                    parsed[column] = number.quantize(Decimal("0.000001"))
                except InvalidOperation:
                    errors[column] = [_("“%(value)s” is not a number.") % {"value": values[column]}]
            elif column in values:
                parsed[column] = None
        for column, known in (("topics", self.topics), ("sectors", self.sectors)):
            if column in values:
                names = [name.strip() for name in values[column].replace("|", ";").split(";") if name.strip()]
                unknown = [name for name in names if fold(name) not in known and name not in known]
                if unknown:
                    errors[column] = [
                        _("unknown %(column)s: %(names)s.") % {"column": column, "names": ", ".join(unknown)}
                    ]
                else:
                    matched = [known.get(name) or known[fold(name)] for name in names]
                    parsed[column] = list({item.pk: item for item in matched}.values())
        return parsed, errors

    def check_other_columns(self, parsed, errors):
        """`errors` plus the model's checks of the row's other values, for a row that cannot be saved anyway."""
        errors = {column: list(messages) for column, messages in errors.items()}
        values = {name: value for name, value in parsed.items() if name not in RELATION_FIELDS}
        try:
            Organization(**values).full_clean(exclude={"cui", "slug", *errors}, validate_unique=False)
        except ValidationError as error:
            _add_model_errors(errors, error)
        return errors

    def kind(self, value):
        folded = fold(value)
        if value in Organization.Kind.values:
            return value
        if folded.replace("-", " ") in KIND_ALIASES:
            return KIND_ALIASES[folded.replace("-", " ")]
        for kind in Organization.Kind:
            if folded == fold(str(kind.label)):
                return kind.value
        return None

    def save(self, cui, parsed, *, parse_errors):
        """Create or update the organization with this CUI through directory.services; returns (outcome, organization).

        The row is first checked on an unsaved copy, so that every problem is reported at once (the columns
        that could not be read, then the model's own checks) and an unchanged row is not saved again.
        """
        organization = Organization.objects.select_for_update().filter(cui=cui).first()
        if organization is None:
            preview = Organization(cui=cui, live=False)
            outcome = "created"
        else:
            if organization.workflow_in_progress:
                raise _Refused(_("its changes are waiting for moderation; approve or reject them first."))
            if organization.live and organization.has_unpublished_changes:
                raise _Refused(_("it has unpublished changes; publish or discard them in the admin first."))
            preview = organization
            outcome = "updated"
            before = _snapshot(organization)
        if outcome == "updated" and not parsed.get("slug"):
            parsed.pop("slug", None)  # an empty slug keeps the profile's address, even if the name changes
        for name, value in parsed.items():
            if name in RELATION_FIELDS:
                getattr(preview, name).set(value)  # in memory until saved (a ParentalManyToManyField)
            else:
                setattr(preview, name, value)
        errors = {column: list(messages) for column, messages in parse_errors.items()}
        try:
            preview.full_clean(exclude=set(parse_errors))
        except ValidationError as error:
            _add_model_errors(errors, error)
        if errors:
            raise ValidationError(errors)
        if outcome == "updated" and _snapshot(preview) == before:
            return "unchanged", organization

        data = {**parsed, "cui": cui}
        if outcome == "created":
            return outcome, services.organization_create(data=data, by=self.user, publish=self.publish)
        # An existing organization keeps its state: a draft stays a draft.
        services.organization_update(
            organization=organization, data=data, by=self.user, publish=self.publish and organization.live
        )
        return outcome, Organization.objects.get(pk=organization.pk)


class _Refused(Exception):
    pass


def _snapshot(organization):
    values = {column: getattr(organization, column) for column in IMPORT_COLUMNS if column not in RELATION_FIELDS}
    for name in RELATION_FIELDS:
        values[name] = sorted(item.pk for item in getattr(organization, name).all())
    return values


def _add_model_errors(errors, error):
    """The model's complaints, except about columns already reported as unreadable (a "NaN" latitude is
    reported as not a number, not also as missing)."""
    unreadable = set(errors)
    for column, messages in error.message_dict.items():
        if column not in unreadable:
            errors.setdefault(column, []).extend(messages)


def _messages(errors):
    messages = []
    for column, column_messages in errors.items():
        for message in column_messages:
            messages.append(message if column == NON_FIELD_ERRORS else f"{column}: {message}")
    return messages


def _unescape_formula(text):
    """The value without the apostrophe the export puts before text a spreadsheet would run as a formula."""
    if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_PREFIXES:
        return text[1:]
    return text


def _column_name(name):
    return "_".join(name.strip().lower().replace("-", " ").split())
