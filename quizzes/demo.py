"""Demo quiz modules and cases, loaded by core.demo.DemoLoader, which hands over the demo data and the home page."""

from __future__ import annotations

import html

from atlas.models import AtlasEntryPage, Figure

from .models import (
    CaseDiagnosis,
    CaseFinding,
    CaseImage,
    CaseRatingOverride,
    CaseWorkupSample,
    QuizCasePage,
    QuizIndexPage,
)
from .models import QuizModulePage as Module
from .quiz_images import quiz_images_make

# Visitors who are not signed in may try this module's cases; every other case asks them to sign in.
OPEN_SAMPLE_MODULE = "emergencies-first-72-hours"


def _quiz_index(loader) -> QuizIndexPage:
    index = QuizIndexPage.objects.first()
    if index is None:
        index = loader.home_page().add_child(
            instance=QuizIndexPage(
                title="Quizzes",
                slug="quizzes",
                intro="<p>Cases in the order you meet them on call: read the vignette, request imaging, "
                "interpret what you asked for, and see why each choice scored as it did.</p>",
            )
        )
        loader.report.count("pages", True)
    return index


def _anatomy_ids(spec: dict, annotations: list[dict]) -> str:
    findings = {f["id"] for f in spec["drawing"].get("findings", [])}
    return ",".join(a["id"] for a in annotations if a["id"] not in findings)


def load_quiz_content(loader, *, quiz_content, atlas_content) -> None:
    """`quiz_content` and `atlas_content` are the demo data modules (core/demo_data/): the loader passes them."""
    specs = {f["slug"]: f for f in quiz_content.EXTRA_FIGURES}
    for entry in _atlas_figure_specs(atlas_content):
        specs.setdefault(entry["slug"], entry)
    existing = {f.slug: f for f in Figure.objects.filter(slug__in=specs)}
    figures = {
        slug: existing.get(slug) or loader.load_figure(spec)
        for slug, spec in specs.items()
        if _used(slug, quiz_content)
    }
    cases = {c["slug"]: c for c in quiz_content.CASES}
    in_atlas = {f["slug"] for f in _atlas_figure_specs(atlas_content)}
    index = _quiz_index(loader)
    for m in quiz_content.MODULES:
        module = Module.objects.filter(slug=m["slug"]).first()
        if module is None:
            module = index.add_child(
                instance=Module(
                    title=m["title"],
                    slug=m["slug"],
                    aim=m["aim"],
                    is_open_sample=m["slug"] == OPEN_SAMPLE_MODULE,
                )
            )
            loader.report.count("pages", True)
        else:
            loader.report.count("pages", False)
        for slug in m["cases"]:
            _load_case(loader, module, cases[slug], figures, specs, in_atlas)
    if not Module.objects.filter(is_open_sample=True).exists():
        # A database loaded before modules had the flag.
        Module.objects.filter(slug=OPEN_SAMPLE_MODULE).update(is_open_sample=True)
    # Publishing made the new cases' quiz images; this makes those of cases loaded before they existed.
    for case in QuizCasePage.objects.live():
        quiz_images_make(case=case)


def _atlas_figure_specs(atlas_content):
    for entry in atlas_content.ENTRIES:
        yield from entry["figures"]


def _used(slug: str, quiz_content) -> bool:
    return any(
        slug in figs or slug == c["target"]["figure"]
        for c in quiz_content.CASES
        for figs in c["images"].values()
    )


def _load_case(loader, module, c: dict, figures: dict, specs: dict, in_atlas: set[str]) -> None:
    if QuizCasePage.objects.filter(slug=c["slug"]).exists():
        loader.report.count("pages", False)
        return
    target = figures[c["target"]["figure"]]
    next_step = c["next_step"]
    partial = sorted(next_step.get("partial", {}).items(), key=lambda kv: -kv[1])
    case = QuizCasePage(
        title=c["title"],
        slug=c["slug"],
        patient_age=c["age"],
        patient_sex=c["sex"],
        operation=c["operation"],
        surgery=loader.surgeries[c["surgery"]],
        level=c.get("level", ""),
        days_since_surgery=c["days_since_surgery"],
        symptoms=c["symptoms"],
        examination=c["examination"],
        labs=c.get("labs", ""),
        scenario=loader.scenarios[c["scenario"]],
        fallback_modality=loader.modalities[c["fallback_modality"]],
        fallback_note=c.get("fallback_note") or "The on-call surgeon requested this examination.",
        target_figure=target,
        target_annotation_id=c["target"]["annotation"],
        target_region_label=c.get("target_region_label", ""),
        other_region_ids=_anatomy_ids(specs[c["target"]["figure"]], target.annotations)
        if c.get("target_region_label")
        else "",
        next_step_answer=next_step["answer"],
        next_step_partial=partial[0][0] if partial else "",
        next_step_partial_credit=partial[0][1] if partial else 0,
        next_step_explanation=next_step.get("why", ""),
        teaching_points="<ul>"
        + "".join(f"<li>{html.escape(t)}</li>" for t in c["teaching_points"])
        + "</ul>",
    )
    case.rating_overrides = [
        CaseRatingOverride(
            modality=loader.modalities[o["modality"]],
            rating=o["rating"],
            acceptable_low=o.get("low", o["rating"]),
            acceptable_high=o.get("high", o["rating"]),
            reason=o["reason"],
        )
        for o in c.get("rating_overrides", [])
    ]
    case.workup_samples = [
        CaseWorkupSample(
            kind=x["kind"],
            order=x["order"],
            band_low=x["band"][0],
            band_high=x["band"][1],
            note=x.get("note", ""),
            sort_order=i,
        )
        for i, x in enumerate(c.get("workup_samples", []))
    ]
    # The demo's authors let the atlas's own figures back into the atlas once a learner has had the feedback;
    # figures drawn for a case alone stay out of it.
    case.case_images = [
        CaseImage(
            modality=loader.modalities[modality],
            figure=figures[slug],
            sort_order=i,
            show_in_atlas=slug in in_atlas,
        )
        for modality, slugs in c["images"].items()
        for i, slug in enumerate(slugs)
    ]
    case.findings = [
        CaseFinding(
            key=f["slug"],
            text=f["text"],
            is_present=f["correct"],
            explanation=f.get("why", ""),
            seen_on=loader.modalities[f["seen_on"]] if f.get("seen_on") else None,
            sort_order=i,
        )
        for i, f in enumerate(c["findings"])
    ]
    case.diagnoses = [
        CaseDiagnosis(
            complication=loader.complications[d["complication"]],
            credit=d["credit"],
            explanation=d.get("why", ""),
            sort_order=i,
        )
        for i, d in enumerate(c["diagnoses"])
    ]
    case.atlas_entries = list(AtlasEntryPage.objects.filter(slug__in=c.get("atlas_entries", [])))
    module.add_child(instance=case)
    case.save_revision().publish()
    loader.report.count("pages", True)
