from django.core.management.base import BaseCommand

from proposals.services import reminders_send


class Command(BaseCommand):
    help = (
        "Remind the authorities of the proposals they have not taken into review within 30 days, once per 30 days "
        "of waiting (run daily, e.g. from cron: `manage.py proposal_reminders`)."
    )

    def handle(self, *args, **options):
        reminded = reminders_send()
        self.stdout.write(f"Reminders sent for {len(reminded)} proposal(s).")
