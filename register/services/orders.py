"""Civil orders with their prohibitions, and suspected breaches (of a notification duty or of an
order's prohibition) with the action taken and the outcome."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from audit.models import Action
from audit.services import audit_record

from ..access import require_change_register
from ..models import BreachOf, CivilOrder, OrderProhibition, SuspectedBreach
from ..rules import order_term
from ._common import _record_compliance_change, not_future, rules_as_field_errors, today_or

MAX_PROHIBITIONS = 20


@transaction.atomic
def order_record(
    *,
    user,
    offender,
    kind: str,
    court: str,
    made_on: datetime.date,
    prohibitions: list[str],
    end_date: datetime.date | None = None,
    until_further_order: bool = False,
    today: datetime.date | None = None,
) -> CivilOrder:
    """Record an order and its prohibitions, all or nothing."""
    require_change_register(user, offender)
    today = today_or(today)
    texts = [text.strip() for text in prohibitions if text and text.strip()]
    errors = {}
    if not court.strip():
        errors["court"] = "Enter the court that made the order"
    if not texts:
        errors["prohibitions"] = "Enter at least one prohibition"
    elif len(texts) > MAX_PROHIBITIONS:
        errors["prohibitions"] = f"Enter at most {MAX_PROHIBITIONS} prohibitions"
    if errors:
        raise ValidationError(errors)
    with rules_as_field_errors(("made_on", "end_date", "kind", "until_further_order")):
        term = order_term(
            kind=kind,
            made_on=made_on,
            end_date=end_date,
            until_further_order=until_further_order,
            today=today,
        )
    order = CivilOrder(
        offender=offender,
        kind=kind,
        court=court.strip(),
        made_on=made_on,
        end_date=end_date,
        until_further_order=until_further_order,
        working=list(term.working),
        rules_version=term.rules_version,
        recorded_by=user,
    )
    order.full_clean()
    order.save()
    OrderProhibition.objects.bulk_create(
        OrderProhibition(order=order, position=number, text=text)
        for number, text in enumerate(texts, start=1)
    )
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=order,
        offender=offender,
        summary=f"Civil order recorded: {order.get_kind_display()} ({len(texts)} prohibitions)",
        changed_fields=["kind", "court", "made_on", "end_date", "prohibitions"],
    )
    return order


@transaction.atomic
def breach_record(
    *,
    user,
    offender,
    breach_of: str,
    what: str,
    found_on: datetime.date,
    action_taken: str = "",
    prohibition: OrderProhibition | None = None,
    today: datetime.date | None = None,
) -> SuspectedBreach:
    """Record a suspected breach; a reassessment becomes due (a change of circumstances)."""
    require_change_register(user, offender)
    if prohibition is not None and prohibition.order.offender_id != offender.pk:
        raise PermissionDenied("That prohibition belongs to another record.")
    today = today_or(today)
    errors = {}
    if breach_of not in BreachOf.values:
        errors["breach_of"] = "Select what was breached"
    elif breach_of == BreachOf.ORDER and prohibition is None:
        errors["prohibition"] = "Select the prohibition breached"
    if not what.strip():
        errors["what"] = "Enter what happened"
    not_future(errors, "found_on", found_on, today, "date found")
    if errors:
        raise ValidationError(errors)
    breach = SuspectedBreach(
        offender=offender,
        breach_of=breach_of,
        prohibition=prohibition if breach_of == BreachOf.ORDER else None,
        what=what.strip(),
        found_on=found_on,
        action_taken=action_taken.strip(),
        recorded_by=user,
    )
    breach.full_clean()
    breach.save()
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=breach,
        offender=offender,
        summary=f"Suspected breach recorded: {breach.get_breach_of_display().lower()}",
        changed_fields=["breach_of", "what", "found_on", "action_taken"],
    )
    _record_compliance_change(
        user=user,
        offender=offender,
        occurred_on=found_on,
        details=f"Suspected breach of {breach.get_breach_of_display().lower()}: {breach.what}",
        today=today,
    )
    return breach


@transaction.atomic
def breach_close(
    *,
    user,
    breach: SuspectedBreach,
    outcome: str,
    closed_on: datetime.date,
    action_taken: str = "",
    today: datetime.date | None = None,
) -> SuspectedBreach:
    """Close a suspected breach with its outcome (and the action taken, if it changed)."""
    offender = breach.offender
    require_change_register(user, offender)
    today = today_or(today)
    breach = SuspectedBreach.objects.select_for_update().get(pk=breach.pk)
    errors = {}
    if breach.closed_on is not None:
        raise ValidationError("This suspected breach is already closed")
    if not outcome.strip():
        errors["outcome"] = "Enter the outcome"
    not_future(errors, "closed_on", closed_on, today, "date closed")
    if "closed_on" not in errors and closed_on < breach.found_on:
        errors["closed_on"] = "The date closed must be on or after the date found"
    if errors:
        raise ValidationError(errors)
    breach.outcome = outcome.strip()
    breach.closed_on = closed_on
    if action_taken.strip():
        breach.action_taken = action_taken.strip()
    breach.full_clean()
    breach.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=breach,
        offender=offender,
        summary="Suspected breach closed",
        changed_fields=["outcome", "closed_on", "action_taken"],
    )
    breach.offender = offender
    return breach
