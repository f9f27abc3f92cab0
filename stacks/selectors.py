"""Reads of image stacks that residents may see."""

from __future__ import annotations

from atlas.models import AtlasEntryFigure

from .models import ImageStack


def public_stacks():
    """Live stacks whose live key figure a live atlas entry shows: what /stacks/<slug>/ may serve."""
    on_live_entries = AtlasEntryFigure.objects.filter(page__live=True).values("figure_id")
    return ImageStack.objects.filter(live=True, key_figure__live=True, key_figure_id__in=on_live_entries)
