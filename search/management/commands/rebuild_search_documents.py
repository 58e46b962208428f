"""Build the site-wide search's documents from every registered kind, and index them."""

from django.core.management.base import BaseCommand, CommandError

from search.registry import search_kinds
from search.services import documents_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the site-wide search documents from the public objects of every registered kind (or of the kinds "
        "named), delete those of objects no longer public, and index what changed. Publishing and moderation keep "
        "them current; run this after importing data without signals (bulk loads) or changing a kind's rules."
    )

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="Kind keys (stiri, organizatii, …); all kinds when omitted.")

    def handle(self, *args, **options):
        unknown = [key for key in options["kinds"] if key not in search_kinds()]
        if unknown:
            known = ", ".join(search_kinds())
            raise CommandError(f"Unknown kinds: {', '.join(unknown)}. Known kinds: {known}.")
        counts = documents_rebuild(kinds=options["kinds"] or None, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"{sum(counts.values())} search documents."))
