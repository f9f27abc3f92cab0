"""Spaced review with FSRS (the `fsrs` package): turn quiz results and flashcard ratings into schedules.

No Django here; cards travel as fsrs' own dicts.
"""

from __future__ import annotations

from datetime import datetime

from fsrs import Card, Rating, Scheduler

RATINGS = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
RATING_LABELS = {"again": "Again", "hard": "Hard", "good": "Good", "easy": "Easy"}
# A case scoring below this is "answered wrongly" and enters the review queue.
CASE_REVIEW_THRESHOLD = 70
_scheduler = Scheduler(enable_fuzzing=False)


def rating_for_case_score(total: int) -> Rating:
    """A quiz total (0..100) read as a recall rating: a failed case must come back soon."""
    if total < 50:
        return Rating.Again
    if total < CASE_REVIEW_THRESHOLD:
        return Rating.Hard
    if total < 85:
        return Rating.Good
    return Rating.Easy


def new_card(now: datetime) -> dict:
    card = Card(due=now)
    return card.to_dict()


def review(card: dict, rating: Rating, now: datetime) -> tuple[dict, datetime]:
    """Apply one review; returns the new card dict and when it is due next (timezone-aware)."""
    updated, _log = _scheduler.review_card(Card.from_dict(card), rating, review_datetime=now)
    return updated.to_dict(), updated.due
