"""Tell followers what happened to consultations since the last run: opened, debate announced, a week or a day left,
outcome published.

Run it every few minutes (cron or the task scheduler): a consultation published before its opening moment opens
later, with no publication to hook into. Each event is announced once, whatever the number of runs.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations import services
from consultations.models import ConsultationNotice, ConsultationPage
from consultations.status import ConsultationStatus


class Command(BaseCommand):
    help = "Notify the followers of consultations: opened, public debate, a week and a day left, outcome."

    def handle(self, *args, **options):
        now = timezone.now()
        live = ConsultationPage.objects.live().public()
        current = live.filter(closes_at__gt=now)  # open, or upcoming with an announced debate
        decided = live.with_status(ConsultationStatus.OUTCOME_PUBLISHED, now=now).exclude(
            notices__event=ConsultationNotice.Event.OUTCOME
        )
        count = 0
        for consultation in [*current, *decided]:
            count += len(services.notify_followers(consultation=consultation, now=now))
        self.stdout.write(f"{count} notifications")
