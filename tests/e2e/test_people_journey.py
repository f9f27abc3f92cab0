"""A resident signs up with an invite code, takes a case, and sees the leaderboard and dashboard change."""

import pytest

from learners.models import Department, Membership, User
from tests.factories import make_attempt, make_quiz_case

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_new_resident_joins_plays_a_case_and_sees_their_progress(live_server, page, artifacts_dir):
    department = Department.objects.create(
        name="Teaching Hospital", slug="teaching", invite_code="JOINME2026"
    )
    case = make_quiz_case()
    for i in range(3):  # enough visible colleagues for the board to be shown to residents
        user = User.objects.create_user(f"colleague{i}", password="pw-colleague-123")
        Membership.objects.create(user=user, department=department, leaderboard_display="name")
        make_attempt(user, case, total=30 + i)

    page.goto(f"{live_server.url}/accounts/signup/?code=JOINME2026")
    page.fill("#id_username", "newresident")
    page.fill("#id_display_name", "New Resident")
    page.fill("#id_email", "new@example.org")
    page.select_option("#id_training_year", "2")
    page.fill("#id_password", "a-long-enough-passphrase")
    page.click("main button[type=submit]")
    page.wait_for_url("**/learn/")
    assert "Complete a quiz case to see your mastery map" in page.content()
    page.screenshot(path=str(artifacts_dir / "journey-1-dashboard-empty.png"), full_page=True)

    page.goto(f"{live_server.url}/learn/leaderboard/")
    assert "(you)" not in page.content()

    page.goto(f"{live_server.url}{case.url}")
    page.check("input[name=modality][value=mri]")
    page.select_option("select[name=timing-mri]", "now")
    page.click("form.workup-form button[type=submit]")
    page.wait_for_selector("form.interpretation-form")
    page.select_option("#region", label="Dorsal epidural space at L4–L5")
    page.check("input[name=findings][value=collection]")
    page.check("input[name=findings][value=compression]")
    page.check("input[name=diagnosis][value=epidural-haematoma]")
    page.check("input[name=confidence][value=high]")
    page.check("input[name=next_step][value=emergency_surgery]")
    page.click("form.interpretation-form button[type=submit]")
    page.wait_for_selector(".total-score")
    total = int(page.inner_text(".total-score"))
    assert total > 80
    page.screenshot(path=str(artifacts_dir / "journey-2-feedback.png"), full_page=True)

    page.goto(f"{live_server.url}/learn/leaderboard/")
    mine = page.locator("tr.is-me")
    assert "New Resident (you)" in mine.inner_text() and str(total) in mine.inner_text()
    assert mine.locator("td").first.inner_text() == "1"
    page.screenshot(path=str(artifacts_dir / "journey-3-leaderboard.png"), full_page=True)

    page.goto(f"{live_server.url}/learn/")
    cell = page.locator(".mastery td.mastery-cell--high")
    assert cell.inner_text().startswith(str(total)) and "out of 100 over 1 case" in cell.inner_text()
    assert page.locator(".score-chart circle").count() == 1
    page.screenshot(path=str(artifacts_dir / "journey-4-dashboard.png"), full_page=True)
