"""The register's rules (Sexual Offences Act 2003, Part 2): ``register-1``.

How long an offender stays on the register (s.82), when an indefinite notification can be
reviewed (ss.91A-91F) and the last day on which each notification is in time (ss.83-85 and the
2012 regulations). See docs/domain.md, "The register itself", and issue 12.

Pure functions (stdlib only: no Django, no clock, no I/O), so a result depends only on its
arguments and ``RULES_VERSION``. Bad input raises ``ValueError`` naming the argument; never a
default. ``notification_period`` returns a ``NotificationPeriod`` with its working; the four due
date functions return a plain ``datetime.date`` (as in the issue's examples), and each has a
``*_working`` twin returning a ``RuleDate`` (the same date with its working and rules version).

Choices where the sources leave room (domain notes and issue 12 agree on every number):
- "Within N days beginning with D" includes D, so the last day is D + (N - 1); "within N years
  (or months) beginning with D" ends the day before the anniversary. An anniversary that does not
  exist (29 February in a common year, the 31st of a shorter month) falls on the first day of the
  next month, so the last day is then the last day of the shorter month. This is deliberately NOT
  ``arms_site.lib.dates.add_months``, which clamps to the month end (that would end the period a
  day early). The same rule applies to the yearly re-notification and to the review date.
- The review date is the first day an application may be made: the anniversary itself (the day
  after a 15- or 8-year period beginning with the initial notification ends).
- Under 18 on the relevant date halves 10, 7, 5 and 2 years only: a conditional discharge keeps
  its own period and an indefinite period stays indefinite.
- Not modelled here (for the records part): an SHPO that outlasts the notification period, the
  advance-notice re-notification window (2 days before, 3 after) and the 24-hour fallback for
  travel that could not be notified 7 days ahead (all secondary in the domain notes).
"""

from ._base import (
    ADULT_AGE,
    MAX_AGE,
    MIN_AGE,
    RULES_VERSION,
    Disposal,
    NotificationPeriod,
    RuleDate,
)
from .checks import (
    NotificationCheck,
    OrderTerm,
    RefusedDate,
    notification_check,
    order_term,
)
from .due import (
    change_notification_due,
    change_notification_due_working,
    periodic_notification_due,
    periodic_notification_due_working,
    travel_notification_due,
    travel_notification_due_working,
)
from .period import indefinite_review_from, indefinite_review_from_working, notification_period

__all__ = [
    "ADULT_AGE",
    "MAX_AGE",
    "MIN_AGE",
    "RULES_VERSION",
    "Disposal",
    "NotificationCheck",
    "OrderTerm",
    "RefusedDate",
    "NotificationPeriod",
    "RuleDate",
    "change_notification_due",
    "change_notification_due_working",
    "indefinite_review_from",
    "indefinite_review_from_working",
    "notification_check",
    "notification_period",
    "order_term",
    "periodic_notification_due",
    "periodic_notification_due_working",
    "travel_notification_due",
    "travel_notification_due_working",
]
