"""Admin: the DICOM import page and the list of image stacks."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .models import ImageStack


@hooks.register("register_admin_urls")
def register_stack_admin_urls():
    return [path("stacks/", include((admin_urls, "stacks_admin"), namespace="stacks_admin"))]


class ImportDicomMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("atlas.add_figure")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportDicomMenuItem(
        "Import DICOM", reverse("stacks_admin:import"), icon_name="upload", name="import-dicom", order=210
    )


class ImageStackViewSet(SnippetViewSet):
    model = ImageStack
    icon = "image"
    menu_label = "Image stacks"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["title", "modality", "plane", "created"]
    list_filter = ["modality", "plane"]


register_snippet(ImageStackViewSet)
