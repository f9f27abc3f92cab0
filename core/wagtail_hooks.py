"""Peer review is the only way to go live: faculty submit, a reviewer approves (superusers excepted).

Faculty hold no publish permission (learners/migrations/0009), so Wagtail refuses them its publishing paths.
Reviewers must hold it, because Wagtail's workflow approval publishes as the approver and checks it; so every
path that publishes without the workflow (the Publish action on edit and create, scheduled publishing, which
rides on it, reverting to a revision, the bulk Publish action, Copy with "publish copies", aliases) is refused
here to everyone but superusers, for pages and for the snippets under review (figures and image stacks).
"""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import WorkflowMixin

PUBLISH_ACTION = "action-publish"
REVIEW_MESSAGE = "Pages go live after peer review: submit it to Faculty peer review instead."


def _must_go_through_review(request, obj) -> bool:
    if request.user.is_superuser:
        return False
    workflow = obj.get_workflow() if obj is not None else None
    return bool(workflow and workflow.active)


@hooks.register("construct_page_action_menu")
def hide_direct_publish(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and _must_go_through_review(request, page):
        menu_items[:] = [item for item in menu_items if item.name != PUBLISH_ACTION]


def _refuse_direct_publish(request, page):
    if request.method == "POST" and PUBLISH_ACTION in request.POST and _must_go_through_review(request, page):
        messages.error(request, REVIEW_MESSAGE)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    # Also runs for "revisions_revert" (a subclass of the edit view): reverting publishes only through review.
    return _refuse_direct_publish(request, page)


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    if (
        request.method == "POST"
        and PUBLISH_ACTION in request.POST
        and _must_go_through_review(request, parent_page)
    ):
        messages.error(request, "New pages go live after peer review: save a draft, then submit it.")
        return redirect("wagtailadmin_pages:add_subpage", parent_page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish" or request.user.is_superuser:
        return None
    if any(_must_go_through_review(request, obj) for obj in objects):
        messages.error(
            request, "Pages go live after peer review, one by one: submit each to Faculty peer review."
        )
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None


@hooks.register("before_copy_page")
def refuse_live_copies(request, page):
    if request.method != "POST" or request.user.is_superuser or not _must_go_through_review(request, page):
        return None
    if request.POST.get("publish_copies") or request.POST.get("alias"):
        messages.error(
            request,
            "Copies start as drafts that go live after peer review: untick “Publish copies” and “Alias”.",
        )
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("construct_snippet_action_menu")
def hide_direct_snippet_publish(menu_items, request, context):
    instance = context.get("instance")
    model = context.get("model")
    if isinstance(instance, WorkflowMixin) or (model and issubclass(model, WorkflowMixin)):
        probe = instance if instance is not None else model()
        if _must_go_through_review(request, probe):
            menu_items[:] = [item for item in menu_items if item.name != PUBLISH_ACTION]


def _refuse_direct_snippet_publish(request, obj, back):
    if (
        request.method == "POST"
        and PUBLISH_ACTION in request.POST
        and isinstance(obj, WorkflowMixin)
        and _must_go_through_review(request, obj)
    ):
        messages.error(request, f"A {obj._meta.verbose_name} goes live after peer review: submit it instead.")
        return redirect(back)
    return None


@hooks.register("before_edit_snippet")
def refuse_direct_snippet_publish_on_edit(request, instance):
    return _refuse_direct_snippet_publish(request, instance, request.path)


@hooks.register("before_create_snippet")
def refuse_direct_snippet_publish_on_create(request, model):
    if not issubclass(model, WorkflowMixin):
        return None
    return _refuse_direct_snippet_publish(request, model(), request.path)


def _quote_safe_sqlite_lexemes() -> None:
    """Double the quotes inside SQLite full-text terms, as FTS5 requires (Wagtail's search leaves them bare).

    Without it any admin search box (snippet listings, images, choosers) answers 500 "unterminated string"
    to a typed double quote on SQLite. PostgreSQL's backend quotes its terms itself. Remove when the
    installed modelsearch escapes quotes in ``Lexeme.as_sql``.
    """
    from django.db import connection

    if connection.vendor != "sqlite":
        return
    try:
        from modelsearch.backends.database.sqlite.query import Lexeme
    except (ImportError, LookupError):  # another search package, or SQLite without FTS: nothing to mend
        return
    if getattr(Lexeme.as_sql, "quote_safe", False):
        return
    original = Lexeme.as_sql

    def as_sql(self, compiler, connection):
        template, params = original(self, compiler, connection)
        return template, [p.replace('"', '""').replace("\x00", "") for p in params]

    as_sql.quote_safe = True
    Lexeme.as_sql = as_sql


_quote_safe_sqlite_lexemes()
