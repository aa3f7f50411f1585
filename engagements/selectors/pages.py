"""Lists whose cost follows the page, not the scope: pages of schedule rows, then their offenders.

A list of offenders sorted by level and due date is a page of ``OffenderSchedule`` rows (the
read model: it carries the offender's force, team, officer and whether it is on the register),
read in the order of an index made for that sort (migration 0006: force, team or officer, then
level rank descending, then the due date, then the offender), so page 60 reads 3,000 index
entries and no offender rows; the 50 offenders of the page are then loaded by primary key,
through the caller's own scoped query (``load``), so the one scope rule still decides what is
shown. The count is of schedule rows alone.
"""

from __future__ import annotations

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import F, QuerySet

from offenders.access import scope_for

from ..models import OffenderSchedule


def schedule_order(due: str = "next_due") -> list:
    """Very high first, then the earliest ``due`` date (the most overdue), then the offender:
    the column order of the list indexes."""
    return [F("level_rank").desc(nulls_last=True), F(due).asc(nulls_last=True), "offender_id"]


def caseload_schedule_rows(user, *, due: str = "next_due") -> QuerySet[OffenderSchedule]:
    """The schedule rows of the user's caseload on the register, in list order."""
    scope = scope_for(user)
    return (
        OffenderSchedule.objects.filter(on_register=True)
        .filter(
            scope.caseload_q(force="force_id", team="team_id", officer="responsible_officer_id")
        )
        .order_by(*schedule_order(due))
    )


class SchedulePaginator(Paginator):
    """Pages of schedule rows, each page turned into its offenders by ``load(ids)``.

    ``load`` returns the offenders among ``ids`` that the user may see (a scoped queryset
    filtered by ``pk__in``); the page keeps the schedule's order. ``cap``: count at most this
    many rows (``SELECT COUNT(*) FROM (… LIMIT cap + 1)``), for pages that say "more than".
    """

    def __init__(self, rows: QuerySet[OffenderSchedule], per_page: int, load, cap=None):
        super().__init__(rows.values_list("offender_id", flat=True), per_page)
        self.load = load
        self.cap = cap

    @cached_property
    def count(self) -> int:
        rows = self.object_list.order_by()
        return rows[: self.cap + 1].count() if self.cap else rows.count()

    @property
    def capped(self) -> bool:
        return bool(self.cap) and self.count > self.cap

    def _get_page(self, ids, number, paginator):
        ids = list(ids)
        found = {offender.pk: offender for offender in self.load(ids)}
        return super()._get_page([found[pk] for pk in ids if pk in found], number, paginator)
