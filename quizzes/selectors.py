"""Reads for the quiz pages, each in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from atlas.models import Complication, Figure, Modality, ScenarioRating, figures_for_display
from imaging.annotations import shape_anchor

from . import workup as workup_rules
from .models import Attempt, CaseDiagnosis, CaseImage, QuizCasePage, QuizModulePage
from .quiz_images import TARGET_USE, QuizImage, image_use, neutral_alt, quiz_image, quiz_images_for
from .rating_keys import modality_contains, workup_key
from .session_attempts import session_attempts_for, session_finished_case_ids
from .workup import RatingKey


@dataclass
class CaseMaterial:
    """Everything one case needs to be played and scored, loaded once."""

    case: QuizCasePage
    modalities: list[Modality]
    ratings: dict[str, RatingKey]
    contains: dict[str, frozenset[str]]
    rating_rows: list[ScenarioRating]
    images: dict[str, list[Figure]]
    findings: list
    diagnoses: list[CaseDiagnosis]
    target_figure: Figure
    # What the interpretation step shows: each figure's own copy, never the atlas's files (quiz_images.py).
    quiz_images: dict[str, list[QuizImage]] = field(default_factory=dict)
    target_quiz_image: QuizImage | None = None
    regions: list[tuple[str, str]] = field(default_factory=list)
    region_shapes: dict[str, str] = field(default_factory=dict)

    def score_workup(self, workup: dict[str, str]):
        return workup_rules.score_workup(self.ratings, workup, self.case.scenario.urgency, self.contains)

    def workup_plan(self, workup: dict[str, str]) -> dict:
        return workup_rules.plan_rows(self.ratings, workup, self.contains)

    def ideal_workup(self) -> dict[str, str]:
        """The best member of each first-line step, ordered now: what the admin's preview plays."""
        return {step.members[0]: "now" for step in workup_rules.first_line_steps(self.ratings)}

    @property
    def modality_names(self) -> dict[str, str]:
        return {m.slug: m.name for m in self.modalities}

    @property
    def target_shape(self) -> dict | None:
        return next(
            (s for s in self.target_figure.annotations if s.get("id") == self.case.target_annotation_id), None
        )


def case_material(case: QuizCasePage, *, preview: bool = False) -> CaseMaterial:
    modalities = list(Modality.objects.all())
    rows = list(ScenarioRating.objects.filter(scenario_id=case.scenario_id).select_related("modality"))
    overrides = {o.modality_id: o for o in case.rating_overrides.all()}
    ratings = workup_key(modalities, rows, overrides)
    # Child rows are read through the page's relations so that an unsaved preview shows what the author typed.
    links = list(case.case_images.all())
    figures = figures_for_display().in_bulk({link.figure_id for link in links} | {case.target_figure_id})
    by_id = {m.id: m for m in modalities}
    copies = quiz_images_for(case, links, figures, preview=preview)
    images: dict[str, list[Figure]] = defaultdict(list)
    quiz_images: dict[str, list[QuizImage]] = defaultdict(list)
    for link in links:
        if link.figure_id in figures and link.modality_id in by_id:
            modality, figure = by_id[link.modality_id], figures[link.figure_id]
            images[modality.slug].append(figure)
            alt = neutral_alt(modality.name, figure)
            quiz_images[modality.slug].append(quiz_image(copies, image_use(link), alt, figure))
    target = figures.get(case.target_figure_id)
    target_quiz_image = None
    if target is not None:
        alt = neutral_alt(target.modality.name, target, pointable=True)
        target_quiz_image = quiz_image(copies, TARGET_USE, alt, target)
    diagnoses = list(case.diagnoses.all())
    complications = Complication.objects.in_bulk({d.complication_id for d in diagnoses})
    for d in diagnoses:
        d.complication = complications[d.complication_id]
    return CaseMaterial(
        case=case,
        modalities=modalities,
        ratings=ratings,
        contains=modality_contains(modalities),
        rating_rows=sorted(
            _with_overrides(rows, overrides), key=lambda r: (-r.rating, r.modality.sort_order)
        ),
        images=dict(images),
        quiz_images=dict(quiz_images),
        target_quiz_image=target_quiz_image,
        findings=list(case.findings.all()),
        diagnoses=diagnoses,
        target_figure=target,
        **_regions(case, target),
    )


GRID_ROWS = ("upper", "middle", "lower")
GRID_COLUMNS = ("left", "centre", "right")


def grid_regions() -> list[tuple[str, str]]:
    return [
        (f"grid-{r}-{c}", f"{row.capitalize()} {column} of the image")
        for r, row in enumerate(GRID_ROWS)
        for c, column in enumerate(GRID_COLUMNS)
    ]


def _with_overrides(rows: list[ScenarioRating], overrides: dict) -> list[ScenarioRating]:
    """The scenario's rows as this case scores them: a case's override replaces the rating (not saved)."""
    for row in rows:
        override = overrides.get(row.modality_id)
        if override is not None:
            row.rating, row.reason = override.rating, override.reason
            row.acceptable_low, row.acceptable_high = override.acceptable_low, override.acceptable_high
    return rows


