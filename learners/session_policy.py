"""How long a signed-in session may sit idle: the one home of these durations (pure, no Django).

Staff (superusers, Wagtail staff, department faculty and admins) can publish and see residents' scores, so
their sessions end after a working day of inactivity whatever they ticked. Residents' sessions end when the
browser closes or after half a day idle, unless they ask to be remembered on a personal device.
"""

STAFF_IDLE_SECONDS = 8 * 3600
RESIDENT_IDLE_SECONDS = 12 * 3600
REMEMBER_ME_SECONDS = 14 * 24 * 3600
# The last-activity stamp is rewritten at most this often, so that most requests do not write the session.
ACTIVITY_GRANULARITY_SECONDS = 60


def idle_timeout(*, is_staff: bool, remember_me: bool) -> int:
    """Seconds a session may stay idle; `is_staff` covers superusers, Wagtail staff and faculty."""
    if is_staff:
        return STAFF_IDLE_SECONDS
    return REMEMBER_ME_SECONDS if remember_me else RESIDENT_IDLE_SECONDS


def is_idle_too_long(*, last_activity: float | None, now: float, timeout: int) -> bool:
    """True when more than `timeout` seconds passed since `last_activity` (epoch seconds; None = unknown)."""
    return last_activity is not None and now - last_activity > timeout


def cookie_age(*, is_staff: bool, remember_me: bool) -> int:
    """Seconds the session cookie outlives the browser: only remembered residents' do (0 = until it closes)."""
    return REMEMBER_ME_SECONDS if remember_me and not is_staff else 0
