"""Faculty authoring: peer review by the Reviewers group (nobody approves their own page), credits, case
validation, preview. Every publishing path a faculty member could try is in test_publishing_paths.py."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from quizzes.models import QuizCasePage
from tests.factories import make_entry, make_figure, make_quiz_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita(personas):
    """A faculty member of department A who also sits in the Reviewers group."""
    from django.contrib.auth.models import Group

    rita = type(personas["fiona"]).objects.create_user("rita", "rita@example.org", "pw-rita-123456")
    rita.groups.add(Group.objects.get(name="Faculty"), Group.objects.get(name="Reviewers"))
    return rita


def test_the_peer_review_workflow_comes_from_a_migration():
    workflow = Workflow.objects.get(name="Faculty peer review")
    task = workflow.tasks.get().specific
    assert type(task).__name__ == "PeerReviewTask"
    assert set(task.groups.values_list("name", flat=True)) == {"Reviewers"}


def test_only_reviewers_hold_the_publish_permission():
    from wagtail.models import GroupPagePermission

    publishers = GroupPagePermission.objects.filter(permission__codename="publish_page")
    groups = set(publishers.values_list("group__name", flat=True))
    assert "Reviewers" in groups and not groups & {"Faculty", "Department admins", "Residents"}


def test_faculty_cannot_publish_directly(client, personas):
    entry = make_entry(figures=[make_figure()], title="Original title")
    client.force_login(personas["fiona"])
    edit = reverse("wagtailadmin_pages:edit", args=[entry.pk])
    assert 'name="action-publish"' not in client.get(edit).content.decode()
    response = client.post(edit, {"title": "Sneaky", "slug": entry.slug, "action-publish": "1"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Original title" and entry.live


def test_the_author_cannot_approve_their_own_page_and_a_reviewer_can(client, personas, rita):
    entry = make_entry(figures=[make_figure()])
    type(entry).objects.filter(pk=entry.pk).update(owner=personas["fiona"])
    entry.refresh_from_db()
    entry.title = "Edited by Fiona"
    revision = entry.save_revision(user=personas["fiona"])
    workflow = entry.get_workflow()
    workflow.start(entry, personas["fiona"])
    entry.refresh_from_db()
    task_state = entry.current_workflow_task_state
    task = task_state.task.specific
    assert task.get_actions(entry, personas["fiona"]) == []
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, personas["fiona"], "approve")
    assert task.get_actions(entry, personas["adam"]) == []  # a department admin is not a reviewer
    assert [a[0] for a in task.get_actions(entry, rita)][:2] == ["reject", "approve"]
    task.on_action(task_state, rita, "approve")
    entry.refresh_from_db()
    assert entry.live_revision_id == revision.pk and entry.title == "Edited by Fiona"
    html = client.get(entry.url).content.decode()
    assert "Written by fiona" in html and "peer reviewed by rita" in html


def test_the_author_does_not_see_their_own_submission_to_moderate(personas, rita):
    entry = make_entry(figures=[make_figure()])
    entry.save_revision(user=personas["fiona"])
    entry.get_workflow().start(entry, personas["fiona"])
    task = entry.get_workflow().tasks.get().specific
    assert not task.get_task_states_user_can_moderate(personas["fiona"]).exists()
    assert task.get_task_states_user_can_moderate(rita).exists()


def _case_form_data(case, **changes):
    images = [{"modality": i.modality_id, "figure": i.figure_id, "id": i.pk} for i in case.case_images.all()]
    diagnoses = [
        {"complication": d.complication_id, "credit": d.credit, "explanation": "", "id": d.pk}
        for d in case.diagnoses.all()
    ]
    findings = [
        {"key": f.key, "text": f.text, "is_present": f.is_present, "explanation": "", "id": f.pk}
        for f in case.findings.all()
    ]
    data = {
        "title": case.title,
        "slug": case.slug,
        "patient_age": case.patient_age,
        "patient_sex": case.patient_sex,
        "operation": case.operation,
        "surgery": case.surgery_id,
        "level": case.level,
        "days_since_surgery": case.days_since_surgery,
        "symptoms": case.symptoms,
        "examination": case.examination,
        "labs": "",
        "scenario": case.scenario_id,
        "fallback_modality": case.fallback_modality_id,
        "fallback_note": case.fallback_note,
        "target_figure": case.target_figure_id,
        "target_annotation_id": case.target_annotation_id,
        "target_region_label": case.target_region_label,
        "other_region_ids": case.other_region_ids,
        "pointing_tolerance": case.pointing_tolerance,
        "next_step_answer": case.next_step_answer,
        "next_step_partial": case.next_step_partial,
        "next_step_partial_credit": case.next_step_partial_credit,
        "next_step_explanation": "",
        "teaching_points": rich_text("<p>Teach.</p>"),
        "weight_workup": 45,
        "weight_findings": 15,
        "weight_diagnosis": 15,
        "weight_pointing": 10,
        "weight_next_step": 10,
        "weight_certainty": 5,
        "rating_overrides": inline_formset(changes.pop("overrides", [])),
        "workup_samples": inline_formset(changes.pop("samples", [])),
        "case_images": inline_formset(changes.pop("images", images), initial=len(images)),
        "findings": inline_formset(findings, initial=len(findings)),
        "diagnoses": inline_formset(changes.pop("diagnoses", diagnoses), initial=len(diagnoses)),
        "comments": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-boss-123456")
    )
    return client


def test_a_valid_case_saves_from_the_admin(admin_client):
    case = make_quiz_case()
    url = reverse("wagtailadmin_pages:edit", args=[case.pk])
    response = admin_client.post(url, _case_form_data(case))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_case_needs_exactly_one_fully_correct_diagnosis(admin_client):
    case = make_quiz_case()
    diagnoses = [
        {"complication": d.complication_id, "credit": 100, "explanation": "", "id": d.pk}
        for d in case.diagnoses.all()
    ]
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[case.pk]), _case_form_data(case, diagnoses=diagnoses)
    )
    assert response.status_code == 200
    assert "Exactly one diagnosis must carry 100% credit" in response.content.decode()
    assert sorted(QuizCasePage.objects.get(pk=case.pk).diagnoses.values_list("credit", flat=True)) == [
        0,
        40,
        100,
    ]


def test_the_target_must_be_on_a_figure_the_learner_will_see(admin_client):
    case = make_quiz_case()
    images = [{"modality": i.modality_id, "figure": i.figure_id, "id": i.pk} for i in case.case_images.all()]
    images = [i for i in images if i["figure"] != case.target_figure_id]
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[case.pk]), _case_form_data(case, images=images)
    )
    assert response.status_code == 200
    assert "The learner may not see this figure" in response.content.decode()


def test_the_target_annotation_must_exist(admin_client):
    case = make_quiz_case()
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[case.pk]),
        _case_form_data(case, target_annotation_id="nowhere"),
    )
    assert response.status_code == 200
    assert "Not an annotation of" in response.content.decode()


@pytest.mark.parametrize("mode", ["", "interpretation", "feedback"])
def test_the_admin_previews_a_case_as_a_learner(personas, mode):
    case = make_quiz_case()
    request = RequestFactory().get("/")
    request.user = personas["fiona"]
    request.htmx = False
    request.session = {}
    response = case.serve_preview(request, mode)
    response.render()
    html = response.content.decode()
    assert "Preview from the admin" in html
    if mode == "":
        assert "What imaging do you request" in html and "Secret teaching point" not in html
    elif mode == "interpretation":
        assert "Your interpretation" in html and "Secret teaching point" not in html
    else:
        assert "Secret teaching point" in html and "100</span> / 100" in html
