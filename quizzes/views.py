"""The quiz flow: one page that shows the current step; each step posts once (htmx or a plain form)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from imaging.annotations import shape_anchor
from pages_common.credits import page_credits

from . import scoring
from .answers import AnswerError, Interpretation, parse_interpretation, parse_workup
from .models import Attempt, QuizCasePage
from .samples import sample_results
from .selectors import case_material, case_open_to_visitors, open_sample_module
from .services import (
    attempt_find,
    attempt_latest,
    attempt_submit_interpretation,
    attempt_submit_workup,
    images_for_workup,
    score_interpretation,
)
from .session_attempts import SessionAttempt

CONFIDENCE_CHOICES = [("low", "Unsure"), ("medium", "Fairly sure"), ("high", "Sure")]
TIMING_CHOICES = [("now", "Now"), ("24h", "Within 24 h"), ("scheduled", "Scheduled")]


def _valid_uuid(raw) -> str | None:
    try:
        return str(uuid.UUID(str(raw)))
    except ValueError:
        return None


def _step_context(request, material, attempt, *, error: str = "", posted=None) -> dict:
    case = material.case
    practice_requested = request.GET.get("practice") == "1"
    if attempt is None or (attempt.step == Attempt.Step.DONE and practice_requested):
        step, attempt = "workup", None
    else:
        step = attempt.step
    context = {
        "page": case,
        "case": case,
        "material": material,
        "attempt": attempt,
        "step": step,
        "error": error,
        "posted": posted.dict() if posted is not None else None,
        "posted_multi": {k: posted.getlist(k) for k in ("findings", "modality")}
        if posted is not None
        else {},
        "timing_choices": TIMING_CHOICES,
        "confidence_choices": CONFIDENCE_CHOICES,
        "next_steps": list(scoring.NEXT_STEPS.items()),
        "module": case.get_parent(),
    }
    if step == "workup":
        context["new_attempt_id"] = _valid_uuid((posted or {}).get("attempt")) or str(uuid.uuid4())
        context["will_be_practice"] = bool(
            request.user.is_authenticated and Attempt.objects.filter(learner=request.user, case=case).exists()
        )
    else:
        context["sections"] = images_for_workup(material, attempt.workup)
        context["finding_options"] = sorted(material.findings, key=lambda f: f.text.lower())
        context["diagnosis_options"] = sorted(material.diagnoses, key=lambda d: d.complication.name.lower())
    if step == "done":
        context["parts"] = attempt.parts
        context["parts_by_name"] = {p["part"]: p for p in attempt.parts}
        context["chosen_workup"] = [
            (
                material.modality_names.get(slug, slug),
                scoring.TIMING_LABELS.get(t, t),
                material.ratings.get(slug),
            )
            for slug, t in attempt.workup.items()
        ]
        context["workup_plan"] = material.workup_plan(attempt.workup)
        context["all_figures"] = [q for images in material.quiz_images.values() for q in images]
        context["atlas_entries"] = list(case.atlas_entries.live())
        context["scenario"] = case.scenario
        context["credits"] = page_credits(case)
    return context


def _closed_to(request, case: QuizCasePage) -> bool:
    """Outside the open sample module, the answer key is for signed-in learners (their first go counts)."""
    return not request.user.is_authenticated and not case_open_to_visitors(case)


def case_page(request, case: QuizCasePage):
    """GET: the vignette and the learner's current step (Wagtail serves the page through this)."""
    if _closed_to(request, case):
        context = {"page": case, "case": case, "module": case.get_parent(), "sample": open_sample_module()}
        return TemplateResponse(request, "quizzes/sign_in_to_play.html", context)
    material = case_material(case)
    attempt = attempt_latest(request, case)
    response = TemplateResponse(
        request, "quizzes/quiz_case_page.html", _step_context(request, material, attempt)
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _respond(request, case, material, attempt, *, error: AnswerError | None = None, changed=True):
    if error is None and not changed:
        messages.info(request, "That step was already submitted; your answers and scores are unchanged.")
    if request.htmx:
        context = _step_context(
            request,
            material,
            attempt,
            error=error.message if error else "",
            posted=request.POST if error else None,
        )
        status = error.status if error else 200
        response = render(request, "quizzes/partials/case-step.html", context, status=status)
        response["Vary"] = "HX-Request"
        return response
    if error:
        context = _step_context(request, material, attempt, error=error.message, posted=request.POST)
        return render(request, "quizzes/quiz_case_page.html", context, status=error.status)
    return redirect(case.url + "#case-step", permanent=False)


def _case_or_404(case_id: int) -> QuizCasePage:
    return get_object_or_404(
        QuizCasePage.objects.live().select_related("scenario", "fallback_modality"), pk=case_id
    )


@require_POST
@vary_on_headers("HX-Request")
def submit_workup(request, case_id: int):
    case = _case_or_404(case_id)
    if _closed_to(request, case):
        return redirect_to_login(case.url)
    material = case_material(case)
    try:
        workup = parse_workup(request.POST, material.modality_names)
        attempt, changed = attempt_submit_workup(
            request=request, material=material, raw_public_id=request.POST.get("attempt"), workup=workup
        )
    except AnswerError as error:
        return _respond(request, case, material, None, error=error)
    return _respond(request, case, material, attempt, changed=changed)


@require_POST
@vary_on_headers("HX-Request")
def submit_interpretation(request, case_id: int):
    case = _case_or_404(case_id)
    if _closed_to(request, case):
        return redirect_to_login(case.url)
    material = case_material(case)
    attempt = None
    try:
        attempt = attempt_find(request, request.POST.get("attempt"), case)
        if attempt.step == Attempt.Step.DONE:
            return _respond(request, case, material, attempt, changed=False)
        answer = parse_interpretation(
            request.POST,
            finding_keys={f.key for f in material.findings},
            diagnosis_keys={d.complication.slug for d in material.diagnoses},
            region_keys={key for key, _ in material.regions},
        )
        attempt, changed = attempt_submit_interpretation(
            request=request, material=material, raw_public_id=request.POST.get("attempt"), answer=answer
        )
    except AnswerError as error:
        return _respond(request, case, material, attempt, error=error)
    return _respond(request, case, material, attempt, changed=changed)


def case_preview(request, case: QuizCasePage, mode: str):
    """The admin's preview: the learner's first screen, a step reached with the ideal answers, or the samples."""
    material = case_material(case, preview=True)
    if mode == "samples":
        context = {"case": case, "page": case, "results": sample_results(material, case.workup_samples.all())}
        context["plan"] = material.workup_plan({})
        return TemplateResponse(request, "quizzes/admin/samples_preview.html", context)
    attempt = None
    if mode in ("interpretation", "feedback"):
        ideal = material.ideal_workup()
        workup_part = material.score_workup(ideal)
        attempt = SessionAttempt(
            public_id=str(uuid.uuid4()),
            case_id=case.pk or 0,
            module_id=None,
            step=Attempt.Step.INTERPRETATION,
            workup=ideal,
            parts=[workup_part.as_dict()],
        )
        if mode == "feedback":
            shape = material.target_shape
            answer = Interpretation(
                findings=tuple(f.key for f in material.findings if f.is_present),
                diagnosis=next((d.complication.slug for d in material.diagnoses if d.credit == 100), ""),
                confidence="high",
                next_step=case.next_step_answer,
                point=shape_anchor(shape) if shape else None,
                region=None,
            )
            parts = [workup_part, *score_interpretation(material, answer, ideal)]
            attempt.parts = [p.as_dict() for p in parts]
            attempt.total = scoring.total_score(parts, case.weights)
            attempt.step = Attempt.Step.DONE
    context = _step_context(request, material, attempt)
    context["preview"] = True
    return TemplateResponse(request, "quizzes/quiz_case_page.html", context)
