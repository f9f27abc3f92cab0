"""Admin views of the quiz: regrade a case or a module's attempts (preview, then confirm)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.models import Page

from .grading import cases_for, regrade_apply, regrade_plan
from .models import QuizCasePage, QuizModulePage

PREVIEW_ROWS = 100


def _regradable_page(request, page_id: int) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, QuizCasePage | QuizModulePage):
        raise PermissionDenied("Only a quiz case or module can be regraded.")
    # Changing stored scores is a publishing act: only those who may publish the page may do it.
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied("You may not regrade this page: regrading needs the right to publish it.")
    return page


def regrade(request, page_id: int):
    """GET: how many attempts change and by how much; POST: apply, in one transaction."""
    page = _regradable_page(request, page_id)
    plan = regrade_plan(cases_for([page]))
    if request.method == "POST":
        regrade_apply(plan, by=request.user.get_username())
        summary = plan.summary()
        messages.success(
            request, f"Regraded {summary['changed']} of {summary['attempts']} attempts of “{page.title}”."
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    context = {
        "page": page,
        "summary": plan.summary(),
        "rows": plan.changed_totals[:PREVIEW_ROWS],
        "more": max(0, len(plan.changed_totals) - PREVIEW_ROWS),
    }
    return TemplateResponse(request, "quizzes/admin/regrade.html", context)
