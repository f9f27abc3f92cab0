"""Reads for leaderboards, dashboards and the faculty view: a fixed number of queries at any data size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Avg, Count, Q
from django.utils import timezone

from atlas.models import AtlasEntryPage, Complication, Surgery
from quizzes.models import Attempt, QuizCasePage, QuizModulePage

from . import periods, ranking
from .models import Department, DepartmentTally, LeaderboardEntry, Membership, ReviewCard, User
from .services import ALL_TIME

MASTERED = 80


def department_id_of(user) -> int | None:
    """The user's department, recorded on each attempt they start (quizzes asks through quizzes/departments.py)."""
    return Membership.objects.filter(user=user).values_list("department_id", flat=True).first()


def counted_attempts():
    """First completed attempts: the only ones that count for boards and mastery."""
    return Attempt.objects.filter(is_practice=False, step=Attempt.Step.DONE)


@dataclass
class Board:
    top: list[ranking.Standing]
    around: list[ranking.Standing]
    count: int
    visible: int  # counted up to ranking.MIN_VISIBLE_FOR_RESIDENTS, which is all the decision needs


def _standing(entry: LeaderboardEntry, membership: Membership, rank: int) -> ranking.Standing:
    return ranking.Standing(
        learner_id=entry.learner_id,
        score=entry.score,
        cases=entry.cases,
        finished_at=entry.finished_at,
        name=str(membership.user),
        display=membership.leaderboard_display,
        pseudonym=membership.pseudonym,
        rank=rank,
    )


def leaderboard(
    department: Department,
    *,
    period: str = "all",
    module: QuizModulePage | None = None,
    viewer_id=None,
    now=None,
) -> Board:
    """Top residents and the viewer's neighbourhood, ranked in the database from the running totals.

    Every query walks the board's index (department, period, start, module, score order) and stops early:
    the top rows, the rows ahead of the viewer, and just enough visible rows to know a board may be shown.
    """
    now = now or timezone.now()
    start = periods.period_start(period, timezone.localtime(now), settings.ACADEMIC_YEAR_START_MONTH)
    rows = LeaderboardEntry.objects.filter(
        department=department,
        period=period,
        period_start=start.date() if start else ALL_TIME,
        module_key=module.pk if module else 0,
    )
    ordered = rows.order_by("-score", "-cases", "finished_at", "learner_id")
    top = list(ordered[: ranking.TOP])
    mine = rows.filter(learner_id=viewer_id).first() if viewer_id else None
    around: list[LeaderboardEntry] = []
    first = 0
    if mine is not None:
        ahead = rows.filter(
            Q(score__gt=mine.score)
            | Q(score=mine.score, cases__gt=mine.cases)
            | Q(score=mine.score, cases=mine.cases, finished_at__lt=mine.finished_at)
            | Q(
                score=mine.score,
                cases=mine.cases,
                finished_at=mine.finished_at,
                learner_id__lt=mine.learner_id,
            )
        ).count()
        if ahead >= ranking.TOP:
            first = max(ranking.TOP, ahead - ranking.AROUND)
            around = list(ordered[first : ahead + ranking.AROUND + 1])
    members = {
        m.user_id: m
        for m in Membership.objects.filter(user_id__in={e.learner_id for e in top + around}).select_related(
            "user"
        )
    }
    visible = len(
        rows.exclude(learner__membership__leaderboard_display=Membership.Display.HIDDEN).values_list(
            "id", flat=True
        )[: ranking.MIN_VISIBLE_FOR_RESIDENTS]
    )
    return Board(
        top=[
            _standing(e, members[e.learner_id], i)
            for i, e in enumerate(top, start=1)
            if e.learner_id in members
        ],
        around=[
            _standing(e, members[e.learner_id], first + i)
            for i, e in enumerate(around, start=1)
            if e.learner_id in members
        ],
        count=rows.count(),
        visible=visible,
    )


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
                    round(cells[(s.pk, complication.pk)]["mean"])
                    if (s.pk, complication.pk) in cells
                    else None,
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


def department_overview(department: Department, *, page: int = 1, per_page: int = 50) -> dict:
    """For faculty: residents' progress (a page at a time), score distribution, topics most often missed."""
    residents = Membership.objects.filter(
        department=department, role=Membership.Role.RESIDENT
    ).select_related("user")
    paginator = Paginator(residents.order_by("user__last_name", "user__username", "pk"), per_page)
    page_obj = paginator.get_page(page)
    members = list(page_obj.object_list)
    modules = list(QuizModulePage.objects.live().order_by("path"))
    entries = LeaderboardEntry.objects.filter(
        department=department,
        learner_id__in=[m.user_id for m in members],
        period="all",
        period_start=ALL_TIME,
    ).values_list("learner_id", "module_key", "score", "cases", "finished_at")
    totals: dict[tuple[int, int], tuple[int, int, object]] = {
        (who, k): (s, c, f) for who, k, s, c, f in entries
    }
    case_paths = list(QuizCasePage.objects.live().values_list("path", flat=True))
    module_sizes = {m.pk: sum(1 for p in case_paths if p.startswith(m.path) and p != m.path) for m in modules}
    tallies = list(DepartmentTally.objects.filter(department=department))
    buckets = [0] * 10
    for t in tallies:
        if t.kind == DepartmentTally.Kind.BAND:
            buckets[int(t.key)] = t.count
    missed = sorted((t for t in tallies if t.kind == DepartmentTally.Kind.MISSED), key=lambda t: -t.count)[:8]
    rows = []
    for m in members:
        score, cases, last = totals.get((m.user_id, 0), (0, 0, None))
        rows.append(
            {
                "membership": m,
                "cases": cases,
                "mean": round(score / cases) if cases else None,
                "last": last,
                "modules": [
                    (mod, totals.get((m.user_id, mod.pk), (0, 0, None))[1], module_sizes[mod.pk])
                    for mod in modules
                ],
            }
        )
    return {"rows": rows, "modules": modules, "buckets": buckets, "missed": missed, "page_obj": page_obj}


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


def email_in_use(email: str, *, exclude_user=None) -> bool:
    """Whether another account has this address, whatever its case (addresses are unique that way)."""
    users = User.objects.filter(email__iexact=(email or "").strip())
    if exclude_user is not None:
        users = users.exclude(pk=exclude_user.pk)
    return bool(email) and users.exists()


def colleague_names(department: Department, *, exclude_user=None) -> list[str]:
    """Every name a member of `department` is known by on its pages: username, names and pseudonym."""
    members = Membership.objects.filter(department=department)
    if exclude_user is not None:
        members = members.exclude(user=exclude_user)
    names = []
    for row in members.values_list(
        "user__username", "user__display_name", "user__first_name", "user__last_name", "pseudonym"
    ):
        username, display_name, first, last, pseudonym = row
        names += [username, display_name, f"{first} {last}", pseudonym]
    return names
