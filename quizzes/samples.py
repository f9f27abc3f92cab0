"""Graded workup samples: a reviewer's sample workups, each scored against the key and its accepted band.

The scorer must keep every sample inside its band, or the case cannot be published (quizzes/forms.py). This
module reads atlas rows and the pure workup rules, never quiz models, because the case's admin form, which
models.py names as its base form, checks an unsaved key with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Protocol

from django.db import models

from atlas.models import Modality, ScenarioRating

from . import workup as workup_rules
from .answers import AnswerError, parse_workup_order
from .rating_keys import modality_contains, workup_key


class SampleKind(models.TextChoices):
    CONCORDANT = "concordant", "Concordant first-line workup"
    INCOMPLETE = "incomplete", "Reasonable but incomplete"
    ALTERNATIVE = "alternative", "Interchangeable alternative or containing study"
    INAPPROPRIATE = "inappropriate", "Inappropriate"


class ScoresWorkups(Protocol):
    """A workup key that scores: a case's CaseMaterial, or the KeyUnderEdit of an unsaved case form."""

    ratings: dict

    def score_workup(self, workup: dict[str, str]): ...


@dataclass
class SampleRow:
    """A sample as the author typed it in the case form, not saved yet."""

    kind: str
    order: str
    band_low: int
    band_high: int
    note: str

    def get_kind_display(self) -> str:
        # As a model field's display: the value itself when it is no known kind.
        return dict(SampleKind.choices).get(self.kind, self.kind)


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


def sample_results(material: ScoresWorkups, samples) -> list[SampleResult]:
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


def samples_outside_band(material: ScoresWorkups, samples) -> list[SampleResult]:
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
        SampleRow(
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
