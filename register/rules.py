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

from __future__ import annotations

import calendar
import datetime
import enum
from dataclasses import dataclass

RULES_VERSION = "register-1"
MIN_AGE = 10  # the age of criminal responsibility: no younger person can have a relevant date
MAX_AGE = 119  # beyond this an age is a typing error, not a person
ADULT_AGE = 18

CUSTODY_SHORT_MAX_MONTHS = 6  # "6 months or less": 7 years
CUSTODY_INDEFINITE_MONTHS = 30  # "30 months or more": indefinite
REVIEW_YEARS = 15
REVIEW_YEARS_UNDER_18 = 8
CHANGE_DAYS = 3  # within 3 days beginning with the change
NO_FIXED_ABODE_DAYS = 7  # within 7 days beginning with the last notification
TRAVEL_NOTICE_DAYS = 7  # at least 7 days before departure


class Disposal(enum.StrEnum):
    LIFE_IMPRISONMENT = "life_imprisonment"  # life, or imprisonment for public protection
    IMPRISONMENT = "imprisonment"
    HOSPITAL_RESTRICTION_ORDER = "hospital_restriction_order"
    HOSPITAL_ORDER = "hospital_order"
    CAUTION = "caution"
    CONDITIONAL_DISCHARGE = "conditional_discharge"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Disposal.LIFE_IMPRISONMENT: "Imprisonment for life or for public protection (IPP)",
    Disposal.IMPRISONMENT: "Imprisonment",
    Disposal.HOSPITAL_RESTRICTION_ORDER: "Hospital order with a restriction order",
    Disposal.HOSPITAL_ORDER: "Hospital order without a restriction order",
    Disposal.CAUTION: "Caution",
    Disposal.CONDITIONAL_DISCHARGE: "Conditional discharge",
    Disposal.OTHER: "Any other disposal",
}

# Fixed periods in months for an adult; None is indefinite. Imprisonment depends on the term.
_FIXED_MONTHS: dict[Disposal, int | None] = {
    Disposal.LIFE_IMPRISONMENT: None,
    Disposal.HOSPITAL_RESTRICTION_ORDER: None,
    Disposal.HOSPITAL_ORDER: 7 * 12,
    Disposal.CAUTION: 2 * 12,
    Disposal.OTHER: 5 * 12,
}
_HALVED_UNDER_18 = frozenset({10 * 12, 7 * 12, 5 * 12, 2 * 12})


@dataclass(frozen=True)
class NotificationPeriod:
    disposal: Disposal
    relevant_date: datetime.date
    age_on_relevant_date: int
    under_18: bool
    indefinite: bool
    months: int | None  # None if indefinite
    last_day: datetime.date | None  # the last day on the register; None if indefinite
    working: tuple[str, ...]
    rules_version: str = RULES_VERSION


@dataclass(frozen=True)
class RuleDate:
    """A date from one of the rules, with its working (``day`` is the answer)."""

    day: datetime.date
    working: tuple[str, ...]
    rules_version: str = RULES_VERSION


# --- validation: reject rather than guess -------------------------------------------------


def _date(name: str, value: object) -> datetime.date:
    # datetime is a subclass of date: reject it so a time or timezone is never silently dropped.
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise ValueError(f"{name} must be a datetime.date (not a datetime), not {value!r}")
    return value


def _positive_int(name: str, value: object) -> int:
    # bool is a subclass of int, but True as a number of months is a wiring mistake
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number of months, not {value!r}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1 (got {value})")
    return value


def _age(value: object) -> int:
    name = "age_on_relevant_date"
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number of years, not {value!r}")
    if not MIN_AGE <= value <= MAX_AGE:
        raise ValueError(f"{name} must be from {MIN_AGE} to {MAX_AGE} (got {value})")
    return value


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, not {value!r}")
    return value


def _disposal(value: object) -> Disposal:
    """Accept a member, an equal str enum (e.g. Django TextChoices) or the plain string."""
    plain = value.value if isinstance(value, enum.Enum) else value
    if isinstance(plain, str):
        try:
            return Disposal(plain)
        except ValueError:
            pass
    allowed = ", ".join(member.value for member in Disposal)
    raise ValueError(f"disposal must be one of {allowed}; got {value!r}")


# --- calendar -----------------------------------------------------------------------------

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _fmt(d: datetime.date) -> str:
    # Our own month names: %B would follow the process locale.
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _span(months: int) -> str:
    years, rest = divmod(months, 12)
    if rest == 0:
        return "1 year" if years == 1 else f"{years} years"
    if rest == 6 and years:
        return f"{years}½ years"
    return "1 month" if months == 1 else f"{months} months"


