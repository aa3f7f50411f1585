"""Writes for case formulations and their risk management plans: keyword-only, one
transaction each, audited, refused to anyone the access policy refuses.

Locking: a formulation and its plan change only while the ARMS assessment is editable (draft or
returned); once it is submitted or countersigned every write here is refused.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from assessments.services import contributor_add
from audit.models import Action
from audit.services import audit_record

from ..access import can_edit_formulation
from ..models import Formulation, PlanAction
from ..selectors import offending_history_text

FORMULATION_FIELDS = ("offending_history", "risk_drivers", "risk_raisers", "risk_reducers")


ACTION_FIELDS = ("heading", "description", "owner", "due_date", "status")


LOCKED_MESSAGE = (
    "This formulation can no longer be changed: its ARMS assessment has been submitted or "
    "countersigned. Start a new assessment to write a new formulation."
)


STALE_MESSAGE = (
    "Someone else saved this formulation while you were editing it. Reload the page to see "
    "their changes, then make yours again."
)


def _require_editor(user, assessment) -> None:
    if not can_edit_formulation(user, assessment):
        raise PermissionDenied("You cannot change this formulation.")


def _check_editable(formulation: Formulation) -> None:
    if not formulation.assessment.is_editable:
        raise ValidationError(LOCKED_MESSAGE, code="locked")


@transaction.atomic
def formulation_start(*, user, assessment) -> Formulation:
    """Open the formulation of an editable assessment, pre-filled from the record and from the
    previous assessment's formulation (narrative and still-open actions) when there is one."""
    _require_editor(user, assessment)
    if not assessment.is_editable:
        raise ValidationError(LOCKED_MESSAGE, code="locked")
    if Formulation.objects.filter(assessment=assessment).exists():
        raise ValidationError("This assessment already has a formulation.", code="exists")
    previous = Formulation.objects.filter(assessment_id=assessment.previous_id).first()
    formulation = Formulation.objects.create(
        assessment=assessment,
        offending_history=offending_history_text(assessment.offender),
        risk_drivers=previous.risk_drivers if previous else "",
        risk_raisers=previous.risk_raisers if previous else "",
        risk_reducers=previous.risk_reducers if previous else "",
        created_by=user,
        updated_by=user,
    )
    contributor_add(assessment, user)  # writing the formulation is writing the assessment
    if previous:
        by_code = {f.code: f for f in assessment.framework.factors.all()}
        for old in previous.actions.filter(status="open").prefetch_related("factors"):
            action = PlanAction.objects.create(
                formulation=formulation, **{f: getattr(old, f) for f in ACTION_FIELDS}
            )
            action.factors.set([by_code[f.code] for f in old.factors.all() if f.code in by_code])
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=formulation,
        offender=assessment.offender,
        summary="Case formulation started",
    )
    return formulation


@transaction.atomic
def formulation_update(*, user, formulation: Formulation, version: int, **fields) -> Formulation:
    formulation = (
        Formulation.objects.select_for_update()
        .select_related("assessment__offender__team")
        .get(pk=formulation.pk)
    )
    _require_editor(user, formulation.assessment)
    _check_editable(formulation)
    if version != formulation.version:
        raise ValidationError(STALE_MESSAGE, code="stale")
    changed = []
    for name in FORMULATION_FIELDS:
        if name in fields and fields[name] != getattr(formulation, name):
            setattr(formulation, name, fields[name])
            changed.append(name)
    if changed:
        formulation.version += 1
        formulation.updated_by = user
        formulation.save()
        contributor_add(formulation.assessment, user)
        audit_record(
            actor=user,
            action=Action.CHANGED,
            obj=formulation,
            offender=formulation.assessment.offender,
            summary="Case formulation changed",
            changed_fields=changed,
        )
    return formulation


def _check_factors(formulation: Formulation, factors) -> list:
    factors = list(factors)
    framework_id = formulation.assessment.framework_id
    if any(f.framework_id != framework_id for f in factors):
        raise ValidationError(
            {"factors": "Choose factors from this assessment's framework"}, code="framework"
        )
    return factors


@transaction.atomic
def plan_action_create(*, user, formulation: Formulation, factors=(), **fields) -> PlanAction:
    _require_editor(user, formulation.assessment)
    _check_editable(formulation)
    factors = _check_factors(formulation, factors)
    action = PlanAction(
        formulation=formulation, **{f: fields[f] for f in ACTION_FIELDS if f in fields}
    )
    action.full_clean(exclude=["formulation"])
    action.save()
    action.factors.set(factors)
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=action,
        offender=formulation.assessment.offender,
        summary=f"Plan action added under {action.get_heading_display()}",
    )
    return action


@transaction.atomic
def plan_action_update(*, user, action: PlanAction, factors=None, **fields) -> PlanAction:
    action = PlanAction.objects.select_related("formulation__assessment__offender__team").get(
        pk=action.pk
    )
    _require_editor(user, action.formulation.assessment)
    _check_editable(action.formulation)
    changed = [f for f in ACTION_FIELDS if f in fields and fields[f] != getattr(action, f)]
    for name in changed:
        setattr(action, name, fields[name])
    action.full_clean(exclude=["formulation"])
    action.save()
    if factors is not None:
        factors = _check_factors(action.formulation, factors)
        if {f.pk for f in factors} != set(action.factors.values_list("pk", flat=True)):
            action.factors.set(factors)
            changed.append("factors")
    if changed:
        audit_record(
            actor=user,
            action=Action.CHANGED,
            obj=action,
            offender=action.formulation.assessment.offender,
            summary="Plan action changed",
            changed_fields=changed,
        )
    return action
