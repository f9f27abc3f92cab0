"""Template tag for atlas pages: an entry's figures without those a quiz holds back from this viewer.

It belongs beside the atlas's own tags; it lives here only because the atlas's tags were out of this change's
reach. It knows no quiz: it asks the atlas's withholder registry.
"""

from django import template

from atlas.selectors import figures_visible

register = template.Library()


@register.simple_tag(takes_context=True)
def visible_figures(context, figures):
    request = context.get("request")
    return figures_visible(figures, request) if request is not None else []
