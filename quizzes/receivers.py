"""What the quiz does when others act: publishing a case or saving a figure makes its quiz images; signing in
claims the cases this browser finished signed out; the atlas asks which figures to hold back."""

import logging

from django.contrib.auth.signals import user_logged_in
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from atlas.models import Figure
from atlas.selectors import figure_withholder_register

from .models import QuizCasePage
from .quiz_images import quiz_images_make
from .selectors import figures_withheld_from
from .services import session_attempts_claim

logger = logging.getLogger(__name__)


def _make_images(case) -> None:
    try:
        quiz_images_make(case=case)
    except OSError:
        # An unreadable source file must not undo the author's publish: the case shows "being prepared" in
        # place of that image until `manage.py make_quiz_images` succeeds.
        logger.exception("Could not make the quiz images of case %s", case.pk)


@receiver(page_published, sender=QuizCasePage, dispatch_uid="quizzes_images_on_publish")
def make_images_on_publish(sender, instance, **kwargs):
    _make_images(instance)


@receiver(post_save, sender=Figure, dispatch_uid="quizzes_images_on_figure_save")
def make_images_on_figure_save(sender, instance, **kwargs):
    # A new image on the figure needs new copies, before a learner opens the case.
    cases = QuizCasePage.objects.live().filter(Q(target_figure=instance) | Q(case_images__figure=instance))
    for case in cases.distinct():
        _make_images(case)


@receiver(user_logged_in, dispatch_uid="quizzes_claim_session_attempts")
def claim_session_attempts(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        session_attempts_claim(request=request, user=user)


figure_withholder_register(figures_withheld_from)
