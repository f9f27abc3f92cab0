"""Accounts that cannot be impersonated: each test replays an attack from the security review of issue 14."""

import re
import time

import pytest
from django.core import mail, signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from learners.models import Membership, User
from learners.session_policy import REMEMBER_ME_SECONDS, RESIDENT_IDLE_SECONDS, STAFF_IDLE_SECONDS

pytestmark = pytest.mark.django_db


def _signup(client, **changes):
    data = {
        "invite_code": "AAAAAAAAAA",
        "username": "newbie",
        "display_name": "New Resident",
        "email": "newbie@example.org",
        "training_year": "2",
        "password": "a-long-enough-passphrase",
    } | changes
    return client.post(reverse("learners:signup"), data)


# Sign-up without a valid invite code reveals nothing about accounts ------------------------------------


def test_signup_without_a_valid_code_answers_the_same_for_taken_and_free_names(client, personas):
    User.objects.create_superuser("root", "root@example.org", "pw-root-123456")
    taken = _signup(client, invite_code="NOPE", username="root")
    free = _signup(client, invite_code="NOPE", username="nobody-has-this")
    assert taken.status_code == free.status_code == 422
    assert "taken" not in taken.content.decode().lower()
    errors = taken.context["form"].errors
    assert errors == free.context["form"].errors
    assert set(errors) == {"invite_code"}


def test_signup_with_a_valid_code_still_refuses_a_taken_name(client, personas):
    response = _signup(client, username="ALICE")
    assert response.status_code == 422
    assert "That username is taken." in response.content.decode()


def test_signup_with_a_valid_code_refuses_an_email_already_in_use(client, personas):
    response = _signup(client, email="Alice@Example.org")
    assert response.status_code == 422
    assert not User.objects.filter(username="newbie").exists()


# E-mail changes need the password, stay unique and are confirmed --------------------------------------


def _profile(client, **changes):
    data = {
        "display_name": "Ann",
        "email": "ann@example.org",
        "leaderboard_display": "name",
        "pseudonym": "",
    } | changes
    return client.post(reverse("learners:profile"), data)


def _confirmation_link() -> str:
    message = next(m for m in reversed(mail.outbox) if m.subject == "Confirm your new e-mail address")
    match = re.search(r"https?://\S+/accounts/email/confirm/\S+/", message.body)
    assert match, message.body
    return match.group(0)


def test_changing_the_email_requires_the_current_password(client, personas):
    client.force_login(personas["ann"])
    response = _profile(client, email="attacker@example.org")
    assert response.status_code == 422
    assert "current password" in response.content.decode()
    response = _profile(client, email="attacker@example.org", current_password="wrong-password")
    assert response.status_code == 422
    personas["ann"].refresh_from_db()
    assert personas["ann"].email == "ann@example.org"
    assert not mail.outbox


def test_an_email_used_by_another_account_is_refused_whatever_its_case(client, personas):
    client.force_login(personas["ann"])
    response = _profile(client, email="ALICE@example.org", current_password="pw-ann-123456")
    assert response.status_code == 422
    assert "already used" in response.content.decode()
    personas["ann"].refresh_from_db()
    assert personas["ann"].email == "ann@example.org"


def test_the_database_refuses_two_accounts_with_the_same_email(personas):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("copycat", "Alice@EXAMPLE.org", "pw-copycat-123")


def test_many_accounts_may_have_no_email(personas):
    User.objects.create_user("no-mail-1", "", "pw-123456789")
    User.objects.create_user("no-mail-2", "", "pw-123456789")


def test_a_new_email_applies_only_when_the_link_is_opened_and_confirmed(client, personas):
    client.force_login(personas["ann"])
    response = _profile(client, email="ann.new@example.org", current_password="pw-ann-123456")
    assert response.status_code == 302
    personas["ann"].refresh_from_db()
    assert personas["ann"].email == "ann@example.org"
    assert [m.to for m in mail.outbox if "/confirm/" in m.body] == [["ann.new@example.org"]]
    link = _confirmation_link()
    page = client.get(link)
    assert page.status_code == 200 and "ann.new@example.org" in page.content.decode()
    personas["ann"].refresh_from_db()
    assert personas["ann"].email == "ann@example.org"  # a mail scanner opening the link changes nothing
    assert client.post(link).status_code == 302
    personas["ann"].refresh_from_db()
    assert personas["ann"].email == "ann.new@example.org"
    assert client.post(link).status_code == 400  # a link works once


