"""The filtered caseload behind every number on the dashboard, its pagination and its CSV rows.

One query for the page and one capped count, whatever the size: level and due dates come from
the denormalised ``OffenderSchedule`` in the same query (a LEFT JOIN on its primary key).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery

from offenders.models import Offender, Status
from riskmatrix.models import ActuarialRecord, Tool

from .selectors import (
    LEVEL_LABELS,
    awaiting_countersignature_exists,
    level_q,
    old_draft_exists,
    on_register,
    overdue_reassessment_q,
    overdue_visit_q,
    past_due_actions_exists,
    scoped_offenders,
)

PAGE_SIZE = 50
# Counting beyond this is wasted work: the page says "more than 10,000" instead.
COUNT_CAP = 10_000
DUE_COLUMN = {
    "visit": "schedule__next_visit_due",
    "reassessment": "schedule__next_reassessment_due",
}


def _overdue_q(kind: str, today: datetime.date) -> Q:
    if kind == "visit":
        return overdue_visit_q(today)
    if kind == "reassessment":
        return overdue_reassessment_q(today)
    return overdue_visit_q(today) | overdue_reassessment_q(today)


def caseload_list(user, today: datetime.date, filters: dict[str, str]) -> QuerySet[Offender]:
    """Offenders in the user's scope matching ``filters`` (as from ``CaseloadFilterForm``):
    very high first, then the most days overdue (on the due date the filter is about)."""
    offenders = scoped_offenders(user)
    status = filters.get("status", "")
    if status == "":
        offenders = on_register(offenders)
    elif status != "all":
        offenders = offenders.filter(status=status)
    if team := filters.get("team"):
        offenders = offenders.filter(team_id=team)
    if officer := filters.get("officer"):
        if officer == "none":
            offenders = offenders.filter(responsible_officer__isnull=True)
        else:
            offenders = offenders.filter(responsible_officer_id=officer)
    if level := filters.get("level"):
        offenders = offenders.filter(level_q(level))
    if overdue := filters.get("overdue"):
        offenders = offenders.filter(_overdue_q(overdue, today))
    offenders = _attention(offenders, user, today, filters.get("attention", ""))
    if static := filters.get("static"):
        offenders = offenders.filter(_static_q(static))
    due = DUE_COLUMN.get(filters.get("overdue", ""), "schedule__next_due")
    return (
        offenders.select_related("team", "responsible_officer")
        .annotate(
            level=F("schedule__current_level"),
            level_rank=F("schedule__level_rank"),
            next_visit_due=F("schedule__next_visit_due"),
            next_reassessment_due=F("schedule__next_reassessment_due"),
            sort_due=F(due),
            reactive=F("schedule__reactive"),
            reassessment_due_now=F("schedule__reassessment_due_now"),
            override_pending=F("schedule__override_pending"),
        )
        .order_by(
            F("schedule__level_rank").desc(nulls_last=True),
            F(due).asc(nulls_last=True),
            "pk",
        )
    )


def _current_record(tool: str):
    return ActuarialRecord.objects.filter(offender=OuterRef("pk"), tool=tool, is_current=True)


def _static_q(static: str) -> Q:
    """The static-risk filter: which tools are scored, or which one set the level."""
    rm2000, osp = Exists(_current_record(Tool.RM2000)), Exists(_current_record(Tool.OSP))
    return {
        "rm2000": Q(rm2000),
        "osp": Q(osp),
        "both": Q(rm2000) & Q(osp),
        "none": ~Q(rm2000) & ~Q(osp),
        "level_osp": Q(schedule__decision__static_tool="osp"),
    }[static]


def _attention(offenders, user, today, attention: str):
    if attention == "countersign":
        return offenders.filter(awaiting_countersignature_exists(user))
    if attention == "override":
        return offenders.filter(schedule__override_pending=True)
    if attention == "reactive":
        return offenders.filter(schedule__reactive=True)
    if attention == "drafts":
        return offenders.filter(old_draft_exists(today))
    if attention == "actions":
        actions = past_due_actions_exists(today)
        return offenders.filter(actions) if actions is not None else offenders.none()
    return offenders


def days_overdue(due: datetime.date | None, today: datetime.date) -> int | None:
    return (today - due).days if due and due < today else None


class CappedPaginator(Paginator):
    """LIMIT/OFFSET pages with a count that stops at ``COUNT_CAP`` rows.

    The count is ``SELECT COUNT(*) FROM (… LIMIT cap + 1)``: cheap however large the scope."""

    @cached_property
    def count(self) -> int:
        return self.object_list.order_by().values("pk")[: COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > COUNT_CAP


CSV_HEADER = [
    "Reference",
    "PNC ID",
    "Surname",
    "Forenames",
    "Date of birth",
    "Status",
    "Team",
    "Responsible officer",
    "Level of risk management",
    "Next visit due",
    "Next reassessment due",
    "Reassessment due now",
    "Reactive management",
    "Days overdue",
    "Static tool of the level",
    "Static category of the level",
    "RM2000/S category",
    "OSP/DC band",
    "OSP/IIC band",
]
TOOL_LABELS = {"rm2000": "RM2000/S", "osp": "OSP"}
STATUS_LABELS = dict(Status.choices)


def _safe(value) -> str:
    """Text for a spreadsheet cell; a leading = + - @ is quoted so it is never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_rows(offenders: QuerySet[Offender], today: datetime.date) -> Iterator[list[str]]:
    """The rows of the export, streamed from the database in chunks (never all in memory)."""
    yield CSV_HEADER
    offenders = offenders.annotate(
        rm2000_s=Subquery(_current_record(Tool.RM2000).values("s_category")[:1]),
        osp_dc=Subquery(_current_record(Tool.OSP).values("dc_band")[:1]),
        osp_iic=Subquery(_current_record(Tool.OSP).values("iic_band")[:1]),
    )
    columns = offenders.values_list(
        "local_reference",
        "pnc_id",
        "surname",
        "forenames",
        "date_of_birth",
        "status",
        "team__name",
        "responsible_officer__first_name",
        "responsible_officer__last_name",
        "level",
        "next_visit_due",
        "next_reassessment_due",
        "reassessment_due_now",
        "reactive",
        "sort_due",
        "schedule__decision__static_tool",
        "schedule__decision__static_category",
        "rm2000_s",
        "osp_dc",
        "osp_iic",
    )
    for row in columns.iterator(chunk_size=2000):
        (ref, pnc, surname, forenames, born, status, team, first, last, level, visit, reassess,
         due_now, reactive, due, tool, static, rm2000_s, dc, iic) = row  # fmt: skip
        officer = f"{first or ''} {last or ''}".strip() or "Not allocated"
        overdue = days_overdue(due, today)
        yield [
            _safe(v)
            for v in (
                ref,
                pnc,
                surname,
                forenames,
                born.isoformat(),
                STATUS_LABELS.get(status, status),
                team,
                officer,
                LEVEL_LABELS.get(level or "", "No level yet"),
                visit.isoformat() if visit else "",
                reassess.isoformat() if reassess else "",
                "Yes" if due_now else "No",
                "Yes" if reactive else "No",
                overdue if overdue is not None else "",
                TOOL_LABELS.get(tool or "", ""),
                LEVEL_LABELS.get(static or "", ""),
                LEVEL_LABELS.get(rm2000_s or "", ""),
                LEVEL_LABELS.get(dc or "", ""),
                LEVEL_LABELS.get(iic or "", ""),
            )
        ]
