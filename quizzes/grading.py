"""Graded workup samples and regrading: keep every stored score in step with the case's current key.

A case carries sample workups with the band of scores a reviewer accepts; the scorer must keep each inside its
band, or the case cannot be published. When a key (or the scoring model) changes, a regrade rescores every stored
attempt from its saved answers, keeps the old score in the attempt's history and announces the change, so boards,
tallies and review cards follow in the same transaction (Moodle's quiz regrade is the model).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone

from atlas.models import Modality, ScenarioRating

from . import scoring
from . import workup as workup_rules
from .answers import AnswerError, interpretation_from_dict, parse_workup_order
from .models import Attempt, CaseWorkupSample, QuizCasePage
from .selectors import CaseMaterial, case_material, modality_contains, workup_key
from .services import score_interpretation
from .signals import attempts_regraded


@dataclass
class SampleResult:
    kind: str
    kind_label: str
    order: str
    band_low: int
    band_high: int
    note: str
    score: int | None  # None when the order itself is invalid
    reasons: list[dict] = field(default_factory=list)
    error: str = ""

    @property
    def inside(self) -> bool:
        return self.score is not None and self.band_low <= self.score <= self.band_high


def sample_results(material: CaseMaterial, samples) -> list[SampleResult]:
    """Score each sample workup (saved rows or unsaved preview rows) against the material's key."""
    known = set(material.ratings)
    results = []
    for sample in samples:
        result = SampleResult(
            sample.kind,
            sample.get_kind_display(),
            sample.order,
            sample.band_low,
            sample.band_high,
            sample.note,
            None,
        )
        try:
            part = material.score_workup(parse_workup_order(sample.order, known))
            result.score, result.reasons = part.score, part.as_dict()["reasons"]
        except AnswerError as error:
            result.error = error.message
        results.append(result)
    return results


def samples_outside_band(material: CaseMaterial, samples) -> list[SampleResult]:
    return [r for r in sample_results(material, samples) if not r.inside]


@dataclass
class KeyUnderEdit:
    """The workup key as an author is typing it (scenario plus unsaved overrides): enough to score samples."""

    ratings: dict
    contains: dict
    urgency: str

    def score_workup(self, workup: dict[str, str]):
        return workup_rules.score_workup(self.ratings, workup, self.urgency, self.contains)


def samples_for_form(scenario, override_rows: list[dict], sample_rows: list[dict]) -> list[SampleResult]:
    """Score the samples of an unsaved case form against its scenario and the overrides typed in the form."""
    modalities = list(Modality.objects.all())
    rows = list(ScenarioRating.objects.filter(scenario=scenario).select_related("modality"))
    overrides = {
        r["modality"].pk: SimpleNamespace(
            rating=r["rating"], acceptable_low=r["acceptable_low"], acceptable_high=r["acceptable_high"]
        )
        for r in override_rows
        if r.get("modality") and r.get("rating")
    }
    key = KeyUnderEdit(
        workup_key(modalities, rows, overrides), modality_contains(modalities), scenario.urgency
    )
    samples = [
        CaseWorkupSample(
            kind=r.get("kind") or "",
            order=r.get("order") or "",
            band_low=r.get("band_low") or 0,
            band_high=r.get("band_high") or 0,
            note=r.get("note") or "",
        )
        for r in sample_rows
    ]
    return sample_results(key, samples)


def band_message(outside: list[SampleResult]) -> str:
    """One clear sentence per sample outside its band, for the author."""
    lines = [
        f"“{r.order}” ({r.kind_label.lower()}) "
        + (
            f"is invalid: {r.error}"
            if r.error
            else f"scores {r.score}, outside its band {r.band_low}–{r.band_high}"
        )
        for r in outside
    ]
    return (
        "Publishing is refused while a graded workup sample falls outside its band: " + "; ".join(lines) + "."
    )


def rescore(material: CaseMaterial, attempt) -> tuple[list[dict], int]:
    """Score a stored attempt again from its saved answers: (parts, total)."""
    workup = {slug: t for slug, t in (attempt.workup or {}).items() if slug in material.ratings}
    parts = [material.score_workup(workup)]
    parts += score_interpretation(material, interpretation_from_dict(attempt.interpretation or {}))
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
