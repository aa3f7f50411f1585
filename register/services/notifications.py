"""Notifications received: each checked by the rules (the deadline and whether it was in time,
stored with the working), moving the next periodic date, a new home address written to the
offender's record in the same transaction, and a late one recorded as a change of circumstances."""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction

from audit.models import Action
from audit.services import audit_record
from offenders.services import address_add

from ..access import require_change_register
from ..models import Notification, NotificationKind, Registration
from ..rules import notification_check
from ._common import _record_compliance_change, rules_as_field_errors, today_or
from .registration import refresh_periodic

RULE_FIELDS = ("notified_on", "event_date", "departure_date", "return_date", "kind")
ADDRESS_FIELDS = ("line_1", "line_2", "town", "postcode")
# What each kind needs besides the dates, with the error when it is missing.
NEEDS_DETAILS = {
    NotificationKind.NAME: "Enter the new name",
    NotificationKind.OTHER_ADDRESS: "Enter the address where he stayed",
    NotificationKind.CHILD: "Enter the household and the child he stays with",
}


def _registration_locked(offender) -> Registration:
    registration = Registration.objects.select_for_update().filter(offender=offender).first()
    if registration is None:
        raise ValidationError({NON_FIELD_ERRORS: "Record the registration before a notification"})
    if not registration.on_register:
        raise ValidationError({NON_FIELD_ERRORS: "He is no longer on the register"})
    return registration


def _required_errors(kind, details, address, destinations, carriers) -> dict:
    errors = {}
    if kind in NEEDS_DETAILS and not details.strip():
        errors["details"] = NEEDS_DETAILS[kind]
    if kind == NotificationKind.HOME_ADDRESS:
        for field, message in (
            ("line_1", "Enter the first line of the new address"),
            ("town", "Enter the town or city"),
            ("postcode", "Enter the postcode"),
        ):
            if not (address or {}).get(field, "").strip():
                errors[field] = message
    if kind == NotificationKind.TRAVEL:
        if not destinations.strip():
            errors["destinations"] = "Enter the destinations"
        if not carriers.strip():
            errors["carriers"] = "Enter the carriers (airline, ferry or rail company)"
    return errors


@transaction.atomic
def notification_record(
    *,
    user,
    offender,
    kind: str,
    notified_on: datetime.date,
    station: str,
    event_date: datetime.date | None = None,
    details: str = "",
    address: dict | None = None,
    departure_date: datetime.date | None = None,
    return_date: datetime.date | None = None,
    destinations: str = "",
    carriers: str = "",
    travel: Notification | None = None,
    today: datetime.date | None = None,
) -> Notification:
    """Record one notification of ``kind`` (``NotificationKind``); see the module docstring."""
    require_change_register(user, offender)
    if travel is not None and (travel.offender_id != offender.pk or travel.kind != "travel"):
        raise PermissionDenied("That travel notification belongs to another record.")
    today = today_or(today)
    registration = _registration_locked(offender)
    if kind == NotificationKind.RETURN and travel is not None and event_date is not None:
        if travel.departure_date and event_date < travel.departure_date:
            raise ValidationError(
                {"event_date": "The date of return must be on or after the departure"}
            )
    errors = _required_errors(kind, details, address, destinations, carriers)
    if not station.strip():
        errors["station"] = "Enter the police station where he notified"
    if errors:
        raise ValidationError(errors)
    with rules_as_field_errors(RULE_FIELDS):
        check = notification_check(
            kind=str(kind),
            notified_on=notified_on,
            today=today,
            event_date=event_date if kind not in ("periodic", "travel") else None,
            departure_date=departure_date,
            return_date=return_date,
            previous_due=registration.next_periodic_due,
        )
    if notified_on < registration.relevant_date:
        raise ValidationError(
            {"notified_on": "The date notified must be on or after the relevant date"}
        )
    notification = Notification(
        offender=offender,
        kind=kind,
        event_date=event_date if kind not in ("periodic", "travel") else None,
        notified_on=notified_on,
        station=station.strip(),
        details=details.strip(),
        departure_date=departure_date if kind == "travel" else None,
        return_date=return_date if kind == "travel" else None,
        destinations=destinations.strip() if kind == "travel" else "",
        carriers=carriers.strip() if kind == "travel" else "",
        travel=travel if kind == "return" else None,
        deadline=check.deadline,
        deadline_working=list(check.working),
        rules_version=check.rules_version,
        in_time=check.in_time,
        moves_periodic=check.moves_periodic,
        taken_by=user,
    )
    if kind == NotificationKind.HOME_ADDRESS:
        fields = {name: (address or {}).get(name, "").strip() for name in ADDRESS_FIELDS}
        notification.address = address_add(
            user=user, offender=offender, start_date=event_date, **fields
        )
    notification.full_clean()
    notification.save()
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=notification,
        offender=offender,
        summary=f"Notification recorded: {notification.get_kind_display()}"
        + ("" if check.in_time else " (late)"),
        changed_fields=["kind", "notified_on", "event_date"],
    )
    if check.moves_periodic:
        refresh_periodic(registration)
        registration.save(update_fields=["last_notified_on", "next_periodic_due", "updated_at"])
    if not check.in_time:
        _record_compliance_change(
            user=user,
            offender=offender,
            occurred_on=notified_on,
            details=f"{notification.get_kind_display()} notified late: due by "
            f"{check.deadline:%d %B %Y}, notified on {notified_on:%d %B %Y}",
            today=today,
        )
    return notification
