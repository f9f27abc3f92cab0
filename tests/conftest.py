import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, not a downloaded one: nothing can be downloaded on these machines.
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }


@pytest.fixture
def artifacts_dir():
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


# Personas: alice and ann are residents of department A, bob of department B; fiona teaches in A and adam
# runs it; frank teaches in B; oscar belongs nowhere.
@pytest.fixture
def personas(db):
    from learners.models import Department, Membership, User
    from learners.services import membership_set_role

    a = Department.objects.create(name="Department A", slug="dept-a", invite_code="AAAAAAAAAA")
    b = Department.objects.create(name="Department B", slug="dept-b", invite_code="BBBBBBBBBB")
    people = {}
    for username, department, role in [
        ("alice", a, "resident"),
        ("ann", a, "resident"),
        ("bob", b, "resident"),
        ("fiona", a, "faculty"),
        ("adam", a, "admin"),
        ("frank", b, "faculty"),
        ("oscar", None, None),
    ]:
        user = User.objects.create_user(username, f"{username}@example.org", f"pw-{username}-123456")
        if department:
            membership = Membership.objects.create(
                user=user, department=department, leaderboard_display="name", pseudonym=f"{username}-pseudo"
            )
            membership_set_role(membership=membership, role=role)
        people[username] = user
    people["dept_a"], people["dept_b"] = a, b
    return people


# Django keeps the snapshot that `serialized_rollback` restores on the connection object, and connection
# objects are per context. Playwright's sync API runs fixtures in a greenlet whose context gets a fresh
# connection without the snapshot, so a browser test after other database tests started from empty tables.
# Put the snapshot on the connection class, where every connection object of this run finds it.
@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    from django.db import connections

    for alias in connections:
        snapshot = getattr(connections[alias], "_test_serialized_contents", None)
        if snapshot:
            type(connections[alias])._test_serialized_contents = snapshot
