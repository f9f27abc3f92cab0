"""Writes about people: sign-up with an invite code, roles, invite rotation, and the review queue."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from . import review
from .models import Department, Membership, ReviewCard, User, new_invite_code

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
    *, username: str, email: str, password: str, display_name: str, department: Department, training_year: int | None
) -> User:
    user = User(username=username, email=email, display_name=display_name)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    membership = Membership(user=user, department=department, training_year=training_year)
    membership.full_clean()
    membership.save()
    membership_set_role(membership=membership, role=Membership.Role.RESIDENT)
    return user


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
        card = ReviewCard(learner=learner, kind=ReviewCard.Kind.CASE, case_id=case_id, fsrs_card=review.new_card(now))
    rating = review.rating_for_case_score(total)
    card.fsrs_card, card.due = review.review(card.fsrs_card, rating, now)
    card.reviews += 1
    card.last_rating = int(rating)
    card.save()
    return card


def review_rate_figure(*, learner: User, figure_id: int, rating: str, now=None) -> ReviewCard:
    """Rate a figure flashcard Again/Hard/Good/Easy; the first rating adds the figure to the queue."""
    now = now or timezone.now()
    card = ReviewCard.objects.filter(learner=learner, kind=ReviewCard.Kind.FIGURE, figure_id=figure_id).first()
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
