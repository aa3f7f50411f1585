"""The officer's own home-visit interval for an offender (the policy's table is a default)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import Action
from audit.services import audit_record
from offenders.models import Offender

from ..models import ReactiveManagement, ReactiveStatus, VisitFrequency
from ..selectors import current_decision
from ._common import require_change
from .schedule import schedule_refresh

MIN_MONTHS, MAX_MONTHS = 1, 24


def _lock_offender(offender) -> None:
    # One writer at a time per offender, so two settings can never both be in force.
    Offender.objects.select_for_update().only("pk").get(pk=offender.pk)


def _in_force(offender) -> VisitFrequency | None:
    return VisitFrequency.objects.filter(offender=offender, ended_at__isnull=True).first()


@transaction.atomic
def visit_frequency_set(*, user, offender, interval_months, rationale: str) -> VisitFrequency:
    """Set the offender's home-visit interval, superseding any earlier setting."""
    require_change(user, offender)
    errors = {}
    if isinstance(interval_months, bool) or not isinstance(interval_months, int):
        errors["interval_months"] = "Enter the number of months as a whole number"
    elif not MIN_MONTHS <= interval_months <= MAX_MONTHS:
        errors["interval_months"] = "Enter a number of months between 1 and 24"
    if not (rationale or "").strip():
        errors["rationale"] = "Enter why this visit interval suits this offender"
    if errors:
        raise ValidationError(errors)
    _lock_offender(offender)
    if ReactiveManagement.objects.filter(offender=offender, status=ReactiveStatus.ACTIVE).exists():
        raise ValidationError(
            "This offender is in reactive management, which has no routine home visits: "
            "the visit interval can be set once reactive management ends"
        )
    if current_decision(offender) is None:
        raise ValidationError(
            "There is no level of risk management yet: the visit timetable starts when an "
            "ARMS assessment is countersigned"
        )
    now = timezone.now()
    previous = _in_force(offender)
    if previous is not None:
        previous.ended_at = now
        previous.ended_by = user
        previous.end_reason = "Superseded by a new interval"
        previous.save(update_fields=["ended_at", "ended_by", "end_reason"])
    setting = VisitFrequency(
        offender=offender, interval_months=interval_months, rationale=rationale.strip(), set_by=user
    )
    setting.full_clean()
    setting.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=setting,
        offender=offender,
        summary=f"Home-visit interval set to {interval_months} month(s)",
        changed_fields=["interval_months", "rationale"],
    )
    schedule_refresh(offender, today=timezone.localdate(now))
    return setting


@transaction.atomic
def visit_frequency_clear(*, user, offender, rationale: str) -> VisitFrequency:
    """End the officer's interval: visits return to the policy's default for the level."""
    require_change(user, offender)
    if not (rationale or "").strip():
        raise ValidationError({"rationale": "Enter why visits return to the policy default"})
    _lock_offender(offender)
    setting = _in_force(offender)
    if setting is None:
        raise ValidationError("Visits already follow the policy default: there is nothing to end")
    now = timezone.now()
    setting.ended_at = now
    setting.ended_by = user
    setting.end_reason = rationale.strip()
    setting.save(update_fields=["ended_at", "ended_by", "end_reason"])
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=setting,
        offender=offender,
        summary="Home-visit interval returned to the policy default",
        changed_fields=["ended_at", "end_reason"],
    )
    schedule_refresh(offender, today=timezone.localdate(now))
    return setting
