"""Calendar arithmetic that is safe at month ends and on 29 February. Pure: no Django, no clock."""

from __future__ import annotations

import calendar
import datetime


def check_date(d: object) -> None:
    # datetime is a subclass of date: reject it so a time or timezone is never silently dropped.
    if not isinstance(d, datetime.date) or isinstance(d, datetime.datetime):
        raise ValueError(f"Expected a datetime.date (not a datetime), got {d!r}")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def add_months(d: datetime.date, months: int) -> datetime.date:
    """Add calendar months, clamping the day to the month's end (31 Jan + 1 → 28/29 Feb)."""
    check_date(d)
    if not _is_int(months) or months < 0:
        raise ValueError(f"months must be a whole number ≥ 0, got {months!r}")
    return shift_months(d, months)


def shift_months(d: datetime.date, months: int) -> datetime.date:
    """Move by calendar months either way, clamping the day to the month's end."""
    year, month0 = divmod(d.year * 12 + (d.month - 1) + months, 12)
    day = min(d.day, calendar.monthrange(year, month0 + 1)[1])
    return datetime.date(year, month0 + 1, day)


def years_before(d: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` earlier; 29 February becomes 28 February in a common year."""
    return shift_months(d, -12 * years)


def years_after(d: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    return shift_months(d, 12 * years)


def gov_date(d: datetime.date, *, short: bool = False) -> str:
    """A date in GOV.UK style, without a leading zero: "3 November 2015" ("3 Nov 2015" short).
    A datetime prints its date only."""
    return f"{d.day} {d:%b %Y}" if short else f"{d.day} {d:%B %Y}"
