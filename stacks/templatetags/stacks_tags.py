from django import template

register = template.Library()


@register.inclusion_tag("stacks/includes/stack_viewer.html")
def stack_viewer(stack, start=None):
    """The slice viewer for a stack; start is the 1-based slice to show first (the key slice by default).

    A stack that is not live (a draft waiting for peer review) renders nothing: readers see approved stacks only.
    """
    if not stack.live:
        return {"hidden": True}
    slices = stack.ordered_slices
    count = len(slices)
    key_image_id = stack.key_figure.image_id if stack.key_figure_id else None
    default = next((s.index for s in slices if s.image_id == key_image_id), count // 2)
    try:
        current = min(max(int(start) - 1, 0), count - 1) if start else default
    except (TypeError, ValueError):
        current = default
    return {
        "stack": stack,
        "slices": slices,
        "current": slices[current] if slices else None,
        "number": current + 1,
        "count": count,
        "urls": [s.image.file.url for s in slices],
        "script_id": f"stack-urls-{stack.slug}",
        "previous_number": current if current > 0 else None,
        "next_number": current + 2 if current + 1 < count else None,
    }
