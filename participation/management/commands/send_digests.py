from django.core.management.base import BaseCommand

from participation.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Queue the daily digest emails (run once a day, e.g. from cron: `manage.py send_digests`)."

    def handle(self, *args, **options):
        result = send_daily_digests.enqueue()
        self.stdout.write(f"Daily digests queued ({result.id}).")
