"""The registration: the notification period computed by the rules, stored with its working,
and the offender's record kept in step (registration start, notification period, status)."""

from __future__ import annotations

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from audit.models import Action
from audit.services import audit_record
from offenders.models import NotificationPeriod as OffenderPeriod
from offenders.models import Status
from offenders.services import offender_update

from ..access import require_change_register
from ..models import Notification, OffReason, Registration
from ..rules import (
    indefinite_review_from,
    notification_period,
    periodic_notification_due,
)
from ._common import not_future, rules_as_field_errors, today_or

# The offender record's older summary field, where the computed period has a matching choice.
OFFENDER_PERIOD = {
    None: OffenderPeriod.INDEFINITE,
    120: OffenderPeriod.TEN_YEARS,
    84: OffenderPeriod.SEVEN_YEARS,
    60: OffenderPeriod.FIVE_YEARS,
    42: OffenderPeriod.THREE_HALF_YEARS,
    30: OffenderPeriod.TWO_HALF_YEARS,
    24: OffenderPeriod.TWO_YEARS,
    12: OffenderPeriod.ONE_YEAR,
}
OFF_STATUS = {
    OffReason.PERIOD_ENDED: Status.REMOVED,
    OffReason.REVIEW_GRANTED: Status.REMOVED,
    OffReason.DECEASED: Status.DECEASED,
    OffReason.MOVED_OUT: Status.MOVED_OUT,
}
RULE_FIELDS = ("disposal", "relevant_date", "age_on_relevant_date", "custody_months")
RULE_FIELDS += ("discharge_months", "initial_notification")


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    return (
        day.year
        - date_of_birth.year
        - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))
    )


SCOPE_FIELDS = frozenset({"team", "responsible_officer"})


def scope_values(offender) -> dict:
    return {
        "force_id": offender.team.force_id,
        "team_id": offender.team_id,
        "responsible_officer_id": offender.responsible_officer_id,
    }


def registration_scope_follow(offender, changed_fields) -> None:
    """``offenders.hooks.on_offender_saved``: the registration's scope columns follow the record
    (inside the offender service's transaction)."""
    if changed_fields is None or changed_fields & SCOPE_FIELDS:
        Registration.objects.filter(offender=offender).update(**scope_values(offender))


def refresh_periodic(registration: Registration) -> None:
    """The last notification of any kind that counts (s.85) and the next periodic date."""
    latest = (
        Notification.objects.filter(offender_id=registration.offender_id, moves_periodic=True)
        .order_by("-notified_on")
        .values_list("notified_on", flat=True)
        .first()
    )
    last = max(filter(None, [registration.first_notified_on, latest]))
    registration.last_notified_on = last
    registration.next_periodic_due = periodic_notification_due(
        last_notification=last, no_fixed_abode=registration.no_fixed_abode
    )


@transaction.atomic
def registration_record(
    *,
    user,
    offender,
    relevant_date: datetime.date,
    disposal: str,
    first_notified_on: datetime.date,
    age_on_relevant_date: int | None = None,
    custody_months: int | None = None,
    discharge_months: int | None = None,
    no_fixed_abode: bool = False,
    today: datetime.date | None = None,
) -> Registration:
    """Record (or correct) the offender's registration; the period is computed, never typed."""
    require_change_register(user, offender)
    today = today_or(today)
    errors: dict = {}
    not_future(errors, "relevant_date", relevant_date, today, "relevant date")
    not_future(
        errors, "first_notified_on", first_notified_on, today, "date of the initial notification"
    )
    if not errors and first_notified_on < relevant_date:
        errors["first_notified_on"] = (
            "The initial notification must be on or after the relevant date"
        )
    if not errors and relevant_date < offender.date_of_birth:
        errors["relevant_date"] = "The relevant date must be after the date of birth"
    if errors:
        raise ValidationError(errors)
    if age_on_relevant_date is None:
        age_on_relevant_date = age_on(offender.date_of_birth, relevant_date)
    with rules_as_field_errors(RULE_FIELDS):
        period = notification_period(
            disposal=disposal,
            relevant_date=relevant_date,
            age_on_relevant_date=age_on_relevant_date,
            custody_months=custody_months,
            discharge_months=discharge_months,
        )
        review = None
        if period.indefinite:
            review = indefinite_review_from(
                initial_notification=first_notified_on, age_on_relevant_date=age_on_relevant_date
            )
    registration = Registration.objects.select_for_update().filter(offender=offender).first()
    created = registration is None
    if created:
        registration = Registration(offender=offender, recorded_by=user)
    registration.relevant_date = relevant_date
    registration.disposal = period.disposal.value
    registration.custody_months = custody_months
    registration.discharge_months = discharge_months
    registration.age_on_relevant_date = age_on_relevant_date
    registration.indefinite = period.indefinite
    registration.period_months = period.months
    registration.last_day = period.last_day
    registration.period_working = list(period.working)
    registration.rules_version = period.rules_version
    registration.first_notified_on = first_notified_on
    registration.review_from = review
    registration.no_fixed_abode = no_fixed_abode
    for name, value in scope_values(offender).items():
        setattr(registration, name, value)
    refresh_periodic(registration)
    registration.full_clean()
    registration.save()
    audit_record(
        actor=user,
        action=Action.CREATED if created else Action.CHANGED,
        obj=registration,
        offender=offender,
        summary="Registration recorded" if created else "Registration corrected",
        changed_fields=["relevant_date", "disposal", "first_notified_on", "no_fixed_abode"],
    )
    _offender_in_step(user, offender, relevant_date, period.months)
    return registration


def _offender_in_step(user, offender, relevant_date, months) -> None:
    fields = {"registration_start": relevant_date}
    if months in OFFENDER_PERIOD:
        fields["notification_period"] = OFFENDER_PERIOD[months]
    offender_update(user=user, offender=offender, **fields)


@transaction.atomic
def registration_end(
    *, user, registration: Registration, reason: str, off_on: datetime.date, today=None
) -> Registration:
    """Take the offender off the register, with the reason; his record's status follows."""
    offender = registration.offender
    require_change_register(user, offender)
    today = today_or(today)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    errors: dict = {}
    if reason not in OffReason.values:
        errors["reason"] = "Select why he is no longer on the register"
    not_future(errors, "off_on", off_on, today, "date he came off the register")
    if "off_on" not in errors and off_on < registration.relevant_date:
        errors["off_on"] = "The date must be on or after the relevant date"
    if not registration.on_register:
        errors[NON_FIELD_ERRORS] = "He is already off the register"
    if errors:
        raise ValidationError(errors)
    registration.on_register = False
    registration.off_reason = reason
    registration.off_on = off_on
    registration.full_clean()
    registration.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=registration,
        offender=offender,
        summary=f"Off the register: {registration.get_off_reason_display()}",
        changed_fields=["on_register", "off_reason", "off_on"],
    )
    offender_update(user=user, offender=offender, status=OFF_STATUS[reason])
    registration.offender = offender
    return registration
