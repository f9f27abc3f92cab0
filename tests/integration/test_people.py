"""Accounts, departments, leaderboards, dashboards and the faculty view, read as sentences with personas."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from learners.models import Membership, ReviewCard, User
from quizzes.models import Attempt
from tests.factories import make_attempt, make_quiz_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    return make_quiz_case()


def test_a_resident_signs_up_with_a_valid_invite_code(client, personas):
    response = client.post(
        reverse("learners:signup"),
        {
            "invite_code": "aaaa-aaaaaa",
            "username": "newbie",
            "display_name": "New Resident",
            "email": "newbie@example.org",
            "training_year": "2",
            "password": "a-long-enough-passphrase",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="newbie")
    assert user.membership.department == personas["dept_a"]
    assert user.membership.role == "resident" and user.membership.training_year == 2
    assert list(user.groups.values_list("name", flat=True)) == ["Residents"]


def test_signup_refuses_an_unknown_code_and_keeps_what_was_typed(client, personas):
    response = client.post(
        reverse("learners:signup"),
        {
            "invite_code": "NOPE",
            "username": "x",
            "display_name": "X",
            "email": "x@example.org",
            "password": "pw",
        },
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "not valid" in html and 'value="x@example.org"' in html
    assert not User.objects.filter(username="x").exists()


def test_a_password_reset_sends_an_email_with_a_link(client, personas):
    response = client.post(reverse("learners:password_reset"), {"email": "alice@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "/accounts/reset/" in mail.outbox[0].body


def test_residents_never_reach_the_wagtail_admin(client, personas):
    client.force_login(personas["alice"])
    response = client.get("/cms/")
    assert response.status_code in (302, 403)
    client.force_login(personas["fiona"])
    assert client.get("/cms/").status_code == 200


def test_only_the_department_admin_can_rotate_the_invite_code(client, personas):
    client.force_login(personas["fiona"])
    assert client.post(reverse("learners:rotate-invite")).status_code == 403
    client.force_login(personas["adam"])
    assert client.post(reverse("learners:rotate-invite")).status_code == 302
    personas["dept_a"].refresh_from_db()
    assert personas["dept_a"].invite_code != "AAAAAAAAAA"


def test_faculty_see_only_their_own_departments_residents(client, personas, case):
    make_attempt(personas["alice"], case, total=90)
    make_attempt(personas["bob"], case, total=40)
    client.force_login(personas["frank"])
    html = client.get(reverse("learners:department")).content.decode()
    assert "bob" in html and "alice" not in html
    csv = client.get(reverse("learners:department-export")).content.decode()
    assert "bob" in csv and "alice" not in csv


@pytest.mark.parametrize("who", ["alice", "bob", "oscar"])
def test_residents_and_outsiders_cannot_open_the_faculty_view(client, personas, who):
    client.force_login(personas[who])
    assert client.get(reverse("learners:department")).status_code == 403
    assert client.get(reverse("learners:department-export")).status_code == 403


def test_a_resident_cannot_read_another_residents_attempt(client, personas, case):
    attempt = make_attempt(personas["ann"], case, total=55)
    client.force_login(personas["alice"])
    assert client.get(reverse("learners:attempt", args=[attempt.public_id])).status_code == 404
    client.force_login(personas["frank"])  # faculty of another department
    assert client.get(reverse("learners:attempt", args=[attempt.public_id])).status_code == 404
    client.force_login(personas["fiona"])  # faculty of ann's department
    assert client.get(reverse("learners:attempt", args=[attempt.public_id])).status_code == 200
    client.force_login(personas["ann"])
    assert client.get(reverse("learners:attempt", args=[attempt.public_id])).status_code == 200


def test_leaderboards_never_show_another_departments_residents(client, personas, case):
    for name in ("alice", "ann"):
        make_attempt(personas[name], case, total=70)
    make_attempt(personas["bob"], case, total=99)
    client.force_login(personas["fiona"])
    html = client.get(reverse("learners:leaderboard")).content.decode()
    assert "alice" in html and "bob" not in html


def test_a_small_board_is_hidden_from_residents_but_not_from_faculty(client, personas, case):
    make_attempt(personas["alice"], case, total=70)
    make_attempt(personas["ann"], case, total=60)
    client.force_login(personas["alice"])
    html = client.get(reverse("learners:leaderboard")).content.decode()
    assert "fewer than 3 visible residents" in html and "ann" not in html
    client.force_login(personas["fiona"])
    html = client.get(reverse("learners:leaderboard")).content.decode()
    assert "ann" in html


def _department_a_with_residents(personas, case, n):
    residents = []
    for i in range(n):
        user = User.objects.create_user(f"res{i}", f"res{i}@example.org", "pw-res-123456")
        Membership.objects.create(user=user, department=personas["dept_a"], leaderboard_display="hidden")
        make_attempt(user, case, total=10 + i)
        residents.append(user)
    return residents


def test_hidden_residents_appear_as_anonymised_and_faculty_see_names(client, personas, case):
    _department_a_with_residents(personas, case, 2)
    for name in ("alice", "ann"):
        make_attempt(personas[name], case, total=95)
    Membership.objects.filter(user__username__startswith="res").update(leaderboard_display="name")
    Membership.objects.filter(user=personas["ann"]).update(leaderboard_display="hidden")
    client.force_login(personas["alice"])
    html = client.get(reverse("learners:leaderboard")).content.decode()
    assert "anonymised" in html and ">ann<" not in html and "alice (you)" in html
    client.force_login(personas["fiona"])
    assert "anonymised" not in client.get(reverse("learners:leaderboard")).content.decode()


def test_practice_attempts_never_count_and_periods_filter(client, personas, case):
    _department_a_with_residents(personas, case, 3)
    make_attempt(personas["alice"], case, total=50, completed_at=timezone.now() - timedelta(days=400))
    make_attempt(personas["alice"], case, total=100, practice=True)
    client.force_login(personas["fiona"])
    all_time = client.get(reverse("learners:leaderboard")).content.decode()
    assert "<td>50</td>" in all_time and "<td>150</td>" not in all_time
    this_week = client.get(reverse("learners:leaderboard"), {"period": "week"}).content.decode()
    assert "alice" not in this_week


def test_bad_leaderboard_filters_are_ignored_with_a_note(client, personas):
    client.force_login(personas["alice"])
    response = client.get(reverse("learners:leaderboard"), {"period": "decade", "module": "x" * 300})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ignored unknown period" in html and "Ignored an unknown module" in html


def test_the_dashboard_shows_mastery_as_text_and_the_score_chart(client, personas, case):
    make_attempt(personas["alice"], case, total=40)
    client.force_login(personas["alice"])
    html = client.get(reverse("learners:dashboard")).content.decode()
    assert '40<span class="visually-hidden"> out of 100 over 1 case' in html
    assert '<svg class="score-chart"' in html and "Epidural haematoma" in html


def test_a_wrong_answer_puts_the_case_in_the_review_queue(client, personas, case):
    from learners.services import review_after_case

    review_after_case(learner=personas["alice"], case_id=case.pk, total=30)
    review_after_case(learner=personas["ann"], case_id=case.pk, total=95)
    assert ReviewCard.objects.filter(learner=personas["alice"], kind="case").exists()
    assert not ReviewCard.objects.filter(learner=personas["ann"]).exists()


def test_figure_flashcards_can_be_revealed_and_rated(client, personas, case):
    client.force_login(personas["alice"])
    html = client.get(reverse("learners:review")).content.decode()
    assert "Reveal the answer" in html and "figure-overlay" not in html
    figure_id = int(html.split("?reveal=")[1].split('"')[0])
    revealed = client.get(reverse("learners:review"), {"reveal": figure_id}).content.decode()
    assert "figure-overlay" in revealed
    response = client.post(reverse("learners:review-rate"), {"figure": figure_id, "rating": "again"})
    assert response.status_code == 302
    card = ReviewCard.objects.get(learner=personas["alice"], figure_id=figure_id)
    assert card.due > timezone.now() and card.reviews == 1


@pytest.mark.parametrize(
    "data", [{"figure": "1", "rating": "brilliant"}, {"figure": "abc", "rating": "good"}]
)
def test_bad_ratings_are_refused(client, personas, data):
    client.force_login(personas["alice"])
    assert client.post(reverse("learners:review-rate"), data).status_code == 400
    assert not ReviewCard.objects.exists()


def test_profile_changes_how_the_resident_appears(client, personas):
    client.force_login(personas["alice"])
    response = client.post(
        reverse("learners:profile"),
        {
            "display_name": "Alice A",
            "email": "alice@example.org",
            "leaderboard_display": "pseudonym",
            "pseudonym": "",
        },
    )
    assert response.status_code == 422 and "Choose a pseudonym" in response.content.decode()
    client.post(
        reverse("learners:profile"),
        {
            "display_name": "Alice A",
            "email": "alice@example.org",
            "leaderboard_display": "pseudonym",
            "pseudonym": "Owl",
        },
    )
    assert Membership.objects.get(user=personas["alice"]).pseudonym == "Owl"


@pytest.mark.parametrize(
    "url", ["learners:dashboard", "learners:review", "learners:leaderboard", "learners:profile"]
)
def test_pages_for_learners_require_sign_in(client, url):
    response = client.get(reverse(url))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("attempts_per_resident", [1, 8])
def test_people_pages_run_a_constant_number_of_queries(
    client, personas, django_assert_max_num_queries, attempts_per_resident
):
    cases = [make_quiz_case()] + [make_quiz_case(slug=f"c{i}") for i in range(attempts_per_resident - 1)]
    residents = _department_a_with_residents(personas, cases[0], 4)
    for user in residents + [personas["alice"]]:
        for c in cases:
            if not Attempt.objects.filter(learner=user, case=c).exists():
                make_attempt(user, c, total=55)
    for who, url in [
        ("alice", "learners:leaderboard"),
        ("alice", "learners:dashboard"),
        ("fiona", "learners:department"),
        ("fiona", "learners:department-export"),
    ]:
        client.force_login(personas[who])
        client.get(reverse(url))
        with django_assert_max_num_queries(25):
            assert client.get(reverse(url)).status_code == 200


def test_ties_go_to_more_cases_then_to_whoever_finished_first(client, personas):
    from learners.selectors import leaderboard

    cases = [make_quiz_case(slug=f"tie-{i}") for i in range(3)]
    early = timezone.now() - timedelta(hours=5)
    make_attempt(personas["alice"], cases[0], total=100, completed_at=early)
    make_attempt(personas["ann"], cases[0], total=50, completed_at=early)
    make_attempt(personas["ann"], cases[1], total=50, completed_at=early)
    res0 = User.objects.create_user("res0", "res0@example.org", "pw-res-123456")
    Membership.objects.create(user=res0, department=personas["dept_a"], leaderboard_display="name")
    make_attempt(res0, cases[0], total=100, completed_at=early - timedelta(hours=1))
    board = leaderboard(personas["dept_a"])
    assert [s.name for s in board.top] == ["ann", "res0", "alice"]
    assert [s.rank for s in board.top] == [1, 2, 3]


def test_a_resident_below_the_top_ten_sees_their_rank_and_neighbours(client, personas, case):
    residents = _department_a_with_residents(personas, case, 14)
    Membership.objects.filter(user__in=residents).update(leaderboard_display="name")
    client.force_login(residents[0])  # the lowest score: rank 14
    html = client.get(reverse("learners:leaderboard")).content.decode()
    assert (
        "res0 (you)" in html
    )  # hidden from others, but a resident always sees their own name and "<td>14</td>" in html and "<td>12</td>" in html


def test_rebuilding_the_running_totals_from_attempts_gives_the_same_boards(personas):
    from learners.models import DepartmentTally, LeaderboardEntry
    from learners.services import tallies_rebuild

    cases = [make_quiz_case(slug=f"rebuild-{i}") for i in range(2)]
    make_attempt(personas["alice"], cases[0], total=64)
    make_attempt(personas["alice"], cases[1], total=90, completed_at=timezone.now() - timedelta(days=40))
    make_attempt(personas["bob"], cases[0], total=12)
    make_attempt(personas["ann"], cases[0], total=99, practice=True)

    def snapshot():
        entries = LeaderboardEntry.objects.values_list(
            "department_id", "learner_id", "period", "period_start", "module_key", "score", "cases"
        )
        tallies = DepartmentTally.objects.values_list("department_id", "kind", "key", "count", "score_sum")
        return sorted(entries), sorted(tallies)

    incremental = snapshot()
    tallies_rebuild()
    assert snapshot() == incremental
    assert ("band", "6", 1, 64) in [t[1:] for t in incremental[1]]
