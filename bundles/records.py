"""Bundle records: one function per model, used to export and to compare a local object with a bundle's."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from io import BytesIO

from PIL import Image as PILImage

from atlas.models import AtlasEntryPage, AtlasImage, ClinicalScenario, Complication, Figure, Modality, Surgery
from quizzes.models import QuizCasePage, QuizModulePage

from .schema import IMAGE_EXTENSIONS
from .validation import BundleError


def _slug(obj) -> str | None:
    return obj.slug if obj is not None else None


def _slugs(queryset) -> list[str]:
    return sorted(obj.slug for obj in queryset)


def _fields(obj, names: list[str]) -> dict:
    return {name: getattr(obj, name) for name in names}


SURGERY_FIELDS = ["slug", "name", "short_name", "description", "sort_order"]
COMPLICATION_FIELDS = [
    "slug",
    "name",
    "category",
    "urgency",
    "onset_min_days",
    "onset_max_days",
    "timing_note",
    "summary",
    "sort_order",
]
MODALITY_FIELDS = [
    "slug",
    "name",
    "abbreviation",
    "category",
    "radiation_level",
    "radiation_note",
    "cost_tier",
    "description",
    "sort_order",
    "is_invasive",
]
SCENARIO_FIELDS = [
    "slug",
    "code",
    "title",
    "presentation",
    "timing",
    "days_since_surgery",
    "urgency",
    "other_diagnoses_text",
    "ideal_order_text",
    "radiation_note",
    "guideline_note",
]
RATING_FIELDS = [
    "rating",
    "acceptable_low",
    "acceptable_high",
    "reason",
    "ideal_position",
    "first_line_group",
    "first_line_credit",
    "condition",
]
SAMPLE_FIELDS = ["kind", "order", "band_low", "band_high", "note"]
IMAGE_META_FIELDS = ["title", "credit", "licence", "is_schematic", "is_deidentified"]
FIGURE_FIELDS = [
    "slug",
    "title",
    "plane",
    "sequence",
    "days_since_surgery",
    "caption",
    "alt_text",
    "annotations",
]
ENTRY_FIELDS = [
    "slug",
    "title",
    "kind",
    "summary",
    "timing",
    "urgency",
    "presentation",
    "red_flags",
    "pitfalls",
    "differentials",
    "references",
]
MODULE_FIELDS = ["slug", "title", "aim", "intro"]
CASE_FIELDS = [
    "slug",
    "title",
    "patient_age",
    "patient_sex",
    "operation",
    "level",
    "days_since_surgery",
    "symptoms",
    "examination",
    "labs",
    "fallback_note",
    "target_annotation_id",
    "target_region_label",
    "other_region_ids",
    "pointing_tolerance",
    "next_step_answer",
    "next_step_partial",
    "next_step_partial_credit",
    "next_step_explanation",
    "teaching_points",
    "weight_workup",
    "weight_findings",
    "weight_diagnosis",
    "weight_pointing",
    "weight_next_step",
    "weight_certainty",
]
OVERRIDE_FIELDS = ["rating", "acceptable_low", "acceptable_high", "reason"]
FINDING_FIELDS = ["key", "text", "is_present", "explanation"]


def surgery_record(surgery: Surgery) -> dict:
    return _fields(surgery, SURGERY_FIELDS)


def complication_record(complication: Complication) -> dict:
    return {**_fields(complication, COMPLICATION_FIELDS), "surgeries": _slugs(complication.surgeries.all())}


def modality_record(modality: Modality) -> dict:
    return {**_fields(modality, MODALITY_FIELDS), "contains": _slugs(modality.contains.all())}


def scenario_record(scenario: ClinicalScenario) -> dict:
    ratings = scenario.ratings.select_related("modality").order_by("sort_order", "pk")
    return {
        **_fields(scenario, SCENARIO_FIELDS),
        "surgeries": _slugs(scenario.surgeries.all()),
        "most_likely": _slug(scenario.most_likely),
        "also_considered": _slugs(scenario.also_considered.all()),
        "ratings": [{"modality": r.modality.slug, **_fields(r, RATING_FIELDS)} for r in ratings],
    }


def figure_record(figure: Figure, *, image_sha256: str) -> dict:
    return {
        **_fields(figure, FIGURE_FIELDS),
        "image": image_sha256,
        "modality": figure.modality.slug,
        "surgery": _slug(figure.surgery),
        "complications": _slugs(figure.complications.all()),
    }


def entry_record(entry: AtlasEntryPage) -> dict:
    findings = [
        {
            "modality": _slug(block.value["modality"]),
            "findings": block.value["findings"].source if block.value["findings"] else "",
        }
        for block in entry.findings_by_modality
        if block.block_type == "findings"
    ]
    links = entry.entry_figures.select_related("figure").order_by("sort_order", "pk")
    return {
        **_fields(entry, ENTRY_FIELDS),
        "complication": _slug(entry.complication),
        "surgeries": _slugs(entry.surgeries.all()),
        "findings_by_modality": findings,
        "scenarios": _slugs(entry.scenarios.all()),
        "figures": [link.figure.slug for link in links],
    }


def module_record(module: QuizModulePage) -> dict:
    return _fields(module, MODULE_FIELDS)


def case_record(case: QuizCasePage) -> dict:
    def ordered(manager):
        return manager.all().order_by("sort_order", "pk")

    return {
        **_fields(case, CASE_FIELDS),
        "module": case.get_parent().slug,
        "surgery": case.surgery.slug,
        "scenario": case.scenario.slug,
        "fallback_modality": case.fallback_modality.slug,
        "target_figure": case.target_figure.slug,
        "atlas_entries": _slugs(case.atlas_entries.all()),
        "rating_overrides": [
            {"modality": o.modality.slug, **_fields(o, OVERRIDE_FIELDS)}
            for o in ordered(case.rating_overrides)
        ],
        "case_images": [
            {"modality": i.modality.slug, "figure": i.figure.slug} for i in ordered(case.case_images)
        ],
        "findings": [
            {**_fields(f, FINDING_FIELDS), "seen_on": f.seen_on.slug if f.seen_on_id else None}
            for f in ordered(case.findings).select_related("seen_on")
        ],
        "diagnoses": [
            {"complication": d.complication.slug, "credit": d.credit, "explanation": d.explanation}
            for d in ordered(case.diagnoses)
        ],
        "workup_samples": [_fields(x, SAMPLE_FIELDS) for x in ordered(case.workup_samples)],
    }


# Images -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageFileData:
    sha256: str
    ext: str
    data: bytes
    width: int
    height: int


def image_file_data(image: AtlasImage) -> ImageFileData:
    with image.open_file() as handle:
        data = handle.read()
    with PILImage.open(BytesIO(data)) as pil:
        ext, (width, height) = IMAGE_EXTENSIONS.get(pil.format, ""), pil.size
    if not ext:
        raise BundleError(f"Image “{image.title}” is a {pil.format}, which bundles cannot carry.")
    return ImageFileData(hashlib.sha256(data).hexdigest(), ext, data, width, height)


def image_record(image: AtlasImage, file: ImageFileData) -> dict:
    return {
        "sha256": file.sha256,
        "file": f"images/{file.sha256}.{file.ext}",
        "size": len(file.data),
        "width": file.width,
        "height": file.height,
        **_fields(image, IMAGE_META_FIELDS),
    }


RECORD_FUNCTIONS = {
    "surgeries": surgery_record,
    "complications": complication_record,
    "modalities": modality_record,
    "scenarios": scenario_record,
    "atlas_entries": entry_record,
    "quiz_modules": module_record,
    "quiz_cases": case_record,
}
