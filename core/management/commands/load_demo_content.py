"""Load the schematic demo atlas (and quizzes); safe to run any number of times."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand

from core.demo import DemoLoader
from learners.models import User


class Command(BaseCommand):
    help = "Load the demo atlas content. Existing rows are kept; --refresh updates them from the demo data."

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true", help="Overwrite demo rows with the demo data.")

    def handle(self, *args, refresh=False, **options):
        report = DemoLoader(refresh=refresh).load()
        for line in report.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({report.total_created()} new rows)."))
        if settings.DEBUG and not User.objects.filter(username="faculty").exists():
            # A local demo account only: never created with production settings (DEBUG is off there).
            password = os.environ.get("DEMO_FACULTY_PASSWORD", "faculty-demo")
            User.objects.create_superuser(
                "faculty", "faculty@example.org", password, display_name="Demo Faculty"
            )
            self.stdout.write("Created the local admin account 'faculty' for /cms/.")
