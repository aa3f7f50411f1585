"""The register's rows for the synthetic national data: a registration per offender on the
register, its periodic notification history, and for some a foreign trip, a civil order and an
open suspected breach. Periods and due dates come from ``register.rules`` (the same calls the
services make); rows are bulk-created with the batch. Deterministic in the offender's index."""

from __future__ import annotations

import datetime

from offenders.models import Status
from register.models import (
    CivilOrder,
    Notification,
    OrderProhibition,
    Registration,
    SuspectedBreach,
)
from register.rules import (
    RULES_VERSION,
    indefinite_review_from,
    notification_period,
    periodic_notification_due,
    travel_notification_due,
)

BATCH = 2000
OFF_REGISTER = {Status.REMOVED, Status.DECEASED, Status.MOVED_OUT}
# The offender's recorded period -> (disposal, custody months) that gives it for an adult.
DISPOSAL = {
    "indefinite": ("imprisonment", 36),
    "10y": ("imprisonment", 18),
    "7y": ("imprisonment", 4),
    "5y": ("other", None),
    "3y6m": ("imprisonment", 4),
    "2y6m": ("other", None),
    "2y": ("caution", None),
    "1y": ("caution", None),
}
PROHIBITIONS = (
    "Not to use any device capable of accessing the internet unless it can retain history",
    "Not to have unsupervised contact with any child under 16",
    "Not to travel outside the United Kingdom without notifying the police",
)


def _age(born: datetime.date, day: datetime.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _registration(p, officer, today) -> tuple[Registration, Notification] | None:
    if p.status in OFF_REGISTER or p.registered > today:
        return None
    disposal, custody = DISPOSAL.get(p.period, ("other", None))
    age = min(max(_age(p.born, p.registered), 10), 119)
    period = notification_period(
        disposal=disposal,
        relevant_date=p.registered,
        age_on_relevant_date=age,
        custody_months=custody,
    )
    first = min(p.registered + datetime.timedelta(days=2), today)
    # the last periodic notification: spread over the past 13 months, so some are overdue
    last = max(first, today - datetime.timedelta(days=(p.index * 37) % 395))
    registration = Registration(
        offender=p.offender,
        relevant_date=p.registered,
        disposal=disposal,
        custody_months=custody,
        age_on_relevant_date=age,
        indefinite=period.indefinite,
        period_months=period.months,
        last_day=period.last_day,
        period_working=list(period.working),
        rules_version=RULES_VERSION,
        first_notified_on=first,
        review_from=indefinite_review_from(initial_notification=first, age_on_relevant_date=age)
        if period.indefinite
        else None,
        last_notified_on=last,
        next_periodic_due=periodic_notification_due(last_notification=last),
        force_id=p.offender.team.force_id,
        team_id=p.offender.team_id,
        responsible_officer_id=p.offender.responsible_officer_id,
        recorded_by=officer,
    )
    periodic = Notification(
        offender=p.offender,
        kind="periodic",
        notified_on=last,
        station="Synthetic police station",
        deadline=last,
        rules_version=RULES_VERSION,
        in_time=True,
        moves_periodic=True,
        taken_by=officer,
    )
    return registration, periodic


def _trip(p, officer, today) -> Notification:
    departure = today + datetime.timedelta(days=p.index % 30)
    deadline = travel_notification_due(departure_date=departure)
    notified = min(today, deadline)
    return Notification(
        offender=p.offender,
        kind="travel",
        notified_on=notified,
        station="Synthetic police station",
        departure_date=departure,
        return_date=departure + datetime.timedelta(days=7),
        destinations="Spain",
        carriers="Synthetic Air",
        deadline=deadline,
        rules_version=RULES_VERSION,
        in_time=notified <= deadline,
        moves_periodic=False,
        taken_by=officer,
    )


def _order(p, officer, today) -> CivilOrder:
    made = today - datetime.timedelta(days=1500 + p.index % 400)
    return CivilOrder(
        offender=p.offender,
        kind="shpo",
        court="Synthetic Crown Court",
        made_on=made,
        end_date=made + datetime.timedelta(days=1826 + p.index % 90),
        rules_version=RULES_VERSION,
        recorded_by=officer,
    )


def write_register(people, officer_of, today: datetime.date) -> None:
    """``officer_of(person)``: the user recorded as taking the notifications."""
    registrations, notifications, orders, breaches = [], [], [], []
    for p in people:
        officer = officer_of(p)
        made = _registration(p, officer, today)
        if made is None:
            continue
        registrations.append(made[0])
        notifications.append(made[1])
        if p.index % 40 == 0:
            notifications.append(_trip(p, officer, today))
        if p.index % 25 == 0:
            orders.append(_order(p, officer, today))
        if p.index % 60 == 0:
            breaches.append(
                SuspectedBreach(
                    offender=p.offender,
                    breach_of="notification",
                    what="Synthetic: did not attend for the periodic notification",
                    found_on=today - datetime.timedelta(days=p.index % 20),
                    recorded_by=officer,
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    Notification.objects.bulk_create(notifications, batch_size=BATCH)
    CivilOrder.objects.bulk_create(orders, batch_size=BATCH)
    OrderProhibition.objects.bulk_create(
        [
            OrderProhibition(order=order, position=n, text=text)
            for order in orders
            for n, text in enumerate(PROHIBITIONS, start=1)
        ],
        batch_size=BATCH,
    )
    SuspectedBreach.objects.bulk_create(breaches, batch_size=BATCH)
