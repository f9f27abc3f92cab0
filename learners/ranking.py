"""What each viewer may see of a leaderboard. Pure Python.

The database ranks (learners.selectors.leaderboard): by the sum of first-attempt scores; ties go to more
cases completed, then to whoever finished first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MIN_VISIBLE_FOR_RESIDENTS = 3
TOP = 10
AROUND = 2


@dataclass(frozen=True)
class Standing:
    learner_id: int
    score: int
    cases: int
    finished_at: datetime
    name: str = ""
    display: str = "name"  # name | pseudonym | hidden
    pseudonym: str = ""
    rank: int = 0

    def shown_name(self, *, viewer_is_faculty: bool, viewer_id: int | None) -> str:
        if viewer_is_faculty or self.learner_id == viewer_id:
            return self.name
        if self.display == "name":
            return self.name
        if self.display == "pseudonym" and self.pseudonym:
            return self.pseudonym
        return "anonymised"


def board_is_shown(visible: int, *, viewer_is_faculty: bool) -> bool:
    """Small cohorts re-identify people: residents see a board only with enough visible residents."""
    return viewer_is_faculty or visible >= MIN_VISIBLE_FOR_RESIDENTS
