from django.core.management.base import BaseCommand

from website.groups import setup_groups


class Command(BaseCommand):
    help = "Create or update the staff groups (Editori, Moderatori) and their permissions."

    def handle(self, *args, **options):
        groups = setup_groups()
        self.stdout.write(self.style.SUCCESS(f"Groups ready: {', '.join(groups)}"))
