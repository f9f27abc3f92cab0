"""Score a learner's imaging workup against a scenario's key: pure, deterministic, 0..100 with reasons.

The key is what a radiologist teaches, not a list of everything rated highly:

- **First-line steps**: each is satisfied by any one of its studies ("MRI or CT"); most steps hold one study.
  A step is worth its best rating above 6 (9 = three shares, 8 = two, 7 or less = one), so the study that
  answers the question weighs most. A member may carry partial credit ("MRI without contrast shows a large
  recurrence but cannot tell scar from disc: 60%").
- **Studies that contain others** (MRI without and with gadolinium contains the non-contrast MRI): said once, in
  the modality data, and honoured everywhere: the containing study meets the contained one's step.
- **Conditional next steps** ("SPECT/CT if CT is equivocal"): taught in the feedback, never counted as missing;
  ordering one up front costs only what its rating says.
- Ratings 1-9 with accepted ranges: a usually-not-appropriate study costs points, more when it irradiates;
  an extra may-be-appropriate study costs a little for its radiation only. The learner gets the benefit of an
  accepted range.
- Urgency: in an emergency a first-line step ordered "within 24 h" keeps half its credit, "scheduled" a fifth.

No Django here (a test parses this module and fails on a Django import).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .scoring import TIMING_LABELS, PartScore, Reason, category

# A first-line step weighs its best rating above this (floored at one share).
STEP_WEIGHT_BASE = 6
# Needless tests, on the 0-100 scale: a usually-not-appropriate study costs up to this much by its rating
# (rated 1 = all of it, 3 = a third) plus this much per ACR relative-radiation-level step.
NOT_APPROPRIATE_PENALTY = 15.0
RADIATION_PENALTY_PER_LEVEL = 4.0
# An extra may-be-appropriate study is not wrong, but its radiation is not free.
MAY_BE_RADIATION_PENALTY_PER_LEVEL = 1.0
# An invasive study (CT myelography, aspiration or biopsy, a guided injection) ordered before its condition
# is met puts a needle near a fresh surgical field for nothing yet.
INVASIVE_UP_FRONT_PENALTY = 12.0
# A study that contains a step's member meets the step, but a lower-rated container (gadolinium that adds
# nothing here) earns less than the study itself: share kept by the container's own category.
CONTAINER_SHARE = {"usually appropriate": 1.0, "may be appropriate": 0.9, "usually not appropriate": 0.8}
# Delaying a first-line step: share of its credit kept, by urgency of the scenario and timing chosen.
DELAY_FACTORS = {
    "emergency": {"now": 1.0, "24h": 0.5, "scheduled": 0.2},
    "urgent": {"now": 1.0, "24h": 1.0, "scheduled": 0.5},
    "non_urgent": {"now": 1.0, "24h": 1.0, "scheduled": 1.0},
}


@dataclass(frozen=True)
class RatingKey:
    """One row of the workup key: the scenario's rating for a modality, its accepted range and its role."""

    name: str
    rating: int
    low: int
    high: int
    radiation_level: int = 0
    ideal: bool = False  # in the ideal sequence (used only when a key names no first-line steps)
    group: int | None = None  # first-line step number; rows sharing a number are interchangeable
    credit: int = 100  # share of its step's credit this study earns (100 = fully interchangeable)
    condition: str = ""  # non-empty: a conditional next step, with its condition in words
    invasive: bool = False  # a needle or intrathecal contrast: costs more when ordered before it is needed

    @property
    def best_category(self) -> str:
        return category(self.high)

    @property
    def essential(self) -> bool:
        return self.rating >= 8


@dataclass(frozen=True)
class FirstLineStep:
    members: tuple[str, ...]  # modality slugs, best credit first
    weight: int

    def label(self, key: Mapping[str, RatingKey]) -> str:
        return " or ".join(key[slug].name for slug in self.members)


