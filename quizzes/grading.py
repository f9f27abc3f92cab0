"""Regrading: keep every stored score in step with the case's current key.

When a key (or the scoring model) changes, a regrade rescores every stored attempt from its saved answers, keeps
the old score in the attempt's history and announces the change, so boards, tallies and review cards follow in
the same transaction (Moodle's quiz regrade is the model). The graded samples that guard a key are samples.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import scoring
from .answers import interpretation_from_dict
from .models import Attempt, QuizCasePage
from .selectors import CaseMaterial, case_material
from .services import score_interpretation
from .signals import attempts_regraded


def rescore(material: CaseMaterial, attempt) -> tuple[list[dict], int]:
    """Score a stored attempt again from its saved answers: (parts, total)."""
    workup = {slug: t for slug, t in (attempt.workup or {}).items() if slug in material.ratings}
    parts = [material.score_workup(workup)]
    parts += score_interpretation(material, interpretation_from_dict(attempt.interpretation or {}), workup)
    return [p.as_dict() for p in parts], scoring.total_score(parts, material.case.weights)


@dataclass
class RegradeChange:
    attempt: Attempt
    old_total: int
    new_total: int
    new_parts: list[dict]

    @property
    def delta(self) -> int:
        return self.new_total - self.old_total


@dataclass
class RegradePlan:
    cases: int = 0
    attempts: int = 0
    changes: list[RegradeChange] = field(default_factory=list)

    @property
    def changed_totals(self) -> list[RegradeChange]:
        return [c for c in self.changes if c.delta]

    def summary(self) -> dict:
        deltas = [c.delta for c in self.changed_totals]
        return {
            "cases": self.cases,
            "attempts": self.attempts,
            "changed": len(self.changes),
            "total_changed": len(deltas),
            "raised": sum(1 for d in deltas if d > 0),
            "lowered": sum(1 for d in deltas if d < 0),
            "largest_rise": max((d for d in deltas if d > 0), default=0),
            "largest_fall": min((d for d in deltas if d < 0), default=0),
            "mean_change": round(sum(deltas) / len(deltas), 1) if deltas else 0,
        }


def regrade_plan(cases) -> RegradePlan:
    """What a regrade would change, without writing: one material load and one attempt query per case."""
    plan = RegradePlan()
    for case in cases:
        material = case_material(case)
        plan.cases += 1
        for attempt in Attempt.objects.filter(case=case, step=Attempt.Step.DONE).order_by("pk"):
            plan.attempts += 1
            parts, total = rescore(material, attempt)
            if parts != attempt.parts or total != attempt.total:
                plan.changes.append(RegradeChange(attempt, attempt.total or 0, total, parts))
    return plan


def regrade_apply(plan: RegradePlan, *, by: str = "", now=None) -> RegradePlan:
    """Write the plan: new scores, the old ones kept in each attempt's history; boards follow the signal."""
    now = now or timezone.now()
    with transaction.atomic():
        changed = []
        for change in plan.changes:
            attempt = change.attempt
            history = list(attempt.regrades or [])
            if change.delta:
                # Only a changed total is news to the resident; new wording of the reasons is not.
                history.append(
                    {
                        "at": now.isoformat(),
                        "total": change.old_total,
                        "new_total": change.new_total,
                        "by": by,
                        "parts": attempt.parts,
                    }
                )
            attempt.parts, attempt.total, attempt.regrades = change.new_parts, change.new_total, history
            changed.append(attempt)
        Attempt.objects.bulk_update(changed, ["parts", "total", "regrades"], batch_size=500)
        if changed:
            attempts_regraded.send(sender=Attempt, attempts=changed)
    return plan


def cases_for(pages) -> list[QuizCasePage]:
    """The live cases of the given pages: a case itself, or every case under a module or index."""
    cases: dict[int, QuizCasePage] = {}
    for page in pages:
        for case in QuizCasePage.objects.live().filter(path__startswith=page.path).order_by("path"):
            cases[case.pk] = case
    return list(cases.values())
