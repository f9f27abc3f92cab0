"""Benchmark: server time of the leaderboard, dashboard and faculty pages at 1% and 100% of a large history.

Full size: 2,000 residents in one department, 300 cases, 500,000 first attempts (250 cases per resident).
Runs in a throwaway test database (in-memory SQLite, or test_<name> on PostgreSQL when DATABASE_URL is
set), prints median milliseconds per page at both sizes and the ratio. Target: ratio < 2.

    .venv/bin/python bench/people_pages.py            # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/people_pages.py
    .venv/bin/python bench/people_pages.py --scale 0.1   # a quicker run (200 residents, 50,000 attempts)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

RESIDENTS, CASES, ATTEMPTS_PER_RESIDENT = 2000, 300, 250


def build_content(n_cases: int):
    from atlas.models import ScenarioRating
    from quizzes.models import CaseDiagnosis, QuizCasePage, QuizModulePage
    from tests.factories import make_quiz_case

    first = make_quiz_case(slug="bench-case-0")
    module = QuizModulePage.objects.get()
    ScenarioRating.objects.update(ideal_position=1)
    cases = [first]
    same = ["patient_age", "patient_sex", "operation", "surgery", "level", "days_since_surgery", "symptoms"]
    same += ["examination", "scenario", "fallback_modality", "target_figure", "target_annotation_id"]
    same += ["next_step_answer", "teaching_points"]
    diagnoses = list(first.diagnoses.all())
    for i in range(1, n_cases):
        case = QuizCasePage(
            title=f"Bench case {i}", slug=f"bench-case-{i}", **{f: getattr(first, f) for f in same}
        )
        case.diagnoses = [CaseDiagnosis(complication=d.complication, credit=d.credit) for d in diagnoses]
        module.add_child(instance=case)
        cases.append(case)
    return module, cases


def add_residents(department, start: int, count: int, cases, module, rng: random.Random) -> None:
    from learners.models import Membership, User
    from quizzes.models import Attempt

    users = User.objects.bulk_create(
        [
            User(username=f"r{i}", display_name=f"Resident {i}", password="!")
            for i in range(start, start + count)
        ]
    )
    Membership.objects.bulk_create(
        [
            Membership(
                user=u, department=department, leaderboard_display=rng.choice(["name", "pseudonym", "hidden"])
            )
            for u in users
        ]
    )
    now = timezone.now()
    batch = []
    for user in users:
        for case in rng.sample(cases, ATTEMPTS_PER_RESIDENT):
            total = rng.randint(20, 100)
            batch.append(
                Attempt(
                    learner=user,
                    case=case,
                    module=module,
                    department=department,
                    step="done",
                    total=total,
                    parts=[{"part": "workup", "score": total, "reasons": []}],
                    completed_at=now - timedelta(minutes=rng.randint(0, 60 * 24 * 200)),
                )
            )
        if len(batch) >= 20_000:
            Attempt.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Attempt.objects.bulk_create(batch, batch_size=5000)


def time_pages(client: Client, resident, faculty, repeats: int = 7) -> dict[str, float]:
    pages = {
        "leaderboard": (resident, "/learn/leaderboard/"),
        "leaderboard (week)": (resident, "/learn/leaderboard/?period=week"),
        "dashboard": (resident, "/learn/"),
        "faculty view": (faculty, "/department/"),
    }
    results = {}
    for name, (user, url) in pages.items():
        client.force_login(user)
        assert client.get(url).status_code == 200, url
        samples = []
        for _ in range(repeats):
            started = time.perf_counter()
            response = client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        results[name] = statistics.median(samples)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="fraction of the full size for the large run"
    )
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    try:
        from learners.models import Department, Membership, User
        from learners.services import membership_set_role, tallies_rebuild

        rng = random.Random(7)
        started = time.perf_counter()
        module, cases = build_content(CASES)
        department = Department.objects.create(name="Bench", slug="bench", invite_code="BENCH00001")
        faculty = User.objects.create_user("faculty-bench", password="!")
        membership_set_role(
            membership=Membership.objects.create(user=faculty, department=department), role="faculty"
        )
        print(f"content: {len(cases)} cases in {time.perf_counter() - started:.1f} s")

        full = int(RESIDENTS * args.scale)
        sizes = [(max(3, full // 100), "1%"), (full, "100%")]
        client, done, results = Client(), 0, {}
        for target, label in sizes:
            started = time.perf_counter()
            add_residents(department, done, target - done, cases, module, rng)
            done = target
            tallies_rebuild()
            resident = User.objects.get(username="r0")
            from quizzes.models import Attempt

            attempts = Attempt.objects.count()
            print(
                f"{label}: {done} residents, {attempts} attempts, seeded in {time.perf_counter() - started:.1f} s"
            )
            results[label] = time_pages(client, resident, faculty)
        print(f"\n{'page':<22}{'1% (ms)':>10}{'100% (ms)':>12}{'ratio':>8}")
        for name in results["1%"]:
            small, large = results["1%"][name], results["100%"][name]
            print(f"{name:<22}{small:>10.1f}{large:>12.1f}{large / small:>8.2f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
