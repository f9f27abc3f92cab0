"""The learner's department when an attempt starts, asked of the app that keeps departments: quizzes imports none.

Memberships are learners' knowledge, and learners already imports quizzes (it follows the scoring signals), so
quizzes publishes this one question and learners answers it from `LearnersConfig.ready()`: one function, not a
signal, because the caller needs one answer back. The answer is read where the attempt is written, on the same
connection and inside the caller's transaction, as the inline query it replaces was. With nothing registered an
attempt has no department, as for a user without a membership. (`Attempt.department` names "learners.Department"
as a string, which Django resolves by app label: no Python import.)
"""

from collections.abc import Callable

_department_id_for: Callable[[object], int | None] | None = None


def department_lookup_register(lookup: Callable[[object], int | None]) -> None:
    """Register `lookup(user) -> department id or None`; a second registration replaces the first."""
    global _department_id_for
    _department_id_for = lookup


def department_id_for(user) -> int | None:
    """The id of the user's department, or None (no membership, or no app keeps departments)."""
    return _department_id_for(user) if _department_id_for is not None else None
