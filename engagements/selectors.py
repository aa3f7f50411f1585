"""Reads for the level of risk management, the timetable and the timeline.

Callers have resolved the offender through ``offenders.access`` already; list selectors start
from ``visible_offenders`` so nobody sees beyond their force and team.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, Func, IntegerField, QuerySet, Value
from django.utils import timezone

from assessments.models import Assessment
from offenders.models import Offender
from offenders.selectors import offender_caseload

from .models import (
    ChangeOfCircumstances,
    DecisionStatus,
    LevelDecision,
    OffenderSchedule,
    OverrideStatus,
    ReactiveManagement,
    ReactiveStatus,
    Visit,
    VisitFrequency,
)
from .patterns import visit_pattern_warnings
from .schedule import current_decision  # noqa: F401  (re-exported for views)

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


def offender_schedule(offender) -> OffenderSchedule | None:
    return OffenderSchedule.objects.filter(offender=offender).select_related("decision").first()


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
            "surname",
            "forenames",
        )
    )


def pending_override(offender) -> LevelDecision | None:
    return (
        LevelDecision.objects.filter(offender=offender, status=DecisionStatus.OVERRIDE_REQUESTED)
        .select_related("override_requested_by")
        .first()
    )


def open_reactive(offender) -> ReactiveManagement | None:
    return (
        ReactiveManagement.objects.filter(
            offender=offender, status__in=[ReactiveStatus.PROPOSED, ReactiveStatus.ACTIVE]
        )
        .select_related("proposed_by", "decided_by")
        .first()
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


def pattern_warnings(offender):
    moments = completed_visits(offender).values_list("completed_at", flat=True)[:12]
    return visit_pattern_warnings(timezone.localtime(moment) for moment in moments)


# --- the timeline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineItem:
    at: datetime.datetime
    title: str
    text: str = ""
    by: str = ""
    kind: str = ""
    date_only: bool = False


def _midday(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _assessment_items(offender):
    for a in Assessment.objects.filter(offender=offender).select_related(
        "countersigned_by", "created_by"
    ):
        if a.countersigned_at:
            priority = a.get_final_priority_display() or "not set"
            yield TimelineItem(
                a.countersigned_at,
                "ARMS assessment countersigned",
                f"Priority for work: {priority}",
                str(a.countersigned_by or ""),
                "assessment",
            )
        else:
            yield TimelineItem(
                a.submitted_at or a.created_at,
                f"ARMS assessment: {a.get_status_display().lower()}",
                "",
                str(a.created_by),
                "assessment",
            )


def _rm2000_items(offender):
    try:
        from riskmatrix.models import ActuarialRecord
    except ImportError:  # the riskmatrix feature is not installed in this build
        return
    for record in ActuarialRecord.objects.filter(offender=offender).select_related("scored_by"):
        yield TimelineItem(
            record.scored_at,
            "Risk Matrix 2000 scored",
            f"RM2000/S {record.get_s_category_display()}, RM2000/V "
            f"{record.get_v_category_display()}, RM2000/C {record.get_c_category_display()}",
            str(record.scored_by),
            "rm2000",
        )


def _decision_items(offender):
    decisions = LevelDecision.objects.filter(offender=offender).select_related(
        "decided_by", "override_requested_by", "override_decided_by"
    )
    for d in decisions:
        review = " Flagged for supervisor review: no RM2000/S." if d.needs_review else ""
        yield TimelineItem(
            _midday(d.effective_date),
            f"Level of risk management: {d.get_derived_level_display()}",
            f"{d.working[-1] if d.working else ''}{review}",
            str(d.decided_by),
            "level",
            date_only=True,
        )
        if d.override_requested_at:
            yield TimelineItem(
                d.override_requested_at,
                f"Override to {d.get_override_level_display()} requested",
                d.override_rationale,
                str(d.override_requested_by),
                "level",
            )
        if d.override_decided_at:
            verdict = "approved" if d.override_status == OverrideStatus.APPROVED else "refused"
            yield TimelineItem(
                d.override_decided_at,
                f"Override {verdict}",
                d.override_comment,
                str(d.override_decided_by),
                "level",
            )


def _reactive_items(offender):
    for e in ReactiveManagement.objects.filter(offender=offender).select_related(
        "proposed_by", "decided_by"
    ):
        yield TimelineItem(
            e.proposed_at, "Reactive management proposed", e.rationale, str(e.proposed_by)
        )
        if e.decided_at:
            verdict = "refused" if e.status == ReactiveStatus.REFUSED else "approved"
            yield TimelineItem(
                e.decided_at,
                f"Reactive management {verdict}",
                e.decision_comment,
                str(e.decided_by),
            )
        if e.end:
            yield TimelineItem(
                _midday(e.end), "Reactive management ended", e.end_reason, date_only=True
            )


def _visit_items(offender):
    for v in Visit.objects.filter(offender=offender).select_related("recorded_by"):
        if v.completed_at:
            concerns = f" Concerns: {v.concerns}" if v.concerns_raised else ""
            yield TimelineItem(
                v.completed_at,
                f"{v.get_kind_display()} ({'announced' if v.announced else 'unannounced'})",
                f"{v.get_outcome_display()}.{concerns}",
                v.attended_by or str(v.recorded_by),
                "visit",
            )
        else:
            yield TimelineItem(
                v.planned_for, f"{v.get_kind_display()} planned", v.notes, str(v.recorded_by)
            )


def _change_items(offender):
    for c in ChangeOfCircumstances.objects.filter(offender=offender).select_related("recorded_by"):
        yield TimelineItem(
            _midday(c.occurred_on),
            f"Change of circumstances: {c.get_kind_display().lower()}",
            c.details,
            str(c.recorded_by),
            "change",
            date_only=True,
        )


def timeline(offender) -> list[TimelineItem]:
    """Everything that shaped the level and the timetable, newest first (one query per source)."""
    items = [
        item
        for source in (
            _assessment_items,
            _rm2000_items,
            _decision_items,
            _reactive_items,
            _visit_items,
            _change_items,
        )
        for item in source(offender)
    ]
    return sorted(items, key=lambda item: item.at, reverse=True)


def visit_frequency_in_force(offender) -> VisitFrequency | None:
    """The officer's own home-visit interval in force, if any."""
    return (
        VisitFrequency.objects.filter(offender=offender, ended_at__isnull=True)
        .select_related("set_by")
        .first()
    )


def visit_frequency_history(offender) -> QuerySet[VisitFrequency]:
    """Every interval an officer has set for the offender, newest first."""
    return VisitFrequency.objects.filter(offender=offender).select_related("set_by", "ended_by")
