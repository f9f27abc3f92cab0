"""Builders for test data: small, explicit, and fast (tiny in-memory images)."""

from __future__ import annotations

import itertools
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage

from atlas.models import (
    AtlasEntryFigure,
    AtlasEntryPage,
    AtlasImage,
    AtlasIndexPage,
    ClinicalScenario,
    Complication,
    Figure,
    Modality,
    ScenarioRating,
    Surgery,
)
from core.models import HomePage

_counter = itertools.count(1)

ELLIPSE = {
    "id": "lesion",
    "kind": "ellipse",
    "label": "Lesion",
    "note": "",
    "center": [0.5, 0.5],
    "radius": [0.1, 0.1],
}
ARROW = {
    "id": "pointer",
    "kind": "arrow",
    "label": "Pointer",
    "note": "",
    "from": [0.1, 0.1],
    "to": [0.4, 0.4],
}


def png_bytes(width: int = 64, height: int = 48, colour=(40, 40, 40)) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(*, title: str = "Test image", width: int = 64, height: int = 48) -> AtlasImage:
    n = next(_counter)
    image = AtlasImage(title=f"{title} {n}", is_schematic=True, credit="tests")
    image.file = ImageFile(BytesIO(png_bytes(width, height)), name=f"test-{n}.png")
    image.save()
    return image


def make_surgery(slug: str = "lumbar-discectomy", name: str = "Lumbar discectomy") -> Surgery:
    return Surgery.objects.get_or_create(slug=slug, defaults={"name": name, "short_name": name.split()[-1]})[
        0
    ]


def make_complication(
    slug: str = "epidural-haematoma", name: str = "Epidural haematoma", **extra
) -> Complication:
    defaults = {"name": name, "category": "haemorrhage", "urgency": "emergency", "summary": "A collection."}
    defaults.update(extra)
    return Complication.objects.get_or_create(slug=slug, defaults=defaults)[0]


def make_modality(slug: str = "mri", name: str = "MRI without contrast", **extra) -> Modality:
    defaults = {
        "name": name,
        "abbreviation": slug.upper(),
        "category": "mri",
        "radiation_level": 0,
        "cost_tier": 3,
    }
    defaults.update(extra)
    return Modality.objects.get_or_create(slug=slug, defaults=defaults)[0]


def make_figure(
    *, annotations=None, days: int = 1, surgery=None, complications=(), modality=None, **extra
) -> Figure:
    n = next(_counter)
    figure = Figure.objects.create(
        title=extra.pop("title", f"Figure {n}"),
        slug=extra.pop("slug", f"figure-{n}"),
        image=make_image(),
        modality=modality or make_modality(),
        plane="sagittal",
        days_since_surgery=days,
        surgery=surgery if surgery is not None else make_surgery(),
        caption=extra.pop("caption", "A caption."),
        alt_text=extra.pop("alt_text", "A schematic sagittal drawing."),
        annotations=[dict(ELLIPSE), dict(ARROW)] if annotations is None else annotations,
        **extra,
    )
    figure.complications.set(complications or [make_complication()])
    return figure


def make_scenario(slug: str = "c1", ratings: dict[str, int] | None = None) -> ClinicalScenario:
    scenario = ClinicalScenario(
        slug=slug,
        code="C.1",
        title="Deficit after surgery",
        presentation="New deficit.",
        timing="24 h",
        urgency="emergency",
        most_likely=make_complication(),
    )
    ratings = ratings or {"mri": 9, "ct": 6, "xr": 2}
    scenario.ratings = [
        ScenarioRating(
            modality=make_modality(slug, slug.upper(), category="ct" if slug == "ct" else "mri"),
            rating=value,
            acceptable_low=value,
            acceptable_high=value,
            reason=f"{slug} reason",
        )
        for slug, value in ratings.items()
    ]
    scenario.save()
    return scenario


def atlas_index() -> AtlasIndexPage:
    index = AtlasIndexPage.objects.first()
    if index:
        return index
    home = HomePage.objects.get()
    return home.add_child(instance=AtlasIndexPage(title="Atlas", slug="atlas"))


def make_entry(*, figures=(), scenarios=(), slug: str | None = None, **extra) -> AtlasEntryPage:
    n = next(_counter)
    page = AtlasEntryPage(
        title=extra.pop("title", f"Entry {n}"),
        slug=slug or f"entry-{n}",
        kind="complication",
        complication=extra.pop("complication", make_complication()),
        summary="Summary of the entry.",
        urgency="emergency",
        **extra,
    )
    page.entry_figures = [AtlasEntryFigure(figure=f, sort_order=i) for i, f in enumerate(figures)]
    page.scenarios = list(scenarios)
    atlas_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def make_atlas(n_figures: int, figures_per_entry: int = 5) -> list[AtlasEntryPage]:
    """An atlas with n_figures figures spread over entries, complications and surgeries."""
    surgeries = [
        make_surgery("lumbar-discectomy", "Lumbar discectomy"),
        make_surgery("fusion", "Posterior fusion"),
    ]
    complications = [make_complication(f"complication-{i}", f"Complication {i}") for i in range(4)]
    modalities = [make_modality("mri", "MRI"), make_modality("ct", "CT", category="ct", radiation_level=3)]
    scenario = make_scenario(slug=f"scenario-{next(_counter)}")
    entries, batch = [], []
    for i in range(n_figures):
        batch.append(
            make_figure(
                surgery=surgeries[i % 2],
                complications=[complications[i % 4]],
                modality=modalities[i % 2],
                days=i * 10,
            )
        )
        if len(batch) == figures_per_entry:
            entries.append(make_entry(figures=batch, scenarios=[scenario], complication=complications[i % 4]))
            batch = []
    if batch:
        entries.append(make_entry(figures=batch, scenarios=[scenario]))
    return entries


