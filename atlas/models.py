"""The atlas: taxonomy snippets, clinical scenarios (the workup key), figures with annotations, entry pages."""

from __future__ import annotations

import os
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from imaging.annotations import AnnotationError, svg_geometry, validate_annotations
from pages_common.credits import page_credits
from pages_common.handlers import page_handler

from . import timing
from .blocks import ModalityFindingsBlock
from .widgets import AnnotationEditorWidget


class Urgency(models.TextChoices):
    EMERGENCY = "emergency", "Emergency (imaging within hours)"
    URGENT = "urgent", "Urgent (within 24–72 h)"
    NON_URGENT = "non_urgent", "Non-urgent (elective work-up)"


# Images -------------------------------------------------------------------------------------------


class AtlasImage(AbstractImage):
    """Every image of the atlas: provenance travels with the pixels."""

    credit = models.CharField(max_length=255, blank=True, help_text="Who made or provided the image.")
    licence = models.CharField(max_length=120, blank=True, help_text="For example CC BY 4.0.")
    is_schematic = models.BooleanField(
        default=False, help_text="A drawing made for teaching, not an image of a patient."
    )
    is_deidentified = models.BooleanField(
        default=False,
        help_text="Confirm that names, dates, IDs and burned-in text have been removed from a patient image.",
    )

    admin_form_fields = Image.admin_form_fields + ("credit", "licence", "is_schematic", "is_deidentified")

    class Meta(AbstractImage.Meta):
        permissions = [("choose_image", "Can choose image")]

    def get_upload_to(self, filename):
        # Random file names: an uploaded name ("haematoma-axial.png") would give a quiz answer away in the
        # image URLs, and a patient image's name can carry identifiers. Renditions derive their names from it.
        extension = os.path.splitext(filename)[1].lower()[:8]
        return super().get_upload_to(f"{uuid.uuid4().hex}{extension}")


