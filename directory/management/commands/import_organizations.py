"""manage.py import_organizations FILE.csv: add or update directory organizations from a CSV file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from directory.importers import ImportFileError, import_organizations


class Command(BaseCommand):
    help = (
        "Import organizations from a CSV file (columns in README.md, “Importing organizations”). Every row is "
        "validated; good rows are saved, bad ones reported with their line number. The CUI is the key: running "
        "the same file again updates, never duplicates. New organizations are published unless --draft is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to the CSV file (UTF-8; ',' or ';' between columns).")
        parser.add_argument(
            "--encoding",
            help="The file's encoding when it is not UTF-8, e.g. cp1250 (Windows-1250) or iso-8859-2 (Latin-2).",
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Save new organizations, and changes to published ones, as drafts for moderators to publish.",
        )

    def handle(self, *args, file, encoding=None, draft=False, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": path, "error": error.strerror or error}
            ) from error
        try:
            report = import_organizations(data, filename=path.name, encoding=encoding, publish=not draft)
        except ImportFileError as error:
            raise CommandError(str(error)) from error

        if report.ignored_columns:
            message = _("Columns ignored (not recognised): %(columns)s") % {
                "columns": ", ".join(report.ignored_columns)
            }
            self.stderr.write(self.style.WARNING(message))
        for problem in report.rejected:
            self.stderr.write(self.style.ERROR(str(problem)))
        summary = _(
            "%(rows)d rows read: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(rejected)d rejected."
        ) % {
            "rows": report.rows,
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": len(report.unchanged),
            "rejected": len(report.rejected),
        }
        if draft and (report.created or report.updated):
            summary += " " + _("The new data was saved as drafts: publish it from the admin (Organizations).")
        style = self.style.WARNING if report.rejected else self.style.SUCCESS
        self.stdout.write(style(summary))