def _regions(case: QuizCasePage, figure: Figure) -> dict:
    """Opaque keys for the region list: shape ids are built from labels and would name the answer."""
    pairs = pointing_regions(case, figure)
    if not case.target_region_label:
        return {"regions": pairs, "region_shapes": {}}
    keyed = [(f"region-{i}", label) for i, (_, label) in enumerate(pairs, start=1)]
    return {
        "regions": keyed,
        "region_shapes": {f"region-{i}": sid for i, (sid, _) in enumerate(pairs, start=1)},
    }


def pointing_regions(case: QuizCasePage, figure: Figure) -> list[tuple[str, str]]:
    """(key, neutral label) pairs for the keyboard alternative to clicking, top to bottom on the image.

    With a neutral label from the author, the lesion is offered beside the anatomy shapes the author listed
    (under their own labels), so the list never names the answer; without one, a 3 x 3 grid of the image.
    """
    if not case.target_region_label:
        return grid_regions()
    offered = set(case.other_region_id_list) | {case.target_annotation_id}
    pairs = []
    for shape in figure.annotations or []:
        if shape.get("id") not in offered:
            continue
        label = case.target_region_label if shape["id"] == case.target_annotation_id else shape["label"]
        pairs.append((shape_anchor(shape), shape["id"], label))
    pairs.sort(key=lambda p: (p[0][1], p[0][0]))
    return [(shape_id, label) for _, shape_id, label in pairs]


def latest_attempts(user, cases) -> dict[int, Attempt]:
    if not user.is_authenticated:
        return {}
    latest: dict[int, Attempt] = {}
    for attempt in Attempt.objects.filter(learner=user, case__in=cases).order_by("started_at"):
        latest[attempt.case_id] = attempt
    return latest


def counted_attempts(user, cases) -> dict[int, Attempt]:
    if not user.is_authenticated:
        return {}
    return {
        a.case_id: a
        for a in Attempt.objects.filter(
            learner=user, case__in=cases, is_practice=False, step=Attempt.Step.DONE
        )
    }


def module_progress(module: QuizModulePage, request) -> dict:
    cases = list(QuizCasePage.objects.live().child_of(module).order_by("path"))
    if request.user.is_authenticated:
        latest = latest_attempts(request.user, cases)
        counted = counted_attempts(request.user, cases)
    else:
        latest = session_attempts_for(request, cases)
        counted = {cid: a for cid, a in latest.items() if a.step == Attempt.Step.DONE}
    rows = [{"case": c, "latest": latest.get(c.pk), "counted": counted.get(c.pk)} for c in cases]
    done = [r for r in rows if r["counted"]]
    return {
        "rows": rows,
        "done": len(done),
        "total": len(rows),
        "finished": bool(rows) and len(done) == len(rows),
        "mean": round(sum(r["counted"].total for r in done) / len(done)) if done else None,
        "next_case": next((r["case"] for r in rows if not r["counted"]), None),
    }


def quiz_module_context(module: QuizModulePage, request) -> dict:
    return {"progress": module_progress(module, request)}


def quiz_index_context(index, request) -> dict:
    return {"modules": modules_with_progress(index, request.user)}


def modules_with_progress(index, user) -> list[dict]:
    modules = list(QuizModulePage.objects.live().child_of(index).order_by("path"))
    cases = list(QuizCasePage.objects.live().filter(path__startswith=index.path).only("id", "path"))
    counted = counted_attempts(user, cases)
    by_module: dict[int, list] = defaultdict(list)
    for module in modules:
        for case in cases:
            if case.path.startswith(module.path) and case.path != module.path:
                by_module[module.pk].append(case)
    return [
        {
            "module": m,
            "cases": len(by_module[m.pk]),
            "done": sum(1 for c in by_module[m.pk] if c.pk in counted),
        }
        for m in modules
    ]


def case_open_to_visitors(case: QuizCasePage) -> bool:
    """Whether a visitor who is not signed in may play this case: only in the open sample module."""
    parent_path = case.path[: -case.steplen]
    return QuizModulePage.objects.filter(path=parent_path, is_open_sample=True).exists()


def cases_with_feedback(request) -> set[int]:
    """Ids of the cases whose feedback (answer key) this learner, or this browser's session, has seen."""
    if request.user.is_authenticated:
        return set(
            Attempt.objects.filter(learner=request.user, step=Attempt.Step.DONE).values_list(
                "case_id", flat=True
            )
        )
    return session_finished_case_ids(request)


def figures_withheld_from(request) -> set[int]:
    """Figures that live cases use and that this viewer may not see on atlas pages: all of them, except those
    the case's author chose to show in the atlas, once this viewer has seen that case's feedback."""
    live = QuizCasePage.objects.live()
    uses = set(CaseImage.objects.filter(case__in=live).values_list("case_id", "figure_id", "show_in_atlas"))
    chosen = {(case_id, figure_id) for case_id, figure_id, shown in uses if shown}
    used = {(case_id, figure_id) for case_id, figure_id, _ in uses}
    used |= set(live.values_list("id", "target_figure_id"))
    if not used:
        return set()
    seen = cases_with_feedback(request) if chosen else set()
    return {
        figure_id for case_id, figure_id in used if (case_id, figure_id) not in chosen or case_id not in seen
    }


def open_sample_module() -> QuizModulePage | None:
    return QuizModulePage.objects.live().filter(is_open_sample=True).order_by("path").first()