def first_line_steps(key: Mapping[str, RatingKey]) -> list[FirstLineStep]:
    """The key's first-line steps, heaviest first; an old key without steps falls back to its ideal rows."""
    groups: dict[int, list[str]] = {}
    for slug, row in key.items():
        if row.group is not None and not row.condition:
            groups.setdefault(row.group, []).append(slug)
    if not groups:
        fallback = [s for s, r in key.items() if r.ideal and not r.condition]
        fallback = fallback or [s for s, r in key.items() if r.essential and not r.condition]
        usable = [s for s, r in key.items() if r.high >= 4 and not r.condition]
        fallback = fallback or ([max(usable, key=lambda s: key[s].rating)] if usable else [])
        groups = {i: [slug] for i, slug in enumerate(fallback)}
    steps = []
    for number in sorted(groups):
        members = tuple(sorted(groups[number], key=lambda s: (-key[s].credit, -key[s].rating, key[s].name)))
        weight = max(1, max(key[s].rating for s in members) - STEP_WEIGHT_BASE)
        steps.append(FirstLineStep(members, weight))
    return sorted(steps, key=lambda step: -step.weight)


def conditional_steps(key: Mapping[str, RatingKey]) -> list[tuple[str, str]]:
    """(modality slug, condition) of every conditional next step, best rated first."""
    rows = [(slug, row) for slug, row in key.items() if row.condition]
    return [(slug, row.condition) for slug, row in sorted(rows, key=lambda item: -item[1].rating)]


def plan_in_words(key: Mapping[str, RatingKey]) -> str:
    """'First line: CT + (standing or flexion-extension radiographs). Only if needed: SPECT/CT if CT is equivocal.'"""
    steps = [step.label(key) for step in first_line_steps(key)]
    words = "First line: " + " + ".join(f"({label})" if " or " in label else label for label in steps) + "."
    conditionals = "; ".join(f"{key[slug].name} {condition}" for slug, condition in conditional_steps(key))
    return words + (f" Only if needed: {conditionals}." if conditionals else "")


def plan_rows(
    key: Mapping[str, RatingKey],
    choices: Mapping[str, str],
    contains: Mapping[str, Collection[str]] | None = None,
) -> dict:
    """The learner's order beside the key, for the feedback: every first-line step and conditional step."""
    contains = contains or {}
    first_line = []
    for step in first_line_steps(key):
        met = next(
            (
                (study, t)
                for member in step.members
                for study, t in choices.items()
                if _covers(study, member, contains)
            ),
            None,
        )
        first_line.append(
            {
                "label": step.label(key),
                "met_by": key[met[0]].name if met else "",
                "timing": TIMING_LABELS.get(met[1], met[1]) if met else "",
            }
        )
    conditional = [
        {"name": key[slug].name, "condition": condition, "ordered": slug in choices}
        for slug, condition in conditional_steps(key)
    ]
    return {"first_line": first_line, "conditional": conditional, "in_words": plan_in_words(key)}


@dataclass
class _Match:
    share: float = 0.0  # 0..1 of the step's credit
    study: str = ""  # the ordered study that met the step
    member: str = ""  # the step's member it stood for


def _covers(study: str, member: str, contains: Mapping[str, Collection[str]]) -> bool:
    return study == member or member in contains.get(study, ())


def _best_match(step, key, choices, contains, delay) -> _Match:
    """The ordered study that meets the step best; the member itself wins a tie with a study containing it,
    and the answer never depends on the order in which the studies were listed."""
    best, best_rank = _Match(), (0.0, False)
    for member in step.members:
        for study in sorted(choices):
            if not _covers(study, member, contains):
                continue
            share = key[member].credit / 100 * delay.get(choices[study], 1.0)
            if study != member:
                share *= CONTAINER_SHARE[key[study].best_category]  # the benefit of an accepted range
            rank = (round(share, 9), study == member)
            if rank > best_rank:
                best, best_rank = _Match(share, study, member), rank
    return best


def _range_note(row: RatingKey) -> str:
    if row.low == row.high:
        return ""
    return f" Sources differ (accepted {row.low}–{row.high}); you get the benefit of the range."


def _step_reason(step, match, key, choices, urgency, points) -> Reason:
    study, member = key[match.study], key[match.member]
    when = TIMING_LABELS.get(choices[match.study], choices[match.study])
    text = f"{study.name} ({when}) meets a first-line step: {step.label(key)}."
    if match.study != match.member:
        text += f" It includes {member.name}."
    if member.credit < 100:
        text += f" It earns {member.credit}% of this step: the best choice is {key[step.members[0]].name}."
    container = CONTAINER_SHARE[study.best_category] if match.study != match.member else 1.0
    if container < 1.0:
        text += f" It is {study.best_category} here (rated {study.rating}/9): {round(container * 100)}% of the step."
    kept = match.share * 100 * 100 / member.credit / container
    if kept < 99.5:
        urgency_words = urgency.replace("_", "-")
        text += f" But this is {urgency_words}: ordering it {when} keeps only {round(kept)}% of its credit."
    return Reason(text + _range_note(study), points)


