"""Reads for the register. Callers have resolved the offender through ``register.access`` (or
``offenders.access``) first; the compliance reads start from the one scope rule."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, Prefetch, Q, QuerySet

from arms_site.lib.dates import add_months
from arms_site.lib.queries import one_or_none
from offenders.access import scope_for

from .models import (
    CivilOrder,
    Notification,
    NotificationKind,
    OrderProhibition,
    Registration,
    SuspectedBreach,
)

DUE_SOON_DAYS = 14  # the dashboard's "in the next 14 days", and the panel's "due soon"
ENDING_MONTHS = 3


def registration_of(offender) -> Registration | None:
    return one_or_none(Registration.objects.filter(offender=offender))


def periodic_state(registration: Registration | None, today: datetime.date) -> str | None:
    """ "overdue", "due" (within 14 days) or None, for the next periodic notification."""
    if registration is None or not registration.on_register:
        return None
    due = registration.next_periodic_due
    if due < today:
        return "overdue"
    return "due" if (due - today).days <= DUE_SOON_DAYS else None


def _orders(offender) -> QuerySet[CivilOrder]:
    return CivilOrder.objects.filter(offender=offender).prefetch_related(
        Prefetch("prohibitions", queryset=OrderProhibition.objects.order_by("position"))
    )


def orders_in_force(offender, today: datetime.date) -> list[CivilOrder]:
    return [
        order for order in _orders(offender).filter(made_on__lte=today) if order.in_force_on(today)
    ]


def travel_notified(offender, today: datetime.date) -> QuerySet[Notification]:
    """Foreign travel not yet over: departing or returning today or later."""
    return Notification.objects.filter(
        Q(return_date__gte=today) | Q(return_date__isnull=True, departure_date__gte=today),
        offender=offender,
        kind=NotificationKind.TRAVEL,
    ).order_by("departure_date")


def open_breaches(offender) -> QuerySet[SuspectedBreach]:
    return SuspectedBreach.objects.filter(offender=offender, closed_on__isnull=True).select_related(
        "prohibition__order"
    )


@dataclass
class PanelFacts:
    registration: Registration | None
    periodic_state: str | None
    orders: list[CivilOrder]
    travel: list[Notification]
    breaches: list[SuspectedBreach]
    today: datetime.date


def panel_facts(offender, today: datetime.date) -> PanelFacts:
    """What the summary's register panel shows. The registration's query also says whether
    there are orders, travel or open breaches to read, so a registered offender with none (most)
    costs one query, not five. Without a registration (a Sexual Risk Order needs no conviction)
    the panel still shows the orders and breaches."""
    registration = one_or_none(
        Registration.objects.filter(offender=offender).annotate(
            has_orders=Exists(CivilOrder.objects.filter(offender=offender, made_on__lte=today)),
            has_travel=Exists(travel_notified(offender, today)),
            has_breaches=Exists(open_breaches(offender)),
        )
    )
    if registration is None:  # travel is notified only by registered offenders
        return PanelFacts(
            registration=None,
            periodic_state=None,
            orders=orders_in_force(offender, today),
            travel=[],
            breaches=list(open_breaches(offender)),
            today=today,
        )
    return PanelFacts(
        registration=registration,
        periodic_state=periodic_state(registration, today),
        orders=orders_in_force(offender, today) if registration.has_orders else [],
        travel=list(travel_notified(offender, today)) if registration.has_travel else [],
        breaches=list(open_breaches(offender)) if registration.has_breaches else [],
        today=today,
    )


@dataclass
class History:
    registration: Registration | None
    notifications: list[Notification]
    orders: list[CivilOrder]
    breaches: list[SuspectedBreach]


def history(offender) -> History:
    """Everything on the register for one offender, most recent first (the Register tab)."""
    return History(
        registration=registration_of(offender),
        notifications=list(
            Notification.objects.filter(offender=offender).select_related("taken_by", "address")
        ),
        orders=list(_orders(offender)),
        breaches=list(
            SuspectedBreach.objects.filter(offender=offender).select_related("prohibition__order")
        ),
    )


def travel_notifications(offender) -> QuerySet[Notification]:
    """Travel a return notification can refer to."""
    return Notification.objects.filter(offender=offender, kind=NotificationKind.TRAVEL)


def prohibitions_of(offender) -> QuerySet[OrderProhibition]:
    return OrderProhibition.objects.filter(order__offender=offender).select_related("order")


# --- compliance across a scope (the dashboard) -------------------------------------------------

FIGURES = {
    "periodic_due": "Periodic notifications due in the next 14 days",
    "periodic_overdue": "Periodic notifications overdue",
    "travel": "Foreign travel departing in the next 14 days",
    "orders_ending": "Civil orders ending in the next 3 months",
    "breaches": "Open suspected breaches",
    "registrations_ending": "Registrations ending in the next 3 months",
}


def _scope_q(user, prefix: str = "offender__") -> Q:
    """The scope rule on the offender's columns; ``prefix=""`` on a registration's own copies."""
    # A registration carries its own copies of the force, team and officer (indexed): on them
    # the rule needs no join.
    return scope_for(user).caseload_q(
        force="force_id" if prefix == "" else f"{prefix}team__force_id",
        team=f"{prefix}team_id",
        officer=f"{prefix}responsible_officer_id",
    )


def _windows(today: datetime.date):
    return today + datetime.timedelta(days=DUE_SOON_DAYS), add_months(today, ENDING_MONTHS)


def compliance_querysets(user, today: datetime.date) -> dict[str, QuerySet]:
    """The rows behind each figure, scoped to what ``user`` may see (unordered)."""
    soon, months = _windows(today)
    scope = _scope_q(user)
    on = Registration.objects.filter(_scope_q(user, prefix=""), on_register=True)
    return {
        "periodic_due": on.filter(next_periodic_due__range=(today, soon)),
        "periodic_overdue": on.filter(next_periodic_due__lt=today),
        "travel": Notification.objects.filter(
            scope, kind=NotificationKind.TRAVEL, departure_date__range=(today, soon)
        ),
        "orders_ending": CivilOrder.objects.filter(
            scope, until_further_order=False, made_on__lte=today, end_date__range=(today, months)
        ),
        "breaches": SuspectedBreach.objects.filter(scope, closed_on__isnull=True),
        "registrations_ending": on.filter(indefinite=False, last_day__range=(today, months)),
    }


def compliance_counts(user, today: datetime.date) -> dict[str, int]:
    """Each figure's count, one query each whatever the size of the scope.

    A count per figure, not one aggregate with a FILTER per figure over the registrations: each
    count is a range of its own index (``reg_force_due``, ``reg_force_last_day`` and the team
    ones), so it reads the rows it counts; the single aggregate read every registration in the
    scope (a force administrator's whole force) to count a few hundred of them.
    """
    return {key: rows.count() for key, rows in compliance_querysets(user, today).items()}
