"""Image stacks: a de-identified series of slices (AtlasImages in order) with its key-image figure."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from atlas.models import AtlasImage, Figure, Modality


class ImageStack(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """Imported as a draft; public at /stacks/<slug>/ once approved and shown by a live atlas entry."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    modality = models.ForeignKey(Modality, on_delete=models.PROTECT, related_name="stacks")
    plane = models.CharField(max_length=20, choices=Figure.Plane.choices)
    window = models.CharField(
        max_length=80, blank=True, help_text="The window/level the slices were made with."
    )
    key_figure = models.ForeignKey(
        Figure,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stacks",
        help_text="The figure made from the key slice; its page can show the whole stack.",
    )
    source_description = models.CharField(
        max_length=300, blank=True, help_text="Where the series came from, without identifying details."
    )
    deidentification_report = models.JSONField(
        default=dict,
        blank=True,
        help_text="What the import removed or changed (attribute names, never values).",
    )
    created = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("modality"),
        FieldPanel("plane"),
        FieldPanel("key_figure"),
        FieldPanel("source_description"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stacks:detail", args=[self.slug])

    @cached_property
    def ordered_slices(self) -> list[StackSlice]:
        # Sorted in Python so that a prefetch of slices__image serves it without a query.
        return sorted(self.slices.all(), key=lambda s: s.index)


class StackSlice(models.Model):
    stack = models.ForeignKey(ImageStack, on_delete=models.CASCADE, related_name="slices")
    index = models.PositiveIntegerField(help_text="0 for the first slice along the slice normal.")
    image = models.ForeignKey(AtlasImage, on_delete=models.PROTECT, related_name="stack_slices")
    position_mm = models.FloatField(
        null=True, blank=True, help_text="Position along the slice normal, in mm."
    )

    class Meta:
        ordering = ["stack", "index"]
        constraints = [models.UniqueConstraint(fields=["stack", "index"], name="one_slice_per_index")]

    def __str__(self):
        return f"{self.stack} slice {self.index + 1}"