def _extra_note(row: RatingKey) -> str:
    """Where sources differ, an extra study is charged by the scenario's own rating: the accepted range is
    for judging a learner's category, not a licence to stack contested tests on the first line."""
    if row.low == row.high:
        return ""
    return f" Sources differ (accepted {row.low}–{row.high}); an extra study is charged by the rating here."


def _extra_reason(slug: str, row: RatingKey) -> Reason:
    """An ordered study that meets no first-line step: a note, or a cost by its rating, radiation, invasiveness."""
    invasive = INVASIVE_UP_FRONT_PENALTY if row.invasive else 0.0
    if row.rating <= 3:
        penalty = (
            NOT_APPROPRIATE_PENALTY * (4 - row.rating) / 3
            + RADIATION_PENALTY_PER_LEVEL * row.radiation_level
            + invasive
        )
        text = f"{row.name} is usually not appropriate here (rated {row.rating}/9)."
        if row.radiation_level:
            text += " It also gives needless radiation."
        return Reason(text + _extra_note(row), -penalty)
    cost = MAY_BE_RADIATION_PENALTY_PER_LEVEL * row.radiation_level if row.rating < 7 else 0.0
    if row.condition:
        text = f"{row.name} is a conditional next step: {row.condition}. Up front it adds nothing yet."
    elif row.rating >= 7:
        text = f"{row.name} is also usually appropriate here (rated {row.rating}/9), beyond the first line."
    else:
        text = f"{row.name} may be appropriate (rated {row.rating}/9) but adds little to the first line."
    if invasive:
        text += " It is invasive: ordered before it is needed, it costs points."
    elif cost:
        text += " Its radiation costs a little."
    cost += invasive
    return Reason(text + _extra_note(row), -cost if cost else 0.0)


def score_workup(
    key: Mapping[str, RatingKey],
    choices: Mapping[str, str],
    urgency: str,
    contains: Mapping[str, Collection[str]] | None = None,
) -> PartScore:
    """`key` maps modality slug -> RatingKey; `choices` maps ordered slug -> timing ('now', '24h', 'scheduled').

    `contains` maps a modality slug to the slugs it includes (mri-gd -> {mri}). Unknown slugs in `choices` must
    be refused before calling. 100 = every first-line step met in time, nothing needless ordered.
    """
    contains = contains or {}
    delay = DELAY_FACTORS.get(urgency, DELAY_FACTORS["non_urgent"])
    steps = first_line_steps(key)
    total_weight = sum(step.weight for step in steps) or 1
    earned, reasons, used, matched = 0.0, [], set(), set()
    for step in steps:
        match = _best_match(step, key, choices, contains, delay)
        share_points = 100 * step.weight / total_weight
        if match.study:
            # Every ordered study that covers a member of the step is spent on it (an alternative, not an
            # extra), so either member scores the same whatever else was ordered.
            used |= {s for s in choices for m in step.members if _covers(s, m, contains)} - {match.study}
            matched.add(match.study)
            earned += share_points * match.share
            reasons.append(_step_reason(step, match, key, choices, urgency, share_points * match.share))
        else:
            best = key[step.members[0]]
            text = f"Missing a first-line step: {step.label(key)} (rated {best.rating}/9)."
            reasons.append(Reason(text, -share_points))
    for slug in sorted(choices, key=lambda s: (-key[s].rating, key[s].name)):
        row = key[slug]
        container = next((c for c in choices if c != slug and slug in contains.get(c, ())), None)
        if container is not None:
            reasons.append(Reason(f"{row.name} is already part of {key[container].name}."))
        elif slug in used - matched:
            reasons.append(Reason(f"{row.name} is an alternative for a first-line step already met."))
        elif slug not in matched:
            reason = _extra_reason(slug, row)
            earned += reason.points
            reasons.append(reason)
        if choices[slug] == "now" and urgency == "non_urgent":
            reasons.append(
                Reason(f"Nothing in this scenario needs {row.name} tonight: a scheduled slot is enough.")
            )
    if not choices:
        reasons.append(Reason("You ordered no imaging."))
    return PartScore("workup", _clamp(earned), tuple(reasons))


def _clamp(value: float) -> int:
    return int(round(max(0.0, min(100.0, value))))
