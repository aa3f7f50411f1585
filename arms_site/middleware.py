"""Response headers Django does not send itself (headers only: no access decisions here).

- ``Permissions-Policy`` on every response, from ``settings.PERMISSIONS_POLICY``.
- ``Cache-Control: no-store`` and ``Pragma: no-cache`` on every response to a signed-in user,
  static files excepted: nearly every page, list, poll and download shows offender data, so the
  rule is "signed in" rather than a list of pages that would miss the next one. A stricter
  ``Cache-Control`` a view sets itself (the PDF and CSV downloads) is kept, ``no-store`` added.

Placed above WhiteNoise, so static files get the Permissions-Policy too; they never reach the
authentication middleware, and their path is checked as well, so they stay cacheable.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


def permissions_policy(features: dict[str, list[str]]) -> str:
    """``{"camera": [], "fullscreen": ["self"]}`` -> ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{name}=({' '.join(allow)})" for name, allow in features.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        # STATIC_URL is read per request: it carries the script prefix of a sub-path deployment.
        if self._signed_in(request) and not request.path.startswith(settings.STATIC_URL):
            patch_cache_control(response, no_store=True)
            response.headers.setdefault("Pragma", "no-cache")
        return response

    @staticmethod
    def _signed_in(request) -> bool:
        user = getattr(request, "user", None)  # unset when a middleware above auth answered
        return user is not None and user.is_authenticated
