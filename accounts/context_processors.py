"""The session timeout warning's figures, for base.html (the GOV.UK / HMPPS timeout pattern)."""

from .middleware import session_times


def session_timeout(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"session_times": session_times(request)}
