"""Set the default Wagtail Site's hostname and port from the public address (WAGTAILADMIN_BASE_URL)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from website.addresses import default_site, public_base_url, site_sync


class Command(BaseCommand):
    help = (
        "Point the default Wagtail Site at WAGTAILADMIN_BASE_URL, so that canonical links, "
        "sitemap.xml and the feeds use the public address. Run it after `migrate` on every deploy."
    )

    def handle(self, *args, **options):
        base_url = public_base_url()
        try:
            site = default_site()
        except DatabaseError as error:
            raise CommandError(f"The database is not ready ({error}): run `manage.py migrate` first.") from error
        if site is None:
            raise CommandError("There is no default Wagtail Site: run `manage.py migrate` (or `seed_demo`) first.")
        try:
            changed = site_sync(site=site, base_url=base_url)
        except ValueError as error:
            raise CommandError(str(error)) from error
        except ValidationError as error:  # another Site already has this hostname and port
            raise CommandError("; ".join(error.messages)) from error
        state = "updated" if changed else "already up to date"
        self.stdout.write(self.style.SUCCESS(f"Default site {state}: {site.root_url}"))
