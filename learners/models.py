"""People: the custom user (first migration), departments, memberships with roles, and the review queue."""

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower


class User(AbstractUser):
    """A resident, a faculty member or an administrator. Email is the contact for password resets."""

    display_name = models.CharField(
        max_length=80, blank=True, help_text="How the name appears on pages; defaults to first and last name."
    )

    class Meta(AbstractUser.Meta):
        constraints = [
            # One account per address, whatever its case: a password reset reaches exactly one person.
            models.UniqueConstraint(
                Lower("email"),
                name="unique_user_email_ci",
                condition=~models.Q(email=""),
                violation_error_message="This e-mail address is already used by another account.",
            )
        ]

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username

    @property
    def membership_or_none(self):
        try:
            return self.membership
        except Membership.DoesNotExist:
            return None


def new_invite_code() -> str:
    # 10 characters from an unambiguous alphabet: easy to read aloud, ~50 bits.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class Department(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    invite_code = models.CharField(max_length=20, unique=True, default=new_invite_code)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        RESIDENT = "resident", "Resident"
        FACULTY = "faculty", "Faculty"
        ADMIN = "admin", "Department admin"

    class Display(models.TextChoices):
        NAME = "name", "My name"
        PSEUDONYM = "pseudonym", "A pseudonym"
        HIDDEN = "hidden", "Hidden (shown as “anonymised”)"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.RESIDENT)
    training_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    leaderboard_display = models.CharField(max_length=20, choices=Display.choices, default=Display.PSEUDONYM)
    pseudonym = models.CharField(max_length=40, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["department", "role"])]
        constraints = [
            # A pseudonym names one person on a board; the forms also refuse a colleague's real name.
            models.UniqueConstraint(
                Lower("pseudonym"),
                "department",
                name="unique_pseudonym_per_department",
                condition=~models.Q(pseudonym=""),
                violation_error_message="Someone in this department already uses this pseudonym.",
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.department})"

    @property
    def is_faculty(self) -> bool:
        return self.role in (self.Role.FACULTY, self.Role.ADMIN)


class ReviewCard(models.Model):
    """One item in a learner's spaced-review queue, scheduled by FSRS (the `fsrs` package)."""

    class Kind(models.TextChoices):
        CASE = "case", "Quiz case to redo"
        FIGURE = "figure", "Figure flashcard"

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_cards"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    case = models.ForeignKey(
        "quizzes.QuizCasePage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    figure = models.ForeignKey(
        "atlas.Figure", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    fsrs_card = models.JSONField(help_text="fsrs.Card.to_dict()")
    due = models.DateTimeField(db_index=True)
    reviews = models.PositiveIntegerField(default=0)
    last_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due"]
        indexes = [models.Index(fields=["learner", "due"])]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "case"], name="one_card_per_case", condition=models.Q(kind="case")
            ),
            models.UniqueConstraint(
                fields=["learner", "figure"], name="one_card_per_figure", condition=models.Q(kind="figure")
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.learner_id}, due {self.due:%Y-%m-%d}"


class LeaderboardEntry(models.Model):
    """A resident's running total for one leaderboard (period x module), kept as attempts complete.

    Boards read these rows instead of summing attempts, so a board costs the same with 5,000 or 500,000
    attempts. `module_key` 0 means all modules; `period_start` is 1970-01-01 for all time.
    """

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="+")
    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=10)
    period_start = models.DateField()
    module_key = models.PositiveIntegerField(default=0)
    score = models.PositiveIntegerField(default=0)
    cases = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["department", "learner", "period", "period_start", "module_key"],
                name="one_entry_per_board",
            )
        ]
        indexes = [
            models.Index(
                fields=[
                    "department",
                    "period",
                    "period_start",
                    "module_key",
                    "-score",
                    "-cases",
                    "finished_at",
                    "learner",
                ],
                name="leaderboard_order_idx",
            )
        ]

    def __str__(self):
        return f"{self.learner_id} {self.period} {self.period_start} module {self.module_key}: {self.score}"


class DepartmentTally(models.Model):
    """Counters for the faculty view: first-attempt scores by band, and low scores by topic."""

    class Kind(models.TextChoices):
        BAND = "band", "Score band"
        MISSED = "missed", "Topic scored below 70"

    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name="tallies")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=80)
    label = models.CharField(max_length=120, blank=True)
    count = models.PositiveIntegerField(default=0)
    score_sum = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["department", "kind", "key"], name="one_tally_per_key")
        ]

    def __str__(self):
        return f"{self.department_id} {self.kind} {self.key}: {self.count}"
