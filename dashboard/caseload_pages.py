"""Pages of the dashboard's filtered list whose cost follows the page, not the scope.

The filters the read model carries (team, officer, level, overdue, attention, the register) run
on the schedule rows (``engagements.OffenderSchedule``), in the order of the list indexes
(``engagements.selectors.pages``): a page at any depth is one index range, and the count is of
schedule rows alone. The page's 50 offenders are then loaded through ``caseload_list`` itself,
so the scope rule and every filter are applied again to what is shown. A filter the schedule
does not carry (a status other than "on the register", or any filter added later) takes the
plain path: ``caseload_list`` with LIMIT/OFFSET and a capped count.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from assessments.models import Assessment
from engagements.models import OffenderSchedule
from engagements.models import level_rank as rank_of
from engagements.selectors import SchedulePaginator, caseload_schedule_rows

from .caseload import COUNT_CAP, PAGE_SIZE, CappedPaginator, caseload_list
from .selectors import (
    awaiting_countersignature_q,
    level_q,
    old_draft_q,
    overdue_reassessment_q,
    overdue_visit_q,
    past_due_actions,
)

SCHEDULE_FILTERS = {"team", "officer", "level", "overdue", "attention"}
DUE = {"visit": "next_visit_due", "reassessment": "next_reassessment_due"}


def _overdue(kind: str, today: datetime.date) -> Q:
    if kind == "visit":
        return overdue_visit_q(today, prefix="")
    if kind == "reassessment":
        return overdue_reassessment_q(today, prefix="")
    return overdue_visit_q(today, prefix="") | overdue_reassessment_q(today, prefix="")


def _attention(rows, user, today, attention: str):
    if attention == "countersign":
        awaiting = Assessment.objects.filter(awaiting_countersignature_q(user))
        return rows.filter(offender_id__in=awaiting.values("offender_id"))
    if attention == "override":
        return rows.filter(override_pending=True)
    if attention == "reactive":
        return rows.filter(reactive=True)
    if attention == "drafts":
        drafts = Assessment.objects.filter(old_draft_q(today))
        return rows.filter(offender_id__in=drafts.values("offender_id"))
    if attention == "actions":
        actions = past_due_actions(today)
        if actions is None:
            return rows.none()
        return rows.filter(offender_id__in=actions.values("formulation__assessment__offender_id"))
    return rows


def caseload_rows(user, today: datetime.date, filters: dict) -> QuerySet[OffenderSchedule] | None:
    """The schedule rows of the filtered list in list order, or None if a filter needs the
    offenders themselves."""
    if set(filters) - SCHEDULE_FILTERS:
        return None
    rows = caseload_schedule_rows(user, due=DUE.get(filters.get("overdue", ""), "next_due"))
    if team := filters.get("team"):
        rows = rows.filter(team_id=team)
    if officer := filters.get("officer"):
        if officer == "none":
            rows = rows.filter(responsible_officer__isnull=True)
        else:
            rows = rows.filter(responsible_officer_id=officer)
    if level := filters.get("level"):
        # A level by its rank, the list indexes' second column: the page is one index range.
        rows = rows.filter(
            level_q(level, prefix="") if level == "none" else Q(level_rank=rank_of(level))
        )
    if overdue := filters.get("overdue"):
        rows = rows.filter(_overdue(overdue, today))
    return _attention(rows, user, today, filters.get("attention", ""))


def caseload_paginator(user, today: datetime.date, filters: dict):
    """The paginator of the filtered list: by the read model when it can, else plain."""
    offenders = caseload_list(user, today, filters)
    rows = caseload_rows(user, today, filters)
    if rows is None:
        return CappedPaginator(offenders, PAGE_SIZE)
    return SchedulePaginator(
        rows, PAGE_SIZE, lambda ids: offenders.filter(pk__in=ids), cap=COUNT_CAP
    )
