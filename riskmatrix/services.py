"""Writes for the riskmatrix app: every score is one transaction with its audit entry."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import Action
from audit.services import audit_record
from offenders.models import Offender

from .access import can_record_score
from .answers import INPUT_NAMES, answer_errors, corrections, score
from .models import ActuarialRecord, Tool
from .osp_answers import OSP_INPUT_NAMES, osp_answer_errors, osp_score
from .osp_answers import corrections as osp_corrections
from .osp_prefill import offender_osp_not_applicable_reason, propose_osp_for_offender
from .prefill import SEXUAL_AT_16, offender_not_applicable_reason, propose_for_offender
from .scoring import DEFAULT_C_TABLE


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _at_16_input(proposal, answers) -> dict:
    # How RM2000's "a sexual offence at 16 or over" was established: the record or the officer.
    if SEXUAL_AT_16 not in proposal.items:
        return {}
    how = "record" if proposal.value(SEXUAL_AT_16) is True else "confirmed by the officer"
    return {SEXUAL_AT_16: how}


def _replace_current(*, offender, tool, **fields) -> tuple[ActuarialRecord, ActuarialRecord | None]:
    """Create the new current record of ``tool``, superseding the previous one (if any)."""
    previous = (
        ActuarialRecord.objects.select_for_update()
        .filter(offender=offender, tool=tool, is_current=True)
        .first()
    )
    if previous is not None:
        # Step aside first: only one current record per tool may exist at any moment.
        previous.is_current = False
        previous.save(update_fields=["is_current"])
    record = ActuarialRecord.objects.create(offender=offender, tool=tool, **fields)
    if previous is not None:
        previous.superseded_by = record
        previous.save(update_fields=["superseded_by"])
    return record, previous


@transaction.atomic
def rm2000_record(
    *,
    user,
    offender,
    assessment_date: datetime.date,
    answers: dict,
    reasons: dict | None = None,
    c_table=DEFAULT_C_TABLE,
    now: datetime.datetime | None = None,
) -> ActuarialRecord:
    """Score RM2000 from the officer's confirmed ``answers`` and store it as the current record.

    ``answers`` holds every item of ``answers.ITEMS`` plus ``commencement_date``; ``reasons``
    maps a corrected item to why it differs from the proposal. The proposal is rebuilt here from
    the record, so what is stored as "proposed" is what the record said, not what a form sent.
    Raises PermissionDenied for a read-only user and ValidationError (by field) for bad answers
    or when RM2000 does not apply. The previous current record, if any, is superseded.
    """
    if not can_record_score(user, offender):
        raise PermissionDenied("You cannot record a score for this offender.")
    reasons = reasons or {}
    # Serialise scorings of one offender, so two officers saving at once cannot both be current.
    Offender.objects.select_for_update().only("pk").get(pk=offender.pk)
    if reason := offender_not_applicable_reason(offender, assessment_date):
        raise ValidationError(reason, code="not_applicable")
    proposal = propose_for_offender(offender, assessment_date)
    if errors := answer_errors(
        proposal=proposal, answers=answers, reasons=reasons, date_of_birth=offender.date_of_birth
    ):
        raise ValidationError({field: [message] for field, message in errors.items()})
    s, v, c = score(answers, c_table)

    record, previous = _replace_current(
        offender=offender,
        tool=Tool.RM2000,
        assessment_date=assessment_date,
        proposed=proposal.as_json(),
        inputs={name: _plain(answers[name]) for name in INPUT_NAMES}
        | _at_16_input(proposal, answers),
        corrections=corrections(proposal, answers, reasons),
        points={
            "s": [list(item) for item in s.items],
            "s_factors": [list(factor) for factor in s.factors],
            "v": [list(item) for item in v.items],
        },
        working={"s": list(s.working), "v": list(v.working), "c": list(c.working)},
        s_points=s.points,
        s_step1_category=s.step1_category,
        s_aggravating=s.aggravating,
        s_category=s.category,
        v_points=v.points,
        v_category=v.category,
        c_points=c.points,
        c_category=c.category,
        rules_version=s.rules_version,
        c_table_version=c.table_version,
        c_table_provisional=c.provisional,
        scored_by=user,
        scored_at=now or timezone.now(),
    )

    corrected = sorted(record.corrections)
    summary = (
        f"Risk Matrix 2000 scored: S {s.category.label}, V {v.category.label}, C {c.category.label}"
    )
    if previous is not None:
        summary += f" (supersedes the score of {previous.assessment_date:%d %b %Y})"
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=record,
        offender=offender,
        summary=summary,
        changed_fields=corrected,
    )
    return record


@transaction.atomic
def osp_record(
    *,
    user,
    offender,
    assessment_date: datetime.date,
    answers: dict,
    reasons: dict | None = None,
    now: datetime.datetime | None = None,
) -> ActuarialRecord:
    """Score OSP/DC and OSP/IIC from the officer's confirmed ``answers`` (every name of
    ``osp_answers.OSP_INPUT_NAMES``) and store both as the current OSP record.

    As for RM2000: the proposal is rebuilt from the record here, a corrected answer needs its
    reason, PermissionDenied for a read-only user, ValidationError (by field) for bad answers or
    when OSP does not apply; the previous current OSP record is superseded.
    """
    if not can_record_score(user, offender):
        raise PermissionDenied("You cannot record a score for this offender.")
    reasons = reasons or {}
    Offender.objects.select_for_update().only("pk").get(pk=offender.pk)
    if reason := offender_osp_not_applicable_reason(offender, assessment_date):
        raise ValidationError(reason, code="not_applicable")
    proposal = propose_osp_for_offender(offender, assessment_date)
    if errors := osp_answer_errors(
        proposal=proposal, answers=answers, reasons=reasons, date_of_birth=offender.date_of_birth
    ):
        raise ValidationError({field: [message] for field, message in errors.items()})
    dc, iic = osp_score(
        answers, date_of_birth=offender.date_of_birth, assessment_date=assessment_date
    )
    reduction = next(line for line in dc.working if line.startswith("Time offence-free"))
    record, previous = _replace_current(
        offender=offender,
        tool=Tool.OSP,
        assessment_date=assessment_date,
        proposed=proposal.as_json(),
        inputs={name: _plain(answers[name]) for name in OSP_INPUT_NAMES},
        corrections=osp_corrections(proposal, answers, reasons),
        points={"dc": [[label, _plain(value), pts] for label, value, pts in dc.items]},
        working={"dc": list(dc.working), "iic": list(iic.working)},
        dc_points=dc.points,
        dc_band=dc.band,
        dc_band_before_reduction=dc.band_before_reduction,
        dc_percentage=Decimal(str(dc.percentage)),
        dc_reduced=dc.reduced,
        dc_reduction=reduction,
        iic_band=iic.band,
        iic_percentage=Decimal(str(iic.percentage)),
        iic_row=iic.row,
        rules_version=dc.rules_version,
        scored_by=user,
        scored_at=now or timezone.now(),
    )
    summary = (
        f"OSP scored: OSP/DC {dc.band.label} ({dc.percentage:.2f}%"
        f"{', reduced' if dc.reduced else ''}), OSP/IIC {iic.band.label} ({iic.percentage}%)"
    )
    if previous is not None:
        summary += f" (supersedes the score of {previous.assessment_date:%d %b %Y})"
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=record,
        offender=offender,
        summary=summary,
        changed_fields=sorted(record.corrections),
    )
    return record
