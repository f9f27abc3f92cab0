"""The case-bundle format: the manifest's shape as data, section by section. Pure.

A bundle is a zip holding `manifest.json` and the original images as `images/<sha256>.<ext>`; nothing else.
The schema is documented in docs/bundles.md; change both together and bump SCHEMA_VERSION on any change
that an older reader could misread. bundles/validation.py checks a manifest against these specs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FORMAT_NAME = "spine-postop-atlas-bundle"
SCHEMA_VERSION = "2"
# Version 2 added the workup key's roles (first-line steps, conditional steps, studies that contain others)
# and graded workup samples; a version-1 bundle reads with their defaults (no roles, no samples).
READABLE_VERSIONS = ("1", "2")
MANIFEST_NAME = "manifest.json"
IMAGE_DIR = "images/"
# Pillow format name -> the extension used inside a bundle.
IMAGE_EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "AVIF": "avif"}
# Keys that change on every export without the content changing; left out when comparing manifests.
VOLATILE_KEYS = ("exported_at", "source")


@dataclass(frozen=True)
class Optional:
    """The value may be null."""

    inner: Any


@dataclass(frozen=True)
class Default:
    """The key may be missing (an older bundle): it then takes this value."""

    inner: Any
    value: Any


NUMBER = "number"  # an int or a float
ANY_LIST = "list"  # a list checked elsewhere (annotations go through imaging.annotations on import)

SURGERY = {"slug": str, "name": str, "short_name": str, "description": str, "sort_order": int}
COMPLICATION = {
    "slug": str,
    "name": str,
    "category": str,
    "urgency": str,
    "onset_min_days": int,
    "onset_max_days": Optional(int),
    "timing_note": str,
    "summary": str,
    "surgeries": [str],
    "sort_order": int,
}
MODALITY = {
    "slug": str,
    "name": str,
    "abbreviation": str,
    "category": str,
    "radiation_level": int,
    "radiation_note": str,
    "cost_tier": int,
    "description": str,
    "sort_order": int,
    "is_invasive": Default(bool, False),
    "contains": Default([str], []),
}
RATING = {
    "modality": str,
    "rating": int,
    "acceptable_low": int,
    "acceptable_high": int,
    "reason": str,
    "ideal_position": Optional(int),
    "first_line_group": Default(Optional(int), None),
    "first_line_credit": Default(int, 100),
    "condition": Default(str, ""),
}
SCENARIO = {
    "slug": str,
    "code": str,
    "title": str,
    "presentation": str,
    "timing": str,
    "days_since_surgery": Optional(int),
    "urgency": str,
    "surgeries": [str],
    "most_likely": Optional(str),
    "also_considered": [str],
    "other_diagnoses_text": str,
    "ideal_order_text": str,
    "radiation_note": str,
    "guideline_note": str,
    "ratings": [RATING],
}
IMAGE = {
    "sha256": str,
    "file": str,
    "size": int,
    "width": int,
    "height": int,
    "title": str,
    "credit": str,
    "licence": str,
    "is_schematic": bool,
    "is_deidentified": bool,
}
FIGURE = {
    "slug": str,
    "title": str,
    "image": str,
    "modality": str,
    "plane": str,
    "sequence": str,
    "days_since_surgery": Optional(int),
    "surgery": Optional(str),
    "complications": [str],
    "caption": str,
    "alt_text": str,
    "annotations": ANY_LIST,
}
ENTRY = {
    "slug": str,
    "title": str,
    "kind": str,
    "complication": Optional(str),
    "surgeries": [str],
    "summary": str,
    "timing": str,
    "urgency": str,
    "presentation": str,
    "red_flags": str,
    "findings_by_modality": [{"modality": Optional(str), "findings": str}],
    "pitfalls": str,
    "differentials": str,
    "references": str,
    "scenarios": [str],
    "figures": [str],
}
MODULE = {"slug": str, "title": str, "aim": str, "intro": str}
CASE = {
    "slug": str,
    "module": str,
    "title": str,
    "patient_age": int,
    "patient_sex": str,
    "operation": str,
    "surgery": str,
    "level": str,
    "days_since_surgery": int,
    "symptoms": str,
    "examination": str,
    "labs": str,
    "scenario": str,
    "fallback_modality": str,
    "fallback_note": str,
    "target_figure": str,
    "target_annotation_id": str,
    "target_region_label": str,
    "other_region_ids": str,
    "pointing_tolerance": NUMBER,
    "next_step_answer": str,
    "next_step_partial": str,
    "next_step_partial_credit": int,
    "next_step_explanation": str,
    "teaching_points": str,
    "atlas_entries": [str],
    "weight_workup": int,
    "weight_findings": int,
    "weight_diagnosis": int,
    "weight_pointing": int,
    "weight_next_step": int,
    "weight_certainty": int,
    "rating_overrides": [
        {"modality": str, "rating": int, "acceptable_low": int, "acceptable_high": int, "reason": str}
    ],
    "case_images": [{"modality": str, "figure": str}],
    "findings": [
        {
            "key": str,
            "text": str,
            "is_present": bool,
            "explanation": str,
            "seen_on": Default(Optional(str), None),
        }
    ],
    "diagnoses": [{"complication": str, "credit": int, "explanation": str}],
    "workup_samples": Default(
        [{"kind": str, "order": str, "band_low": int, "band_high": int, "note": str}], []
    ),
}
MANIFEST = {
    "format": str,
    "version": str,
    "exported_at": str,
    "source": str,
    "images": [IMAGE],
    "surgeries": [SURGERY],
    "complications": [COMPLICATION],
    "modalities": [MODALITY],
    "scenarios": [SCENARIO],
    "figures": [FIGURE],
    "atlas_entries": [ENTRY],
    "quiz_modules": [MODULE],
    "quiz_cases": [CASE],
}
# Sections keyed by slug, in the order an import creates them (each only refers to those before it,
# except quiz cases -> atlas entries, which come earlier too).
SLUG_SECTIONS = (
    "surgeries",
    "complications",
    "modalities",
    "scenarios",
    "figures",
    "atlas_entries",
    "quiz_modules",
    "quiz_cases",
)
# (section, path to a slug or list of slugs inside one record, section the slug must be in)
REFERENCES = (
    ("complications", "surgeries", "surgeries"),
    ("scenarios", "surgeries", "surgeries"),
    ("scenarios", "most_likely", "complications"),
    ("scenarios", "also_considered", "complications"),
    ("modalities", "contains", "modalities"),
    ("scenarios", "ratings[].modality", "modalities"),
    ("figures", "image", "images"),
    ("figures", "modality", "modalities"),
    ("figures", "surgery", "surgeries"),
    ("figures", "complications", "complications"),
    ("atlas_entries", "complication", "complications"),
    ("atlas_entries", "surgeries", "surgeries"),
    ("atlas_entries", "findings_by_modality[].modality", "modalities"),
    ("atlas_entries", "scenarios", "scenarios"),
    ("atlas_entries", "figures", "figures"),
    ("quiz_cases", "module", "quiz_modules"),
    ("quiz_cases", "surgery", "surgeries"),
    ("quiz_cases", "scenario", "scenarios"),
    ("quiz_cases", "fallback_modality", "modalities"),
    ("quiz_cases", "target_figure", "figures"),
    ("quiz_cases", "atlas_entries", "atlas_entries"),
    ("quiz_cases", "rating_overrides[].modality", "modalities"),
    ("quiz_cases", "case_images[].modality", "modalities"),
    ("quiz_cases", "findings[].seen_on", "modalities"),
    ("quiz_cases", "case_images[].figure", "figures"),
    ("quiz_cases", "diagnoses[].complication", "complications"),
)


def empty_manifest(*, exported_at: str, source: str) -> dict:
    """A manifest of the current schema version with every section present and empty."""
    manifest: dict[str, Any] = {"format": FORMAT_NAME, "version": SCHEMA_VERSION}
    manifest.update(exported_at=exported_at, source=source)
    manifest.update({key: [] for key in MANIFEST if isinstance(MANIFEST[key], list)})
    return manifest


def without_volatile(manifest: dict) -> dict:
    """The manifest minus the keys that differ between two exports of the same content."""
    return {key: value for key, value in manifest.items() if key not in VOLATILE_KEYS}
