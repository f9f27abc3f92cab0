"""Writes for stacks: import a DICOM file, folder or zip as a de-identified image stack with a key figure."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO

import numpy as np
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify

from atlas.models import AtlasImage, Figure, Modality
from imaging.deidentify import DeidReport, burned_in_risk, deidentify
from imaging.dicom import (
    PRESET_LABELS,
    PRESETS,
    DicomInputError,
    load_datasets,
    modality_frames,
    plane_of,
    png_bytes,
    sort_slices,
    to_png,
)

from .models import ImageStack, StackSlice

Progress = Callable[[int, int, str], None]

# DICOM Modality (0008,0060) -> the atlas modality slugs to try, then the category to fall back on.
MODALITY_SLUGS = {
    "CT": (["ct"], Modality.Category.CT),
    "MR": (["mri"], Modality.Category.MRI),
    "CR": (["xr-standing"], Modality.Category.RADIOGRAPHY),
    "DX": (["xr-standing"], Modality.Category.RADIOGRAPHY),
    "RF": ([], Modality.Category.RADIOGRAPHY),
    "XA": ([], Modality.Category.PROCEDURE),
    "US": ([], Modality.Category.ULTRASOUND),
    "NM": (["bone-scan-spect"], Modality.Category.NUCLEAR),
    "PT": (["fdg-pet"], Modality.Category.NUCLEAR),
}
IMPORT_CREDIT = "De-identified DICOM import"


class BurnedInRiskError(DicomInputError):
    """The pixels may carry burned-in text and the author has not confirmed that they are clean."""


@dataclass
class ImportResult:
    stack: ImageStack
    figure: Figure
    slice_count: int
    report: dict
    warnings: list[str] = field(default_factory=list)


def _no_progress(done: int, total: int, stage: str) -> None:
    return None


def _modality_for(code: str) -> Modality:
    slugs, category = MODALITY_SLUGS.get(code, ([], None))
    for slug in slugs:
        if modality := Modality.objects.filter(slug=slug).first():
            return modality
    if category and (modality := Modality.objects.filter(category=category).order_by("sort_order").first()):
        return modality
    raise DicomInputError(
        f"No atlas modality matches the DICOM modality '{code}'. Add one under Atlas > Modalities first."
    )


def _unique_slug(model, base: str) -> str:
    base = (base or "stack")[:70]
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _position(ds) -> float | None:
    try:
        orientation = np.array([float(v) for v in ds.ImageOrientationPatient])
        normal = np.cross(orientation[:3], orientation[3:])
        return round(float(np.dot(normal, [float(v) for v in ds.ImagePositionPatient])), 3)
    except (AttributeError, TypeError, ValueError):
        return None


def _default_preset(code: str) -> str:
    return "bone" if code == "CT" else "auto"


def dicom_import(
    *,
    path_or_file,
    title: str,
    confirm_clean_pixels: bool = False,
    preset: str | None = None,
    key_index: int | None = None,
    slug: str | None = None,
    source_description: str = "",
    progress: Progress | None = None,
    user=None,
) -> ImportResult:
    """Import one DICOM series (a .dcm file, a folder or a zip) as an ImageStack and a key-image Figure.

    Everything is read, checked, de-identified and rendered in memory before anything is stored; the
    original DICOM is never written to storage. Raises DicomInputError (BurnedInRiskError when the pixels
    may carry text and confirm_clean_pixels is False) and then leaves no rows and no files behind. The stack
    and its figure are drafts with a first revision: they go public only after peer review.
    """
    progress = progress or _no_progress
    title = (title or "").strip()
    if not title:
        raise DicomInputError("Give the stack a title.")
    if preset is not None and preset not in PRESETS:
        raise DicomInputError(f"Unknown window preset '{preset}'; use one of {', '.join(PRESETS)}.")
    if slug and ImageStack.objects.filter(slug=slug).exists():
        raise DicomInputError(f"A stack with the slug '{slug}' already exists.")

    loaded = load_datasets(path_or_file)
    total = len(loaded)
    progress(0, total, "read")
    warnings: list[str] = []
    names = {id(item.dataset): item.name for item in loaded}
    datasets, seen = [], set()
    for item in loaded:
        uid = str(item.dataset.get("SOPInstanceUID", ""))
        if uid and uid in seen:
            continue
        seen.add(uid)
        datasets.append(item.dataset)
    if len(datasets) < len(loaded):
        warnings.append(f"{len(loaded) - len(datasets)} duplicate file(s) skipped.")
    series = {str(ds.get("SeriesInstanceUID", "")) for ds in datasets}
    if len(series) > 1:
        raise DicomInputError(f"The upload holds {len(series)} series; import one series at a time.")

    risks = sorted({reason for ds in datasets if (reason := burned_in_risk(ds))})
    if risks and not confirm_clean_pixels:
        raise BurnedInRiskError(
            "Refused: "
            + "; ".join(risks)
            + ". Check every slice for text and confirm that the pixels are clean."
        )

    datasets = sort_slices(datasets)
    code = str(datasets[0].get("Modality", "")).upper()
    modality = _modality_for(code)
    plane = plane_of(datasets[0])
    preset = preset or _default_preset(code)
    positions = [_position(ds) for ds in datasets]

    # One UID map and one date offset for the study: intervals survive, the real dates do not.
    uid_map: dict[str, str] = {}
    date_shift_days = -(365 + secrets.randbelow(10 * 365))
    report = DeidReport()
    pngs: list[tuple[bytes, float | None]] = []
    for i, ds in enumerate(datasets, start=1):
        report.merge(deidentify(ds, uid_map=uid_map, date_shift_days=date_shift_days))
        invert = str(ds.get("PhotometricInterpretation", "")) == "MONOCHROME1"
        try:
            frames = modality_frames(ds)
        except DicomInputError as error:
            raise DicomInputError(f"'{names[id(ds)]}': {error}") from None
        for frame in frames:
            image = to_png(frame, preset, invert=invert)
            pngs.append((png_bytes(image), positions[i - 1]))
        progress(i, total, "de-identify and render")
    key = len(pngs) // 2 if key_index is None else key_index
    if not 0 <= key < len(pngs):
        raise DicomInputError(f"The key slice must be between 1 and {len(pngs)}.")

    stack_report = {
        **report.as_dict(),
        "files_read": len(loaded),
        "slices": len(pngs),
        "window": PRESET_LABELS[preset],
        "burned_in_risk_confirmed_clean": risks,
        "original_dicom_stored": False,
    }
    written: list[AtlasImage] = []
    try:
        with transaction.atomic():
            result = _store(
                title=title,
                slug=slug or _unique_slug(ImageStack, slugify(title)),
                modality=modality,
                plane=plane,
                preset=preset,
                pngs=pngs,
                key=key,
                report=stack_report,
                source_description=source_description
                or f"De-identified import of {len(loaded)} DICOM file(s)",
                written=written,
                progress=progress,
                user=user,
            )
    except Exception:
        for image in written:  # the rows rolled back; the files on storage do not
            image.file.storage.delete(image.file.name)
        raise
    result.warnings = warnings
    return result


def _store(
    *, title, slug, modality, plane, preset, pngs, key, report, source_description, written, progress, user
):
    count = len(pngs)
    stack = ImageStack(
        title=title,
        slug=slug,
        modality=modality,
        plane=plane,
        window=PRESET_LABELS[preset],
        source_description=source_description,
        deidentification_report=report,
        live=False,
    )
    stack.full_clean()
    stack.save()
    for index, (data, position) in enumerate(pngs):
        image = AtlasImage(
            title=f"{title} · slice {index + 1}/{count}",
            credit=IMPORT_CREDIT,
            is_schematic=False,
            is_deidentified=True,
        )
        image.file = ImageFile(BytesIO(data), name=f"{slug}-{index + 1:03d}.png")
        image.save()
        written.append(image)
        StackSlice.objects.create(stack=stack, index=index, image=image, position_mm=position)
        progress(index + 1, count, "store")
    figure = Figure(
        title=f"{title} (key slice)",
        slug=_unique_slug(Figure, f"{slug}-key"),
        image=written[key],
        modality=modality,
        plane=plane,
        sequence=PRESET_LABELS[preset],
        caption=f"Key slice {key + 1} of {count} from the stack '{title}'.",
        alt_text=f"{modality.abbreviation or modality.name} {plane} slice {key + 1} of {count}, "
        f"{PRESET_LABELS[preset].lower()}.",
        annotations=[],
        live=False,
    )
    figure.full_clean()
    figure.save()
    figure.save_revision(user=user)
    stack.key_figure = figure
    stack.save(update_fields=["key_figure"])
    stack.save_revision(user=user)
    return ImportResult(stack=stack, figure=figure, slice_count=count, report=report)
