"""Visits and changes of circumstance."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import Action
from audit.services import audit_record

from ..models import (
    ChangeOfCircumstances,
    Visit,
)
from ._common import _locked, _today, require_change
from .reactive_management import _end_reactive
from .schedule import schedule_refresh


@transaction.atomic
def change_of_circumstances_record(
    *, user, offender, kind: str, occurred_on: datetime.date, details: str, today=None
) -> ChangeOfCircumstances:
    """Record a change: a reassessment is due at once, and reactive management ends."""
    require_change(user, offender)
    today = _today(today)
    errors = {}
    if occurred_on > today:
        errors["occurred_on"] = "The date of the change must be today or in the past"
    if not details.strip():
        errors["details"] = "Enter the details of the change"
    if errors:
        raise ValidationError(errors)
    change = ChangeOfCircumstances(
        offender=offender,
        kind=kind,
        occurred_on=occurred_on,
        details=details.strip(),
        recorded_by=user,
    )
    change.full_clean()
    change.save()
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=change,
        offender=offender,
        summary=f"Change of circumstances recorded: {change.get_kind_display()}",
        changed_fields=["kind", "occurred_on", "details"],
    )
    _end_reactive(
        user=user,
        offender=offender,
        today=today,
        reason=f"Change of circumstances ({change.get_kind_display().lower()})",
    )
    schedule_refresh(offender, today=today)
    return change


@transaction.atomic
def visit_plan(
    *,
    user,
    offender,
    planned_for: datetime.datetime,
    kind: str,
    announced: bool = False,
    attended_by: str = "",
    notes: str = "",
    now=None,
) -> Visit:
    require_change(user, offender)
    now = now or timezone.now()
    if planned_for < now:
        raise ValidationError({"planned_for": "The planned date and time must be in the future"})
    visit = Visit(
        offender=offender,
        planned_for=planned_for,
        kind=kind,
        announced=announced,
        attended_by=attended_by.strip(),
        notes=notes.strip(),
        recorded_by=user,
    )
    visit.full_clean()
    visit.save()
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=visit,
        offender=offender,
        summary=f"{visit.get_kind_display()} planned",
        changed_fields=["planned_for", "kind", "announced"],
    )
    schedule_refresh(offender, today=timezone.localdate(now))
    return visit


@transaction.atomic
def visit_record(
    *,
    user,
    offender,
    completed_at: datetime.datetime,
    kind: str,
    outcome: str,
    announced: bool = False,
    attended_by: str = "",
    notes: str = "",
    concerns_raised: bool = False,
    concerns: str = "",
    visit: Visit | None = None,
    now=None,
) -> Visit:
    """Record a completed visit (a new one, or the planned ``visit``). Completed is final."""
    require_change(user, offender)
    if visit is not None and visit.offender_id != offender.pk:
        raise PermissionDenied("That visit belongs to another record.")
    now = now or timezone.now()
    errors = {}
    if completed_at > now:
        errors["completed_at"] = "The date and time of the visit must not be in the future"
    if not outcome:
        errors["outcome"] = "Select the outcome of the visit"
    if concerns_raised and not concerns.strip():
        errors["concerns"] = "Enter the concerns raised"
    if errors:
        raise ValidationError(errors)
    if visit is None:
        visit = Visit(offender=offender, recorded_by=user)
    else:
        visit = _locked(Visit, visit.pk)
        if visit.offender_id != offender.pk:
            raise ValidationError("This visit belongs to another offender")
        if visit.is_completed:
            raise ValidationError("This visit has already been recorded and cannot be changed")
    visit.completed_at = completed_at
    visit.kind = kind
    visit.outcome = outcome
    visit.announced = announced
    visit.attended_by = attended_by.strip()
    visit.notes = notes.strip()
    visit.concerns_raised = concerns_raised
    visit.concerns = concerns.strip() if concerns_raised else ""
    visit.full_clean()
    visit.save()
    audit_record(
        actor=user,
        action=Action.CREATED if visit.planned_for is None else Action.CHANGED,
        obj=visit,
        offender=offender,
        summary=f"{visit.get_kind_display()} recorded: {visit.get_outcome_display()}",
        changed_fields=["completed_at", "outcome", "notes", "concerns_raised"],
    )
    schedule_refresh(offender, today=timezone.localdate(now))
    return visit
