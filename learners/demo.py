"""Demo departments and, on a development machine only, demo people with a plausible history of attempts.

Attempts are scored by the real scoring code from generated answers (a seeded random resident who is
right more often as their training year rises), so boards, dashboards and the faculty view have data.
"""

from __future__ import annotations

import os
import random
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone

from quizzes import scoring
from quizzes.answers import Interpretation
from quizzes.models import Attempt, QuizCasePage
from quizzes.selectors import case_material
from quizzes.services import score_interpretation

from .models import Department, Membership, User
from .services import attempt_tally, membership_set_role, review_after_case

DEPARTMENTS = [
    ("Demo Hospital Radiology", "demo-hospital", "DEMOSPINE1"),
    ("Riverside Teaching Hospital", "riverside", "RIVERSIDE2"),
]
REVIEWERS_GROUP = "Reviewers"  # created by learners/migrations/0008_reviewers_group.py
RESIDENTS = [
    ("resident1", "Ada Lovelace", 1, "name", ""),
    ("resident2", "Grace Hopper", 2, "pseudonym", "Night Owl"),
    ("resident3", "Alan Turing", 3, "name", ""),
    ("resident4", "Rosalind Franklin", 4, "hidden", ""),
    ("resident5", "Marie Curie", 5, "pseudonym", "Gadolinium"),
    ("resident6", "Wilhelm Roentgen", 2, "name", ""),
]


def load_demo_people(loader) -> None:
    departments = []
    for name, slug, code in DEPARTMENTS:
        department, created = Department.objects.get_or_create(
            slug=slug, defaults={"name": name, "invite_code": code}
        )
        loader.report.count("departments", created)
        departments.append(department)
    if not settings.DEBUG:
        return  # demo accounts with known passwords exist on development machines only
    home = departments[0]
    # Each demo role holds exactly its rights, so the demo exercises them: faculty author and submit,
    # the reviewer approves in the peer-review workflow, and only `admin` is a superuser.
    faculty = _demo_account("faculty", "Demo Faculty", password=("DEMO_FACULTY_PASSWORD", "faculty-demo"))
    _demo_member(faculty, home, Membership.Role.FACULTY)
    reviewer = _demo_account(
        "reviewer", "Demo Reviewer", password=("DEMO_REVIEWER_PASSWORD", "reviewer-demo")
    )
    _demo_member(reviewer, home, Membership.Role.FACULTY)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    admin = _demo_account(
        "admin", "Demo Admin", password=("DEMO_ADMIN_PASSWORD", "admin-demo"), superuser=True
    )
    _demo_member(admin, home, Membership.Role.ADMIN)
    cases = list(QuizCasePage.objects.live().order_by("path"))
    rng = random.Random(2026)
    for username, name, year, display, pseudonym in RESIDENTS:
        if User.objects.filter(username=username).exists():
            loader.report.count("residents", False)
            continue
        user = User.objects.create_user(
            username, f"{username}@example.org", os.environ.get("DEMO_RESIDENT_PASSWORD", "resident-demo")
        )
        user.display_name = name
        user.save(update_fields=["display_name"])
        membership = Membership.objects.create(
            user=user, department=home, training_year=year, leaderboard_display=display, pseudonym=pseudonym
        )
        membership_set_role(membership=membership, role="resident")
        _simulate_history(user, home, cases, skill=0.45 + 0.09 * year, rng=rng)
        loader.report.count("residents", True)


def _demo_account(username: str, name: str, *, password: tuple[str, str], superuser: bool = False) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, email=f"{username}@example.org", display_name=name)
        user.set_password(os.environ.get(*password))
    # Earlier demos made `faculty` a superuser: loading again takes that back.
    user.is_superuser = user.is_staff = superuser
    user.save()
    return user


def _demo_member(user: User, department: Department, role: str) -> None:
    membership = Membership.objects.filter(user=user).first()
    if membership is None:
        membership = Membership.objects.create(user=user, department=department)
    membership_set_role(membership=membership, role=role)


def _simulate_history(user, department, cases, *, skill: float, rng: random.Random) -> None:
    now = timezone.now()
    for i, case in enumerate(rng.sample(cases, k=min(len(cases), rng.randint(4, len(cases))))):
        material = case_material(case)
        right = rng.random() < skill
        workup = {
            slug: "now" for slug, key in material.ratings.items() if key.ideal or (right and key.rating >= 8)
        }
        if not right:
            workup[rng.choice(sorted(material.ratings))] = rng.choice(scoring.TIMINGS)
        key_diagnosis = next(d.complication.slug for d in material.diagnoses if d.credit == 100)
        other = [d.complication.slug for d in material.diagnoses if d.credit < 100] or [key_diagnosis]
        answer = Interpretation(
            findings=tuple(f.key for f in material.findings if f.is_present == (right or rng.random() < 0.5)),
            diagnosis=key_diagnosis if right else rng.choice(other),
            confidence=rng.choice(["low", "medium", "high"]),
            next_step=case.next_step_answer if right else rng.choice(list(scoring.NEXT_STEPS)),
            point=None,
            region=case.target_annotation_id if right else None,
        )
        parts = [material.score_workup(workup)]
        parts += score_interpretation(material, answer, workup)
        total = scoring.total_score(parts, case.weights)
        completed = now - timedelta(days=rng.randint(0, 120), hours=i)
        attempt = Attempt.objects.create(
            learner=user,
            case=case,
            module_id=case.get_parent().pk,
            department=department,
            step=Attempt.Step.DONE,
            workup=workup,
            interpretation=answer.as_dict(),
            parts=[p.as_dict() for p in parts],
            total=total,
            workup_submitted_at=completed - timedelta(minutes=3),
            completed_at=completed,
        )
        review_after_case(learner=user, case_id=case.pk, total=total, now=completed)
        attempt_tally(attempt=attempt)
