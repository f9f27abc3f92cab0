"""Admin widgets: the annotation editor that draws a figure's shapes over its image."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html


class AnnotationEditorWidget(forms.Textarea):
    """The annotations JSON in a textarea (what the form submits, and the no-JS fallback) plus a drawing editor.

    The editor reads the image chosen in the same form (the chooser's hidden input named `image_field`) and
    asks the admin for its original size, so the shapes are drawn in the reader's coordinate system.
    """

    def __init__(self, attrs=None, *, image_field: str = "image"):
        super().__init__({"rows": 8, "spellcheck": "false", **(attrs or {})})
        self.image_field = image_field

    class Media:
        css = {"all": ["css/annotation-editor.css"]}
        js = ["js/annotation-editor.js"]

    def render(self, name, value, attrs=None, renderer=None):
        textarea = super().render(name, value, attrs, renderer)
        # The panel starts open for readers without JavaScript; the script closes it.
        # Reversed with a placeholder id that the script swaps for the chosen image's id.
        info_url = reverse("atlas_figure_image_info", args=[0]).replace("/0/", "/{id}/")
        return format_html(
            '<div class="annotation-editor" data-annotation-editor data-image-field="{}" '
            'data-image-info-url="{}">'
            '<details class="annotation-editor__json" data-json-panel open>'
            "<summary>Shapes as JSON (edit by hand if you prefer)</summary>{}</details></div>",
            self.image_field,
            info_url,
            textarea,
        )
