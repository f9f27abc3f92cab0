"""Regrading after a key changes: attempts rescored from their saved answers, history kept, boards rebuilt
in the same transaction, the resident told, and only those who may publish can do it."""

import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse

from atlas.models import ScenarioRating
from learners.models import LeaderboardEntry, ReviewCard
from learners.services import tallies_rebuild
from quizzes.grading import regrade_apply, regrade_plan
from quizzes.models import Attempt
from tests.factories import make_quiz_case
from tests.integration.test_quiz_flow import interpret, workup

pytestmark = pytest.mark.django_db


def play(client, user, case, **choices):
    client.force_login(user)
    attempt = str(uuid.uuid4())
    assert workup(client, case, attempt, **choices).status_code in (200, 302)
    assert interpret(client, case, attempt).status_code in (200, 302)
    return Attempt.objects.get(public_id=attempt)


def board_rows():
    return sorted(
        LeaderboardEntry.objects.values_list(
            "department_id", "learner_id", "period", "period_start", "module_key", "score", "cases"
        )
    )


@pytest.fixture
def played(client, personas):
    """Alice orders CT (not the key: MRI); Ann orders MRI. Both are residents of department A."""
    case = make_quiz_case()
    alice = play(client, personas["alice"], case, ct="now")
    ann = play(client, personas["ann"], case, mri="now")
    return case, alice, ann


def test_scoring_an_attempt_updates_the_board_through_the_signal(played):
    case, alice, ann = played
    totals = {row[1]: row[5] for row in board_rows() if row[2] == "all" and row[4] == 0}
    assert totals == {alice.learner_id: alice.total, ann.learner_id: ann.total}


def test_changing_the_key_and_regrading_rescores_keeps_history_and_rebuilds_the_boards(played):
    case, alice, ann = played
    before = alice.total
    # The key is corrected: CT becomes an interchangeable first-line alternative to MRI.
    ScenarioRating.objects.filter(scenario=case.scenario, modality__slug__in=["mri", "ct"]).update(
        first_line_group=1
    )
    plan = regrade_plan([case])
    assert [c.attempt.pk for c in plan.changed_totals] == [alice.pk]
    regrade_apply(plan, by="test")

    alice.refresh_from_db()
    assert alice.total > before
    assert alice.regrades[-1]["total"] == before and alice.regrades[-1]["new_total"] == alice.total
    live = board_rows()
    tallies_rebuild()
    assert live == board_rows()  # the boards equal a rebuild from the rescored attempts
    assert {row[5] for row in live if row[1] == alice.learner_id and row[2] == "all"} == {alice.total}


def test_a_regrade_replays_the_review_card_from_the_rescored_attempts(played):
    case, alice, _ = played
    assert ReviewCard.objects.filter(learner_id=alice.learner_id, case=case).exists()  # CT-only scored low
    ScenarioRating.objects.filter(scenario=case.scenario, modality__slug__in=["mri", "ct"]).update(
        first_line_group=1
    )
    regrade_apply(regrade_plan([case]))
    alice.refresh_from_db()
    card = ReviewCard.objects.filter(learner_id=alice.learner_id, case=case).first()
    assert card is None or card.reviews == 1


def test_regrading_an_unchanged_key_changes_nothing(played):
    case, *_ = played
    plan = regrade_plan([case])
    assert plan.changes == [] and plan.summary()["attempts"] == 2


def test_the_resident_sees_the_regrade_on_the_attempt(client, played):
    case, alice, _ = played
    ScenarioRating.objects.filter(scenario=case.scenario, modality__slug__in=["mri", "ct"]).update(
        first_line_group=1
    )
    old = alice.total
    regrade_apply(regrade_plan([case]))
    alice.refresh_from_db()
    client.force_login(alice.learner)
    html = client.get(case.url).content.decode()
    assert f"{old} → {alice.total}" in html and "Regraded on" in html


def test_the_regrade_command_has_a_dry_run(played, capsys):
    case, alice, _ = played
    ScenarioRating.objects.filter(scenario=case.scenario, modality__slug__in=["mri", "ct"]).update(
        first_line_group=1
    )
    call_command("regrade", "--case", case.slug, "--dry-run")
    assert "1 totals change (1 up, 0 down" in capsys.readouterr().out
    assert Attempt.objects.get(pk=alice.pk).regrades == []
    call_command("regrade", "--module", case.get_parent().slug)
    assert len(Attempt.objects.get(pk=alice.pk).regrades) == 1


def test_only_those_who_may_publish_can_regrade_in_the_admin(client, played, personas, django_user_model):
    case, alice, _ = played
    url = reverse("quizzes_regrade", args=[case.pk])
    client.force_login(personas["alice"])
    assert client.get(url).status_code in (302, 403)
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw-boss-123456")
    client.force_login(boss)
    ScenarioRating.objects.filter(scenario=case.scenario, modality__slug__in=["mri", "ct"]).update(
        first_line_group=1
    )
    preview = client.get(url).content.decode()
    assert "<caption>Totals that change</caption>" in preview and "Regrade 2 attempts" in preview
    assert f"<td>{alice.total}</td>" in preview  # the old total, before confirming
    assert client.post(url).status_code == 302
    assert len(Attempt.objects.get(pk=alice.pk).regrades) == 1
