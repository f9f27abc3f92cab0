"""Reads used by several atlas views, each in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
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

# Apps that hold figures back from public atlas pages for a request (quizzes: a case's images until that
# learner's feedback) register a callable(request) -> figure ids here; the atlas imports none of them.
_withholders: list[Callable] = []


def figure_withholder_register(withholder: Callable) -> None:
    if withholder not in _withholders:
        _withholders.append(withholder)


def figures_withheld(request) -> set[int]:
    withheld: set[int] = set()
    for withholder in _withholders:
        withheld |= set(withholder(request))
    return withheld


def figures_visible(figures, request) -> list:
    """An entry's figures without those held back from this request."""
    withheld = figures_withheld(request)
    return [f for f in figures if f.pk not in withheld]


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
        through.objects.filter(figure__live=True, figure__surgery__isnull=False)
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


def atlas_index_context(page, request) -> dict:
    """The atlas index page's matrix and its entries grouped by category."""
    return {"matrix": atlas_matrix(), "entry_groups": entries_by_category(page)}


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


def figure_cards(withheld=()):
    """Figures of live entries for cards that link to the entry, without those held back (`withheld` ids).

    A figure no live entry shows (one made for a quiz case, a draft's) is on no public atlas page.
    """
    on_live_entries = AtlasEntryFigure.objects.filter(page__live=True).values("figure_id")
    figures = figures_for_display().filter(id__in=on_live_entries)
    if withheld:
        figures = figures.exclude(id__in=withheld)
    return figures.prefetch_related(
        Prefetch(
            "entry_links",
            queryset=AtlasEntryFigure.objects.filter(page__live=True).select_related("page").order_by("id"),
            to_attr="live_entry_links",
        )
    )


def figures_matching(selection: FacetSelection, withheld=()):
    figures = figure_cards(withheld)
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
