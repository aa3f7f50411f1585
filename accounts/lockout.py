"""The lockout rule, on top of django-axes' database handler.

- 5 failed sign-ins for one username lock that username for 30 minutes (AXES_FAILURE_LIMIT,
  AXES_COOLOFF_TIME).
- 20 failed sign-ins from one address, whatever the usernames, lock the address: one address
  cannot spray usernames, yet a whole station behind one address is not locked out because one
  officer mistyped five times.

axes compares one number with the limit, so the address's count is scaled to the same limit.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum

ADDRESS_FAILURE_LIMIT = 20


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        # One queryset per entry of AXES_LOCKOUT_PARAMETERS: ["username", "ip_address"].
        by_username, by_address = self.get_user_attempts(request, credentials)
        scaled = _failures(by_address) * settings.AXES_FAILURE_LIMIT // ADDRESS_FAILURE_LIMIT
        return max(_failures(by_username), scaled)
