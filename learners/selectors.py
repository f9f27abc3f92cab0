"""Reads for leaderboards, dashboards and the faculty view: a fixed number of queries at any data size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, Max, Sum
from django.utils import timezone

from atlas.models import AtlasEntryPage, Complication, Surgery
from quizzes.models import Attempt, QuizCasePage, QuizModulePage

from . import periods, ranking
from .models import Department, Membership, ReviewCard

MASTERED = 80


def counted_attempts():
    """First completed attempts: the only ones that count for boards and mastery."""
    return Attempt.objects.filter(is_practice=False, step=Attempt.Step.DONE)


def leaderboard(department: Department, *, period: str = "all", module: QuizModulePage | None = None, now=None):
    now = now or timezone.now()
    start = periods.period_start(period, timezone.localtime(now), settings.ACADEMIC_YEAR_START_MONTH)
    attempts = counted_attempts().filter(department=department)
    if start is not None:
        attempts = attempts.filter(completed_at__gte=start)
    if module is not None:
        attempts = attempts.filter(module=module)
    totals = {
        row["learner_id"]: row
        for row in attempts.values("learner_id")
        .annotate(score=Sum("total"), cases=Count("id"), finished_at=Max("completed_at"))
        .order_by()
    }
    members = Membership.objects.filter(
        department=department, role=Membership.Role.RESIDENT, user_id__in=list(totals)
    ).select_related("user")
    standings = [
        ranking.Standing(
            learner_id=m.user_id,
            score=totals[m.user_id]["score"] or 0,
            cases=totals[m.user_id]["cases"],
            finished_at=totals[m.user_id]["finished_at"],
            name=str(m.user),
            display=m.leaderboard_display,
            pseudonym=m.pseudonym,
        )
        for m in members
    ]
    return ranking.rank(standings)


@dataclass
class MasteryCell:
    surgery: Surgery
    complication: Complication
    mean: int | None
    cases: int

    @property
    def level(self) -> str:
        if self.mean is None:
            return "none"
        return "high" if self.mean >= MASTERED else "mid" if self.mean >= 50 else "low"


def mastery(user) -> dict:
    """Mean first-attempt score per (surgery, most likely complication of the case's scenario)."""
    rows = (
        counted_attempts()
        .filter(learner=user)
        .values("case__surgery_id", "case__scenario__most_likely_id")
        .annotate(mean=Avg("total"), cases=Count("id"))
        .order_by()
    )
    cells = {(r["case__surgery_id"], r["case__scenario__most_likely_id"]): r for r in rows}
    surgeries = list(Surgery.objects.all())
    tested = {c for _, c in cells}
    complications = [c for c in Complication.objects.all() if c.pk in tested]
    matrix = [
        (
            complication,
            [
                MasteryCell(
                    s,
                    complication,
                    round(cells[(s.pk, complication.pk)]["mean"]) if (s.pk, complication.pk) in cells else None,
                    cells.get((s.pk, complication.pk), {}).get("cases", 0),
                )
                for s in surgeries
            ],
        )
        for complication in complications
    ]
    by_complication: dict[int, list[float]] = defaultdict(list)
    for (_, complication_id), r in cells.items():
        by_complication[complication_id].extend([r["mean"]] * r["cases"])
    weakest = sorted(
        ((c, round(sum(by_complication[c.pk]) / len(by_complication[c.pk]))) for c in complications),
        key=lambda pair: pair[1],
    )[:5]
    entries = {
        e.complication_id: e
        for e in AtlasEntryPage.objects.live().filter(complication__in=[c for c, _ in weakest])
    }
    return {
        "surgeries": surgeries,
        "matrix": matrix,
        "weakest": [(c, mean, entries.get(c.pk)) for c, mean in weakest if mean < MASTERED],
    }


def score_history(user, limit: int = 60) -> list[Attempt]:
    recent = (
        Attempt.objects.filter(learner=user, step=Attempt.Step.DONE)
        .only("completed_at", "total", "is_practice", "case_id")
        .order_by("-completed_at")[:limit]
    )
    return list(reversed(recent))


def cases_not_done(user, limit: int = 5) -> list[QuizCasePage]:
    done = counted_attempts().filter(learner=user).values("case_id")
    return list(QuizCasePage.objects.live().exclude(pk__in=done).order_by("path")[:limit])


def wrong_attempts(user, limit: int = 10) -> list[Attempt]:
    return list(
        Attempt.objects.filter(learner=user, step=Attempt.Step.DONE, total__lt=70)
        .select_related("case")
        .order_by("-completed_at")[:limit]
    )


def due_reviews(user, now=None) -> dict:
    now = now or timezone.now()
    due = ReviewCard.objects.filter(learner=user, due__lte=now)
    return {"count": due.count(), "next": due.select_related("case", "figure").order_by("due").first()}


def department_overview(department: Department) -> dict:
    """For faculty: each resident's progress, the score distribution and the topics most often missed."""
    residents = list(
        Membership.objects.filter(department=department, role=Membership.Role.RESIDENT)
        .select_related("user")
        .order_by("user__last_name", "user__username")
    )
    attempts = counted_attempts().filter(department=department)
    per_resident = {
        r["learner_id"]: r
        for r in attempts.values("learner_id")
        .annotate(cases=Count("id"), mean=Avg("total"), last=Max("completed_at"))
        .order_by()
    }
    modules = list(QuizModulePage.objects.live().order_by("path"))
    per_module: dict[tuple[int, int], int] = {
        (r["learner_id"], r["module_id"]): r["n"]
        for r in attempts.values("learner_id", "module_id").annotate(n=Count("id")).order_by()
    }
    case_paths = list(QuizCasePage.objects.live().values_list("path", flat=True))
    module_sizes = {m.pk: sum(1 for p in case_paths if p.startswith(m.path) and p != m.path) for m in modules}
    buckets = [0] * 10
    for r in attempts.values("total").annotate(n=Count("id")).order_by():
        buckets[min(9, (r["total"] or 0) // 10)] += r["n"]
    missed = (
        attempts.filter(total__lt=70)
        .values("case__scenario__most_likely__name", "case__scenario__most_likely__slug")
        .annotate(n=Count("id"), mean=Avg("total"))
        .order_by("-n")[:8]
    )
    rows = [
        {
            "membership": m,
            "cases": per_resident.get(m.user_id, {}).get("cases", 0),
            "mean": round(per_resident[m.user_id]["mean"]) if m.user_id in per_resident else None,
            "last": per_resident.get(m.user_id, {}).get("last"),
            "modules": [(mod, per_module.get((m.user_id, mod.pk), 0), module_sizes[mod.pk]) for mod in modules],
        }
        for m in residents
    ]
    return {"rows": rows, "modules": modules, "buckets": buckets, "missed": list(missed)}


def department_for_faculty(user) -> Department | None:
    membership = Membership.objects.filter(user=user).select_related("department").first()
    if membership and membership.is_faculty:
        return membership.department
    return None


def attempt_visible_to(user, public_id) -> Attempt | None:
    """The learner's own attempt, or one of their department's residents' for faculty; None otherwise."""
    attempt = Attempt.objects.filter(public_id=public_id).select_related("case", "learner").first()
    if attempt is None or not user.is_authenticated:
        return None
    if attempt.learner_id == user.pk:
        return attempt
    department = department_for_faculty(user)
    if department and attempt.department_id == department.pk:
        return attempt
    return None
