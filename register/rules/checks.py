"""What a notification's or an order's dates may be, and a notification's deadline (register-1).

Pure like the rest of ``register.rules``: ``today`` is an argument. An impossible date raises
``RefusedDate`` (a ``ValueError``) naming the field, so services turn it into a form error.

- A change (name, home address, 7-day stay, staying with a child, release) and the initial
  notification: due within 3 days beginning with the change (``event_date``); the change must not
  be in the future and cannot be notified before it happens (advance notice is not modelled).
- Periodic: due by ``previous_due`` (the registration's next periodic date); no event date.
- Foreign travel: due 7 days before departure; the return is on or after the departure.
- Return from travel: due within 3 days beginning with the return (our reading of the 2012
  regulations, secondary in the domain notes); notified on or after the return.
- Every notification except travel and the return moves the next periodic date (s.85 counts
  notifications under ss.83-85; travel is notified under s.86).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ._base import RULES_VERSION, RuleDate, _anniversary, _date, _fmt
from .due import change_notification_due_working, travel_notification_due_working

CHANGE_KINDS = frozenset({"initial", "name", "home_address", "other_address", "child", "release"})
KINDS = CHANGE_KINDS | {"periodic", "travel", "return"}
NOT_MOVING_PERIODIC = frozenset({"travel", "return"})
SHPO_MIN_MONTHS = 5 * 12
ORDER_KINDS = frozenset({"shpo", "interim_shpo", "sro", "interim_sro", "sopo", "rosho", "fto"})


class RefusedDate(ValueError):
    """An impossible date; ``field`` names the argument at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class NotificationCheck:
    deadline: datetime.date
    in_time: bool
    moves_periodic: bool
    working: tuple[str, ...]
    rules_version: str = RULES_VERSION


def _not_future(field: str, day: datetime.date, today: datetime.date, what: str) -> None:
    if day > today:
        raise RefusedDate(field, f"The {what} must be today or in the past")


def notification_check(
    *,
    kind: str,
    notified_on: object,
    today: object,
    event_date: object = None,
    departure_date: object = None,
    return_date: object = None,
    previous_due: object = None,
) -> NotificationCheck:
    """The deadline of one notification and whether it was made in time, with the working."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(sorted(KINDS))}; got {kind!r}")
    today = _date("today", today)
    notified = _date("notified_on", notified_on)
    _not_future("notified_on", notified, today, "date notified")
    if kind in CHANGE_KINDS or kind == "return":
        rule = _change(kind, event_date, notified, today)
    elif kind == "periodic":
        rule = _periodic(previous_due)
    else:
        rule = _travel(departure_date, return_date)
    in_time = notified <= rule.day
    late = (notified - rule.day).days
    verdict = "in time" if in_time else f"late by {late} day{'' if late == 1 else 's'}"
    working = (*rule.working, f"Notified on {_fmt(notified)}: {verdict}")
    return NotificationCheck(rule.day, in_time, kind not in NOT_MOVING_PERIODIC, working)


def _change(kind, event_date, notified, today):
    if event_date is None:
        raise RefusedDate("event_date", "Enter the date of the change")
    event = _date("event_date", event_date)
    _not_future("event_date", event, today, "date of the change")
    if notified < event:
        raise RefusedDate(
            "notified_on", "The date notified must be on or after the date of the change"
        )
    return change_notification_due_working(change_date=event)


def _periodic(previous_due):
    due = _date("previous_due", previous_due)
    return RuleDate(due, (f"The periodic notification was due by {_fmt(due)}",))


def _travel(departure_date, return_date):
    if departure_date is None:
        raise RefusedDate("departure_date", "Enter the date of departure")
    departure = _date("departure_date", departure_date)
    if return_date is not None:
        back = _date("return_date", return_date)
        if back < departure:
            raise RefusedDate(
                "return_date", "The date of return must be on or after the date of departure"
            )
    return travel_notification_due_working(departure_date=departure)


@dataclass(frozen=True)
class OrderTerm:
    working: tuple[str, ...]
    rules_version: str = RULES_VERSION


def order_term(
    *, kind: str, made_on: object, end_date: object, until_further_order: object, today: object
) -> OrderTerm:
    """Check a civil order's dates: made in the past, a fixed end or "until further order"
    (not both), the end not before it was made, and a full SHPO for at least 5 years."""
    if kind not in ORDER_KINDS:
        raise ValueError(f"kind must be one of {', '.join(sorted(ORDER_KINDS))}; got {kind!r}")
    made = _date("made_on", made_on)
    _not_future("made_on", made, _date("today", today), "date the order was made")
    if not isinstance(until_further_order, bool):
        raise ValueError(f"until_further_order must be True or False, not {until_further_order!r}")
    if until_further_order:
        if end_date is not None:
            raise RefusedDate(
                "end_date", "Leave the end date empty for an order until further order"
            )
        return OrderTerm((f"Made on {_fmt(made)}, in force until further order",))
    if end_date is None:
        raise RefusedDate("end_date", "Enter the end date, or select until further order")
    end = _date("end_date", end_date)
    if end < made:
        raise RefusedDate(
            "end_date", "The end date must be on or after the date the order was made"
        )
    lines = [f"Made on {_fmt(made)}, in force until {_fmt(end)}"]
    if kind == "shpo":
        anniversary, line = _anniversary("made_on", made, SHPO_MIN_MONTHS)
        shortest = anniversary - datetime.timedelta(days=1)
        if end < shortest:
            raise RefusedDate(
                "end_date",
                f"A Sexual Harm Prevention Order lasts at least 5 years: the end date must be "
                f"{_fmt(shortest)} or later",
            )
        lines.append(
            f"An SHPO lasts at least 5 years. {line}: it may end on {_fmt(shortest)} or later"
        )
    return OrderTerm(tuple(lines))