def test_the_old_address_is_told_about_a_requested_change(client, personas):
    client.force_login(personas["ann"])
    _profile(client, email="ann.new@example.org", current_password="pw-ann-123456")
    assert any(m.to == ["ann@example.org"] for m in mail.outbox)


def test_a_tampered_or_foreign_confirmation_link_is_refused(client, personas):
    client.force_login(personas["ann"])
    _profile(client, email="ann.new@example.org", current_password="pw-ann-123456")
    link = _confirmation_link()
    assert client.post(link.replace("/confirm/", "/confirm/x")).status_code == 400
    client.force_login(personas["alice"])
    assert client.post(link).status_code == 400
    personas["alice"].refresh_from_db()
    personas["ann"].refresh_from_db()
    assert (personas["alice"].email, personas["ann"].email) == ("alice@example.org", "ann@example.org")


def test_an_expired_confirmation_link_is_refused(client, personas, monkeypatch):
    client.force_login(personas["ann"])
    eight_days_ago = signing.b62_encode(int(time.time()) - 8 * 24 * 3600)
    with monkeypatch.context() as m:
        m.setattr(signing.TimestampSigner, "timestamp", lambda self: eight_days_ago)
        _profile(client, email="ann.new@example.org", current_password="pw-ann-123456")
    link = _confirmation_link()
    response = client.post(link)
    assert response.status_code == 400 and "expired" in response.content.decode()


def test_an_address_taken_before_the_link_is_opened_is_refused(client, personas):
    client.force_login(personas["ann"])
    _profile(client, email="ann.new@example.org", current_password="pw-ann-123456")
    link = _confirmation_link()
    User.objects.create_user("quick", "ANN.NEW@example.org", "pw-quick-123456")
    response = client.post(link)
    assert response.status_code == 409
    personas["ann"].refresh_from_db()
    assert personas["ann"].email == "ann@example.org"


# Pseudonyms cannot pose as a colleague --------------------------------------------------------------------


@pytest.fixture
def ada(personas):
    user = personas["alice"]
    user.display_name = "Ada Lovelace"
    user.save()
    return user


@pytest.mark.parametrize("pseudonym", ["Ada Lovelace", "  ada   LOVELACE ", "alice", "ALICE-pseudo"])
def test_a_pseudonym_cannot_copy_a_colleagues_name_or_pseudonym(client, personas, ada, pseudonym):
    client.force_login(personas["ann"])
    response = _profile(client, leaderboard_display="pseudonym", pseudonym=pseudonym)
    assert response.status_code == 422
    assert "pseudonym" in response.content.decode().lower()
    assert Membership.objects.get(user=personas["ann"]).pseudonym == "ann-pseudo"


def test_a_display_name_cannot_copy_a_colleagues_name_or_pseudonym(client, personas, ada):
    client.force_login(personas["ann"])
    assert _profile(client, display_name="ada lovelace").status_code == 422
    assert _profile(client, display_name="Alice-Pseudo").status_code == 422
    personas["ann"].refresh_from_db()
    assert personas["ann"].display_name == ""


def test_a_pseudonym_used_in_another_department_is_fine(client, personas):
    client.force_login(personas["bob"])
    response = _profile(
        client,
        display_name="Bob",
        email="bob@example.org",
        leaderboard_display="pseudonym",
        pseudonym="ann-pseudo",
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=personas["bob"]).pseudonym == "ann-pseudo"


def test_keeping_ones_own_pseudonym_is_fine(client, personas):
    client.force_login(personas["ann"])
    response = _profile(client, leaderboard_display="pseudonym", pseudonym="Ann-Pseudo")
    assert response.status_code == 302


def test_the_database_refuses_a_duplicate_pseudonym_in_a_department(personas):
    membership = Membership.objects.get(user=personas["ann"])
    membership.pseudonym = "ALICE-PSEUDO"
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


# Sessions time out when idle ------------------------------------------------------------------------------


