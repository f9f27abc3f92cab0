"""Rank residents on a leaderboard and decide what each viewer may see. Pure Python.

Ranking: by the sum of first-attempt scores; ties go to more cases completed, then to whoever finished
first. Equal on all three shares a rank ("1, 2, 2, 4").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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


def rank(standings: list[Standing]) -> list[Standing]:
    ordered = sorted(standings, key=lambda s: (-s.score, -s.cases, s.finished_at, s.learner_id))
    ranked: list[Standing] = []
    for position, s in enumerate(ordered, start=1):
        previous = ranked[-1] if ranked else None
        tied = previous and (previous.score, previous.cases, previous.finished_at) == (s.score, s.cases, s.finished_at)
        ranked.append(replace(s, rank=previous.rank if tied else position))
    return ranked


def visible_count(standings: list[Standing]) -> int:
    return sum(1 for s in standings if s.display != "hidden")


def board_is_shown(standings: list[Standing], *, viewer_is_faculty: bool) -> bool:
    """Small cohorts re-identify people: residents see a board only with enough visible residents."""
    return viewer_is_faculty or visible_count(standings) >= MIN_VISIBLE_FOR_RESIDENTS


def top_and_around(ranked: list[Standing], viewer_id: int | None) -> tuple[list[Standing], list[Standing]]:
    """The top TOP rows, and the viewer's own row with AROUND rows either side when it is below the top."""
    top = ranked[:TOP]
    index = next((i for i, s in enumerate(ranked) if s.learner_id == viewer_id), None)
    if index is None or index < TOP:
        return top, []
    start = max(TOP, index - AROUND)
    return top, ranked[start : index + AROUND + 1]
