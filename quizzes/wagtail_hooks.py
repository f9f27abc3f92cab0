"""Admin hooks of the quiz: the regrade view and its button on cases and modules."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import admin_views
from .models import QuizCasePage, QuizModulePage


@hooks.register("register_admin_urls")
def regrade_urls():
    return [path("quizzes/regrade/<int:page_id>/", admin_views.regrade, name="quizzes_regrade")]


def _regrade_button(page, user, priority):
    specific_class = page.specific_class
    if specific_class in (QuizCasePage, QuizModulePage) and page.permissions_for_user(user).can_publish():
        yield Button(
            "Regrade attempts",
            reverse("quizzes_regrade", args=[page.pk]),
            icon_name="rotate",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def regrade_listing_button(page, user, next_url=None):
    yield from _regrade_button(page, user, 55)


@hooks.register("register_page_header_buttons")
def regrade_header_button(page, user, view_name, next_url=None):
    yield from _regrade_button(page, user, 66)
