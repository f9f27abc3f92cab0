"""Playing a case through the server: step order, no early answer keys, idempotent steps, bad input."""

import re
import uuid

import pytest
from django.urls import reverse

from learners.models import User
from quizzes.models import Attempt
from tests.factories import make_quiz_case

pytestmark = pytest.mark.django_db

SECRETS = [
    "Secret haematoma figure title",
    "Secret caption",
    "Secret alt text",
    "Compressive dorsal haematoma",  # the annotation label
    "Secret teaching point",
    "Deficit after surgery",  # the scenario's title
    "figure-overlay",
    "data-shape-id",
]


@pytest.fixture
def case():
    return make_quiz_case()


@pytest.fixture
def alice(client):
    user = User.objects.create_user("alice", "alice@example.org", "pw-alice-123")
    client.force_login(user)
    return user


def attempt_id(html: str) -> str:
    return re.search(r'name="attempt" value="([0-9a-f-]{36})"', html).group(1)


def workup(client, case, attempt, **choices):
    data = {"attempt": attempt, "modality": list(choices)}
    data.update({f"timing-{slug}": when for slug, when in choices.items()})
    return client.post(reverse("quizzes:submit-workup", args=[case.pk]), data)


def interpret(client, case, attempt, **extra):
    data = {
        "attempt": attempt,
        "findings": ["collection", "compression"],
        "diagnosis": "epidural-haematoma",
        "confidence": "high",
        "next_step": "emergency_surgery",
        "point_x": "0.5",
        "point_y": "0.5",
    }
    data.update(extra)
    return client.post(reverse("quizzes:submit-interpretation", args=[case.pk]), data)


def assert_no_secrets(html: str):
    for secret in SECRETS:
        assert secret not in html, f"{secret!r} reached the page too early"


def test_a_signed_in_learner_plays_a_case_to_the_end(client, alice, case):
    page = client.get(case.url).content.decode()
    assert "What imaging do you request" in page
    assert_no_secrets(page)

    attempt = attempt_id(page)
    response = workup(client, case, attempt, mri="now", xr="now")
    assert response.status_code == 302
    page = client.get(case.url).content.decode()
    assert "Your interpretation" in page
    assert "Dorsal epidural space at L4–L5" in page and "L4 vertebral body" in page
    assert_no_secrets(page)

    assert interpret(client, case, attempt).status_code == 302
    page = client.get(case.url).content.decode()
    saved = Attempt.objects.get(public_id=attempt)
    assert saved.step == "done" and saved.learner == alice and not saved.is_practice
    assert f"{saved.total}</span> / 100" in page
    assert "Secret teaching point" in page and 'data-shape-id="haematoma"' in page
    assert "Standing radiographs" not in page or "usually not appropriate" in page
    parts = {p["part"]: p for p in saved.parts}
    assert set(parts) == {"workup", "findings", "diagnosis", "pointing", "next_step", "certainty"}
    assert parts["pointing"]["score"] == 100 and parts["diagnosis"]["score"] == 100
    assert parts["workup"]["score"] < 100  # the radiographs cost points
    assert all(p["reasons"] for p in saved.parts)


def test_the_essential_examination_is_shown_with_a_note_when_not_ordered(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, ct="now")
    page = client.get(case.url).content.decode()
    assert "The on-call surgeon requested an emergency MRI." in page


def test_an_examination_without_images_says_so(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, xr="now", mri="now")
    assert "This case has no images of this examination." in client.get(case.url).content.decode()


