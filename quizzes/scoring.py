"""Score a quiz case: pure, deterministic, every part 0..100 with the reasons that produced it.

The workup part lives in `workup.py`; the interpretation parts are here.

No Django here: the service layer turns database rows into the small value objects below. Ratings follow
the ACR convention (7-9 usually appropriate, 4-6 may be appropriate, 1-3 usually not appropriate); where
sources differ a rating carries an accepted range and the learner gets the benefit of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

TIMINGS = ("now", "24h", "scheduled")
TIMING_LABELS = {"now": "now", "24h": "within 24 h", "scheduled": "scheduled"}
CONFIDENCE_LEVELS = ("low", "medium", "high")
NEXT_STEPS = {
    "emergency_surgery": "Emergency surgery now",
    "urgent_specialist": "Urgent specialist review",
    "further_imaging": "Further imaging",
    "guided_procedure": "Image-guided biopsy or aspiration",
    "outpatient": "Outpatient follow-up",
}

# Certainty-based marking (Moodle): mark for a right and a wrong answer at each confidence level.
CBM_RIGHT = {"low": 1.0, "medium": 2.0, "high": 3.0}
CBM_WRONG = {"low": 0.0, "medium": -2.0, "high": -6.0}
POINTING_PARTIAL = 50.0
DEFAULT_WEIGHTS = {
    "workup": 45,
    "findings": 15,
    "diagnosis": 15,
    "pointing": 10,
    "next_step": 10,
    "certainty": 5,
}


@dataclass(frozen=True)
class Reason:
    text: str
    points: float = 0.0  # signed contribution in the part's raw units; 0 for an explanatory note

    @property
    def kind(self) -> str:
        return "gain" if self.points > 0 else "loss" if self.points < 0 else "note"


@dataclass(frozen=True)
class PartScore:
    part: str
    score: int  # 0..100
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        return {
            "part": self.part,
            "score": self.score,
            "reasons": [{"text": r.text, "points": round(r.points, 2), "kind": r.kind} for r in self.reasons],
        }


def category(rating: int) -> str:
    if rating >= 7:
        return "usually appropriate"
    if rating >= 4:
        return "may be appropriate"
    return "usually not appropriate"


def _clamp(value: float) -> int:
    return int(round(max(0.0, min(100.0, value))))


def score_findings(
    findings: Mapping[str, bool],
    labels: Mapping[str, str],
    chosen: Iterable[str],
    unseen: Mapping[str, str] | None = None,
) -> PartScore:
    """`findings` maps finding slug -> True for a real finding, False for a distractor.

    Moodle's multiple-response marking: each true finding picked earns 1/(number of true findings), each
    distractor picked costs 1/(number of distractors), floored at 0, so partial knowledge earns partial credit.
    `unseen` maps a true finding to the examination that shows it when the learner never saw that examination's
    images: it is left out of the count (and out of the credit), and the feedback says where it shows.
    """
    chosen, unseen = set(chosen), dict(unseen or {})
    unseen = {slug: where for slug, where in unseen.items() if findings.get(slug)}
    true_count = sum(1 for slug, real in findings.items() if real and slug not in unseen)
    false_count = sum(1 for real in findings.values() if not real)
    reasons: list[Reason] = []
    raw = 0.0
    for slug, real in findings.items():
        picked = slug in chosen
        if slug in unseen:
            reasons.append(Reason(f"Not on the images you saw (it shows on {unseen[slug]}): {labels[slug]}."))
        elif real and picked:
            raw += 1 / true_count
            reasons.append(Reason(f"Yes: {labels[slug]}.", 100 / true_count))
        elif real:
            reasons.append(Reason(f"Missed: {labels[slug]}."))
        elif picked:
            raw -= 1 / false_count
            reasons.append(Reason(f"Not present (or not abnormal here): {labels[slug]}.", -100 / false_count))
    score = _clamp(100 * raw) if true_count else (0 if chosen & set(findings) - set(unseen) else 100)
    return PartScore("findings", score, tuple(reasons))


def score_diagnosis(credits: Mapping[str, int], labels: Mapping[str, str], chosen: str | None) -> PartScore:
    """`credits` maps diagnosis slug -> 0..100 (exactly one 100 is the key)."""
    key = next((s for s, c in credits.items() if c == 100), None)
    if not chosen:
        return PartScore(
            "diagnosis", 0, (Reason(f"No diagnosis given. The answer: {labels.get(key, '?')}."),)
        )
    credit = credits.get(chosen, 0)
    if credit == 100:
        text = f"Correct: {labels[chosen]}."
    elif credit:
        text = f"{labels[chosen]} is a reasonable differential ({credit}% credit); the best answer is {labels[key]}."
    else:
        text = f"{labels[chosen]} is not the diagnosis here; the best answer is {labels[key]}."
    return PartScore("diagnosis", _clamp(credit), (Reason(text, credit),))


def score_certainty(diagnosis_credit: int, confidence: str | None) -> PartScore:
    """Certainty-based marking of the diagnosis: confident errors cost most. No rating counts as 'low'."""
    level = confidence if confidence in CONFIDENCE_LEVELS else "low"
    c = diagnosis_credit / 100
    mark = c * CBM_RIGHT[level] + (1 - c) * CBM_WRONG[level]
    low_mark, high_mark = min(CBM_WRONG.values()), max(CBM_RIGHT.values())
    score = _clamp(100 * (mark - low_mark) / (high_mark - low_mark))
    stated = "You did not rate your confidence, so it counts as low." if confidence is None else ""
    if c >= 1:
        text = f"Right with {level} confidence: certainty mark {mark:+g} (of +3)."
    elif c <= 0:
        text = f"Wrong with {level} confidence: certainty mark {mark:+g}. Confident errors cost most."
    else:
        text = f"Partly right with {level} confidence: certainty mark {mark:+.1f}."
    return PartScore("certainty", score, tuple(r for r in (Reason(text, mark), Reason(stated)) if r.text))


def score_pointing(distance: float | None, tolerance: float, *, by_region: bool = False) -> PartScore:
    """`distance` from the click to the target shape (0 inside), in units of the image width; None = no answer."""
    if distance is None:
        return PartScore("pointing", 0, (Reason("You did not point at the lesion."),))
    if distance <= 0:
        text = "You chose the region of the lesion." if by_region else "Your mark is on the lesion."
        return PartScore("pointing", 100, (Reason(text, 100),))
    if by_region:
        return PartScore("pointing", 0, (Reason("That region does not contain the lesion."),))
    if distance <= tolerance:
        return PartScore(
            "pointing",
            int(POINTING_PARTIAL),
            (Reason("Your mark is just outside the lesion: partial credit.", 50),),
        )
    return PartScore("pointing", 0, (Reason("Your mark is away from the lesion."),))


def score_next_step(answer: str, partial: Mapping[str, int], chosen: str | None) -> PartScore:
    if not chosen:
        return PartScore("next_step", 0, (Reason(f"No next step given. The answer: {NEXT_STEPS[answer]}."),))
    if chosen == answer:
        return PartScore("next_step", 100, (Reason(f"Correct: {NEXT_STEPS[chosen]}.", 100),))
    credit = partial.get(chosen, 0)
    text = f"{NEXT_STEPS.get(chosen, chosen)}: {credit}% credit; the best answer is {NEXT_STEPS[answer]}."
    return PartScore("next_step", _clamp(credit), (Reason(text, credit),))


def total_score(parts: Iterable[PartScore], weights: Mapping[str, int] | None = None) -> int:
    """Weighted mean of the parts (weights default to DEFAULT_WEIGHTS; a part with weight 0 does not count)."""
    weights = {**DEFAULT_WEIGHTS, **(weights or {})}
    parts = list(parts)
    total_weight = sum(weights.get(p.part, 0) for p in parts)
    if not total_weight:
        return 0
    return _clamp(sum(p.score * weights.get(p.part, 0) for p in parts) / total_weight)


def parts_as_dicts(parts: Iterable[PartScore]) -> list[dict]:
    return [p.as_dict() for p in parts]
