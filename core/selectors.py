"""Reads for the home page: what the atlas holds and what is due for this learner."""

from atlas.models import AtlasEntryPage, AtlasIndexPage, Figure
from learners.selectors import due_reviews


def home_context(page, request) -> dict:
    context = {
        "atlas_index": AtlasIndexPage.objects.live().first(),
        "entry_count": AtlasEntryPage.objects.live().count(),
        "figure_count": Figure.objects.count(),
    }
    if request.user.is_authenticated:
        context["due"] = due_reviews(request.user)
    return context
