"""Writes of the quiz flow: start and submit the steps of an attempt, each once.

Signed-in learners' attempts live in the database; anonymous visitors' only in their session. Both go
through the same functions. A step is applied with a conditional write ("only if still at this step"), so a
double click, the back button or a replayed POST finds the step done and changes nothing.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from imaging.annotations import Aspect, distance_to_shape, shape_anchor, shape_bounds

from . import scoring
from .answers import AnswerError, Interpretation
from .departments import department_id_for
from .models import Attempt, QuizCasePage, QuizModulePage
from .selectors import CaseMaterial
from .session_attempts import (
    SESSION_KEY,
    SessionAttempt,
    session_attempt_save,
    session_attempts_for,
    session_store,
)
from .signals import attempt_scored

Step = Attempt.Step


def session_attempts_claim(*, request, user) -> list[Attempt]:
    """On sign-in: each case this browser finished signed out becomes the user's practice attempt, so that the
    feedback seen before never precedes a counted first attempt. Idempotent (the session id is kept)."""
    store = dict(session_store(request))
    finished = [SessionAttempt(**raw) for raw in store.values() if raw.get("step") == Step.DONE]
    if not finished:
        return []
    cases = set(
        QuizCasePage.objects.filter(pk__in={a.case_id for a in finished}).values_list("pk", flat=True)
    )
    modules = set(
        QuizModulePage.objects.filter(pk__in={a.module_id for a in finished}).values_list("pk", flat=True)
    )
    taken = set(
        Attempt.objects.filter(public_id__in=[a.public_id for a in finished]).values_list(
            "public_id", flat=True
        )
    )
    department_id = department_id_for(user)
    claimed = []
    for seen in finished:
        store.pop(seen.public_id, None)
        if seen.case_id not in cases or uuid.UUID(seen.public_id) in taken:
            continue
        completed = datetime.fromisoformat(seen.completed_at) if seen.completed_at else timezone.now()
        claimed.append(
            Attempt(
                public_id=seen.public_id,
                learner=user,
                case_id=seen.case_id,
                module_id=seen.module_id if seen.module_id in modules else None,
                department_id=department_id,
                step=Step.DONE,
                is_practice=True,
                workup=seen.workup,
                interpretation=seen.interpretation,
                parts=seen.parts,
                total=seen.total,
                workup_submitted_at=completed,
                completed_at=completed,
            )
        )
    # A second sign-in racing this one may have claimed the same ids: theirs stands.
    Attempt.objects.bulk_create(claimed, ignore_conflicts=True)
    request.session[SESSION_KEY] = store
    return claimed


def _parse_public_id(raw) -> str:
    try:
        return str(uuid.UUID(str(raw)))
    except (TypeError, ValueError, AttributeError):
        raise AnswerError("This form has no valid attempt id: reload the case and try again.") from None


def attempt_find(request, raw_public_id, case: QuizCasePage):
    """The requesting learner's attempt with this id at this case, or 404 (never someone else's)."""
    public_id = _parse_public_id(raw_public_id)
    if request.user.is_authenticated:
        attempt = Attempt.objects.filter(public_id=public_id, learner=request.user, case=case).first()
    else:
        raw = session_store(request).get(public_id)
        attempt = SessionAttempt(**raw) if raw and raw.get("case_id") == case.pk else None
    if attempt is None:
        raise Http404("No such attempt of yours at this case.")
    return attempt


def attempt_latest(request, case: QuizCasePage):
    if request.user.is_authenticated:
        return Attempt.objects.filter(learner=request.user, case=case).order_by("-started_at", "-id").first()
    return session_attempts_for(request, [case]).get(case.pk)


def _other_learners_attempt_exists(public_id: str, request) -> bool:
    query = Attempt.objects.filter(public_id=public_id)
    if request.user.is_authenticated:
        query = query.exclude(learner=request.user)
    return query.exists()


def attempt_submit_workup(*, request, material: CaseMaterial, raw_public_id, workup: dict[str, str]):
    """Create the attempt (with the id the form carried) and record its workup; (attempt, changed)."""
    case = material.case
    public_id = _parse_public_id(raw_public_id)
    if _other_learners_attempt_exists(public_id, request):
        raise Http404("No such attempt of yours at this case.")
    workup_part = material.score_workup(workup).as_dict()
    now = timezone.now()
    if not request.user.is_authenticated:
        raw = session_store(request).get(public_id)
        if raw:
            if raw.get("case_id") != case.pk:
                raise Http404("No such attempt of yours at this case.")
            return SessionAttempt(**raw), False
        unfinished = session_attempts_for(request, [case]).get(case.pk)
        if unfinished is not None and unfinished.step != Step.DONE:
            return unfinished, False
        attempt = SessionAttempt(
            public_id=public_id,
            case_id=case.pk,
            module_id=case.get_parent().pk,
            step=Step.INTERPRETATION,
            workup=workup,
            parts=[workup_part],
            started_at=now.isoformat(),
        )
        session_attempt_save(request, attempt)
        return attempt, True
    existing = Attempt.objects.filter(public_id=public_id, learner=request.user).first()
    if existing:
        if existing.case_id != case.pk:
            raise Http404("No such attempt of yours at this case.")
        return existing, False
    # One go at a time: a second tab must not open a practice attempt (whose feedback would reveal the key)
    # while the counted one is unfinished, so an unfinished attempt is always resumed.
    unfinished = (
        Attempt.objects.filter(learner=request.user, case=case)
        .exclude(step=Step.DONE)
        .order_by("started_at")
        .first()
    )
    if unfinished is not None:
        return unfinished, False
    fields = {
        "public_id": public_id,
        "learner": request.user,
        "case": case,
        "module_id": case.get_parent().pk,
        "step": Step.INTERPRETATION,
        "workup": workup,
        "parts": [workup_part],
        "workup_submitted_at": now,
        "department_id": department_id_for(request.user),
    }
    # Only a first go counts: after any earlier go (a counted one, or feedback seen signed out and claimed at
    # sign-in) the answer key is known.
    gone_before = Attempt.objects.filter(learner=request.user, case=case).exists()
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(is_practice=gone_before, **fields)
    except IntegrityError:
        # A double click raced this very request (same id): that one won, nothing changes.
        raced = Attempt.objects.filter(public_id=public_id, learner=request.user).first()
        if raced is not None:
            return raced, False
        # Two first attempts with different ids raced: the later one becomes practice.
        attempt = Attempt.objects.create(is_practice=True, **fields)
    return attempt, True


def region_holds_lesion(region: str, shape: dict) -> bool:
    """A named region is right when it is the lesion's shape; a grid cell when it overlaps the shape."""
    if not region.startswith("grid-"):
        return region == shape["id"]
    _, row, column = region.split("-")
    top, left = int(row) / 3, int(column) / 3
    if shape["kind"] in ("point", "arrow"):
        # A click on an arrow counts at its tip; the grid cell must hold the tip too.
        x0, y0 = x1, y1 = shape_anchor(shape)
    else:
        x0, y0, x1, y1 = shape_bounds(shape)
    return x0 <= left + 1 / 3 and x1 >= left and y0 <= top + 1 / 3 and y1 >= top


