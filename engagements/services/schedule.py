"""The offender's schedule, recomputed from the facts.

This module is the only writer of ``OffenderSchedule``: ``schedule_refresh`` for one offender,
``schedule_bulk_write`` for the bulk generator of synthetic data. It reads a handful of rows for
one offender and applies the pure rules (``assessments.combiner``), so lists can then read the
result with one indexed query whatever the caseload size.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from arms_site.lib.dates import gov_date
from assessments.combiner import next_reassessment_due
from assessments.models import Assessment, AssessmentStatus
from offenders.selectors import OPEN_STATUSES

from ..models import (
    ChangeOfCircumstances,
    DecisionStatus,
    OffenderSchedule,
    ReactiveManagement,
    ReactiveStatus,
    level_rank,
)
from ..selectors import current_decision, last_visit, officer_interval
from ..timetable import visit_due, visit_interval


def _local_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def scope_values(offender) -> dict:
    """The offender's scope as the schedule copies it (see ``OffenderSchedule.team``)."""
    return {
        "team_id": offender.team_id,
        "force_id": offender.team.force_id,
        "responsible_officer_id": offender.responsible_officer_id,
        "on_register": offender.status in OPEN_STATUSES,
    }


def _last_countersigned_at(offender) -> datetime.datetime | None:
    return (
        Assessment.objects.filter(offender=offender, status=AssessmentStatus.COUNTERSIGNED)
        .order_by("-countersigned_at")
        .values_list("countersigned_at", flat=True)
        .first()
    )


def _change_since(offender, moment) -> ChangeOfCircumstances | None:
    """The newest change of circumstances since the last countersignature (any, if none)."""
    changes = ChangeOfCircumstances.objects.filter(offender=offender)
    if moment:
        changes = changes.filter(recorded_at__gt=moment)
    return changes.order_by("-recorded_at").first()


def _open_episodes(offender) -> set[str]:
    return set(
        ReactiveManagement.objects.filter(
            offender=offender, status__in=[ReactiveStatus.PROPOSED, ReactiveStatus.ACTIVE]
        ).values_list("status", flat=True)
    )


def _decision_values(offender, decision, visit, *, reactive: bool, last_assessment_on) -> dict:
    """Level and due dates under the policy version the decision was made with."""
    rules = decision.policy.as_rules()
    level = decision.final_level
    took_effect = decision.level_took_effect
    interval = visit_interval(
        level=level,
        policy=rules,
        policy_version=decision.policy_version,
        officer=officer_interval(offender),
    )
    values = {
        "current_level": level,
        "level_rank": level_rank(level),
        "level_effective_date": took_effect,
        "needs_review": decision.needs_review,
        "override_pending": decision.status == DecisionStatus.OVERRIDE_REQUESTED,
        "visit_interval_months": interval.months,
        "visit_interval_note": interval.note,
        "visit_interval_by_officer": interval.by_officer,
        "next_reassessment_due": next_reassessment_due(
            level=level, anchor=last_assessment_on or decision.effective_date, policy=rules
        ),
    }
    if not reactive:  # reactive management: no routine home visits
        anchor = _local_date(visit.completed_at) if visit else took_effect
        values["next_visit_due"] = visit_due(anchor=anchor, interval=interval)
    return values


def schedule_refresh(offender, *, today: datetime.date | None = None) -> OffenderSchedule:
    """Recompute the offender's schedule from decisions, visits, assessments and changes.

    Due dates depend only on the facts, never on ``today``; it is accepted so callers can pass
    their clock through and so the signature stays stable if a rule ever needs it.
    """
    decision = current_decision(offender)
    visit = last_visit(offender)
    last_countersigned = _last_countersigned_at(offender)
    change = _change_since(offender, last_countersigned)
    episodes = _open_episodes(offender)
    reactive = ReactiveStatus.ACTIVE in episodes
    values = {
        **scope_values(offender),
        "decision": decision,
        "current_level": "",
        "level_rank": None,
        "level_effective_date": None,
        "needs_review": False,
        "override_pending": False,
        "reactive": reactive,
        "reactive_pending": ReactiveStatus.PROPOSED in episodes,
        "last_visit_at": visit.completed_at if visit else None,
        "last_assessment_on": _local_date(last_countersigned),
        "next_visit_due": None,
        "visit_interval_months": None,
        "visit_interval_note": "",
        "visit_interval_by_officer": False,
        "next_reassessment_due": None,
        "reassessment_due_now": change is not None,
        "reassessment_reason": (
            f"Change of circumstances: {change.get_kind_display().lower()} "
            f"on {gov_date(change.occurred_on)}"
            if change
            else ""
        ),
    }
    if decision is not None:
        values.update(
            _decision_values(
                offender,
                decision,
                visit,
                reactive=reactive,
                last_assessment_on=values["last_assessment_on"],
            )
        )
    if change is not None:
        due_now = _local_date(change.recorded_at)
        regular = values["next_reassessment_due"]
        values["next_reassessment_due"] = min(regular, due_now) if regular else due_now
    dues = [d for d in (values["next_visit_due"], values["next_reassessment_due"]) if d]
    values["next_due"] = min(dues) if dues else None
    schedule, _ = OffenderSchedule.objects.update_or_create(offender=offender, defaults=values)
    return schedule


def schedule_bulk_write(schedules: list[OffenderSchedule], *, batch_size: int = 2000) -> None:
    """Insert many schedule rows at once (the synthetic-data generator's path).

    The caller computes each row as ``schedule_refresh`` would; the scope columns are copied
    here from each row's offender by ``scope_values``, so they can never drift from it.
    """
    for schedule in schedules:
        for name, value in scope_values(schedule.offender).items():
            setattr(schedule, name, value)
    OffenderSchedule.objects.bulk_create(schedules, batch_size=batch_size)


# The schedule copies these offender fields; a change to one refreshes it.
SCHEDULE_SCOPE_FIELDS = frozenset({"team", "responsible_officer", "status"})


def schedule_follow_offender(offender, changed_fields: frozenset[str] | None) -> None:
    """The ``offenders.hooks.on_offender_saved`` hook: a new offender gets its schedule row at
    once, and a change of team, officer or status is copied to it."""
    if changed_fields is None or SCHEDULE_SCOPE_FIELDS & changed_fields:
        schedule_refresh(offender)
