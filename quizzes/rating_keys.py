"""The workup key of a case: the atlas's modalities and a scenario's ratings, a case's overrides replacing them.

Reads atlas rows only, never quiz models, so that selectors and the case's admin form (which models.py names as
its base form) share it without an import circle.
"""

from __future__ import annotations

from collections import defaultdict

from atlas.models import Modality, ScenarioRating

from .workup import RatingKey


def modality_contains(modalities: list[Modality]) -> dict[str, frozenset[str]]:
    """Slug -> slugs it includes (one query), read from the modality data, never per case."""
    by_id = {m.id: m.slug for m in modalities}
    contains: dict[str, set[str]] = defaultdict(set)
    for from_id, to_id in Modality.contains.through.objects.values_list("from_modality_id", "to_modality_id"):
        if from_id in by_id and to_id in by_id:
            contains[by_id[from_id]].add(by_id[to_id])
    return {slug: frozenset(slugs) for slug, slugs in contains.items()}


def workup_key(
    modalities: list[Modality], rows: list[ScenarioRating], overrides: dict
) -> dict[str, RatingKey]:
    """Modality slug -> RatingKey: the scenario's rows, a case's overrides replacing their ratings."""
    ratings: dict[str, RatingKey] = {}
    for m in modalities:
        row = next((r for r in rows if r.modality_id == m.id), None)
        source = overrides.get(m.id) or row
        if source is None:
            # A modality the scenario does not rate: no role in it.
            ratings[m.slug] = RatingKey(m.name, 1, 1, 1, m.radiation_level)
            continue
        ratings[m.slug] = RatingKey(
            m.name,
            source.rating,
            source.acceptable_low,
            source.acceptable_high,
            m.radiation_level,
            ideal=bool(row and row.ideal_position),
            group=row.first_line_group if row else None,
            credit=row.first_line_credit if row else 100,
            condition=row.condition if row else "",
            invasive=m.is_invasive,
        )
    return ratings
