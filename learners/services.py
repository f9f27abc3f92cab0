"""Writes about people: sign-up with an invite code, roles, e-mail changes, invite rotation, the review queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from atlas.models import Complication

from . import periods, review
from .models import (
    Department,
    DepartmentTally,
    LeaderboardEntry,
    Membership,
    ReviewCard,
    User,
    new_invite_code,
)

ALL_TIME = date(1970, 1, 1)

EMAIL_CHANGE_SALT = "learners.email-change"
EMAIL_CHANGE_MAX_AGE = 3 * 24 * 3600  # seconds a confirmation link stays valid

ROLE_GROUPS = {
    Membership.Role.RESIDENT: "Residents",
    Membership.Role.FACULTY: "Faculty",
    Membership.Role.ADMIN: "Department admins",
}


def department_for_invite(code: str) -> Department | None:
    code = (code or "").strip().upper().replace(" ", "").replace("-", "")
    if not code or len(code) > 20:
        return None
    return Department.objects.filter(invite_code=code).first()


@transaction.atomic
def user_signup(
    *,
    username: str,
    email: str,
    password: str,
    display_name: str,
    department: Department,
    training_year: int | None,
) -> User:
    user = User(username=username, email=email, display_name=display_name)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:  # a twin sign-up won the race between the checks and the insert
        raise ValidationError("That username or e-mail address was just taken: choose another.") from error
    membership = Membership(user=user, department=department, training_year=training_year)
    membership.full_clean()
    membership.save()
    membership_set_role(membership=membership, role=Membership.Role.RESIDENT)
    return user


def user_request_email_change(*, user: User, new_email: str, confirm_url: Callable[[str], str]) -> None:
    """Mail a signed link to `new_email`; the address changes only when its owner opens it."""
    token = signing.TimestampSigner(salt=EMAIL_CHANGE_SALT).sign_object(
        {"user": user.pk, "old": user.email, "new": new_email}
    )
    days = EMAIL_CHANGE_MAX_AGE // (24 * 3600)
    send_mail(
        "Confirm your new e-mail address",
        f"Someone (we hope you) asked to use this address for the account {user.username} of the Spine PostOp "
        f"Atlas.\n\nTo confirm, open this link within {days} days and press Confirm:\n{confirm_url(token)}\n\n"
        "If it was not you, ignore this message: nothing changes.",
        None,
        [new_email],
    )
    if user.email:
        send_mail(
            "Your e-mail address is about to change",
            f"Someone signed in as {user.username} asked to move this account to another e-mail address. "
            "It changes only when the link sent there is opened. If it was not you, change your password.",
            None,
            [user.email],
        )


def email_change_read(*, user: User, token: str) -> str:
    """The new address a confirmation link carries, or a ValidationError (code invalid or expired)."""
    signer = signing.TimestampSigner(salt=EMAIL_CHANGE_SALT)
    try:
        payload = signer.unsign_object(token, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(
            "This link has expired: change your address again from your profile.", code="expired"
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise ValidationError("This confirmation link is not valid.", code="invalid") from error
    # The old address inside the token makes a link work once: after the change, it no longer matches.
    if not isinstance(payload, dict) or payload.get("user") != user.pk or payload.get("old") != user.email:
        raise ValidationError(
            "This link is for another account, or it was already used. Sign in as the account that asked "
            "for the change.",
            code="invalid",
        )
    return payload["new"]


def user_confirm_email_change(*, user: User, token: str) -> str:
    new_email = email_change_read(user=user, token=token)
    taken = ValidationError("Another account took this e-mail address in the meantime.", code="taken")
    if User.objects.filter(email__iexact=new_email).exclude(pk=user.pk).exists():
        raise taken
    user.email = new_email
    try:
        with transaction.atomic():
            user.save(update_fields=["email"])
    except IntegrityError as error:
        raise taken from error
    return new_email


def membership_set_role(*, membership: Membership, role: str) -> Membership:
    if role not in Membership.Role.values:
        raise ValidationError(f"Unknown role {role!r}.")
    membership.role = role
    membership.save(update_fields=["role"])
    user = membership.user
    user.groups.remove(*Group.objects.filter(name__in=ROLE_GROUPS.values()))
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    return membership


def department_rotate_invite(*, department: Department) -> str:
    department.invite_code = new_invite_code()
    department.save(update_fields=["invite_code"])
    return department.invite_code


def review_after_case(*, learner: User, case_id: int, total: int, now=None) -> ReviewCard | None:
    """A case answered wrongly (below the threshold) enters the queue; a queued case is re-scheduled."""
    now = now or timezone.now()
    card = ReviewCard.objects.filter(learner=learner, kind=ReviewCard.Kind.CASE, case_id=case_id).first()
    if card is None and total >= review.CASE_REVIEW_THRESHOLD:
        return None
    if card is None:
        card = ReviewCard(
            learner=learner, kind=ReviewCard.Kind.CASE, case_id=case_id, fsrs_card=review.new_card(now)
        )
    rating = review.rating_for_case_score(total)
    card.fsrs_card, card.due = review.review(card.fsrs_card, rating, now)
    card.reviews += 1
    card.last_rating = int(rating)
    card.save()
    return card


def review_rate_figure(*, learner: User, figure_id: int, rating: str, now=None) -> ReviewCard:
    """Rate a figure flashcard Again/Hard/Good/Easy; the first rating adds the figure to the queue."""
    now = now or timezone.now()
    card = ReviewCard.objects.filter(
        learner=learner, kind=ReviewCard.Kind.FIGURE, figure_id=figure_id
    ).first()
    if card is None:
        card = ReviewCard(
            learner=learner, kind=ReviewCard.Kind.FIGURE, figure_id=figure_id, fsrs_card=review.new_card(now)
        )
    fsrs_rating = review.RATINGS[rating]
    card.fsrs_card, card.due = review.review(card.fsrs_card, fsrs_rating, now)
    card.reviews += 1
    card.last_rating = int(fsrs_rating)
    card.save()
    return card


def _period_keys(completed_at) -> list[tuple[str, date]]:
    local = timezone.localtime(completed_at)
    keys = []
    for period in periods.PERIODS:
        start = periods.period_start(period, local, settings.ACADEMIC_YEAR_START_MONTH)
        keys.append((period, start.date() if start else ALL_TIME))
    return keys


def attempt_tally(*, attempt) -> None:
    """Add a completed first attempt to its department's leaderboards and faculty counters."""
    if attempt.is_practice or attempt.department_id is None or attempt.total is None:
        return
    is_resident = Membership.objects.filter(
        user_id=attempt.learner_id, department_id=attempt.department_id, role=Membership.Role.RESIDENT
    ).exists()
    if not is_resident:
        return  # faculty trying a case never appear on their residents' boards
    modules = {0, attempt.module_id or 0}
    with transaction.atomic():
        for period, start in _period_keys(attempt.completed_at):
            for module_key in modules:
                # Keyed by department too: a resident who moves starts afresh on the new board.
                entry, _ = LeaderboardEntry.objects.get_or_create(
                    department_id=attempt.department_id,
                    learner_id=attempt.learner_id,
                    period=period,
                    period_start=start,
                    module_key=module_key,
                    defaults={"finished_at": attempt.completed_at},
                )
                LeaderboardEntry.objects.filter(pk=entry.pk).update(
                    score=F("score") + attempt.total,
                    cases=F("cases") + 1,
                    finished_at=Greatest("finished_at", Value(attempt.completed_at)),
                )
        for kind, key, label in _tally_keys(attempt):
            tally, _ = DepartmentTally.objects.get_or_create(
                department_id=attempt.department_id, kind=kind, key=key, defaults={"label": label}
            )
            DepartmentTally.objects.filter(pk=tally.pk).update(
                count=F("count") + 1, score_sum=F("score_sum") + attempt.total
            )


