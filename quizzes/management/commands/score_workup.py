"""Score a workup against a case's key from the shell, for authors checking a key:

    python manage.py score_workup case-month15-pain-after-fusion ct:scheduled xr-standing:scheduled

prints one line of JSON with `score` (0-100) and `reasons`.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from quizzes.answers import AnswerError, parse_workup_order
from quizzes.models import QuizCasePage
from quizzes.selectors import case_material


class Command(BaseCommand):
    help = "Score a workup (MODALITY:TIMING ..., timing now, 24h or scheduled) against a case's key; prints JSON."

    def add_arguments(self, parser):
        parser.add_argument("case_slug")
        parser.add_argument("orders", nargs="*", metavar="MODALITY:TIMING")

    def handle(self, *args, case_slug, orders, **options):
        case = QuizCasePage.objects.filter(slug=case_slug).first()
        if case is None:
            known = ", ".join(QuizCasePage.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No case with the slug “{case_slug}”. Cases: {known}")
        material = case_material(case)
        try:
            workup = parse_workup_order(" ".join(orders), set(material.ratings))
        except AnswerError as error:
            raise CommandError(error.message) from None
        part = material.score_workup(workup).as_dict()
        self.stdout.write(json.dumps({"case": case_slug, "score": part["score"], "reasons": part["reasons"]}))
