"""Parse what a learner posted into clean answers, or say exactly what is wrong. No database access.

Two kinds of problem: a forged or stale form (an option the case does not offer, coordinates outside the
image) is a 400; something an honest learner forgot (no diagnosis) is a 422 that the page shows in place.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .scoring import CONFIDENCE_LEVELS, NEXT_STEPS, TIMINGS


class AnswerError(ValueError):
    def __init__(self, message: str, status: int = 400):
        self.message = message
        self.status = status
        super().__init__(message)


@dataclass(frozen=True)
class Interpretation:
    findings: tuple[str, ...]
    diagnosis: str
    confidence: str | None
    next_step: str
    point: tuple[float, float] | None
    region: str | None

    def as_dict(self) -> dict:
        return {
            "findings": list(self.findings),
            "diagnosis": self.diagnosis,
            "confidence": self.confidence,
            "next_step": self.next_step,
            "point": list(self.point) if self.point else None,
            "region": self.region,
        }


def parse_workup(data: Mapping, modality_names: Mapping[str, str]) -> dict[str, str]:
    """`data` is a QueryDict-like object with getlist; returns {modality slug: timing}."""
    chosen = [v for v in data.getlist("modality") if v]
    if len(chosen) > len(modality_names):
        raise AnswerError("Too many examinations in the form.")
    workup: dict[str, str] = {}
    for slug in chosen:
        if slug not in modality_names:
            raise AnswerError(f"“{slug[:40]}” is not an examination this case offers.")
        timing = (data.get(f"timing-{slug}") or "").strip()
        if not timing:
            raise AnswerError(
                f"Say when you want the {modality_names[slug]}: now, within 24 h or scheduled.", 422
            )
        if timing not in TIMINGS:
            raise AnswerError(f"“{timing[:20]}” is not a valid time for {modality_names[slug]}.")
        workup[slug] = timing
    return workup


def _coordinate(raw: str, name: str) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise AnswerError(f"The {name} coordinate of your mark is not a number.") from None
    if math.isnan(value) or not 0 <= value <= 1:
        raise AnswerError(f"The {name} coordinate of your mark is outside the image (it must be 0 to 1).")
    return value


def parse_interpretation(
    data: Mapping,
    *,
    finding_keys: Collection[str],
    diagnosis_keys: Collection[str],
    region_keys: Collection[str],
) -> Interpretation:
    findings = tuple(dict.fromkeys(v for v in data.getlist("findings") if v))
    unknown = [f for f in findings if f not in finding_keys]
    if unknown:
        raise AnswerError(f"“{unknown[0][:40]}” is not a finding this case offers.")
    diagnosis = (data.get("diagnosis") or "").strip()
    if diagnosis and diagnosis not in diagnosis_keys:
        raise AnswerError(f"“{diagnosis[:40]}” is not a diagnosis this case offers.")
    next_step = (data.get("next_step") or "").strip()
    if next_step and next_step not in NEXT_STEPS:
        raise AnswerError(f"“{next_step[:40]}” is not one of the next steps offered.")
    confidence = (data.get("confidence") or "").strip() or None
    if confidence and confidence not in CONFIDENCE_LEVELS:
        raise AnswerError(f"“{confidence[:20]}” is not a confidence level (low, medium or high).")
    x, y = (data.get("point_x") or "").strip(), (data.get("point_y") or "").strip()
    point = None
    if x or y:
        point = (_coordinate(x, "x"), _coordinate(y, "y"))
    region = (data.get("region") or "").strip() or None
    if region and region not in region_keys:
        raise AnswerError(f"“{region[:40]}” is not one of the regions offered.")
    missing = [
        name for name, value in (("a diagnosis", diagnosis), ("what happens next", next_step)) if not value
    ]
    if missing:
        raise AnswerError(f"Choose {' and '.join(missing)} before you submit.", 422)
    return Interpretation(findings, diagnosis, confidence, next_step, point, region)


def parse_workup_order(text: str, known: Collection[str]) -> dict[str, str]:
    """'ct:scheduled xr-standing:24h' (the shell's and the samples' syntax) -> {slug: timing}; AnswerError if bad."""
    workup: dict[str, str] = {}
    for item in (text or "").replace(",", " ").split():
        slug, _, timing = item.partition(":")
        if slug not in known:
            raise AnswerError(
                f"“{slug[:40]}” is not an examination slug (known: {', '.join(sorted(known))})."
            )
        if timing not in TIMINGS:
            raise AnswerError(
                f"“{item[:60]}”: the timing after the colon must be one of {', '.join(TIMINGS)}."
            )
        if slug in workup:
            raise AnswerError(f"{slug} is listed twice.")
        workup[slug] = timing
    return workup


def interpretation_from_dict(data: Mapping) -> Interpretation:
    """A stored answer (Attempt.interpretation) back to an Interpretation, for regrading."""
    point = data.get("point")
    return Interpretation(
        findings=tuple(data.get("findings") or ()),
        diagnosis=data.get("diagnosis") or "",
        confidence=data.get("confidence"),
        next_step=data.get("next_step") or "",
        point=(float(point[0]), float(point[1])) if point else None,
        region=data.get("region"),
    )
