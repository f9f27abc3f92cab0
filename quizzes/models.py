"""Quiz modules and cases (Wagtail pages), their answer keys, and learners' attempts."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from atlas.models import AtlasEntryPage, ClinicalScenario, Complication, Figure, Modality, Surgery
from pages_common.handlers import page_handler

from . import scoring
from .forms import QuizCaseForm
from .samples import SampleKind

NEXT_STEP_CHOICES = list(scoring.NEXT_STEPS.items())


class QuizIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["quizzes.QuizModulePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Selectors read this module: their builder is registered in apps.py and found at request time.
        context.update(page_handler(self, "context")(self, request))
        return context


class QuizModulePage(Page):
    aim = models.CharField(max_length=300, help_text="What a resident can do after this module.")
    intro = RichTextField(blank=True)
    is_open_sample = models.BooleanField(
        default=False,
        verbose_name="Open sample",
        help_text="Visitors who are not signed in may play this module's cases (keep it to one module: "
        "everywhere else the answer keys are for signed-in residents only).",
    )

    content_panels = Page.content_panels + [
        FieldPanel("aim"),
        FieldPanel("intro"),
        FieldPanel("is_open_sample"),
    ]
    parent_page_types = ["quizzes.QuizIndexPage"]
    subpage_types = ["quizzes.QuizCasePage"]
    search_fields = Page.search_fields + [index.SearchField("aim")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_handler(self, "context")(self, request))
        return context


class QuizCasePage(Page):
    """One clinical vignette; its answer key is everything below the vignette and never reaches the page early."""

    # Vignette
    patient_age = models.PositiveSmallIntegerField(validators=[MaxValueValidator(110)])
    patient_sex = models.CharField(max_length=10, choices=[("female", "Female"), ("male", "Male")])
    operation = models.CharField(
        max_length=200, help_text="As the referrer writes it, e.g. 'L4–L5 laminectomy'."
    )
    surgery = models.ForeignKey(Surgery, on_delete=models.PROTECT, related_name="quiz_cases")
    level = models.CharField(max_length=20, blank=True)
    days_since_surgery = models.PositiveIntegerField()
    symptoms = models.TextField()
    examination = models.TextField(help_text="Deficits, wound, temperature.")
    labs = models.TextField(blank=True, help_text="CRP, white cells, trend. Leave empty if not relevant.")

    # Workup key
    scenario = models.ForeignKey(ClinicalScenario, on_delete=models.PROTECT, related_name="quiz_cases")
    fallback_modality = models.ForeignKey(
        Modality,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Shown even if the learner did not order it, so that the interpretation can go on.",
    )
    fallback_note = models.CharField(
        max_length=200, default="The on-call surgeon requested this examination."
    )

    # Interpretation key
    target_figure = models.ForeignKey(Figure, on_delete=models.PROTECT, related_name="+")
    target_annotation_id = models.CharField(
        max_length=41, help_text="The id of the annotation on the lesion."
    )
    target_region_label = models.CharField(
        max_length=120,
        blank=True,
        help_text="A neutral name for the lesion's region in the keyboard list (never the diagnosis), "
        "e.g. 'Dorsal epidural space at L4–L5'. Empty: the list offers a 3 x 3 grid of the image instead.",
    )
    other_region_ids = models.CharField(
        max_length=300,
        blank=True,
        help_text="Comma-separated ids of anatomy annotations on the target figure, offered beside the lesion "
        "in the keyboard list (their labels must not name the diagnosis).",
    )
    pointing_tolerance = models.FloatField(
        default=0.04,
        validators=[MinValueValidator(0), MaxValueValidator(0.2)],
        help_text="Partial credit within this distance of the shape, as a fraction of the image width.",
    )
    next_step_answer = models.CharField(max_length=30, choices=NEXT_STEP_CHOICES)
    next_step_partial = models.CharField(max_length=30, choices=NEXT_STEP_CHOICES, blank=True)
    next_step_partial_credit = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(99)])
    next_step_explanation = models.CharField(max_length=300, blank=True)
    teaching_points = RichTextField()
    atlas_entries = ParentalManyToManyField(AtlasEntryPage, blank=True, related_name="quiz_cases")

    # Weights of the total (0 leaves a part out)
    weight_workup = models.PositiveSmallIntegerField(default=scoring.DEFAULT_WEIGHTS["workup"])
    weight_findings = models.PositiveSmallIntegerField(default=scoring.DEFAULT_WEIGHTS["findings"])
    weight_diagnosis = models.PositiveSmallIntegerField(default=scoring.DEFAULT_WEIGHTS["diagnosis"])
    weight_pointing = models.PositiveSmallIntegerField(default=scoring.DEFAULT_WEIGHTS["pointing"])
    weight_next_step = models.PositiveSmallIntegerField(default=scoring.DEFAULT_WEIGHTS["next_step"])
    weight_certainty = models.PositiveSmallIntegerField(default=scoring.DEFAULT_WEIGHTS["certainty"])

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("patient_age"), FieldPanel("patient_sex")]),
                FieldRowPanel([FieldPanel("operation"), FieldPanel("surgery"), FieldPanel("level")]),
                FieldPanel("days_since_surgery"),
                FieldPanel("symptoms"),
                FieldPanel("examination"),
                FieldPanel("labs"),
            ],
            heading="Vignette (what the learner sees)",
        ),
        MultiFieldPanel(
            [FieldPanel("scenario"), FieldPanel("fallback_modality"), FieldPanel("fallback_note")],
            heading="Workup key",
        ),
        InlinePanel("rating_overrides", heading="Rating overrides for this case", label="Override"),
        InlinePanel(
            "workup_samples",
            heading="Graded workup samples (the live preview 'Workup samples' scores them as you edit)",
            label="Sample",
            min_num=0,
        ),
        InlinePanel("case_images", heading="Images shown for each examination", label="Image"),
        InlinePanel("findings", heading="Findings and distractors", label="Finding"),
        InlinePanel("diagnoses", heading="Diagnoses and their credit", label="Diagnosis"),
        MultiFieldPanel(
            [
                FieldPanel("target_figure"),
                FieldPanel("target_annotation_id"),
                FieldPanel("target_region_label"),
                FieldPanel("other_region_ids"),
                FieldPanel("pointing_tolerance"),
            ],
            heading="Point at the lesion",
        ),
        MultiFieldPanel(
            [
                FieldPanel("next_step_answer"),
                FieldRowPanel([FieldPanel("next_step_partial"), FieldPanel("next_step_partial_credit")]),
                FieldPanel("next_step_explanation"),
            ],
            heading="What happens next",
        ),
        FieldPanel("teaching_points"),
        FieldPanel("atlas_entries"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("weight_workup"),
                        FieldPanel("weight_findings"),
                        FieldPanel("weight_diagnosis"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("weight_pointing"),
                        FieldPanel("weight_next_step"),
                        FieldPanel("weight_certainty"),
                    ]
                ),
            ],
            heading="Weights of the total",
            classname="collapsed",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("symptoms")]
    parent_page_types = ["quizzes.QuizModulePage"]
    subpage_types: list[str] = []
    base_form_class = QuizCaseForm
    preview_modes = [
        ("", "As the learner sees it"),
        ("interpretation", "Images and interpretation (after the ideal workup)"),
        ("feedback", "Feedback with the answer key"),
        ("samples", "Workup samples scored against the key"),
    ]

    def clean(self):
        super().clean()
        problems = {}
        shape_ids = (
            {s.get("id") for s in (self.target_figure.annotations or [])} if self.target_figure_id else set()
        )
        if self.target_figure_id and self.target_annotation_id not in shape_ids:
            problems["target_annotation_id"] = (
                f"“{self.target_annotation_id}” is not an annotation of the target figure "
                f"(it has: {', '.join(sorted(i for i in shape_ids if i)) or 'none'})."
            )
        missing = [i for i in self.other_region_id_list if i not in shape_ids]
        if self.target_figure_id and missing:
            problems["other_region_ids"] = f"Not annotations of the target figure: {', '.join(missing)}."
        if self.next_step_partial and self.next_step_partial == self.next_step_answer:
            problems["next_step_partial"] = "The partial-credit answer must differ from the full answer."
        if problems:
            raise ValidationError(problems)

    @property
    def other_region_id_list(self) -> list[str]:
        return [i.strip() for i in (self.other_region_ids or "").split(",") if i.strip()]

    @property
    def weights(self) -> dict[str, int]:
        return {part: getattr(self, f"weight_{part}") for part in scoring.DEFAULT_WEIGHTS}

    @property
    def vignette_sex(self) -> str:
        return "woman" if self.patient_sex == "female" else "man"

    @cached_property
    def module(self) -> QuizModulePage | None:
        return QuizModulePage.objects.filter(pk=self.get_parent().pk).first()

    def serve(self, request, *args, **kwargs):
        # The quiz flow is a view (views.case_page), registered in apps.py: views read models, never the reverse.
        return page_handler(self, "serve")(request, self)

    def serve_preview(self, request, mode_name):
        return page_handler(self, "serve_preview")(request, self, mode_name)


class CaseRatingOverride(Orderable):
    case = ParentalKey(QuizCasePage, on_delete=models.CASCADE, related_name="rating_overrides")
    modality = models.ForeignKey(Modality, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(9)])
    acceptable_low = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(9)])
    acceptable_high = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    reason = models.CharField(max_length=300)

    panels = [
        FieldPanel("modality"),
        FieldRowPanel([FieldPanel("rating"), FieldPanel("acceptable_low"), FieldPanel("acceptable_high")]),
        FieldPanel("reason"),
    ]


class CaseWorkupSample(Orderable):
    """A workup a reviewer has graded: the scorer must keep it inside its band, or the case cannot be published."""

    Kind = SampleKind

    case = ParentalKey(QuizCasePage, on_delete=models.CASCADE, related_name="workup_samples")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    order = models.CharField(
        max_length=300,
        help_text="Examinations with their timing, as in the shell command: 'ct:scheduled xr-standing:scheduled'.",
    )
    band_low = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    band_high = models.PositiveSmallIntegerField(validators=[MaxValueValidator(100)])
    note = models.CharField(max_length=300, blank=True, help_text="Why a radiologist accepts this band.")

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("band_low"), FieldPanel("band_high")]),
        FieldPanel("order"),
        FieldPanel("note"),
    ]

    def clean(self):
        if self.band_low is not None and self.band_high is not None and self.band_low > self.band_high:
            raise ValidationError({"band_high": "The band's upper bound cannot be below its lower bound."})


class CaseImage(Orderable):
    case = ParentalKey(QuizCasePage, on_delete=models.CASCADE, related_name="case_images")
    modality = models.ForeignKey(Modality, on_delete=models.PROTECT, related_name="+")
    figure = models.ForeignKey(Figure, on_delete=models.PROTECT, related_name="+")
    show_in_atlas = models.BooleanField(
        default=False,
        verbose_name="Also show in the atlas after feedback",
        help_text="Unticked, this figure never appears on atlas pages while the case is live. Ticked, it "
        "appears (if an atlas entry uses it) only to learners who have seen this case's feedback.",
    )

    panels = [FieldPanel("modality"), FieldPanel("figure"), FieldPanel("show_in_atlas")]


class CaseFinding(Orderable):
    case = ParentalKey(QuizCasePage, on_delete=models.CASCADE, related_name="findings")
    key = models.SlugField(max_length=60, help_text="Short id, unique within the case.")
    text = models.CharField(max_length=200)
    is_present = models.BooleanField(
        default=False, help_text="Ticked: a true finding; unticked: a distractor."
    )
    explanation = models.CharField(max_length=300, blank=True)
    seen_on = models.ForeignKey(
        Modality,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The examination whose images show this finding. A learner who did not see those images is "
        "not marked down for missing it. Empty: every image of the case shows it.",
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("text"),
        FieldPanel("is_present"),
        FieldPanel("seen_on"),
        FieldPanel("explanation"),
    ]


class CaseDiagnosis(Orderable):
    case = ParentalKey(QuizCasePage, on_delete=models.CASCADE, related_name="diagnoses")
    complication = models.ForeignKey(Complication, on_delete=models.PROTECT, related_name="+")
    credit = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(100)],
        help_text="100 for the answer; 25–50 for a fair differential.",
    )
    explanation = models.CharField(max_length=300, blank=True)

    panels = [FieldPanel("complication"), FieldPanel("credit"), FieldPanel("explanation")]


class Attempt(models.Model):
    """A signed-in learner's go at one case. Scores are written once, when the last step is submitted."""

    class Step(models.TextChoices):
        WORKUP = "workup", "Choose the imaging"
        INTERPRETATION = "interpretation", "Interpret the images"
        DONE = "done", "Feedback"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts")
    case = models.ForeignKey(QuizCasePage, on_delete=models.CASCADE, related_name="attempts")
    module = models.ForeignKey(
        QuizModulePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    department = models.ForeignKey(
        "learners.Department",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempts",
        help_text="The learner's department when the attempt started (leaderboards read it directly).",
    )
    step = models.CharField(max_length=20, choices=Step.choices, default=Step.WORKUP)
    is_practice = models.BooleanField(
        default=False, help_text="A repeat of a case already completed: never counts for leaderboards."
    )
    workup = models.JSONField(default=dict, blank=True, help_text="Modality slug -> timing.")
    interpretation = models.JSONField(default=dict, blank=True)
    parts = models.JSONField(default=list, blank=True, help_text="Every score part with its reasons.")
    total = models.PositiveSmallIntegerField(null=True, blank=True)
    regrades = models.JSONField(
        default=list,
        blank=True,
        help_text="Earlier scores, oldest first: [{'at': ISO time, 'total': old, 'new_total': new, 'parts': old}].",
    )
    started_at = models.DateTimeField(auto_now_add=True)
    workup_submitted_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["learner", "case", "-started_at"]),
            models.Index(fields=["case", "completed_at"]),
            models.Index(
                fields=["department", "is_practice", "step", "completed_at"], name="attempt_leaderboard_idx"
            ),
            models.Index(fields=["learner", "is_practice", "step"], name="attempt_learner_counted_idx"),
        ]
        constraints = [
            # At most one counted (first) attempt per learner and case.
            models.UniqueConstraint(
                fields=["learner", "case"],
                condition=models.Q(is_practice=False),
                name="one_counted_attempt_per_case",
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.case_id} · {self.step}"

    @property
    def is_scored(self) -> bool:
        return self.step == self.Step.DONE
