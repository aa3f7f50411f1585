"""The offender's schedule, recomputed from the facts; and the facts for reactive eligibility.

``schedule_refresh`` is the only writer of ``OffenderSchedule``. It reads a handful of rows for
one offender and applies the pure rules (``assessments.combiner``), so lists can then read the
result with one indexed query whatever the caseload size.
"""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.utils import timezone

from assessments.combiner import next_reassessment_due
from assessments.models import Assessment, AssessmentStatus
from offenders.models import CourtAppearance, Offence
from offenders.selectors import OPEN_STATUSES

from .models import (
    ADVERSE_KINDS,
    CURRENT_DECISION,
    ChangeOfCircumstances,
    DecisionStatus,
    LevelDecision,
    OffenderSchedule,
    ReactiveManagement,
    ReactiveStatus,
    Visit,
    VisitFrequency,
    VisitOutcome,
    level_rank,
)
from .reactive import Criterion, Facts, reactive_criteria
from .timetable import OfficerInterval, visit_due, visit_interval


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


def officer_interval(offender) -> OfficerInterval | None:
    """The officer's own visit interval in force for the offender, if any."""
    setting = (
        VisitFrequency.objects.filter(offender=offender, ended_at__isnull=True)
        .select_related("set_by")
        .first()
    )
    if setting is None:
        return None
    return OfficerInterval(
        months=setting.interval_months,
        set_by=str(setting.set_by),
        set_on=timezone.localdate(setting.set_at),
        rationale=setting.rationale,
    )


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


def schedule_refresh(offender, *, today: datetime.date | None = None) -> OffenderSchedule:
    """Recompute the offender's schedule from decisions, visits, assessments and changes.

    Due dates depend only on the facts, never on ``today``; it is accepted so callers can pass
    their clock through and so the signature stays stable if a rule ever needs it.
    """
    decision = current_decision(offender)
    visit = last_visit(offender)
    last_countersigned = (
        Assessment.objects.filter(offender=offender, status=AssessmentStatus.COUNTERSIGNED)
        .order_by("-countersigned_at")
        .values_list("countersigned_at", flat=True)
        .first()
    )
    change_after = ChangeOfCircumstances.objects.filter(offender=offender)
    if last_countersigned:
        change_after = change_after.filter(recorded_at__gt=last_countersigned)
    change = change_after.order_by("-recorded_at").first()
    episodes = set(
        ReactiveManagement.objects.filter(
            offender=offender, status__in=[ReactiveStatus.PROPOSED, ReactiveStatus.ACTIVE]
        ).values_list("status", flat=True)
    )
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
        "next_reassessment_due": None,
        "reassessment_due_now": change is not None,
        "reassessment_reason": (
            f"Change of circumstances: {change.get_kind_display().lower()} "
            f"on {change.occurred_on:%d %B %Y}"
            if change
            else ""
        ),
    }
    if decision is not None:
        rules = decision.policy.as_rules()  # the version the decision was made with
        level = decision.final_level
        took_effect = decision.level_took_effect
        values.update(
            current_level=level,
            level_rank=level_rank(level),
            level_effective_date=took_effect,
            needs_review=decision.needs_review,
            override_pending=decision.status == DecisionStatus.OVERRIDE_REQUESTED,
        )
        interval = visit_interval(
            level=level,
            policy=rules,
            policy_version=decision.policy_version,
            officer=officer_interval(offender),
        )
        values.update(visit_interval_months=interval.months, visit_interval_note=interval.note)
        if not reactive:  # reactive management: no routine home visits
            anchor = _local_date(visit.completed_at) if visit else took_effect
            values["next_visit_due"] = visit_due(anchor=anchor, interval=interval)
        reassess_anchor = values["last_assessment_on"] or decision.effective_date
        values["next_reassessment_due"] = next_reassessment_due(
            level=level, anchor=reassess_anchor, policy=rules
        )
    if change is not None:
        due_now = _local_date(change.recorded_at)
        regular = values["next_reassessment_due"]
        values["next_reassessment_due"] = min(regular, due_now) if regular else due_now
    dues = [d for d in (values["next_visit_due"], values["next_reassessment_due"]) if d]
    values["next_due"] = min(dues) if dues else None
    schedule, _ = OffenderSchedule.objects.update_or_create(offender=offender, defaults=values)
    return schedule


def _low_since(offender) -> tuple[str | None, datetime.date | None]:
    """The current level and the start of the unbroken run of Low decisions leading to it."""
    decisions = list(
        LevelDecision.objects.filter(offender=offender).order_by("-effective_date", "-pk")
    )
    if not decisions:
        return None, None
    current = decisions[0]
    since = None
    for decision in decisions:
        if decision.final_level != "low":
            break
        low_from_start = decision.derived_level == "low"
        since = decision.effective_date if low_from_start else decision.level_took_effect
    return current.final_level, since


def reactive_facts(offender, *, today: datetime.date, no_civil_order: bool) -> list[Criterion]:
    """Gather the facts for the eligibility rule and return its criteria with pass/fail."""
    level, low_since = _low_since(offender)
    last_sentence = CourtAppearance.objects.filter(offender=offender).aggregate(
        last=Max("sentencing_date")
    )["last"]
    last_offence = Offence.objects.filter(appearance__offender=offender).aggregate(
        last=Max("offence_date")
    )["last"]
    offence_dates = [d for d in (last_sentence, last_offence) if d]
    adverse = ChangeOfCircumstances.objects.filter(
        offender=offender, kind__in=ADVERSE_KINDS
    ).aggregate(last=Max("occurred_on"))["last"]
    facts = Facts(
        today=today,
        current_level=level,
        low_since=low_since,
        last_offence_on=max(offence_dates) if offence_dates else None,
        no_civil_order=no_civil_order,
        last_adverse_intelligence_on=adverse,
    )
    return reactive_criteria(facts)
