"""Reads for the level of risk management, the schedule and the timetable.

Callers have resolved the offender through ``offenders.access`` already; list selectors start
from ``visible_offenders`` so nobody sees beyond their force and team.
"""

from __future__ import annotations

import datetime

from django.db.models import F, Func, IntegerField, QuerySet, Value
from django.utils import timezone

from arms_site.lib.queries import one_or_none
from offenders.models import Offender
from offenders.selectors import offender_caseload

from ..models import (
    CURRENT_DECISION,
    DecisionStatus,
    LevelDecision,
    OffenderSchedule,
    Policy,
    ReactiveManagement,
    ReactiveStatus,
    Visit,
    VisitFrequency,
    VisitOutcome,
)
from ..patterns import visit_pattern_warnings
from ..timetable import OfficerInterval

# "Due" badge from this many days before the due date; "Overdue" from the day after it.
DUE_SOON_DAYS = 14


def due_state(due: datetime.date | None, today: datetime.date) -> str | None:
    if due is None:
        return None
    if today > due:
        return "overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "due"
    return None


class DaysSince(Func):
    """Whole days from ``expression`` (a date column) to ``today``: positive when overdue."""

    output_field = IntegerField()

    def __init__(self, expression, today: datetime.date):
        super().__init__(Value(today), expression)

    def as_sql(self, compiler, connection, **extra):
        today, column = (compiler.compile(e) for e in self.source_expressions)
        return f"(CAST({today[0]} AS date) - {column[0]})", today[1] + column[1]

    def as_sqlite(self, compiler, connection, **extra):
        today, column = (compiler.compile(e) for e in self.source_expressions)
        sql = f"CAST(julianday({today[0]}) - julianday({column[0]}) AS integer)"
        return sql, today[1] + column[1]


def offender_schedule(offender, *, with_decision: bool = False) -> OffenderSchedule | None:
    """The offender's schedule row: its own columns are what the summary and the formulation
    show. ``with_decision``: with the decision, its policy and the static score it used in the
    same query (the timetable shows the working and links the score)."""
    schedule = OffenderSchedule.objects.filter(offender=offender)
    if with_decision:
        schedule = schedule.select_related("decision__policy", "decision__static_record")
    return one_or_none(schedule)


def caseload_with_schedule(user, today: datetime.date) -> QuerySet[Offender]:
    """The user's caseload with level and due dates: very high first, then most overdue.

    Everything comes from the denormalised schedule in the same query (a LEFT JOIN on its
    primary key), so the cost does not grow with the number of rows shown.
    """
    return (
        offender_caseload(user)
        .annotate(
            level=F("schedule__current_level"),
            level_rank=F("schedule__level_rank"),
            next_visit_due=F("schedule__next_visit_due"),
            next_reassessment_due=F("schedule__next_reassessment_due"),
            next_due=F("schedule__next_due"),
            reactive=F("schedule__reactive"),
            reassessment_due_now=F("schedule__reassessment_due_now"),
            days_overdue=DaysSince(F("schedule__next_due"), today),
        )
        .order_by(
            F("level_rank").desc(nulls_last=True),
            F("next_due").asc(nulls_last=True),
            "pk",  # the list indexes' order (see ``pages``)
        )
    )


def pending_override(offender, schedule: OffenderSchedule | None) -> LevelDecision | None:
    """``schedule``: the offender's schedule row, which says whether one exists
    (``schedule_refresh`` keeps its flags in the same transaction as every override), so most
    pages skip the query; without a row, the query decides."""
    if schedule is not None and not schedule.override_pending:
        return None
    # a requested override is the current decision: one at most (one_current_decision)
    return one_or_none(
        LevelDecision.objects.filter(
            offender=offender, status=DecisionStatus.OVERRIDE_REQUESTED
        ).select_related("override_requested_by")
    )


def open_reactive(offender, schedule: OffenderSchedule | None) -> ReactiveManagement | None:
    """``schedule`` as for ``pending_override``: its flags say whether an episode is open."""
    if schedule is not None and not (schedule.reactive or schedule.reactive_pending):
        return None
    return one_or_none(  # one open episode at most (one_open_reactive)
        ReactiveManagement.objects.filter(
            offender=offender, status__in=[ReactiveStatus.PROPOSED, ReactiveStatus.ACTIVE]
        ).select_related("proposed_by", "decided_by")
    )


def planned_visits(offender) -> QuerySet[Visit]:
    return Visit.objects.filter(offender=offender, completed_at__isnull=True).order_by(
        "planned_for"
    )


def completed_visits(offender) -> QuerySet[Visit]:
    return (
        Visit.objects.filter(offender=offender, completed_at__isnull=False)
        .select_related("recorded_by")
        .order_by("-completed_at")
    )


PATTERN_VISITS = 12


def pattern_warnings(offender, visits=None):
    """Warnings about the last 12 completed visits (``visits``: those, newest first, if the
    caller has them already)."""
    if visits is None:
        visits = completed_visits(offender)[:PATTERN_VISITS]
    moments = [visit.completed_at for visit in visits][:PATTERN_VISITS]
    return visit_pattern_warnings(timezone.localtime(moment) for moment in moments)


def visit_frequency_in_force(offender) -> VisitFrequency | None:
    """The officer's own home-visit interval in force, if any."""
    return one_or_none(  # one in force at most (visit_frequency_one_in_force)
        VisitFrequency.objects.filter(offender=offender, ended_at__isnull=True).select_related(
            "set_by"
        )
    )


def visit_frequency_history(offender) -> QuerySet[VisitFrequency]:
    """Every interval an officer has set for the offender, newest first."""
    return VisitFrequency.objects.filter(offender=offender).select_related("set_by", "ended_by")


def current_decision(offender) -> LevelDecision | None:
    return (
        LevelDecision.objects.filter(CURRENT_DECISION, offender=offender)
        .select_related("policy")
        .first()
    )


def last_visit(offender) -> Visit | None:
    """The last completed visit at which the offender was seen: it restarts the visit clock."""
    return (
        Visit.objects.filter(
            offender=offender, completed_at__isnull=False, outcome=VisitOutcome.SEEN
        )
        .order_by("-completed_at")
        .first()
    )


def has_officer_interval(offender, schedule: OffenderSchedule | None) -> bool:
    """Whether an officer's own visit interval is in force. With a level, the schedule row says
    (``schedule_refresh`` keeps the flag in the same transaction as every change of interval);
    without one, the query decides."""
    if schedule is not None and schedule.decision_id is not None:
        return schedule.visit_interval_by_officer
    return VisitFrequency.objects.filter(offender=offender, ended_at__isnull=True).exists()


def officer_interval(offender) -> OfficerInterval | None:
    """The officer's own visit interval in force for the offender, if any."""
    setting = visit_frequency_in_force(offender)
    if setting is None:
        return None
    return OfficerInterval(
        months=setting.interval_months,
        set_by=str(setting.set_by),
        set_on=timezone.localdate(setting.set_at),
        rationale=setting.rationale,
    )


def policy_current(force) -> Policy | None:
    """The force's newest policy version; None before its first (see ``policy_in_force``)."""
    return Policy.objects.filter(force=force).order_by("-number").first()
