"""Idle sessions end: staff after a working day, residents when the browser closes or later if remembered."""

import time

from django.contrib import messages
from django.contrib.auth import logout

from .session_policy import (
    ACTIVITY_GRANULARITY_SECONDS,
    cookie_age,
    idle_timeout,
    is_idle_too_long,
)

TIMEOUT_KEY = "idle_timeout"
LAST_ACTIVITY_KEY = "last_activity"


def _is_staff(user) -> bool:
    membership = user.membership_or_none
    return (
        user.is_staff
        or user.is_superuser
        or user.has_perm("wagtailadmin.access_admin")
        or bool(membership and membership.is_faculty)
    )


def session_start(request, *, remember_me: bool) -> int:
    """Record the signed-in user's idle limit in the session and set its cookie; returns the limit."""
    is_staff = _is_staff(request.user)
    timeout = idle_timeout(is_staff=is_staff, remember_me=remember_me)
    request.session[TIMEOUT_KEY] = timeout
    request.session[LAST_ACTIVITY_KEY] = int(time.time())
    request.session.set_expiry(cookie_age(is_staff=is_staff, remember_me=remember_me))
    return timeout


class IdleTimeoutMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware: signs out a session idle for too long."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request):
        session, now = request.session, time.time()
        timeout = session.get(TIMEOUT_KEY)
        if timeout is None:  # signed in elsewhere: sign-up, the Wagtail login, an older session
            session_start(request, remember_me=False)
            return
        last = session.get(LAST_ACTIVITY_KEY)
        if is_idle_too_long(last_activity=last, now=now, timeout=timeout):
            logout(request)
            messages.info(
                request, "You were signed out after a while without activity: please sign in again."
            )
        elif last is None or now - last >= ACTIVITY_GRANULARITY_SECONDS:
            session[LAST_ACTIVITY_KEY] = int(now)
