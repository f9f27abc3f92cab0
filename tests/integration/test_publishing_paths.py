"""Every way the Wagtail admin can make a page live, tried by a faculty member and by a reviewer acting alone.

Only an approved peer review publishes a quiz case or an atlas entry. PATHS lists the admin's publishing paths;
each is tried against a draft (never reviewed) quiz case and atlas entry by fiona (faculty, no publish
permission) and by rita (a reviewer, who holds it because approval publishes as her): the page stays not
live and the answer is a 4xx or a redirect with an error, never a 500. Then the review itself publishes.
Not listed because they do not exist here: the pages API (not installed, so /api/ is a 404, tested) and
Django's admin (faculty are not staff, tested). Bundle import creates drafts (tested at the end).
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from atlas.models import AtlasEntryPage
from learners.services import membership_set_role
from quizzes.models import QuizCasePage, QuizModulePage
from tests.factories import make_entry, make_figure, make_quiz_case
from tests.integration.test_authoring import _case_form_data

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Unreviewed draft"


@pytest.fixture
def rita(personas):
    """A faculty member of department A who sits in the Reviewers group."""
    from learners.models import Membership, User

    rita = User.objects.create_user("rita", "rita@example.org", "pw-rita-123456")
    membership = Membership.objects.create(
        user=rita, department=personas["dept_a"], leaderboard_display="name", pseudonym="rita-pseudo"
    )
    membership_set_role(membership=membership, role="faculty")
    rita.groups.add(Group.objects.get(name="Reviewers"))
    return rita


def _entry_form_data(entry, **changes):
    data = {
        "title": entry.title,
        "slug": entry.slug,
        "kind": entry.kind,
        "complication": entry.complication_id,
        "summary": entry.summary,
        "timing": entry.timing,
        "urgency": entry.urgency,
        "presentation": rich_text(""),
        "red_flags": rich_text(""),
        "findings_by_modality": streamfield([]),
        "pitfalls": rich_text(""),
        "differentials": rich_text(""),
        "references": rich_text(""),
        "entry_figures": inline_formset(
            [{"figure": link.figure_id, "id": link.pk} for link in entry.entry_figures.all()],
            initial=entry.entry_figures.count(),
        ),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def form_data(page, **changes):
    page = page.specific.get_latest_revision_as_object()
    if isinstance(page, QuizCasePage):
        return _case_form_data(page, **changes)
    return _entry_form_data(page, **changes)


def _make_draft(kind: str, author):
    page = make_quiz_case() if kind == "quiz case" else make_entry(figures=[make_figure()])
    page.unpublish()
    Page.objects.filter(pk=page.pk).update(owner=author, first_published_at=None, live_revision=None)
    page = type(page).objects.get(pk=page.pk)
    page.title = DRAFT_TITLE
    page.save_revision(user=author)
    return type(page).objects.get(pk=page.pk)


@pytest.fixture(params=["quiz case", "atlas entry"])
def draft(request, personas):
    return _make_draft(request.param, personas["fiona"])


@pytest.fixture(params=["fiona", "rita"])
def actor(request, personas, rita):
    return personas[request.param] if request.param != "rita" else rita


def live_pages_titled(title=DRAFT_TITLE):
    return Page.objects.live().filter(title=title)


# The publishing paths -----------------------------------------------------------------------------


def publish_from_edit(client, page):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), form_data(page, **{"action-publish": "1"})
    )


def publish_from_create(client, page):
    data = form_data(page, slug=f"{page.slug}-new", **{"action-publish": "1"})
    parent = page.get_parent()
    model = page.specific_class._meta
    return client.post(
        reverse("wagtailadmin_pages:add", args=[model.app_label, model.model_name, parent.pk]), data
    )


def publish_by_reverting_to_a_revision(client, page):
    revision = page.get_latest_revision()
    return client.post(
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk]),
        form_data(page, **{"action-publish": "1"}),
    )


def schedule_publishing_in_the_past(client, page):
    past = (timezone.now() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        form_data(page, go_live_at=past, **{"action-publish": "1"}),
    )
    call_command("publish_scheduled")
    return response


def schedule_publishing_on_a_draft(client, page):
    soon = (timezone.now() + timedelta(seconds=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), form_data(page, go_live_at=soon)
    )
    call_command("publish_scheduled")
    return response


def bulk_publish(client, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return client.post(f"{url}?id={page.pk}&next=/cms/", {"include_descendants": "on"})


def bulk_publish_the_parent_with_descendants(client, page):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return client.post(f"{url}?id={page.get_parent().pk}&next=/cms/", {"include_descendants": "on"})


def copy_with_publish_copies(client, page):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": DRAFT_TITLE,
            "new_slug": f"{page.slug}-copy",
            "new_parent_page": page.get_parent().pk,
            "publish_copies": "on",
        },
    )


def move_to_another_parent(client, page):
    parent = page.get_parent()
    if isinstance(parent.specific, QuizModulePage):
        destination = parent.get_parent().add_child(
            instance=QuizModulePage(title="Elsewhere", slug="elsewhere", aim="Another module.")
        )
        destination.save_revision().publish()
    else:
        destination = parent
    return client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))


def submit_and_approve_own_submission(client, page):
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form_data(page, **{"action-submit": "1"}))
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    if task_state is None:
        return client.get("/")  # the submission itself was refused: nothing to approve
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {}
    )


PATHS = {
    "edit view: Publish": publish_from_edit,
    "create view: Publish": publish_from_create,
    "revisions: revert and publish this revision": publish_by_reverting_to_a_revision,
    "scheduled publishing (go_live_at) with Publish": schedule_publishing_in_the_past,
    "scheduled publishing on a draft": schedule_publishing_on_a_draft,
    "bulk action: Publish": bulk_publish,
    "bulk action: Publish the parent with its drafts": bulk_publish_the_parent_with_descendants,
    "copy with publish copies": copy_with_publish_copies,
    "move": move_to_another_parent,
    "approve one's own submission": submit_and_approve_own_submission,
}


@pytest.mark.parametrize("path", list(PATHS))
def test_no_publishing_path_skips_review(client, draft, actor, path):
    if path == "approve one's own submission":
        # The author is fiona; rita may approve fiona's page (that is the review), so this path is fiona's.
        actor = draft.owner
    client.force_login(actor)
    response = PATHS[path](client, draft)
    assert response.status_code in (200, 302, 400, 403, 404), response.status_code
    assert not type(draft).objects.get(pk=draft.pk).live
    assert not live_pages_titled().exists()
    if response.status_code == 302 and path != "scheduled publishing on a draft":
        refused = [m for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
        assert refused or response.url.startswith("/cms/login") or "publish" not in response.url


def test_refusals_explain_themselves(client, personas, rita):
    entry = _make_draft("atlas entry", personas["fiona"])
    client.force_login(rita)
    response = bulk_publish(client, entry)
    assert response.status_code == 302
    assert any("peer review" in str(m) for m in get_messages(response.wsgi_request))


@pytest.mark.parametrize("who", ["fiona", "rita"])
def test_copy_of_a_live_page_with_publish_copies_is_a_draft(client, personas, rita, who):
    entry = make_entry(figures=[make_figure()], title="Reviewed entry")
    client.force_login(rita if who == "rita" else personas[who])
    response = copy_with_publish_copies(client, entry)
    assert response.status_code in (200, 302)
    copies = AtlasEntryPage.objects.filter(slug=f"{entry.slug}-copy")
    assert not copies.filter(live=True).exists()
    assert not live_pages_titled().exists()


@pytest.mark.parametrize("who", ["fiona", "rita"])
def test_an_alias_of_a_live_page_is_refused(client, personas, rita, who):
    case = make_quiz_case()
    client.force_login(rita if who == "rita" else personas[who])
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[case.pk]),
        {
            "new_title": "Alias",
            "new_slug": "case-alias",
            "new_parent_page": case.get_parent().pk,
            "alias": "on",
        },
    )
    assert response.status_code in (302, 403)
    assert not Page.objects.filter(slug="case-alias").exists()


def test_faculty_cannot_unpublish_reviewed_content(client, personas):
    entry = make_entry(figures=[make_figure()])
    client.force_login(personas["fiona"])
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[entry.pk]))
    assert response.status_code in (302, 403)
    assert AtlasEntryPage.objects.get(pk=entry.pk).live


def test_there_is_no_pages_api_and_no_django_admin_for_faculty(client, personas):
    client.force_login(personas["fiona"])
    assert client.get("/api/v2/pages/").status_code == 404
    response = client.get("/django-admin/")
    assert response.status_code == 302 and "/login/" in response.url


def test_the_reviewers_approval_publishes(client, draft, personas, rita):
    client.force_login(personas["fiona"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), form_data(draft, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    task_state = draft.current_workflow_task_state
    assert task_state is not None and not draft.live
    client.force_login(rita)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]), {}
    )
    assert response.status_code == 302
    page = type(draft).objects.get(pk=draft.pk)
    assert page.live and page.title == DRAFT_TITLE


def test_a_faculty_member_who_is_not_a_reviewer_cannot_approve(client, draft, personas):
    draft.get_workflow().start(draft, personas["fiona"])
    draft.refresh_from_db()
    client.force_login(personas["frank"])
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[draft.pk, "approve", draft.current_workflow_task_state.pk],
        ),
        {},
    )
    assert response.status_code in (302, 403)
    assert not type(draft).objects.get(pk=draft.pk).live


def test_bundle_import_creates_drafts(personas):
    from bundles.export import bundle_export
    from bundles.importer import bundle_import

    case = make_quiz_case()
    data = bundle_export(pages=[case], include_drafts=True, include_answer_keys=True)
    QuizCasePage.objects.filter(pk=case.pk).delete()
    bundle_import(data=data)
    imported = QuizCasePage.objects.get(slug=case.slug)
    assert not imported.live


def test_the_form_data_the_paths_post_is_valid(client, draft, personas):
    """Without this, a path could 'hold' only because its form was invalid."""
    client.force_login(personas["fiona"])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[draft.pk]), form_data(draft, title="Saved")
    )
    assert response.status_code == 302
    assert type(draft).objects.get(pk=draft.pk).get_latest_revision_as_object().title == "Saved"