def test_submitting_the_workup_twice_changes_nothing(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    first = Attempt.objects.get()
    response = workup(client, case, attempt, mri="scheduled", xr="now")
    assert response.status_code == 302
    assert Attempt.objects.count() == 1
    again = Attempt.objects.get()
    assert again.workup == {"mri": "now"} and again.parts == first.parts


def test_replaying_the_interpretation_neither_adds_an_attempt_nor_changes_the_score(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    interpret(client, case, attempt)
    scored = Attempt.objects.get()
    response = interpret(client, case, attempt, diagnosis="seroma", confidence="low")
    assert response.status_code == 302
    workup(client, case, attempt, ct="now")  # the back button, then the first form again
    assert Attempt.objects.count() == 1
    assert Attempt.objects.get().total == scored.total


def test_a_second_go_is_practice_and_says_so(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    interpret(client, case, attempt)
    page = client.get(case.url + "?practice=1").content.decode()
    assert "this go is practice" in page
    second = attempt_id(page)
    workup(client, case, second, mri="now")
    interpret(client, case, second, diagnosis="seroma")
    assert Attempt.objects.get(public_id=second).is_practice
    assert not Attempt.objects.get(public_id=attempt).is_practice


def test_the_interpretation_cannot_come_before_the_workup(client, alice, case):
    response = interpret(client, case, str(uuid.uuid4()))
    assert response.status_code == 404
    assert not Attempt.objects.exists()


def test_another_learners_attempt_id_gets_a_404_and_changes_nothing(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    bob = User.objects.create_user("bob", "bob@example.org", "pw-bob-12345")
    client.force_login(bob)
    assert interpret(client, case, attempt).status_code == 404
    assert workup(client, case, attempt, mri="now").status_code == 404
    assert Attempt.objects.get().step == "interpretation"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("findings", ["made-up"], "not a finding this case offers"),
        ("diagnosis", "cancer", "not a diagnosis this case offers"),
        ("point_x", "1.5", "outside the image"),
        ("point_x", "left", "not a number"),
        ("next_step", "pray", "not one of the next steps"),
        ("confidence", "very", "not a confidence level"),
        ("region", "elsewhere", "not one of the regions"),
    ],
)
def test_forged_interpretations_get_a_400_with_a_clear_message(client, alice, case, field, value, message):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    response = interpret(client, case, attempt, **{field: value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Attempt.objects.get().step == "interpretation"


def test_forgetting_the_diagnosis_is_a_422_that_keeps_the_answers(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    response = interpret(client, case, attempt, diagnosis="")
    html = response.content.decode()
    assert response.status_code == 422
    assert "Choose a diagnosis" in html
    assert 'value="collection" checked' in html


@pytest.mark.parametrize(
    "data, status",
    [
        ({"modality": ["mri"], "timing-mri": "yesterday"}, 400),
        ({"modality": ["teleportation"]}, 400),
        ({"modality": ["mri"]}, 422),
        ({"modality": ["mri"], "timing-mri": "now", "attempt": "not-a-uuid"}, 400),
    ],
)
def test_bad_workups_are_refused_and_create_nothing(client, alice, case, data, status):
    data = {"attempt": str(uuid.uuid4()), **data}
    response = client.post(reverse("quizzes:submit-workup", args=[case.pk]), data)
    assert response.status_code == status
    assert not Attempt.objects.exists()


def test_steps_answer_htmx_with_a_fragment(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    response = client.post(
        reverse("quizzes:submit-workup", args=[case.pk]),
        {"attempt": attempt, "modality": ["mri"], "timing-mri": "now"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and html.lstrip().startswith('<div id="case-step"')
    assert "Your interpretation" in html
    assert_no_secrets(html)


def open_sample(case):
    module = case.get_parent().specific
    module.is_open_sample = True
    module.save_revision().publish()


def test_anonymous_visitors_play_in_their_session_and_nothing_is_stored(client, case):
    open_sample(case)  # anonymous play is for the open sample module only
    attempt = attempt_id(client.get(case.url).content.decode())
    assert workup(client, case, attempt, mri="now").status_code == 302
    assert interpret(client, case, attempt).status_code == 302
    page = client.get(case.url).content.decode()
    assert "/ 100" in page and "Secret teaching point" in page
    assert not Attempt.objects.exists()


def test_anonymous_visitors_cannot_use_a_stored_attempt_id(client, alice, case):
    open_sample(case)  # so that the attempt id, not the sign-in rule, is what refuses them
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    client.logout()
    assert interpret(client, case, attempt).status_code == 404
    assert workup(client, case, attempt, mri="now").status_code == 404


def test_pointing_by_region_from_the_list_scores_like_a_click(client, alice, case):
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    html = client.get(case.url).content.decode()
    assert 'value="haematoma"' not in html  # option values are opaque: shape ids are built from labels
    key = re.search(r'<option value="(region-\d+)">Dorsal epidural space', html).group(1)
    interpret(client, case, attempt, point_x="", point_y="", region=key)
    pointing = next(p for p in Attempt.objects.get().parts if p["part"] == "pointing")
    assert pointing["score"] == 100


def test_the_module_page_shows_progress_and_the_result_at_the_end(client, alice, case):
    module = case.get_parent()
    assert "0 of 1" in client.get(module.url).content.decode()
    attempt = attempt_id(client.get(case.url).content.decode())
    workup(client, case, attempt, mri="now")
    interpret(client, case, attempt)
    html = client.get(module.url).content.decode()
    assert "1 of 1" in html and "Module complete" in html


@pytest.mark.parametrize("extra_cases", [0, 6])
def test_case_page_and_steps_run_a_constant_number_of_queries(
    client, alice, django_assert_max_num_queries, extra_cases
):
    case = make_quiz_case()
    for i in range(extra_cases):
        make_quiz_case(slug=f"other-{i}", module=case.get_parent())
    client.get(case.url)  # renditions are made on the first view
    with django_assert_max_num_queries(30):
        page = client.get(case.url).content.decode()
    attempt = attempt_id(page)
    with django_assert_max_num_queries(40):
        workup(client, case, attempt, mri="now", ct="now")
    client.get(case.url)
    with django_assert_max_num_queries(30):
        client.get(case.url)
    with django_assert_max_num_queries(40):
        interpret(client, case, attempt)
    client.get(case.url)
    with django_assert_max_num_queries(35):
        client.get(case.url)


def test_a_second_tab_resumes_the_unfinished_counted_attempt_instead_of_opening_practice(client, alice, case):
    first = attempt_id(client.get(case.url).content.decode())
    workup(client, case, first, mri="now")
    response = workup(client, case, str(uuid.uuid4()), ct="now")
    assert response.status_code == 302
    assert Attempt.objects.count() == 1
    assert Attempt.objects.get().workup == {"mri": "now"}
