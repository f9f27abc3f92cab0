"""Figures and image stacks go public only through peer review; residents read approved versions only.

Personas: fiona (faculty, department A), rita (faculty and reviewer), alice (resident), an anonymous visitor.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from atlas.models import Figure
from learners.models import Membership, User
from learners.services import membership_set_role
from stacks.models import ImageStack
from stacks.services import dicom_import
from tests.factories import make_complication, make_entry, make_figure, make_modality, make_quiz_case
from tests.integration.test_dicom_import import series_zip

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita(personas):
    rita = User.objects.create_user("rita", "rita@example.org", "pw-rita-123456")
    membership = Membership.objects.create(
        user=rita, department=personas["dept_a"], leaderboard_display="name", pseudonym="rita-pseudo"
    )
    membership_set_role(membership=membership, role="faculty")
    rita.groups.add(Group.objects.get(name="Reviewers"))
    return rita


def edit_url(figure):
    return reverse("wagtailsnippets_atlas_figure:edit", args=[figure.pk])


def figure_form(figure, **changes):
    data = {
        "title": figure.title,
        "slug": figure.slug,
        "image": figure.image_id,
        "modality": figure.modality_id,
        "plane": figure.plane,
        "sequence": figure.sequence,
        "days_since_surgery": figure.days_since_surgery,
        "surgery": figure.surgery_id or "",
        "complications": [c.pk for c in figure.complications.all()],
        "caption": figure.caption,
        "alt_text": figure.alt_text,
        "annotations": json.dumps(figure.annotations),
    }
    data.update(changes)
    return data


def submit(client, figure, **changes):
    return client.post(edit_url(figure), figure_form(figure, **changes, **{"action-submit": "1"}))


def approve(client, obj, viewset="wagtailsnippets_atlas_figure"):
    obj.refresh_from_db()
    task_state = obj.current_workflow_task_state
    return client.post(reverse(f"{viewset}:workflow_action", args=[obj.pk, "approve", task_state.pk]), {})


def test_a_faculty_edit_waits_for_review_and_the_reviewers_approval_publishes_it(client, personas, rita):
    figure = make_figure(caption="Reviewed caption.")
    entry = make_entry(figures=[figure])
    client.force_login(personas["fiona"])
    response = submit(client, figure, caption="Unreviewed caption.", annotations="[]")
    assert response.status_code == 302
    html = client.get(entry.url).content.decode()
    assert "Reviewed caption." in html and "Unreviewed caption." not in html
    assert Figure.objects.get(pk=figure.pk).annotations  # the live shapes stay until approval
    client.force_login(rita)
    assert approve(client, figure).status_code == 302
    assert "Unreviewed caption." in client.get(entry.url).content.decode()


def test_faculty_cannot_publish_a_figure_directly(client, personas):
    figure = make_figure(caption="Reviewed caption.")
    client.force_login(personas["fiona"])
    client.post(edit_url(figure), figure_form(figure, caption="Sneaky.", **{"action-publish": "1"}))
    assert Figure.objects.get(pk=figure.pk).caption == "Reviewed caption."


def test_a_reviewer_cannot_publish_a_figure_without_the_workflow(client, rita):
    figure = make_figure(caption="Reviewed caption.")
    client.force_login(rita)
    response = client.post(
        edit_url(figure), figure_form(figure, caption="Sneaky.", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    assert Figure.objects.get(pk=figure.pk).caption == "Reviewed caption."


def test_a_new_figure_is_a_draft_that_residents_never_see(client, personas):
    figure = make_figure(title="Brand new figure")
    Figure.objects.filter(pk=figure.pk).update(live=False)
    make_entry(figures=[figure])
    client.force_login(personas["alice"])
    assert "Brand new figure" not in client.get(reverse("atlas:browse")).content.decode()
    assert "Brand new figure" not in client.get(reverse("atlas:search"), {"q": "Brand"}).content.decode()


def test_a_figure_created_in_the_admin_by_faculty_is_a_draft(client, personas):
    template = make_figure()
    client.force_login(personas["fiona"])
    data = figure_form(template, slug="made-by-fiona", title="Made by Fiona")
    response = client.post(reverse("wagtailsnippets_atlas_figure:add"), {**data, "action-publish": "1"})
    assert response.status_code == 302
    assert not Figure.objects.filter(slug="made-by-fiona", live=True).exists()
    assert client.post(reverse("wagtailsnippets_atlas_figure:add"), data).status_code == 302
    assert not Figure.objects.get(slug="made-by-fiona").live


def test_complication_tags_change_only_with_the_approved_version(client, personas, rita):
    figure = make_figure()
    before = set(figure.complications.values_list("slug", flat=True))
    other = make_complication("seroma", "Seroma", category="csf-and-fluid", urgency="non_urgent")
    client.force_login(personas["fiona"])
    submit(client, figure, complications=[other.pk])
    assert set(Figure.objects.get(pk=figure.pk).complications.values_list("slug", flat=True)) == before
    client.force_login(rita)
    approve(client, figure)
    assert set(Figure.objects.get(pk=figure.pk).complications.values_list("slug", flat=True)) == {"seroma"}


def test_a_figure_cannot_drop_an_annotation_a_live_case_points_at(client, personas):
    case = make_quiz_case()
    figure = case.target_figure
    client.force_login(personas["fiona"])
    kept = [s for s in figure.annotations if s["id"] != "haematoma"]
    response = submit(client, figure, annotations=json.dumps(kept))
    assert response.status_code == 200
    assert "points at" in response.content.decode()
    revision = figure.save_revision()
    revision.content["annotations"] = kept
    revision.save()
    with pytest.raises(Exception, match="annotations this version lacks"):
        revision.publish()
    assert "haematoma" in {s["id"] for s in Figure.objects.get(pk=figure.pk).annotations}


# Stacks -----------------------------------------------------------------------------------------


@pytest.fixture
def ct(db):
    return make_modality("ct", "CT", category="ct", radiation_level=3)


def test_an_imported_stack_and_its_figure_are_drafts(ct, tmp_path, personas):
    result = dicom_import(path_or_file=series_zip(tmp_path), title="Imported", user=personas["fiona"])
    assert not result.stack.live and not result.figure.live
    assert result.stack.get_latest_revision().user == personas["fiona"]


def _stack(tmp_path, *, approve_stack=True, approve_figure=True, on_live_entry=True):
    result = dicom_import(path_or_file=series_zip(tmp_path), title="Stack under test")
    if approve_figure:
        result.figure.get_latest_revision().publish()
    if approve_stack:
        result.stack.get_latest_revision().publish()
    if on_live_entry:
        make_entry(figures=[Figure.objects.get(pk=result.figure.pk)])
    return ImageStack.objects.get(pk=result.stack.pk)


@pytest.mark.parametrize(
    "state",
    [
        {"approve_stack": False},
        {"approve_figure": False},
        {"on_live_entry": False},
    ],
    ids=["draft stack", "draft key figure", "used by no published page"],
)
@pytest.mark.parametrize("who", ["anonymous", "alice", "fiona", "rita"])
def test_the_stack_page_serves_only_approved_stacks_that_a_published_page_uses(
    client, ct, tmp_path, personas, rita, state, who
):
    stack = _stack(tmp_path, **state)
    if who != "anonymous":
        client.force_login(rita if who == "rita" else personas[who])
    assert client.get(reverse("stacks:detail", args=[stack.slug])).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "alice", "fiona", "rita"])
def test_an_approved_stack_on_a_live_entry_is_public(client, ct, tmp_path, personas, rita, who):
    stack = _stack(tmp_path)
    if who != "anonymous":
        client.force_login(rita if who == "rita" else personas[who])
    assert client.get(reverse("stacks:detail", args=[stack.slug])).status_code == 200


def test_a_draft_stack_is_not_drawn_on_the_entry_page(client, ct, tmp_path):
    stack = _stack(tmp_path, approve_stack=False)
    entry = Figure.objects.get(pk=stack.key_figure_id).entry_links.get().page
    assert "data-stack-viewer" not in client.get(entry.url).content.decode()


# Who gets what at the figure and stack admin URLs ------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [("anonymous", 302), ("alice", 302), ("fiona", 200), ("rita", 200)],
)
def test_the_figure_and_stack_editors_are_for_faculty_and_reviewers(
    client, ct, tmp_path, personas, rita, who, expected
):
    figure = make_figure()
    stack = _stack(tmp_path)
    if who != "anonymous":
        client.force_login(rita if who == "rita" else personas[who])
    for url in (edit_url(figure), reverse("wagtailsnippets_stacks_imagestack:edit", args=[stack.pk])):
        response = client.get(url)
        assert response.status_code == expected, url
        if expected == 302:
            assert "/login/" in response["Location"] or response["Location"].startswith("/cms/")
