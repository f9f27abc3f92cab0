"""Leaderboard periods: when this week, month and academic year began. Pure Python.

Weeks start on Monday; the academic year starts on the first day of `academic_year_start_month` (September
by default, settable per site because training years start at different times in different countries).
"""

from __future__ import annotations

from datetime import datetime, timedelta

PERIODS = {"week": "This week", "month": "This month", "year": "This academic year", "all": "All time"}


def period_start(period: str, now: datetime, academic_year_start_month: int = 9) -> datetime | None:
    """The start of `period` containing `now` (same tzinfo as `now`), or None for 'all'. Raises KeyError."""
    if period not in PERIODS:
        raise KeyError(period)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "week":
        return midnight - timedelta(days=midnight.weekday())
    if period == "month":
        return midnight.replace(day=1)
    if period == "year":
        year = now.year if now.month >= academic_year_start_month else now.year - 1
        return midnight.replace(year=year, month=academic_year_start_month, day=1)
    return None
