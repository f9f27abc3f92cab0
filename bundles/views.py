"""Admin views: download a bundle, upload one and read the report. Wagtail checks admin access for these URLs."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from .export import EXPORTABLE_PAGE_TYPES, bundle_export, published_pages
from .forms import BundleUploadForm
from .importer import bundle_import
from .permissions import can_export, can_export_page, can_import
from .validation import BundleError

TEMPLATE = "bundles/bundles.html"


@require_GET
def bundle_index(request):
    if not (can_export(request.user) or can_import(request.user)):
        raise PermissionDenied
    return render(request, TEMPLATE, {"form": BundleUploadForm()})


@require_GET
def bundle_download(request):
    """Export one page (?page=) or everything published the user may edit; drafts and answer keys by choice."""
    if not can_export(request.user):
        raise PermissionDenied
    choices = {name: request.GET.get(name) == "on" for name in ("include_drafts", "include_answer_keys")}
    page = None
    if "page" in request.GET:
        page = get_object_or_404(Page, pk=_int_or_404(request.GET["page"])).specific
        if not isinstance(page, EXPORTABLE_PAGE_TYPES):
            return HttpResponseBadRequest("Only atlas entries, quiz modules and quiz cases can be exported.")
        if not can_export_page(request.user, page):
            raise PermissionDenied
        pages = [page]
    else:
        everything = published_pages(include_answer_keys=choices["include_answer_keys"])
        pages = [p for p in everything if can_export_page(request.user, p)]
    try:
        data = bundle_export(pages=pages, **choices)
    except BundleError as error:
        context = {
            "form": BundleUploadForm(),
            "export_page": page,
            "export_problems": error.problems,
            **choices,
        }
        return render(request, TEMPLATE, context, status=400)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="{page.slug if page else "spine-postop-atlas"}-bundle.zip"'
    )
    return response


@require_POST
def bundle_upload(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = BundleUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            report = bundle_import(data=form.cleaned_data["bundle"].read())
        except BundleError as error:
            form.add_error("bundle", list(error.problems))
        else:
            return render(request, TEMPLATE, {"form": BundleUploadForm(), "report": report})
    return render(request, TEMPLATE, {"form": form}, status=400)


def _int_or_404(value: str) -> int:
    if not (value.isascii() and value.isdigit()):
        raise Http404
    return int(value)
