"""Time windows after surgery (brief A.3.1 / B.1) and which window a day count falls in. Pure Python."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TimingWindow:
    slug: str
    label: str
    start_day: int  # inclusive
    end_day: int | None  # exclusive; None = open-ended (years)

    def contains(self, days: int) -> bool:
        return days >= self.start_day and (self.end_day is None or days < self.end_day)

    def overlaps(self, first_day: int, last_day: int | None) -> bool:
        """True when [first_day, last_day] (last_day None = open-ended) shares a day with this window."""
        starts_before_window_ends = self.end_day is None or first_day < self.end_day
        ends_after_window_starts = last_day is None or last_day >= self.start_day
        return starts_before_window_ends and ends_after_window_starts


TIMING_WINDOWS: tuple[TimingWindow, ...] = (
    TimingWindow("first-72-hours", "0–72 hours", 0, 3),
    TimingWindow("1-to-6-weeks", "3 days – 6 weeks", 3, 42),
    TimingWindow("6-weeks-to-6-months", "6 weeks – 6 months", 42, 183),
    TimingWindow("6-to-12-months", "6 – 12 months", 183, 365),
    TimingWindow("over-12-months", "More than 12 months", 365, None),
)
WINDOWS_BY_SLUG = {w.slug: w for w in TIMING_WINDOWS}


def window_for_days(days: int | None) -> TimingWindow | None:
    """The window containing `days` since surgery (0 = day of surgery); None for None or negative days."""
    if days is None or days < 0:
        return None
    return next(w for w in TIMING_WINDOWS if w.contains(days))


def windows_overlapping(first_day: int, last_day: int | None) -> list[TimingWindow]:
    return [w for w in TIMING_WINDOWS if w.overlaps(first_day, last_day)]


def describe_days(days: int | None) -> str:
    """Human wording for a day count: 'day 1', '3 weeks', '14 months', '6 years'."""
    if days is None:
        return "time not stated"
    if days < 14:
        return f"day {days}"
    if days < 120:
        return f"{round(days / 7)} weeks"
    if days < 730:
        return f"{round(days / 30.4)} months"
    return f"{round(days / 365.25)} years"