def _months(n: int) -> str:
    return "1 month" if n == 1 else f"{n} months"


def _anniversary(
    name: str, start: datetime.date, months: int, span: str | None = None
) -> tuple[datetime.date, str]:
    """The day ``months`` calendar months after ``start``, with a line of working.

    A day that does not exist in the target month (29 February, the 31st) falls on the first
    day of the next month.
    """
    span = span or _span(months)
    year, month0 = divmod(start.year * 12 + (start.month - 1) + months, 12)
    month = month0 + 1
    if year > datetime.MAXYEAR:
        raise ValueError(f"{name} {start.isoformat()} plus {span} is beyond the calendar's end")
    length = calendar.monthrange(year, month)[1]
    if start.day <= length:
        day = datetime.date(year, month, start.day)
        return day, f"The anniversary {span} on is {_fmt(day)}"
    first_of_next = datetime.date(year, month, length) + datetime.timedelta(days=1)
    return first_of_next, (
        f"The anniversary {span} on would be {start.day} {_MONTHS[month - 1]} {year}, "
        f"which does not exist, so it falls on {_fmt(first_of_next)}"
    )


def _shift_days(name: str, start: datetime.date, days: int) -> datetime.date:
    try:
        return start + datetime.timedelta(days=days)
    except OverflowError:
        raise ValueError(f"{name} {start.isoformat()} is too near the calendar's end") from None


# --- notification period (s.82) -----------------------------------------------------------


def notification_period(
    *,
    disposal: object,
    relevant_date: object,
    age_on_relevant_date: object,
    custody_months: object = None,
    discharge_months: object = None,
) -> NotificationPeriod:
    """How long the offender stays on the register, beginning with the relevant date."""
    kind = _disposal(disposal)
    start = _date("relevant_date", relevant_date)
    age = _age(age_on_relevant_date)
    if kind is Disposal.IMPRISONMENT:
        if custody_months is None:
            raise ValueError("custody_months is required for imprisonment")
        term = _positive_int("custody_months", custody_months)
    elif custody_months is not None:
        raise ValueError(f"custody_months is only for imprisonment, not {kind.value}")
    if kind is Disposal.CONDITIONAL_DISCHARGE:
        if discharge_months is None:
            raise ValueError("discharge_months is required for conditional_discharge")
        discharge = _positive_int("discharge_months", discharge_months)
    elif discharge_months is not None:
        raise ValueError(f"discharge_months is only for conditional_discharge, not {kind.value}")

    under_18 = age < ADULT_AGE
    lines: list[str] = []
    months: int | None
    if kind is Disposal.IMPRISONMENT:
        if term >= CUSTODY_INDEFINITE_MONTHS:
            months, band = None, "30 months or more"
        elif term > CUSTODY_SHORT_MAX_MONTHS:
            months, band = 10 * 12, "more than 6 but less than 30 months"
        else:
            months, band = 7 * 12, "6 months or less"
        period = "indefinite" if months is None else _span(months)
        lines.append(f"Imprisonment for {_months(term)} ({band}): {period}")
    elif kind is Disposal.CONDITIONAL_DISCHARGE:
        months = discharge
        lines.append(f"Conditional discharge for {_months(months)}: the period of the discharge")
    else:
        months = _FIXED_MONTHS[kind]
        period = "indefinite" if months is None else _span(months)
        lines.append(f"{kind.label}: {period}")

    if not under_18:
        lines.append(f"Aged {age} on the relevant date (18 or over): not halved")
    elif months is None:
        lines.append(f"Aged {age} on the relevant date (under 18): indefinite all the same")
    elif kind is Disposal.CONDITIONAL_DISCHARGE:
        lines.append(
            f"Aged {age} on the relevant date (under 18): a conditional discharge is not halved"
        )
    elif months in _HALVED_UNDER_18:
        lines.append(
            f"Aged {age} on the relevant date (under 18): {_span(months)} halved to "
            f"{_span(months // 2)}"
        )
        months //= 2

    if months is None:
        lines.append(
            f"On the register indefinitely from {_fmt(start)}; a review may be sought "
            f"{REVIEW_YEARS_UNDER_18 if under_18 else REVIEW_YEARS} years after the initial "
            "notification (ss.91A-91F)"
        )
        return NotificationPeriod(
            kind, start, age, under_18, True, None, None, tuple(lines), RULES_VERSION
        )

    span = _months(months) if kind is Disposal.CONDITIONAL_DISCHARGE else _span(months)
    anniversary, line = _anniversary("relevant_date", start, months, span)
    last_day = anniversary - datetime.timedelta(days=1)
    lines.append(f"{span} beginning with the relevant date, {_fmt(start)}")
    lines.append(line)
    lines.append(f"Last day on the register: {_fmt(last_day)} (the day before the anniversary)")
    return NotificationPeriod(
        kind, start, age, under_18, False, months, last_day, tuple(lines), RULES_VERSION
    )


