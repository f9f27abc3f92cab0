"""Learners follows the quiz: a scored attempt updates boards, tallies and the review queue; a regrade rebuilds
them from the rescored attempts. Connected in LearnersConfig.ready; quizzes never imports this app.
"""

from __future__ import annotations

from django.dispatch import receiver

from quizzes.models import Attempt
from quizzes.signals import attempt_scored, attempts_regraded

from .models import ReviewCard
from .services import attempt_tally, review_after_case, tallies_rebuild


@receiver(attempt_scored, dispatch_uid="learners-attempt-scored")
def follow_scored_attempt(sender, attempt, now, **kwargs):
    review_after_case(learner=attempt.learner, case_id=attempt.case_id, total=attempt.total, now=now)
    attempt_tally(attempt=attempt)


@receiver(attempts_regraded, dispatch_uid="learners-attempts-regraded")
def follow_regrade(sender, attempts, **kwargs):
    """Boards and tallies are rebuilt from the attempts; each affected case card is replayed in time order."""
    tallies_rebuild()
    pairs = {(a.learner_id, a.case_id) for a in attempts}
    learners = {learner_id for learner_id, _ in pairs}
    cases = {case_id for _, case_id in pairs}
    ReviewCard.objects.filter(kind=ReviewCard.Kind.CASE, learner_id__in=learners, case_id__in=cases).delete()
    history = (
        Attempt.objects.filter(learner_id__in=learners, case_id__in=cases, step=Attempt.Step.DONE)
        .select_related("learner")
        .order_by("completed_at", "pk")
    )
    for attempt in history:
        if (attempt.learner_id, attempt.case_id) in pairs:
            review_after_case(
                learner=attempt.learner,
                case_id=attempt.case_id,
                total=attempt.total,
                now=attempt.completed_at,
            )
