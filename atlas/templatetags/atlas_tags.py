from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """Items of mapping[key] as (value, label) pairs, for facet option lists."""
    value = mapping.get(key, {}) if hasattr(mapping, "get") else {}
    return value.items() if hasattr(value, "items") else value


@register.filter
def facet_values(selection, facet):
    return selection.values(facet)


@register.filter
def lookup(posted, modality_slug):
    """The timing posted for a modality, to keep a form's answers when it comes back with an error."""
    return (posted or {}).get(f"timing-{modality_slug}", "")