class AtlasRendition(AbstractRendition):
    image = models.ForeignKey(AtlasImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# Taxonomy snippets ------------------------------------------------------------------------------


class Surgery(index.Indexed, models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    short_name = models.CharField(max_length=40, help_text="Used in table headings, e.g. 'Discectomy'.")
    description = models.TextField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("short_name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "surgeries"

    def __str__(self):
        return self.name


class Complication(index.Indexed, models.Model):
    class Category(models.TextChoices):
        HAEMORRHAGE = "haemorrhage", "Haemorrhage"
        NEUROLOGICAL = "neurological", "Neurological"
        CSF_AND_FLUID = "csf-and-fluid", "CSF and fluid collections"
        INFECTION = "infection", "Infection"
        HARDWARE = "hardware", "Hardware"
        FUSION = "fusion", "Fusion"
        DEGENERATIVE = "degenerative-mechanical", "Degenerative and mechanical"
        VASCULAR = "vascular-thrombotic", "Vascular and thrombotic"
        FRACTURE = "fracture", "Fracture"
        TECHNICAL = "technical-failure", "Technical failure"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    category = models.CharField(max_length=40, choices=Category.choices)
    urgency = models.CharField(max_length=20, choices=Urgency.choices)
    onset_min_days = models.PositiveIntegerField(
        default=0, help_text="Earliest typical onset, in days after surgery (0 = day of surgery)."
    )
    onset_max_days = models.PositiveIntegerField(
        null=True, blank=True, help_text="Latest typical onset in days; leave empty for 'years later'."
    )
    timing_note = models.CharField(
        max_length=200, blank=True, help_text="Timing in words, as the brief says."
    )
    summary = models.CharField(max_length=300)
    surgeries = models.ManyToManyField(Surgery, blank=True, related_name="complications")
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("urgency")]),
        FieldRowPanel([FieldPanel("onset_min_days"), FieldPanel("onset_max_days")], heading="Typical onset"),
        FieldPanel("timing_note"),
        FieldPanel("summary"),
        FieldPanel("surgeries"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("summary"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.onset_max_days is not None and self.onset_max_days < self.onset_min_days:
            raise ValidationError({"onset_max_days": "The latest onset cannot come before the earliest."})

    @property
    def timing_windows(self) -> list[timing.TimingWindow]:
        return timing.windows_overlapping(self.onset_min_days, self.onset_max_days)


class Modality(models.Model):
    class Category(models.TextChoices):
        RADIOGRAPHY = "radiography", "Radiography"
        CT = "ct", "CT"
        MRI = "mri", "MRI"
        NUCLEAR = "nuclear", "Nuclear medicine"
        ULTRASOUND = "ultrasound", "Ultrasound"
        PROCEDURE = "procedure", "Image-guided procedure"

    RADIATION_SYMBOLS = {0: "None", 1: "☢", 2: "☢☢", 3: "☢☢☢", 4: "☢☢☢☢", 5: "☢☢☢☢☢"}

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    abbreviation = models.CharField(max_length=20)
    category = models.CharField(max_length=20, choices=Category.choices)
    radiation_level = models.PositiveSmallIntegerField(
        validators=[MaxValueValidator(5)],
        help_text="ACR relative radiation level: 0 none, 3 = 1–10 mSv, 4 = 10–30 mSv (adult effective dose).",
    )
    radiation_note = models.CharField(max_length=80, blank=True, help_text="Typical dose, e.g. '~5–10 mSv'.")
    cost_tier = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)], help_text="1 ($) to 4 ($$$$)."
    )
    description = models.CharField(max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    is_invasive = models.BooleanField(
        default=False,
        help_text="A needle or intrathecal contrast (CT myelography, aspiration or biopsy, a guided injection): "
        "ordered before it is needed, it costs more than its radiation.",
    )
    contains = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="contained_in",
        help_text="Examinations this one includes: MRI without and with gadolinium includes MRI without "
        "contrast. Said once here, honoured by every workup key.",
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "modalities"

    def __str__(self):
        return self.name

    @property
    def radiation_symbol(self) -> str:
        return self.RADIATION_SYMBOLS.get(self.radiation_level, "?")

    @property
    def cost_symbol(self) -> str:
        return "$" * self.cost_tier


# Clinical scenarios: the single source of truth for "how to image it" ---------------------------------


class ClinicalScenario(index.Indexed, ClusterableModel):
    code = models.CharField(max_length=10, blank=True, help_text="Reference in the domain brief, e.g. C.1.")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    presentation = models.TextField(help_text="The clinical question as a referrer would ask it.")
    timing = models.CharField(max_length=120)
    days_since_surgery = models.PositiveIntegerField(null=True, blank=True)
    urgency = models.CharField(max_length=20, choices=Urgency.choices)
    surgeries = ParentalManyToManyField(Surgery, blank=True, related_name="scenarios")
    most_likely = models.ForeignKey(
        Complication, null=True, blank=True, on_delete=models.SET_NULL, related_name="scenarios_most_likely"
    )
    also_considered = ParentalManyToManyField(Complication, blank=True, related_name="scenarios_considered")
    other_diagnoses_text = models.TextField(blank=True)
    ideal_order_text = models.TextField(blank=True, help_text="The recommended sequence, in words.")
    radiation_note = models.CharField(max_length=200, blank=True)
    guideline_note = models.TextField(
        blank=True, help_text="Where guidelines or sources differ; shown with the table and in quiz feedback."
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("presentation"),
        FieldRowPanel([FieldPanel("timing"), FieldPanel("days_since_surgery"), FieldPanel("urgency")]),
        FieldPanel("surgeries"),
        MultiFieldPanel(
            [FieldPanel("most_likely"), FieldPanel("also_considered"), FieldPanel("other_diagnoses_text")],
            heading="Diagnoses",
        ),
        InlinePanel("ratings", heading="Appropriateness ratings (1–9)", label="Rating"),
        FieldPanel("ideal_order_text"),
        FieldPanel("radiation_note"),
        FieldPanel("guideline_note"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("presentation")]

    class Meta:
        ordering = ["code", "title"]

    def __str__(self):
        return f"{self.code} {self.title}".strip()

    @cached_property
    def ratings_by_appropriateness(self) -> list[ScenarioRating]:
        return sorted(self.ratings.all(), key=lambda r: (-r.rating, r.modality.sort_order))

    @cached_property
    def ideal_sequence(self) -> list[ScenarioRating]:
        return sorted((r for r in self.ratings.all() if r.ideal_position), key=lambda r: r.ideal_position)


class ScenarioRating(Orderable):
    scenario = ParentalKey(ClinicalScenario, on_delete=models.CASCADE, related_name="ratings")
    modality = models.ForeignKey(Modality, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(9)])
    acceptable_low = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text="Lowest rating sources support (same as the rating when they agree).",
    )
    acceptable_high = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    reason = models.CharField(max_length=300)
    ideal_position = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 for the first examination of the ideal order, 2 for the next…"
    )
    first_line_group = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="First-line step number. Examinations sharing a number are interchangeable (any one meets "
        "the step: 'MRI or CT'). Empty: not first-line.",
    )
    first_line_credit = models.PositiveSmallIntegerField(
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Share of its step's credit this examination earns (100 = fully interchangeable).",
    )
    condition = models.CharField(
        max_length=200,
        blank=True,
        help_text="A conditional next step: when to order it, e.g. 'if CT is equivocal'. Taught in the "
        "feedback, never counted as missing.",
    )

    panels = [
        FieldPanel("modality"),
        FieldRowPanel([FieldPanel("rating"), FieldPanel("acceptable_low"), FieldPanel("acceptable_high")]),
        FieldPanel("reason"),
        FieldRowPanel([FieldPanel("first_line_group"), FieldPanel("first_line_credit")]),
        FieldPanel("condition"),
        FieldPanel("ideal_position"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "modality"], name="one_rating_per_modality_per_scenario"
            )
        ]

    def clean(self):
        if self.acceptable_low is None:
            self.acceptable_low = self.rating
        if self.acceptable_high is None:
            self.acceptable_high = self.rating
        if self.rating and not (self.acceptable_low <= self.rating <= self.acceptable_high):
            raise ValidationError("The accepted range must include the rating (low ≤ rating ≤ high).")
        if self.first_line_group is not None and self.condition:
            raise ValidationError(
                {"condition": "A first-line examination cannot also be a conditional next step."}
            )
        if self.first_line_group is not None and self.acceptable_high and self.acceptable_high < 4:
            raise ValidationError(
                {"first_line_group": "An examination rated usually not appropriate cannot be first-line."}
            )

    @property
    def category(self) -> str:
        if self.rating >= 7:
            return "Usually appropriate"
        if self.rating >= 4:
            return "May be appropriate"
        return "Usually not appropriate"

    @property
    def sources_differ(self) -> bool:
        return self.acceptable_low != self.acceptable_high


