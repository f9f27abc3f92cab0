"""Who wrote a page and which colleague approved it: read by every page type, so it imports no app."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, TaskState


def page_credits(page) -> dict:
    """The page's author (its owner) and the last faculty member who approved it in peer review."""
    approval = (
        TaskState.objects.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id=str(page.pk),
            status=TaskState.STATUS_APPROVED,
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    author = page.owner if page.owner_id else None
    return {
        "author": author,
        "reviewer": approval.finished_by if approval else None,
        "reviewed_at": approval.finished_at if approval else None,
    }
