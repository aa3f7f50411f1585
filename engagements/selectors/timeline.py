"""The offender's timeline: everything that shaped the level and the timetable, newest first.

Each source reads only the columns its entries show (``only``): the timeline is one of the most
opened pages, and the rows it reads are wide (working, criteria, users). A column read here but
not listed costs a query per entry; tests/engagements/test_timeline_every_kind.py catches that.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from assessments.models import Assessment
from riskmatrix.models import ActuarialRecord

from ..models import (
    ChangeOfCircumstances,
    LevelDecision,
    OverrideStatus,
    ReactiveManagement,
    ReactiveStatus,
    Visit,
)


@dataclass(frozen=True)
class TimelineItem:
    at: datetime.datetime
    title: str
    text: str = ""
    by: str = ""
    kind: str = ""
    date_only: bool = False


NAME_FIELDS = ("first_name", "last_name", "username")  # what str(user) reads


def _named(*people: str) -> list[str]:
    """The name columns of each person a row links to: the timeline shows their names only."""
    return [f"{person}__{field}" for person in people for field in NAME_FIELDS]


def _midday(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _assessment_items(offender):
    assessments = (
        Assessment.objects.filter(offender=offender)
        .select_related("countersigned_by", "created_by")
        .only(
            "countersigned_at",
            "final_priority",
            "submitted_at",
            "created_at",
            "status",
            *_named("countersigned_by", "created_by"),
        )
    )
    for a in assessments:
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
    records = (
        ActuarialRecord.objects.filter(offender=offender)
        .select_related("scored_by")
        .only(
            "tool",
            "scored_at",
            "dc_reduced",
            "dc_band",
            "dc_percentage",
            "iic_band",
            "iic_percentage",
            "s_category",
            "v_category",
            "c_category",
            *_named("scored_by"),
        )
    )
    for record in records:
        if record.tool == "osp":
            reduced = " (reduced)" if record.dc_reduced else ""
            yield TimelineItem(
                record.scored_at,
                "OSP scored",
                f"OSP/DC {record.get_dc_band_display()}{reduced}, {record.dc_percentage}%; "
                f"OSP/IIC {record.get_iic_band_display()}, {record.iic_rate}%",
                str(record.scored_by),
                "rm2000",
            )
            continue
        yield TimelineItem(
            record.scored_at,
            "Risk Matrix 2000 scored",
            f"RM2000/S {record.get_s_category_display()}, RM2000/V "
            f"{record.get_v_category_display()}, RM2000/C {record.get_c_category_display()}",
            str(record.scored_by),
            "rm2000",
        )


def _decision_items(offender):
    people = ("decided_by", "override_requested_by", "override_decided_by")
    decisions = (
        LevelDecision.objects.filter(offender=offender)
        .select_related(*people)
        .only(
            "effective_date",
            "derived_level",
            "working",
            "needs_review",
            "override_requested_at",
            "override_level",
            "override_rationale",
            "override_decided_at",
            "override_status",
            "override_comment",
            *_named(*people),
        )
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
    episodes = (
        ReactiveManagement.objects.filter(offender=offender)
        .select_related("proposed_by", "decided_by")
        .only(
            "proposed_at",
            "rationale",
            "decided_at",
            "status",
            "decision_comment",
            "end",
            "end_reason",
            *_named("proposed_by", "decided_by"),
        )
    )
    for e in episodes:
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
    visits = (
        Visit.objects.filter(offender=offender)
        .select_related("recorded_by")
        .only(
            "completed_at",
            "concerns_raised",
            "concerns",
            "kind",
            "announced",
            "outcome",
            "attended_by",
            "planned_for",
            "notes",
            *_named("recorded_by"),
        )
    )
    for v in visits:
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
    changes = (
        ChangeOfCircumstances.objects.filter(offender=offender)
        .select_related("recorded_by")
        .only("occurred_on", "kind", "details", *_named("recorded_by"))
    )
    for c in changes:
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