# Figures ----------------------------------------------------------------------------------------


class FigureAdminForm(WagtailAdminModelForm):
    """Keeps the chosen complications with the revision: Wagtail does not save a live figure's row on edit."""

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if "complications" in self.cleaned_data:
            instance.pending_complication_ids = sorted(c.pk for c in self.cleaned_data["complications"])
        return instance


class Figure(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """An image with its annotations; faculty save drafts, a reviewer's approval makes a version live.

    The row holds the live (approved) version once a figure has been published: edits wait in revisions
    until the workflow approves them, so readers that filter ``live=True`` read approved content only.
    """

    class Plane(models.TextChoices):
        SAGITTAL = "sagittal", "Sagittal"
        AXIAL = "axial", "Axial"
        CORONAL = "coronal", "Coronal"
        FRONTAL = "frontal", "Frontal (AP)"
        LATERAL = "lateral", "Lateral"
        OTHER = "other", "Other"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    image = models.ForeignKey(AtlasImage, on_delete=models.PROTECT, related_name="figures")
    modality = models.ForeignKey(Modality, on_delete=models.PROTECT, related_name="figures")
    plane = models.CharField(max_length=20, choices=Plane.choices)
    sequence = models.CharField(max_length=80, blank=True, help_text="MRI sequence or CT window, e.g. 'T2'.")
    days_since_surgery = models.PositiveIntegerField(null=True, blank=True)
    surgery = models.ForeignKey(
        Surgery, null=True, blank=True, on_delete=models.SET_NULL, related_name="figures"
    )
    complications = models.ManyToManyField(Complication, blank=True, related_name="figures")
    caption = models.TextField()
    alt_text = models.CharField(
        max_length=250, help_text="What the image shows, for someone who cannot see it (required)."
    )
    annotations = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "A list of shapes in coordinates 0..1 from the image's top-left: "
            '{"id": "haematoma", "kind": "ellipse", "label": "Epidural haematoma", "note": "", '
            '"center": [0.5, 0.4], "radius": [0.1, 0.05]}; arrows use "from" and "to", polygons "points", '
            'points "at".'
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = FigureAdminForm
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("modality"), FieldPanel("plane"), FieldPanel("sequence")]),
        FieldRowPanel([FieldPanel("days_since_surgery"), FieldPanel("surgery")]),
        FieldPanel("complications"),
        FieldPanel("caption"),
        FieldPanel("alt_text"),
        FieldPanel("annotations", widget=AnnotationEditorWidget),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("caption"),
        index.SearchField("alt_text"),
        index.AutocompleteField("title"),
        # The admin listing searches by autocomplete: faculty find a figure by a word of its caption too.
        index.AutocompleteField("caption"),
        index.FilterField("modality_id"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        if not (self.alt_text or "").strip():
            raise ValidationError({"alt_text": "Describe the image for readers who cannot see it."})
        try:
            self.annotations = validate_annotations(self.annotations)
        except AnnotationError as error:
            raise ValidationError({"annotations": error.problems}) from error
        if self.pk and (missing := self.annotations_live_cases_need()):
            raise ValidationError({"annotations": [f"Live case “{c}” points at “{i}”." for c, i in missing]})

    def annotations_live_cases_need(self) -> list[tuple[str, str]]:
        """(case title, annotation id) pairs that live quiz cases target on this figure but it lacks."""
        from django.apps import apps

        case_model = apps.get_model("quizzes", "QuizCasePage")
        ids = {s.get("id") for s in self.annotations or [] if isinstance(s, dict)}
        missing = []
        for title, target, others in (
            case_model.objects.live()
            .filter(target_figure_id=self.pk)
            .values_list("title", "target_annotation_id", "other_region_ids")
        ):
            wanted = [target, *(part.strip() for part in (others or "").split(",") if part.strip())]
            missing += [(title, shape_id) for shape_id in wanted if shape_id not in ids]
        return missing

    # Complications are a plain many-to-many (saved at once by forms and code); a revision carries their ids
    # and publishing one applies them, so a live figure's tags change only with an approved version.
    def serializable_data(self):
        data = super().serializable_data()
        pending = getattr(self, "pending_complication_ids", None)
        if pending is None:
            pending = sorted(self.complications.values_list("pk", flat=True)) if self.pk else []
        data["complications"] = list(pending)
        return data

    @classmethod
    def from_serializable_data(cls, data, check_fks=True, strict_fks=False):
        data = dict(data)
        complication_ids = data.pop("complications", None)
        obj = super().from_serializable_data(data, check_fks=check_fks, strict_fks=strict_fks)
        if obj is not None and complication_ids is not None:
            obj.pending_complication_ids = complication_ids
        return obj

    def publish(self, revision, *args, **kwargs):
        missing = revision.as_object().annotations_live_cases_need()
        if missing:
            from wagtail.actions.publish_revision import PublishPermissionError

            raise PublishPermissionError(
                "Not published: live cases point at annotations this version lacks: "
                + ", ".join(f"“{i}” ({c})" for c, i in missing)
            )
        result = super().publish(revision, *args, **kwargs)
        self.refresh_from_db(fields=["live_revision"])
        if self.live_revision_id == revision.pk and "complications" in revision.content:
            self.complications.set(revision.content["complications"])
        return result

    @property
    def timing_window(self) -> timing.TimingWindow | None:
        return timing.window_for_days(self.days_since_surgery)

    @property
    def days_in_words(self) -> str:
        return timing.describe_days(self.days_since_surgery)

    def overlay_shapes(self) -> list[dict]:
        """Shapes with SVG numbers in the original image's pixel space (the overlay's viewBox)."""
        width, height = self.image.width, self.image.height
        return [
            {**shape, "svg": svg_geometry(shape, width, height)}
            for shape in self.annotations or []
            if isinstance(shape, dict) and shape.get("kind")
        ]


# Atlas pages --------------------------------------------------------------------------------------


def figures_for_display():
    """Live (approved) figures with everything a card or reader needs, in a fixed number of queries."""
    return (
        Figure.objects.filter(live=True)
        .select_related("image", "modality", "surgery")
        .prefetch_related("complications", "image__renditions")
    )


class AtlasIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["atlas.AtlasEntryPage"]
    parent_page_types = ["core.HomePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The matrix and the groups are selectors (atlas_index_context), registered in apps.py.
        context.update(page_handler(self, "context")(self, request))
        return context


class AtlasEntryPage(Page):
    class Kind(models.TextChoices):
        COMPLICATION = "complication", "Complication"
        NORMAL = "normal", "Normal postoperative appearance"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COMPLICATION)
    complication = models.ForeignKey(
        Complication,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="atlas_entries",
        help_text="Leave empty for a normal postoperative appearance.",
    )
    surgeries = ParentalManyToManyField(Surgery, blank=True, related_name="atlas_entries")
    summary = models.TextField(help_text="One or two sentences shown in lists and search results.")
    timing = models.CharField(max_length=200, blank=True)
    urgency = models.CharField(max_length=20, choices=Urgency.choices, blank=True)
    presentation = RichTextField(blank=True, help_text="Clinical presentation.")
    red_flags = RichTextField(blank=True)
    findings_by_modality = StreamField([("findings", ModalityFindingsBlock())], blank=True)
    pitfalls = RichTextField(blank=True)
    differentials = RichTextField(blank=True)
    references = RichTextField(blank=True)
    scenarios = ParentalManyToManyField(ClinicalScenario, blank=True, related_name="atlas_entries")

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("complication")]),
        FieldPanel("surgeries"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("timing"), FieldPanel("urgency")]),
        FieldPanel("presentation"),
        FieldPanel("red_flags"),
        FieldPanel("findings_by_modality"),
        FieldPanel("pitfalls"),
        FieldPanel("differentials"),
        FieldPanel("scenarios"),
        InlinePanel("entry_figures", heading="Figures", label="Figure"),
        FieldPanel("references"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("presentation"),
        index.SearchField("pitfalls"),
        index.SearchField("differentials"),
        index.RelatedFields("complication", [index.SearchField("name")]),
    ]
    parent_page_types = ["atlas.AtlasIndexPage"]
    subpage_types: list[str] = []
    template = "atlas/atlas_entry_page.html"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.COMPLICATION and not self.complication_id:
            raise ValidationError({"complication": "Choose the complication this entry describes."})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = [
            link.figure
            for link in self.entry_figures.select_related(None).prefetch_related(
                Prefetch(
                    "figure",
                    queryset=figures_for_display().prefetch_related(
                        "stacks__slices__image", "stacks__key_figure"
                    ),
                )
            )
        ]
        context["scenarios"] = self.scenarios.select_related("most_likely").prefetch_related(
            Prefetch("ratings", queryset=ScenarioRating.objects.select_related("modality"))
        )
        context["surgery_list"] = list(self.surgeries.all())
        context["credits"] = page_credits(self)
        return context


class AtlasEntryFigure(Orderable):
    page = ParentalKey(AtlasEntryPage, on_delete=models.CASCADE, related_name="entry_figures")
    figure = models.ForeignKey(Figure, on_delete=models.PROTECT, related_name="entry_links")

    panels = [FieldPanel("figure")]
