"""Peer review is the only way to go live: faculty submit, a colleague approves (superusers excepted)."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

PUBLISH_ACTION = "action-publish"


def _must_go_through_review(request, page) -> bool:
    if request.user.is_superuser:
        return False
    workflow = page.get_workflow() if page is not None else None
    return bool(workflow and workflow.active)


@hooks.register("construct_page_action_menu")
def hide_direct_publish(menu_items, request, context):
    page = context.get("page") or context.get("parent_page")
    if page is not None and _must_go_through_review(request, page):
        menu_items[:] = [item for item in menu_items if item.name != PUBLISH_ACTION]


def _refuse_direct_publish(request, page):
    if request.method == "POST" and PUBLISH_ACTION in request.POST and _must_go_through_review(request, page):
        messages.error(request, "Pages go live after peer review: submit it to Faculty peer review instead.")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
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
