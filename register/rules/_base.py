"""The register's shared pieces: the disposals, the result types, input checks and the calendar.

See ``register.rules`` (the package) for the choices made where the sources leave room.
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
