"""Browse facets: parse a query string against the known options, keeping what is valid. Pure Python.

Facets combine with AND; several values of one facet combine with OR. Unknown or malformed values are
dropped and reported, never raised, so a hand-edited or stale URL still shows a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

FACETS = ("surgery", "complication", "modality", "timing", "urgency")
MAX_VALUES_PER_FACET = 30
MAX_VALUE_LENGTH = 80


@dataclass
class FacetSelection:
    selected: dict[str, list[str]] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    def values(self, facet: str) -> list[str]:
        return self.selected.get(facet, [])

    def is_empty(self) -> bool:
        return not any(self.selected.values())

    def query_string(self, **changes: list[str]) -> str:
        """The canonical query string for this selection, with some facets replaced."""
        merged = {**self.selected, **changes}
        pairs = [(facet, value) for facet in FACETS for value in merged.get(facet, [])]
        return urlencode(pairs)


def parse_facets(params: Mapping[str, list[str]], options: Mapping[str, Mapping[str, str]]) -> FacetSelection:
    """`params` maps a facet to its raw values (a QueryDict's lists); `options` maps a facet to {value: label}."""
    selection = FacetSelection()
    for facet in FACETS:
        raw_values = list(params.get(facet, []))[:MAX_VALUES_PER_FACET]
        known = options.get(facet, {})
        chosen: list[str] = []
        for raw in raw_values:
            value = (raw or "").strip()
            if not value:
                continue
            if len(value) > MAX_VALUE_LENGTH or value not in known:
                shown = value[:40] + ("…" if len(value) > 40 else "")
                selection.ignored.append(f"Ignored unknown {facet} “{shown}”.")
                continue
            if value not in chosen:
                chosen.append(value)
        if chosen:
            selection.selected[facet] = chosen
    unknown = sorted(set(params) - set(FACETS) - {"page", "q"})
    for name in unknown[:5]:
        selection.ignored.append(f"Ignored unknown filter “{name[:40]}”.")
    return selection
