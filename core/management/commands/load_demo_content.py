"""Load the schematic demo atlas, quizzes and demo departments; safe to run any number of times."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core.demo import DemoLoader
from quizzes.grading import regrade_apply, regrade_plan
from quizzes.models import QuizCasePage


class Command(BaseCommand):
    help = "Load the demo content. Existing rows are kept; --refresh updates atlas rows from the demo data."

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true", help="Overwrite demo rows with the demo data.")

    def handle(self, *args, refresh=False, **options):
        report = DemoLoader(refresh=refresh).load()
        for line in report.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({report.total_created()} new rows)."))
        # The simulated history follows the current keys by the same path as a corrected key (idempotent).
        plan = regrade_apply(
            regrade_plan(QuizCasePage.objects.live().order_by("path")), by="load_demo_content"
        )
        if plan.changes:
            self.stdout.write(f"  Regraded {len(plan.changes)} demo attempts to the current answer keys.")
        if settings.DEBUG:
            self.stdout.write(
                "Demo accounts (this machine only): faculty / faculty-demo (writes and submits at /cms/), "
                "reviewer / reviewer-demo (approves), admin / admin-demo (superuser), "
                "resident1..resident6 / resident-demo. Invite code for new residents: DEMOSPINE1."
            )