def make_quiz_case(*, slug: str = "case-1", module=None, urgency: str = "emergency"):
    """A case built on a C.1-like scenario: MRI essential, CT may be appropriate, radiographs not."""
    from quizzes.models import (
        CaseDiagnosis,
        CaseFinding,
        CaseImage,
        QuizCasePage,
        QuizIndexPage,
        QuizModulePage,
    )

    scenario = ClinicalScenario.objects.filter(slug="c1-test").first()
    if scenario is None:
        scenario = make_scenario(slug="c1-test", ratings={"mri": 9, "ct": 6, "xr": 2})
        scenario.urgency = urgency
        scenario.save()
        ScenarioRating.objects.filter(scenario=scenario, modality__slug="mri").update(ideal_position=1)
    if module is None:
        index = QuizIndexPage.objects.first() or HomePage.objects.get().add_child(
            instance=QuizIndexPage(title="Quizzes", slug="quizzes")
        )
        module = QuizModulePage.objects.first() or index.add_child(
            instance=QuizModulePage(title="Emergencies", slug="emergencies", aim="Spot the emergencies.")
        )
    haematoma = make_complication()
    fragment = make_complication("retained-fragment", "Retained fragment", category="technical-failure")
    seroma = make_complication("seroma", "Seroma", category="csf-and-fluid", urgency="non_urgent")
    mri_figure = make_figure(
        title="Secret haematoma figure title",
        modality=Modality.objects.get(slug="mri"),
        annotations=[
            {
                "id": "haematoma",
                "kind": "ellipse",
                "label": "Compressive dorsal haematoma",
                "note": "",
                "center": [0.5, 0.5],
                "radius": [0.1, 0.1],
            },
            {"id": "l4-body", "kind": "point", "label": "L4 vertebral body", "note": "", "at": [0.2, 0.3]},
        ],
        caption="Secret caption naming the haematoma.",
        alt_text="Secret alt text: dorsal epidural haematoma.",
    )
    ct_figure = make_figure(
        title="Secret CT title", modality=Modality.objects.get(slug="ct"), caption="Secret CT caption."
    )
    case = QuizCasePage(
        title="Evening after a laminectomy",
        slug=slug,
        patient_age=70,
        patient_sex="male",
        operation="L4–L5 laminectomy",
        surgery=make_surgery(),
        level="L4-L5",
        days_since_surgery=0,
        symptoms="Weak legs.",
        examination="Saddle anaesthesia.",
        labs="",
        scenario=scenario,
        fallback_modality=Modality.objects.get(slug="mri"),
        fallback_note="The on-call surgeon requested an emergency MRI.",
        target_figure=mri_figure,
        target_annotation_id="haematoma",
        target_region_label="Dorsal epidural space at L4–L5",
        other_region_ids="l4-body",
        next_step_answer="emergency_surgery",
        next_step_partial="urgent_specialist",
        next_step_partial_credit=25,
        teaching_points="<p>Secret teaching point: the deficit makes the emergency.</p>",
    )
    case.case_images = [
        CaseImage(modality=Modality.objects.get(slug="mri"), figure=mri_figure),
        CaseImage(modality=Modality.objects.get(slug="ct"), figure=ct_figure),
    ]
    case.findings = [
        CaseFinding(key="collection", text="Dorsal epidural collection", is_present=True),
        CaseFinding(key="compression", text="Compression of the sac", is_present=True),
        CaseFinding(key="fat-graft", text="Fat graft", is_present=False),
    ]
    case.diagnoses = [
        CaseDiagnosis(complication=haematoma, credit=100),
        CaseDiagnosis(complication=fragment, credit=40),
        CaseDiagnosis(complication=seroma, credit=0),
    ]
    module.add_child(instance=case)
    case.save_revision().publish()
    return case


def make_attempt(
    learner, case, *, total: int = 80, practice: bool = False, completed_at=None, department=None
):
    from django.utils import timezone

    from quizzes.models import Attempt

    membership = getattr(learner, "membership", None)
    from learners.services import attempt_tally

    attempt = Attempt.objects.create(
        learner=learner,
        case=case,
        module_id=case.get_parent().pk,
        department=department or (membership.department if membership else None),
        step="done",
        is_practice=practice,
        workup={"mri": "now"},
        parts=[
            {
                "part": "workup",
                "score": total,
                "reasons": [{"text": "Made up for a test.", "points": 0, "kind": "note"}],
            }
        ],
        total=total,
        completed_at=completed_at or timezone.now(),
    )
    attempt_tally(attempt=attempt)
    return attempt
