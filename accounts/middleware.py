"""Session rules for a signed-in user: a second factor before anything else, an idle timeout
set by the force (default 30 minutes), and an absolute end at ``SESSION_COOKIE_AGE`` (8 hours).
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import services

SIGNED_IN_AT = "arms_signed_in_at"
LAST_SEEN = "arms_last_seen"
IDLE_LIMIT = "arms_idle_limit"
# Writing the session costs a database write: note activity at most once a minute.
LAST_SEEN_RESOLUTION = 60

# The only pages a signed-in user may reach before the second factor is verified.
BEFORE_SECOND_FACTOR = {
    "login",
    "login_code",
    "login_backup",
    "login_enrol",
    "logout",
    "accessibility",  # the accessibility statement is public
}


def session_started(request) -> None:
    """Start the clocks for a new sign-in (the idle limit is the force's at that moment)."""
    user = request.user
    force = getattr(user, "force", None)
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now
    request.session[IDLE_LIMIT] = (force.idle_timeout_minutes if force else 30) * 60


def session_times(request) -> dict | None:
    """Seconds until the idle and the absolute end of the session (for the timeout warning)."""
    session = getattr(request, "session", None)
    if session is None or SIGNED_IN_AT not in session:
        return None
    now = time.time()
    return {
        "idle_seconds": int(session[IDLE_LIMIT]),
        "idle_left": int(session[IDLE_LIMIT] - (now - session[LAST_SEEN])),
        "session_left": int(settings.SESSION_COOKIE_AGE - (now - session[SIGNED_IN_AT])),
    }


class SessionTimeout:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            session = request.session
            if SIGNED_IN_AT not in session:
                session_started(request)  # a session begun outside the sign-in page
            now = time.time()
            ended = self._ended(session, now)
            if ended:
                user = request.user
                services.signed_out_recorded(user=user, reason=ended)
                logout(request)
                return redirect(f"{reverse('login')}?{urlencode({'timeout': '1'})}")
            if now - session[LAST_SEEN] >= LAST_SEEN_RESOLUTION:
                session[LAST_SEEN] = now
        return self.get_response(request)

    @staticmethod
    def _ended(session, now: float) -> str:
        if now - session[SIGNED_IN_AT] > settings.SESSION_COOKIE_AGE:
            return "Signed out at the end of the 8-hour session"
        if now - session[LAST_SEEN] > session[IDLE_LIMIT]:
            return f"Signed out after {session[IDLE_LIMIT] // 60} minutes without activity"
        return ""


class RequireSecondFactor:
    """Until the second factor is verified, a signed-in user reaches only the sign-in pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.view_name in BEFORE_SECOND_FACTOR:
            return None
        step = "login_code" if services.confirmed_totp(user) else "login_enrol"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
