"""How long an offender stays on the register (s.82) and when a review may be sought (ss.91A-91F)."""

from __future__ import annotations

import datetime

from ._base import (
    _FIXED_MONTHS,
    _HALVED_UNDER_18,
    ADULT_AGE,
    CUSTODY_INDEFINITE_MONTHS,
    CUSTODY_SHORT_MAX_MONTHS,
    REVIEW_YEARS,
    REVIEW_YEARS_UNDER_18,
    RULES_VERSION,
    Disposal,
    NotificationPeriod,
    RuleDate,
    _age,
    _anniversary,
    _date,
    _disposal,
    _fmt,
    _months,
    _positive_int,
    _span,
)

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
