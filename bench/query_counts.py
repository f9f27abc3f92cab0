"""Print the SQL queries each main page runs at a small and a large data size (they should be equal).

.venv/bin/python bench/query_counts.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def count(client: Client, url: str) -> int:
    assert client.get(url).status_code == 200, url  # warm: renditions are made on the first view
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def main() -> None:
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from learners.models import Department, Membership, User
        from learners.services import membership_set_role
        from tests.factories import make_atlas, make_attempt, make_quiz_case

        department = Department.objects.create(name="Q", slug="q", invite_code="QUERIES001")
        faculty = User.objects.create_user("qfaculty", password="!")
        membership_set_role(
            membership=Membership.objects.create(user=faculty, department=department), role="faculty"
        )
        case = make_quiz_case()
        results: dict[str, list[int]] = {}
        total_figures = 0
        residents = []
        for figures, people in ((10, 5), (100, 50)):
            entries = make_atlas(figures - total_figures)
            total_figures = figures
            for i in range(len(residents), people):
                user = User.objects.create_user(f"q{i}", password="!")
                Membership.objects.create(user=user, department=department, leaderboard_display="name")
                make_attempt(user, case, total=40 + i % 60)
                residents.append(user)
            client = Client()
            pages = {
                "atlas index": "/atlas/",
                "browse": "/atlas/browse/",
                "browse filtered": "/atlas/browse/?modality=mri&timing=over-12-months",
                "entry page": entries[0].url,
                "search": "/atlas/search/?q=figure",
                "quiz case (anonymous)": case.url,
            }
            for name, url in pages.items():
                results.setdefault(name, []).append(count(client, url))
            client.force_login(residents[0])
            for name, url in {"leaderboard": "/learn/leaderboard/", "dashboard": "/learn/"}.items():
                results.setdefault(name, []).append(count(client, url))
            client.force_login(faculty)
            results.setdefault("faculty view", []).append(count(client, "/department/"))
        print(
            f"{'page':<24}{'small':>7}{'large':>7}   (small: 10 figures, 5 residents; large: 100 figures, 50)"
        )
        for name, (small, large) in results.items():
            print(f"{name:<24}{small:>7}{large:>7}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
