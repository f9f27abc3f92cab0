"""Admin: the taxonomy, scenarios and figures as snippets, grouped under one menu.

The listings search each model's indexed ``search_fields``: a viewset's own ``search_fields`` limit makes
Wagtail's SQLite backend query a column that its index table does not have ("no such column: caption").
"""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import ClinicalScenario, Complication, Figure, Modality, Surgery


class SurgeryViewSet(SnippetViewSet):
    model = Surgery
    icon = "pick"
    list_display = ["name", "short_name"]


class ComplicationViewSet(SnippetViewSet):
    model = Complication
    icon = "warning"
    list_display = ["name", "category", "urgency", "timing_note"]
    list_filter = ["category", "urgency"]


class ModalityViewSet(SnippetViewSet):
    model = Modality
    icon = "view"
    list_display = ["name", "abbreviation", "radiation_level", "cost_tier"]


class ClinicalScenarioViewSet(SnippetViewSet):
    model = ClinicalScenario
    icon = "clipboard-list"
    list_display = ["code", "title", "urgency"]
    list_filter = ["urgency"]


class FigureViewSet(SnippetViewSet):
    model = Figure
    icon = "image"
    list_display = ["title", "modality", "plane", "days_since_surgery"]
    list_filter = ["modality", "plane"]


class AtlasViewSetGroup(SnippetViewSetGroup):
    menu_label = "Atlas"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (FigureViewSet, ClinicalScenarioViewSet, ComplicationViewSet, SurgeryViewSet, ModalityViewSet)


register_snippet(AtlasViewSetGroup)


@hooks.register("register_admin_urls")
def register_annotation_editor_urls():
    return [
        path(
            "atlas/image-info/<int:image_id>/",
            admin_views.figure_image_info,
            name="atlas_figure_image_info",
        )
    ]
