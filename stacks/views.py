"""HTTP for stacks: the public stack page and the admin DICOM import."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.auth import permission_required

from .forms import DicomImportForm
from .selectors import public_stacks
from .tasks import import_dicom_task


def stack_detail(request, slug):
    """Only an approved stack whose approved key figure a live atlas entry shows (faculty preview in the admin)."""
    stack = get_object_or_404(
        public_stacks().select_related("modality", "key_figure").prefetch_related("slices__image"), slug=slug
    )
    if not stack.ordered_slices:
        raise Http404("This stack has no slices.")
    return TemplateResponse(
        request, "stacks/image_stack.html", {"stack": stack, "start": request.GET.get("slice")}
    )


def _stash(upload) -> Path:
    """Keep the upload in a private temporary folder (never media storage) until the task has read it."""
    folder = Path(tempfile.mkdtemp(prefix="dicom-import-"))
    suffix = ".zip" if upload.name.lower().endswith(".zip") else ".dcm"
    path = folder / f"upload{suffix}"
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


@permission_required("atlas.add_figure")
def import_dicom(request):
    form = DicomImportForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = import_dicom_task.enqueue(
            path=str(_stash(data["file"])),
            title=data["title"],
            preset=data["preset"] or None,
            confirm_clean_pixels=data["confirm_clean_pixels"],
            key_index=data["key_slice"] - 1 if data["key_slice"] else None,
            remove_source=True,
            user_id=request.user.pk,
        )
        if not result.is_finished:
            return redirect("stacks_admin:import_status", result.id)
        outcome = result.return_value
        if outcome["ok"]:
            messages.success(
                request,
                f"Imported {outcome['slices']} de-identified slice(s) as a draft: submit the stack and its key "
                "figure for peer review.",
            )
        else:
            form.add_error(
                "confirm_clean_pixels" if outcome["needs_confirmation"] else "file", outcome["error"]
            )
    return TemplateResponse(request, "stacks/admin/import_dicom.html", {"form": form, "outcome": outcome})


@permission_required("atlas.add_figure")
def import_status(request, result_id):
    """Where a queued import reports progress (only with a backend that can fetch results, e.g. the DB)."""
    try:
        result = import_dicom_task.get_result(result_id)
    except Exception:  # noqa: BLE001 - unknown ids and backends without results look the same to the user
        raise Http404("No such import.") from None
    outcome = result.return_value if result.is_finished and result.status == "SUCCESSFUL" else None
    return TemplateResponse(
        request,
        "stacks/admin/import_dicom.html",
        {
            "form": None,
            "outcome": outcome,
            "status": result.status,
            "refresh_url": reverse("stacks_admin:import_status", args=[result_id]),
        },
    )
