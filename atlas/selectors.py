"""Reads used by several atlas views, each in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q

from . import timing
from .facets import FacetSelection
from .models import (
    AtlasEntryFigure,
    AtlasEntryPage,
    Complication,
    Figure,
    Modality,
    Surgery,
    Urgency,
    figures_for_display,
)


@dataclass
class MatrixRow:
    complication: Complication
    entry: AtlasEntryPage | None
    cells: list[tuple[Surgery, int]]
    total: int


def atlas_matrix() -> dict:
    """Surgeries as columns, complications as rows, figure counts in the cells."""
    surgeries = list(Surgery.objects.all())
    complications = list(Complication.objects.all())
    counts: dict[tuple[int, int], int] = {}
    through = Figure.complications.through
    for surgery_id, complication_id, n in (
        through.objects.filter(figure__surgery__isnull=False)
        .values_list("figure__surgery_id", "complication_id")
        .annotate(n=Count("figure_id"))
        .order_by()
    ):
        counts[(surgery_id, complication_id)] = n
    entries = {
        e.complication_id: e
        for e in AtlasEntryPage.objects.live().filter(complication__isnull=False).order_by("-id")
    }
    rows = []
    for complication in complications:
        cells = [(s, counts.get((s.id, complication.id), 0)) for s in surgeries]
        rows.append(MatrixRow(complication, entries.get(complication.id), cells, sum(n for _, n in cells)))
    return {"surgeries": surgeries, "rows": rows}


def entries_by_category(index_page=None) -> list[tuple[str, list[AtlasEntryPage]]]:
    entries = AtlasEntryPage.objects.live().select_related("complication").order_by("title")
    if index_page is not None:
        entries = entries.child_of(index_page)
    groups: dict[str, list[AtlasEntryPage]] = defaultdict(list)
    labels = dict(Complication.Category.choices)
    for entry in entries:
        if entry.kind == AtlasEntryPage.Kind.NORMAL or not entry.complication:
            groups["Normal postoperative appearances"].append(entry)
        else:
            groups[labels.get(entry.complication.category, "Other")].append(entry)
    order = ["Normal postoperative appearances"] + [label for _, label in Complication.Category.choices]
    return [(label, groups[label]) for label in order if groups.get(label)]


def facet_options() -> dict[str, dict[str, str]]:
    return {
        "surgery": dict(Surgery.objects.values_list("slug", "short_name")),
        "complication": dict(Complication.objects.values_list("slug", "name")),
        "modality": dict(Modality.objects.values_list("slug", "name")),
        "timing": {w.slug: w.label for w in timing.TIMING_WINDOWS},
        "urgency": dict(Urgency.choices),
    }


def figure_cards():
    """Figures for cards that link to the live entry showing them."""
    return figures_for_display().prefetch_related(
        Prefetch(
            "entry_links",
            queryset=AtlasEntryFigure.objects.filter(page__live=True).select_related("page").order_by("id"),
            to_attr="live_entry_links",
        )
    )


def figures_matching(selection: FacetSelection):
    figures = figure_cards()
    if selection.values("surgery"):
        figures = figures.filter(surgery__slug__in=selection.values("surgery"))
    if selection.values("complication"):
        figures = figures.filter(
            id__in=Figure.objects.filter(complications__slug__in=selection.values("complication")).values(
                "id"
            )
        )
    if selection.values("modality"):
        figures = figures.filter(modality__slug__in=selection.values("modality"))
    if selection.values("timing"):
        in_any_window = Q()
        for slug in selection.values("timing"):
            window = timing.WINDOWS_BY_SLUG[slug]
            q = Q(days_since_surgery__gte=window.start_day)
            if window.end_day is not None:
                q &= Q(days_since_surgery__lt=window.end_day)
            in_any_window |= q
        figures = figures.filter(in_any_window)
    if selection.values("urgency"):
        figures = figures.filter(
            id__in=Figure.objects.filter(complications__urgency__in=selection.values("urgency")).values("id")
        )
    return figures.order_by("title", "id")
