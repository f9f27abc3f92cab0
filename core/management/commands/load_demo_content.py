"""Load the schematic demo atlas, quizzes and demo departments; safe to run any number of times."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core.demo import DemoLoader


class Command(BaseCommand):
    help = "Load the demo content. Existing rows are kept; --refresh updates atlas rows from the demo data."

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true", help="Overwrite demo rows with the demo data.")

    def handle(self, *args, refresh=False, **options):
        report = DemoLoader(refresh=refresh).load()
        for line in report.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({report.total_created()} new rows)."))
        if settings.DEBUG:
            self.stdout.write(
                "Demo accounts (this machine only): faculty / faculty-demo (writes and submits at /cms/), "
                "reviewer / reviewer-demo (approves), admin / admin-demo (superuser), "
                "resident1..resident6 / resident-demo. Invite code for new residents: DEMOSPINE1."
            )
