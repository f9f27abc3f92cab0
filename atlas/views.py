"""Browse and search views of the atlas: thin, reads come from selectors."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers
from wagtail.search.backends import get_search_backend

from .facets import FACETS, parse_facets
from .models import AtlasEntryPage, Figure
from .search_query import MAX_QUERY_LENGTH, search_query_clean
from .selectors import facet_options, figure_cards, figures_matching, figures_withheld

PAGE_SIZE = 24


def _page_number(raw: str | None, notes: list[str]) -> int:
    if raw in (None, ""):
        return 1
    if not (raw.isascii() and raw.isdigit()) or not 0 < int(raw) < 10_000:
        notes.append(f"Ignored page “{raw[:20]}”: showing the first page.")
        return 1
    return int(raw)


@require_GET
@vary_on_headers("HX-Request")
def browse(request):
    options = facet_options()
    selection = parse_facets({f: request.GET.getlist(f) for f in request.GET}, options)
    notes = list(selection.ignored)
    paginator = Paginator(figures_matching(selection, figures_withheld(request)), PAGE_SIZE)
    number = _page_number(request.GET.get("page"), notes)
    if number > paginator.num_pages:
        notes.append("That page is past the end: showing the last page.")
        number = paginator.num_pages
    page = paginator.page(number)
    context = {
        "options": options,
        "facets": FACETS,
        "selection": selection,
        "notes": notes,
        "page_obj": page,
        "figures": list(page.object_list),
        "query_string": selection.query_string(),
    }
    # A history restore (htmx's cache missed on Back) needs the whole page, not the fragment.
    fragment = request.htmx and not request.htmx.history_restore_request
    template = "atlas/partials/figure-results.html" if fragment else "atlas/browse.html"
    return render(request, template, context)


@require_GET
@vary_on_headers("HX-Request")
def search(request):
    cleaned = search_query_clean(request.GET.get("q"))
    query = cleaned.text
    entries, figures = [], []
    if query:
        entries = list(AtlasEntryPage.objects.live().select_related("complication").search(query)[:20])
        figure_ids = [f.pk for f in get_search_backend().search(query, Figure)[:24]]
        by_id = figure_cards(figures_withheld(request)).in_bulk(figure_ids)
        figures = [by_id[i] for i in figure_ids if i in by_id]
    context = {
        "query": query,
        "max_length": MAX_QUERY_LENGTH,
        "entries": entries,
        "figures": figures,
        "notes": cleaned.notes,
    }
    fragment = request.htmx and not request.htmx.history_restore_request
    template = "atlas/partials/search-results.html" if fragment else "atlas/search.html"
    return render(request, template, context)
