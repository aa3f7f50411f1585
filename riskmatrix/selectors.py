"""Reads for the riskmatrix app. Callers have already resolved the offender through
``offenders.access`` (so the user may see it); ``record_for_user`` does that itself."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from offenders.access import offender_for_user

from .models import ActuarialRecord, Tool


def rm2000_history(offender) -> QuerySet[ActuarialRecord]:
    """Every RM2000 record of the offender, newest first."""
    return ActuarialRecord.objects.filter(offender=offender, tool=Tool.RM2000).select_related(
        "scored_by"
    )


def latest_rm2000(offender) -> ActuarialRecord | None:
    """The current RM2000 record, or None if the offender has never been scored."""
    return rm2000_history(offender).filter(is_current=True).first()


def latest_rm2000_s_category(offender) -> str | None:
    """The current RM2000/S category as a plain string ("low" … "very_high"), or None."""
    return (
        ActuarialRecord.objects.filter(offender=offender, tool=Tool.RM2000, is_current=True)
        .values_list("s_category", flat=True)
        .first()
    )


def osp_history(offender) -> QuerySet[ActuarialRecord]:
    """Every OSP record (OSP/DC and OSP/IIC together) of the offender, newest first."""
    return ActuarialRecord.objects.filter(offender=offender, tool=Tool.OSP).select_related(
        "scored_by"
    )


def latest_osp(offender) -> ActuarialRecord | None:
    """The current OSP record, or None if the offender has never been scored with OSP."""
    return osp_history(offender).filter(is_current=True).first()


def current_records(offender) -> dict[str, ActuarialRecord]:
    """Tool → the current record of each static tool scored for the offender (one query)."""
    current = ActuarialRecord.objects.filter(offender=offender, is_current=True).order_by()
    return {r.tool: r for r in current}  # one per tool (actuarial_one_current_per_tool)


def record_for_user(user, offender_pk, record_pk, tool=Tool.RM2000) -> tuple:
    """(offender, record) if the user may see the offender and the record is theirs (of
    ``tool``); else 404."""
    offender = offender_for_user(user, offender_pk)
    record = get_object_or_404(
        ActuarialRecord.objects.select_related("scored_by", "superseded_by"),
        pk=record_pk,
        offender=offender,
        tool=tool,
    )
    return offender, record