# --- review of indefinite notification (ss.91A-91F) ---------------------------------------


def indefinite_review_from_working(
    *, initial_notification: object, age_on_relevant_date: object
) -> RuleDate:
    """The first day an application for review may be made, with its working."""
    start = _date("initial_notification", initial_notification)
    age = _age(age_on_relevant_date)
    years = REVIEW_YEARS_UNDER_18 if age < ADULT_AGE else REVIEW_YEARS
    who = "under 18" if age < ADULT_AGE else "18 or over"
    day, line = _anniversary("initial_notification", start, years * 12)
    return RuleDate(
        day,
        (
            f"Aged {age} on the relevant date ({who}): review after {years} years",
            f"Initial notification on {_fmt(start)}",
            line,
            f"A review may be sought from {_fmt(day)}",
        ),
    )


def indefinite_review_from(
    *, initial_notification: object, age_on_relevant_date: object
) -> datetime.date:
    """The first day an application for review of indefinite notification may be made."""
    return indefinite_review_from_working(
        initial_notification=initial_notification, age_on_relevant_date=age_on_relevant_date
    ).day


# --- periodic re-notification (s.85) ------------------------------------------------------


def periodic_notification_due_working(
    *, last_notification: object, no_fixed_abode: object = False
) -> RuleDate:
    """The last day of the next periodic notification, with its working."""
    start = _date("last_notification", last_notification)
    if _flag("no_fixed_abode", no_fixed_abode):
        day = _shift_days("last_notification", start, NO_FIXED_ABODE_DAYS - 1)
        return RuleDate(
            day,
            (
                f"Last notification on {_fmt(start)}",
                f"No fixed abode: within {NO_FIXED_ABODE_DAYS} days beginning with it",
                f"Due by {_fmt(day)}",
            ),
        )
    anniversary, line = _anniversary("last_notification", start, 12)
    day = anniversary - datetime.timedelta(days=1)
    return RuleDate(
        day,
        (
            f"Last notification on {_fmt(start)}",
            "Within one year beginning with it",
            line,
            f"Due by {_fmt(day)} (the day before the anniversary)",
        ),
    )


def periodic_notification_due(
    *, last_notification: object, no_fixed_abode: object = False
) -> datetime.date:
    """The last day on which the next periodic notification is in time."""
    return periodic_notification_due_working(
        last_notification=last_notification, no_fixed_abode=no_fixed_abode
    ).day


# --- changes (s.84; also staying with a child, release from custody) ----------------------


def change_notification_due_working(*, change_date: object) -> RuleDate:
    """The last day to notify a change, with its working."""
    start = _date("change_date", change_date)
    day = _shift_days("change_date", start, CHANGE_DAYS - 1)
    return RuleDate(
        day,
        (
            f"Change on {_fmt(start)}",
            f"Within {CHANGE_DAYS} days beginning with the change",
            f"Due by {_fmt(day)}",
        ),
    )


def change_notification_due(*, change_date: object) -> datetime.date:
    """The last day on which a notification of a change is in time."""
    return change_notification_due_working(change_date=change_date).day


# --- foreign travel (2012 regulations) ----------------------------------------------------


def travel_notification_due_working(*, departure_date: object) -> RuleDate:
    """The last day to notify foreign travel, with its working."""
    start = _date("departure_date", departure_date)
    day = _shift_days("departure_date", start, -TRAVEL_NOTICE_DAYS)
    return RuleDate(
        day,
        (
            f"Departure on {_fmt(start)}",
            f"At least {TRAVEL_NOTICE_DAYS} days before departure",
            f"Due by {_fmt(day)}",
        ),
    )


def travel_notification_due(*, departure_date: object) -> datetime.date:
    """The last day on which a notification of foreign travel is in time."""
    return travel_notification_due_working(departure_date=departure_date).day
