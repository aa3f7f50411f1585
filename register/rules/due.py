"""The last day on which each notification is in time (ss.84-85 and the 2012 regulations)."""

from __future__ import annotations

import datetime

from ._base import (
    CHANGE_DAYS,
    NO_FIXED_ABODE_DAYS,
    TRAVEL_NOTICE_DAYS,
    RuleDate,
    _anniversary,
    _date,
    _flag,
    _fmt,
    _shift_days,
)

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
