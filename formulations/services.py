"""Writes for formulations, plans and MAPPA meetings: keyword-only, one transaction, audited.

Locking: a formulation and its plan change only while the ARMS assessment is editable (draft or
returned); once it is submitted or countersigned every write here is refused.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.models import Action
from audit.services import audit_record
from offenders.access import visible_offenders

from .models import AgendaItem, Formulation, MappaMeeting, PackExport, PlanAction

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


def _check_editable(formulation: Formulation) -> None:
    if not formulation.assessment.is_editable:
        raise ValidationError(LOCKED_MESSAGE, code="locked")


def offending_history_text(offender) -> str:
    """A starting summary from the court appearances, oldest first, for the officer to edit."""
    appearances = list(offender.court_appearances.prefetch_related("offences"))
    if not appearances:
        return "No court appearances are recorded."
    appearances.sort(key=lambda a: a.sentencing_date)
    lines = [
        f"{len(appearances)} court appearance{'s' if len(appearances) != 1 else ''} "
        f"recorded, {appearances[0].sentencing_date:%Y} to {appearances[-1].sentencing_date:%Y}:"
    ]
    for appearance in appearances:
        offences = "; ".join(
            f"{o.description} ({o.get_kind_display().lower()}"
            f"{', non-contact' if o.kind == 'sexual' and not o.contact else ''})"
            for o in appearance.offences.all()
        )
        lines.append(
            f"- {appearance.sentencing_date:%d %B %Y}, {appearance.court}: "
            f"{offences or 'offences not recorded'}. {appearance.disposal}."
        )
    return "\n".join(lines)


@transaction.atomic
def formulation_start(*, user, assessment) -> Formulation:
    """Open the formulation of an editable assessment, pre-filled from the record and from the
    previous assessment's formulation (narrative and still-open actions) when there is one."""
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
        Formulation.objects.select_for_update().select_related("assessment").get(pk=formulation.pk)
    )
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
    action = PlanAction.objects.select_related("formulation__assessment").get(pk=action.pk)
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


def _check_visible(user, offenders) -> list:
    offenders = list(offenders)
    visible = set(
        visible_offenders(user)
        .filter(pk__in=[o.pk for o in offenders])
        .values_list("pk", flat=True)
    )
    if any(o.pk not in visible for o in offenders):
        raise ValidationError({"offenders": "Choose offenders from your own caseload"})
    return offenders


def _write_agenda(meeting: MappaMeeting, offenders) -> None:
    meeting.agenda.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, offender=o, position=n) for n, o in enumerate(offenders, 1)
    )


@transaction.atomic
def meeting_create(*, user, date, mappa_level, agencies: str, offenders=()) -> MappaMeeting:
    offenders = _check_visible(user, offenders)
    meeting = MappaMeeting.objects.create(
        force_id=user.force_id,
        date=date,
        mappa_level=mappa_level,
        agencies=agencies.strip(),
        created_by=user,
    )
    _write_agenda(meeting, offenders)
    for offender in offenders:
        audit_record(
            actor=user,
            action=Action.CHANGED,
            obj=meeting,
            offender=offender,
            summary=f"Added to the agenda of the {meeting}",
        )
    return meeting


@transaction.atomic
def meeting_set_agenda(*, user, meeting: MappaMeeting, offenders) -> MappaMeeting:
    """Replace the agenda with ``offenders`` in that order. Offenders the user cannot see stay
    on it (another team's supervisor put them there) but are not theirs to reorder or remove."""
    offenders = _check_visible(user, offenders)
    visible = set(visible_offenders(user).values_list("pk", flat=True))
    kept = [
        i.offender
        for i in meeting.agenda.select_related("offender")
        if i.offender_id not in visible
    ]
    before = set(meeting.agenda.values_list("offender_id", flat=True))
    _write_agenda(meeting, offenders + kept)
    for offender in offenders:
        if offender.pk not in before:
            audit_record(
                actor=user,
                action=Action.CHANGED,
                obj=meeting,
                offender=offender,
                summary=f"Added to the agenda of the {meeting}",
            )
    return meeting


@transaction.atomic
def record_disclosure(*, user, offender, obj, summary: str, recipients: str) -> None:
    """A formulation left the system (a PDF download or file export): DPA 2018 s.62 disclosure."""
    audit_record(
        actor=user,
        action=Action.EXPORTED,
        obj=obj,
        offender=offender,
        summary=summary,
        recipients=recipients,
    )


def pack_request(*, user, meeting: MappaMeeting) -> PackExport:
    """Queue a pack build. The row is committed before the task is enqueued, so a worker in
    another process always finds it."""
    with transaction.atomic():
        items = list(meeting.agenda.select_related("offender"))
        if not items:
            raise ValidationError("Add at least one offender to the agenda before building a pack.")
        _check_visible(user, [i.offender for i in items])
        export = PackExport.objects.create(meeting=meeting, requested_by=user, total=len(items))
    from .tasks import build_meeting_pack  # the task module imports this one

    result = build_meeting_pack.enqueue(export_id=export.pk)
    PackExport.objects.filter(pk=export.pk).update(task_id=str(result.id)[:64])
    export.refresh_from_db()
    return export