def _pointing_distance(material: CaseMaterial, answer: Interpretation) -> tuple[float | None, bool]:
    shape = material.target_shape
    if shape is None:
        return None, False
    if answer.point is not None:
        image = material.target_figure.image
        return distance_to_shape(shape, *answer.point, Aspect(image.width, image.height)), False
    if answer.region is not None:
        region = material.region_shapes.get(answer.region, answer.region)
        return (0.0 if region_holds_lesion(region, shape) else 1.0), True
    return None, False


def unseen_findings(material: CaseMaterial, workup: dict[str, str] | None) -> dict[str, str]:
    """True findings that only an examination the learner never saw shows: key -> that examination's name."""
    if workup is None:
        return {}
    shown = {section["slug"] for section in images_for_workup(material, workup)}
    shown |= {c for slug in shown for c in material.contains.get(slug, ())}
    by_id = {m.id: m for m in material.modalities}
    return {
        f.key: by_id[f.seen_on_id].name
        for f in material.findings
        if f.is_present and f.seen_on_id in by_id and by_id[f.seen_on_id].slug not in shown
    }


def score_interpretation(
    material: CaseMaterial, answer: Interpretation, workup: dict[str, str] | None = None
) -> list[scoring.PartScore]:
    """`workup` (what the learner ordered) decides which images they saw; None: they saw every image."""
    case = material.case
    findings = {f.key: f.is_present for f in material.findings}
    finding_labels = {f.key: f.text for f in material.findings}
    credits = {d.complication.slug: d.credit for d in material.diagnoses}
    diagnosis_labels = {d.complication.slug: d.complication.name for d in material.diagnoses}
    diagnosis = scoring.score_diagnosis(credits, diagnosis_labels, answer.diagnosis)
    distance, by_region = _pointing_distance(material, answer)
    partial = {case.next_step_partial: case.next_step_partial_credit} if case.next_step_partial else {}
    return [
        scoring.score_findings(findings, finding_labels, answer.findings, unseen_findings(material, workup)),
        diagnosis,
        scoring.score_pointing(distance, case.pointing_tolerance, by_region=by_region),
        scoring.score_next_step(case.next_step_answer, partial, answer.next_step),
        scoring.score_certainty(diagnosis.score, answer.confidence),
    ]