def _sign_in(client, username, *, remember=False):
    data = {"username": username, "password": f"pw-{username}-123456"}
    if remember:
        data["remember_me"] = "on"
    response = client.post(reverse("learners:login"), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def _idle(client, seconds):
    session = client.session
    session["last_activity"] = int(time.time()) - seconds
    session.save()


def _signed_in(client) -> bool:
    return client.get(reverse("learners:dashboard")).status_code == 200


def test_a_faculty_session_ends_after_eight_idle_hours(client, personas):
    _sign_in(client, "fiona", remember=True)
    _idle(client, STAFF_IDLE_SECONDS - 60)
    assert _signed_in(client)
    _idle(client, STAFF_IDLE_SECONDS + 60)
    assert not _signed_in(client)


def test_a_resident_session_ends_after_the_default_idle_time(client, personas):
    _sign_in(client, "alice")
    assert client.cookies["sessionid"]["max-age"] == ""  # gone when the browser closes
    _idle(client, RESIDENT_IDLE_SECONDS + 60)
    assert not _signed_in(client)


def test_a_resident_who_asks_to_be_remembered_stays_signed_in_for_days(client, personas):
    _sign_in(client, "alice", remember=True)
    assert int(client.cookies["sessionid"]["max-age"]) == REMEMBER_ME_SECONDS
    _idle(client, RESIDENT_IDLE_SECONDS + 3600)
    assert _signed_in(client)
    _idle(client, REMEMBER_ME_SECONDS + 60)
    assert not _signed_in(client)


def test_a_session_without_a_recorded_policy_still_times_out(client, personas):
    client.force_login(personas["adam"])
    assert _signed_in(client)
    _idle(client, STAFF_IDLE_SECONDS + 60)
    assert not _signed_in(client)


def test_the_login_form_offers_remember_me(client):
    html = client.get(reverse("learners:login")).content.decode()
    assert 'name="remember_me"' in html


# Demo accounts: faculty, reviewer and admin each have exactly their rights ------------------------------


@pytest.fixture
def demo_people(settings, monkeypatch):
    from learners import demo
    from tests.factories import make_entry, make_figure

    settings.DEBUG = True
    monkeypatch.setattr(demo, "_simulate_history", lambda *args, **kwargs: None)

    class Report:
        def count(self, *args, **kwargs):
            pass

    loader = type("Loader", (), {"report": Report()})()
    demo.load_demo_people(loader)
    demo.load_demo_people(loader)  # safe to run twice
    entry = make_entry(figures=[make_figure()], title="Original title")
    return {u.username: u for u in User.objects.filter(username__in=["faculty", "reviewer", "admin"])}, entry


def test_the_demo_faculty_is_a_faculty_member_not_a_superuser(client, demo_people):
    people, entry = demo_people
    faculty = people["faculty"]
    assert not faculty.is_superuser and not faculty.is_staff
    assert faculty.membership.role == Membership.Role.FACULTY
    assert list(faculty.groups.values_list("name", flat=True)) == ["Faculty"]
    assert client.login(username="faculty", password="faculty-demo")
    assert client.get("/cms/").status_code == 200
    assert client.get(reverse("learners:department")).status_code == 200
    assert client.post(reverse("learners:rotate-invite")).status_code == 403
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
    edit = reverse("wagtailadmin_pages:edit", args=[entry.pk])
    client.post(edit, {"title": "Sneaky", "slug": entry.slug, "action-publish": "1"})
    entry.refresh_from_db()
    assert entry.title == "Original title"


def test_the_demo_reviewer_approves_what_faculty_submit(demo_people):
    people, entry = demo_people
    faculty, reviewer = people["faculty"], people["reviewer"]
    assert not reviewer.is_superuser
    assert "Reviewers" in reviewer.groups.values_list("name", flat=True)
    entry.title = "Submitted by faculty"
    revision = entry.save_revision(user=faculty)
    entry.get_workflow().start(entry, faculty)
    entry.refresh_from_db()
    task_state = entry.current_workflow_task_state
    task = task_state.task.specific
    assert "approve" in [name for name, *_ in task.get_actions(entry, reviewer)]
    task.on_action(task_state, reviewer, "approve")
    entry.refresh_from_db()
    assert entry.live_revision_id == revision.pk


def test_the_demo_admin_is_a_separate_superuser(client, demo_people):
    people, _ = demo_people
    assert people["admin"].is_superuser
    assert client.login(username="admin", password="admin-demo")
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200


def test_demo_accounts_are_only_created_with_debug_on(settings, personas):
    from learners import demo

    settings.DEBUG = False
    loader = type("Loader", (), {"report": type("R", (), {"count": lambda *a, **k: None})()})()
    demo.load_demo_people(loader)
    assert not User.objects.filter(username__in=["faculty", "reviewer", "admin"]).exists()
