"""Writes for MAPPA meetings: the meeting, its agenda, the meeting pack and disclosures."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from audit.models import Action
from audit.services import audit_record
from offenders.access import visible_offenders

from ..access import (
    can_export_draft_formulation,
    can_export_formulation,
    can_handle_meeting,
    can_handle_meetings,
)
from ..models import AgendaItem, MappaMeeting, PackExport
from .packs import build_meeting_pack


def _require_meeting(user, meeting: MappaMeeting) -> None:
    if not can_handle_meeting(user, meeting):
        raise PermissionDenied("Only supervisors and force administrators of the force handle it.")


def _check_visible(user, offenders) -> list:
    offenders = list(offenders)
    visible = set(
        visible_offenders(user)
        .filter(pk__in=[o.pk for o in offenders])
        .values_list("pk", flat=True)
    )
    if any(o.pk not in visible for o in offenders):
        # The form offers only visible offenders, so this is a caller past the form: refuse.
        raise PermissionDenied("You can only put offenders you may see on an agenda.")
    return offenders


def _audit_added(user, meeting: MappaMeeting, offender) -> None:
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=meeting,
        offender=offender,
        summary=f"Added to the agenda of the {meeting}",
    )


def _write_agenda(meeting: MappaMeeting, offenders) -> None:
    meeting.agenda.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, offender=o, position=n) for n, o in enumerate(offenders, 1)
    )


@transaction.atomic
def meeting_create(*, user, date, mappa_level, agencies: str, offenders=()) -> MappaMeeting:
    if not can_handle_meetings(user):
        raise PermissionDenied("Only supervisors and force administrators prepare MAPPA meetings.")
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
        _audit_added(user, meeting, offender)
    return meeting


@transaction.atomic
def meeting_set_agenda(*, user, meeting: MappaMeeting, offenders) -> MappaMeeting:
    """Replace the agenda with ``offenders`` in that order. Offenders the user cannot see stay
    on it (another team's supervisor put them there) but are not theirs to reorder or remove."""
    _require_meeting(user, meeting)
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
            _audit_added(user, meeting, offender)
    return meeting


@transaction.atomic
def record_disclosure(
    *, user, offender, obj, summary: str, recipients: str, draft: bool = False
) -> None:
    """A formulation left the system (a PDF download or file export): DPA 2018 s.62 disclosure.
    ``draft``: the unapproved draft, which only those who write it may take away."""
    allowed = can_export_draft_formulation if draft else can_export_formulation
    if not allowed(user, offender):
        raise PermissionDenied("You cannot export this record.")
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
    _require_meeting(user, meeting)
    with transaction.atomic():
        items = list(meeting.agenda.select_related("offender"))
        if not items:
            raise ValidationError("Add at least one offender to the agenda before building a pack.")
        _check_visible(user, [i.offender for i in items])
        export = PackExport.objects.create(meeting=meeting, requested_by=user, total=len(items))
    result = build_meeting_pack.enqueue(export_id=export.pk)
    PackExport.objects.filter(pk=export.pk).update(task_id=str(result.id)[:64])
    export.refresh_from_db()
    return export
