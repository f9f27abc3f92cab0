"""Make the quiz images of every live case that lacks them (after an upgrade, or when copies were lost):

    python manage.py make_quiz_images

Publishing a case makes its images already; this backfills, and deletes copies of cases that are gone.
"""

from django.core.management.base import BaseCommand

from quizzes.models import QuizCasePage
from quizzes.quiz_images import quiz_images_make, quiz_images_remove_orphans


class Command(BaseCommand):
    help = (
        "Make the missing quiz images (own copies and renditions) of every live case; drop orphaned copies."
    )

    def handle(self, *args, **options):
        cases = list(QuizCasePage.objects.live().order_by("path"))
        made = sum(quiz_images_make(case=case) for case in cases)
        removed = quiz_images_remove_orphans(live_case_ids=[c.pk for c in QuizCasePage.objects.all()])
        self.stdout.write(
            f"{made} quiz image(s) made for {len(cases)} live case(s); {removed} orphan(s) removed."
        )