def _tally_keys(attempt, most_likely=None) -> list[tuple[str, str, str]]:
    keys = [(DepartmentTally.Kind.BAND, str(min(9, attempt.total // 10)), "")]
    if attempt.total < review.CASE_REVIEW_THRESHOLD:
        if most_likely is None:
            most_likely = (
                Complication.objects.filter(scenarios_most_likely__quiz_cases__id=attempt.case_id)
                .values_list("slug", "name")
                .first()
            )
        slug, name = most_likely or ("other", "Other")
        keys.append((DepartmentTally.Kind.MISSED, slug, name))
    return keys


@transaction.atomic
def tallies_rebuild() -> int:
    """Recompute every leaderboard entry and counter from the attempts (after bulk loads); returns rows."""
    from quizzes.models import Attempt

    LeaderboardEntry.objects.all().delete()
    DepartmentTally.objects.all().delete()
    entries: dict[tuple, list] = {}
    tallies: dict[tuple, list] = {}
    rows = (
        Attempt.objects.filter(
            is_practice=False,
            step=Attempt.Step.DONE,
            department__isnull=False,
            learner__membership__department=F("department"),
            learner__membership__role=Membership.Role.RESIDENT,
        )
        .values_list(
            "learner_id",
            "department_id",
            "module_id",
            "total",
            "completed_at",
            "case__scenario__most_likely__slug",
            "case__scenario__most_likely__name",
        )
        .iterator(chunk_size=5000)
    )
    for learner_id, department_id, module_id, total, completed_at, slug, name in rows:
        for period, start in _period_keys(completed_at):
            for module_key in {0, module_id or 0}:
                key = (department_id, learner_id, period, start, module_key)
                current = entries.setdefault(key, [0, 0, completed_at])
                current[0] += total
                current[1] += 1
                current[2] = max(current[2], completed_at)
        fake = type("A", (), {"total": total})
        for kind, tally_key, label in _tally_keys(fake, (slug or "other", name or "Other")):
            current = tallies.setdefault((department_id, kind, tally_key), [label, 0, 0])
            current[1] += 1
            current[2] += total
    LeaderboardEntry.objects.bulk_create(
        [
            LeaderboardEntry(
                learner_id=learner_id,
                period=period,
                period_start=start,
                module_key=module_key,
                department_id=department_id,
                score=score,
                cases=cases,
                finished_at=finished,
            )
            for (department_id, learner_id, period, start, module_key), (
                score,
                cases,
                finished,
            ) in entries.items()
        ],
        batch_size=5000,
    )
    DepartmentTally.objects.bulk_create(
        [
            DepartmentTally(
                department_id=d, kind=kind, key=key, label=label, count=count, score_sum=score_sum
            )
            for (d, kind, key), (label, count, score_sum) in tallies.items()
        ],
        batch_size=5000,
    )
    return len(entries) + len(tallies)
