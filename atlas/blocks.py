"""StreamField blocks of the atlas."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ModalityFindingsBlock(blocks.StructBlock):
    modality = SnippetChooserBlock("atlas.Modality", help_text="The examination these findings are seen on.")
    findings = blocks.RichTextBlock(
        features=["bold", "italic", "ul", "link"], help_text="What the reader sees."
    )

    class Meta:
        icon = "view"
        label = "Findings on one modality"
        template = "blocks/modality_findings_block.html"
