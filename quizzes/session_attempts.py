"""Anonymous visitors' attempts, kept in their session only: what services write and selectors read.

Apart from services.py so that selectors (the module progress) read them without importing the writes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .models import Attempt

SESSION_KEY = "quiz_attempts"
MAX_SESSION_ATTEMPTS = 40
Step = Attempt.Step


@dataclass
class SessionAttempt:
    """An anonymous visitor's attempt, kept in the session only."""

    public_id: str
    case_id: int
    module_id: int | None
    step: str = Step.WORKUP
    is_practice: bool = True
    workup: dict = field(default_factory=dict)
    interpretation: dict = field(default_factory=dict)
    parts: list = field(default_factory=list)
    total: int | None = None
    started_at: str = ""
    completed_at: str | None = None

    @property
    def is_scored(self) -> bool:
        return self.step == Step.DONE


def session_store(request) -> dict:
    return request.session.get(SESSION_KEY, {})


def session_attempt_save(request, attempt: SessionAttempt) -> None:
    store = dict(session_store(request))
    store[attempt.public_id] = asdict(attempt)
    if len(store) > MAX_SESSION_ATTEMPTS:
        for key in sorted(store, key=lambda k: store[k].get("started_at", ""))[
            : len(store) - MAX_SESSION_ATTEMPTS
        ]:
            store.pop(key)
    request.session[SESSION_KEY] = store


def session_attempts_for(request, cases) -> dict[int, SessionAttempt]:
    ids = {c.pk for c in cases}
    latest: dict[int, SessionAttempt] = {}
    for raw in sorted(session_store(request).values(), key=lambda a: a.get("started_at", "")):
        if raw.get("case_id") in ids:
            latest[raw["case_id"]] = SessionAttempt(**raw)
    return latest


def session_finished_case_ids(request) -> set[int]:
    return {raw["case_id"] for raw in session_store(request).values() if raw.get("step") == Step.DONE}