def attempt_submit_interpretation(*, request, material: CaseMaterial, raw_public_id, answer: Interpretation):
    """Score the interpretation and close the attempt; (attempt, changed). Scored attempts never change."""
    attempt = attempt_find(request, raw_public_id, material.case)
    if attempt.step == Step.DONE:
        return attempt, False
    if attempt.step != Step.INTERPRETATION:
        raise AnswerError("Choose the imaging first.", 409)
    parts = attempt.parts[:1] + [p.as_dict() for p in score_interpretation(material, answer, attempt.workup)]
    total = scoring.total_score(
        [scoring.PartScore(p["part"], p["score"]) for p in parts], material.case.weights
    )
    now = timezone.now()
    if isinstance(attempt, SessionAttempt):
        attempt.step, attempt.interpretation, attempt.parts, attempt.total = (
            Step.DONE,
            answer.as_dict(),
            parts,
            total,
        )
        attempt.completed_at = now.isoformat()
        session_attempt_save(request, attempt)
        return attempt, True
    with transaction.atomic():
        updated = Attempt.objects.filter(pk=attempt.pk, step=Step.INTERPRETATION).update(
            step=Step.DONE, interpretation=answer.as_dict(), parts=parts, total=total, completed_at=now
        )
        attempt.refresh_from_db()
        if updated:
            # Boards, tallies and the review queue follow inside this transaction (learners subscribes).
            attempt_scored.send(sender=Attempt, attempt=attempt, now=now)
    return attempt, bool(updated)


def _with_contained(images: dict, contains: dict, slug: str, workup: dict) -> list:
    """A study's images plus those of the studies it contains (MRI with gadolinium shows the non-contrast
    sequences too), unless the learner ordered the contained study as well and sees it in its own section."""
    shown = list(images.get(slug, []))
    for contained in sorted(contains.get(slug, ())):
        if contained not in workup:
            shown += [image for image in images.get(contained, []) if image not in shown]
    return shown


def images_for_workup(material: CaseMaterial, workup: dict[str, str]) -> list[dict]:
    """What the learner gets to see: the images of each examination ordered, then the essential one if missed."""
    names = material.modality_names
    ordered = sorted(workup, key=lambda s: (-material.ratings[s].rating, names[s]))
    sections = [
        {
            "modality": names[slug],
            "slug": slug,
            "figures": _with_contained(material.images, material.contains, slug, workup),
            "quiz_images": _with_contained(material.quiz_images, material.contains, slug, workup),
            "note": "",
        }
        for slug in ordered
    ]
    fallback = material.case.fallback_modality
    seen_in = {c for slug in workup for c in material.contains.get(slug, ())}
    if fallback.slug not in workup and fallback.slug not in seen_in:
        sections.append(
            {
                "modality": fallback.name,
                "slug": fallback.slug,
                "figures": material.images.get(fallback.slug, []),
                "quiz_images": material.quiz_images.get(fallback.slug, []),
                "note": material.case.fallback_note,
            }
        )
    return sections
