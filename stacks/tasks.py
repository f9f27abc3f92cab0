"""Background tasks: a long DICOM import runs on a worker when TASKS uses a queueing backend."""

from __future__ import annotations

import shutil
from pathlib import Path

from django.contrib.auth import get_user_model
from django.tasks import task

from imaging.dicom import DicomInputError

from .services import BurnedInRiskError, dicom_import


@task()
def import_dicom_task(
    *,
    path: str,
    title: str,
    preset: str | None = None,
    confirm_clean_pixels: bool = False,
    key_index: int | None = None,
    remove_source: bool = False,
    user_id: int | None = None,
) -> dict:
    """Run dicom_import on a path; returns a JSON summary (errors as messages, not exceptions)."""
    try:
        result = dicom_import(
            path_or_file=path,
            title=title,
            preset=preset,
            confirm_clean_pixels=confirm_clean_pixels,
            key_index=key_index,
            user=get_user_model().objects.filter(pk=user_id).first() if user_id else None,
        )
    except DicomInputError as error:
        return {"ok": False, "error": str(error), "needs_confirmation": isinstance(error, BurnedInRiskError)}
    finally:
        if remove_source:
            # Uploads wait in a private temporary folder, never in media storage.
            shutil.rmtree(Path(path).parent, ignore_errors=True)
    return {
        "ok": True,
        "stack_slug": result.stack.slug,
        "stack_id": result.stack.pk,
        "figure_id": result.figure.pk,
        "slices": result.slice_count,
        "report": result.report,
        "warnings": result.warnings,
    }
