"""What happened to one synthetic offender of the scale data set, decided before anything is saved.

A ``Case`` holds unsaved rows: the RM2000 score, the countersigned ARMS assessment and its
ratings, the level decision, reactive management, visits, a change of circumstances, an open
assessment and the schedule. The random choices come from ``random.Random(f"case:{index}")``,
drawn in a fixed order, so a run is reproducible. Levels and due dates come from the pure rules
(``assessments.combiner``, ``engagements.timetable``), the same calls
``engagements.services.schedule.schedule_refresh`` makes.
"""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from arms_site.lib.dates import gov_date
from assessments.combiner import derive_level, move_level, next_reassessment_due, next_visit_due
from assessments.models import Assessment, AssessmentStatus
from assessments.priority import FACTOR_CODES, arms_priority
from engagements.models import (
    ChangeKind,
    ChangeOfCircumstances,
    DecisionStatus,
    LevelDecision,
    OffenderSchedule,
    OverrideStatus,
    ReactiveManagement,
    ReactiveStatus,
    Visit,
    VisitOutcome,
    level_rank,
)
from engagements.timetable import visit_interval
from offenders.models import Status
from riskmatrix.models import ActuarialRecord, Tool

from .backdating import at
from .people import Person
from .scores import osp_fields, rm2000_fields


class Case:
    """Everything decided about one offender: score, assessments, decision, visits, schedule."""

    def __init__(self, p: Person, *, officer, supervisor, signed_on, signed_at):
        self.p = p
        self.officer = officer
        self.supervisor = supervisor
        self.signed_on: datetime.date = signed_on
        self.signed_at: datetime.datetime = signed_at
        self.record = None
        self.osp_record = None
        self.countersigned = None
        self.ratings: dict[str, int | None] = {}
        self.open_assessment = None
        self.decision = None
        self.reactive = None
        self.visits: list[Visit] = []
        self.change = None
        self.schedule = None


def case_for(p: Person, s, org, today) -> Case | None:
    """The case of person ``p`` in slot ``s``, or None while new to the register (no level)."""
    if p.new_to_register:  # no assessment yet: no level (an empty schedule row)
        return None
    rng = random.Random(f"case:{p.index}")
    officer = p.offender.responsible_officer or org.officer(s)
    supervisor = org.supervisor(s)
    policy = org.policies[s.force]
    rules = policy.as_rules()
    signed_on = today - datetime.timedelta(days=rng.randint(5, 420))
    signed_at = at(signed_on, 10 + rng.randint(0, 6))
    case = Case(p, officer=officer, supervisor=supervisor, signed_on=signed_on, signed_at=signed_at)
    rm2000 = _score(case, rng)
    result = _countersign(case, rng)
    level_result = derive_level(rm2000=rm2000, priority=result.priority, policy=rules)
    override = _decide(case, rng, policy, rm2000, result.priority.value, level_result)
    level = level_result.level.value
    reactive = _reactive(case, rng, level)
    last_seen = _visits(case, rng, level, today, rules, reactive)
    case.change = _change(case, rng, today)
    open_kind = rng.random()
    if open_kind < 0.05:
        case.open_assessment = _open_assessment(case, today, rng, submitted=open_kind < 0.02)
    case.schedule = _schedule(case, level_result, rules, last_seen, reactive, override)
    return case


def _score(case: Case, rng) -> str | None:
    """An RM2000 score a few days before the countersignature where it applies; returns S."""
    scored_on = case.signed_on - datetime.timedelta(days=rng.randint(0, 20))
    fields = rm2000_fields(case.p, scored_on, never_married=rng.random() < 0.4)
    # OSP beside RM2000 on the same day (it draws nothing from ``rng``: the rest stays the same).
    if (osp := osp_fields(case.p, scored_on)) is not None:
        case.osp_record = ActuarialRecord(
            offender=case.p.offender, tool=Tool.OSP, assessment_date=scored_on,
            scored_by=case.officer, scored_at=at(scored_on, 9), is_current=True, **osp,
        )  # fmt: skip
    if fields is None:
        return None
    case.record = ActuarialRecord(
        offender=case.p.offender, tool=Tool.RM2000, assessment_date=scored_on,
        scored_by=case.officer, scored_at=at(scored_on, 9), is_current=True, **fields,
    )  # fmt: skip
    return fields["s_category"]


def _countersign(case: Case, rng):
    """The ratings and the countersigned assessment; returns the ARMS priority result."""
    case.ratings = {code: _rating(rng) for code in FACTOR_CODES}
    result = arms_priority(case.ratings)
    created = case.signed_at - datetime.timedelta(days=rng.randint(3, 25))
    case.countersigned = Assessment(
        offender=case.p.offender,
        framework_id=None,
        status=AssessmentStatus.COUNTERSIGNED,
        version=3,
        created_by=case.officer,
        created_at=created,
        updated_at=case.signed_at,
        submitted_at=case.signed_at - datetime.timedelta(days=1),
        submitted_by=case.officer,
        countersigned_at=case.signed_at,
        countersigned_by=case.supervisor,
        derived_priority=result.priority.value,
        final_priority=result.priority.value,
        priority_working={
            "risk": result.risk,
            "protective": result.protective,
            "net": result.net,
            "strong": result.strong,
            "lines": list(result.working),
        },
        rule_version=result.rule_version,
    )
    return result


def _decide(case: Case, rng, policy, rm2000, priority, level_result) -> bool:
    """The level decision on the day of countersignature; about 2% await an override.

    Returns whether an override is pending."""
    level = level_result.level.value
    override = rng.random() < 0.02
    case.decision = LevelDecision(
        offender=case.p.offender,
        rm2000_category=rm2000 or "",
        static_tool="rm2000",
        static_record=case.record,
        static_category=rm2000 or "",
        priority=priority,
        derived_level=level,
        final_level=level,
        needs_review=level_result.needs_review,
        working=list(level_result.working),
        policy=policy,
        policy_version=level_result.policy_version,
        effective_date=case.signed_on,
        status=DecisionStatus.OVERRIDE_REQUESTED if override else DecisionStatus.IN_FORCE,
        decided_by=case.supervisor,
        created_at=case.signed_at,
    )
    if override:
        step = 1 if level_result.level.rank < 3 else -1
        case.decision.override_status = OverrideStatus.REQUESTED
        case.decision.override_level = move_level(level, step).value
        case.decision.override_rationale = "Synthetic override request for scale testing."
        case.decision.override_requested_by = case.officer
        case.decision.override_requested_at = case.signed_at + datetime.timedelta(days=2)
    return override


def _reactive(case: Case, rng, level: str) -> bool:
    """Reactive management for a reactive-status offender at Low; any other reactive-status
    offender is not eligible and is managed actively. Returns whether it is reactive."""
    p = case.p
    reactive = level == "low" and p.status == Status.REACTIVE
    if reactive:
        begun = case.signed_on + datetime.timedelta(days=rng.randint(1, 30))
        case.reactive = ReactiveManagement(
            offender=p.offender,
            status=ReactiveStatus.ACTIVE,
            no_civil_order=True,
            rationale="Synthetic: stable, low level, no recent offending.",
            proposed_by=case.officer,
            proposed_at=at(begun),
            decided_by=case.supervisor,
            decided_at=at(begun, 15),
            start=begun,
        )
    elif p.status == Status.REACTIVE:
        p.offender.status = Status.ACTIVE  # not eligible (not low): managed actively
    return reactive


def _rating(rng) -> int | None:
    roll = rng.random()
    return None if roll < 0.05 else (0 if roll < 0.45 else (1 if roll < 0.85 else 2))


def _visits(case: Case, rng, level, today, rules, reactive):
    """Visits since the level took effect at about the level's interval; about one case in
    eight has fallen behind (its last visit is missing). Returns the last time seen."""
    months = rules.visit_interval_months[level]
    step = 30 * months
    day = case.signed_on + datetime.timedelta(days=step + rng.randint(-10, 10))
    behind = rng.random() < 0.12
    last_seen = None
    while day < today and not reactive:
        if behind and day + datetime.timedelta(days=step) >= today:
            break
        outcome = VisitOutcome.NOT_SEEN if rng.random() < 0.06 else VisitOutcome.SEEN
        moment = at(day, rng.choice([9, 11, 14, 16, 18, 19]), rng.choice([0, 15, 30, 45]))
        case.visits.append(
            Visit(
                offender=case.p.offender,
                completed_at=moment,
                outcome=outcome,
                announced=rng.random() < 0.5,
                attended_by="Synthetic officer",
                recorded_by=case.officer,
                recorded_at=moment + datetime.timedelta(hours=2),
            )
        )
        if outcome == VisitOutcome.SEEN:
            last_seen = moment
        day += datetime.timedelta(days=step + rng.randint(-10, 10))
    return last_seen


def _change(case: Case, rng, today):
    if rng.random() >= 0.03:
        return None
    occurred = today - datetime.timedelta(days=rng.randint(1, 40))
    recorded = at(occurred, 16)
    if recorded <= case.signed_at:
        return None  # before the last assessment: it would not call for a new one
    return ChangeOfCircumstances(
        offender=case.p.offender,
        kind=rng.choice([ChangeKind.ARREST, ChangeKind.INTELLIGENCE, ChangeKind.NEW_ADDRESS]),
        occurred_on=occurred,
        details="Synthetic change of circumstances for scale testing.",
        recorded_by=case.officer,
        recorded_at=recorded,
    )


def _open_assessment(case: Case, today, rng, *, submitted: bool) -> Assessment:
    started = at(today - datetime.timedelta(days=rng.randint(1, 75)), 11)
    return Assessment(
        offender=case.p.offender,
        status=AssessmentStatus.SUBMITTED if submitted else AssessmentStatus.DRAFT,
        created_by=case.officer,
        created_at=started,
        updated_at=started,
        submitted_by=case.officer if submitted else None,
        submitted_at=started + datetime.timedelta(days=1) if submitted else None,
    )


def _schedule(case: Case, level_result, rules, last_seen, reactive, override) -> OffenderSchedule:
    """The schedule, exactly as engagements.services.schedule.schedule_refresh computes it
    (without the scope columns: ``schedule_bulk_write`` copies those from the offender)."""
    level = level_result.level.value
    signed_on = case.signed_on
    visit_anchor = timezone.localdate(last_seen) if last_seen else signed_on
    next_visit = (
        None if reactive else next_visit_due(level=level, anchor=visit_anchor, policy=rules)
    )
    next_reassess = next_reassessment_due(level=level, anchor=signed_on, policy=rules)
    reason = ""
    if case.change is not None:
        due_now = timezone.localdate(case.change.recorded_at)
        next_reassess = min(next_reassess, due_now)
        reason = (
            f"Change of circumstances: {case.change.get_kind_display().lower()} "
            f"on {gov_date(case.change.occurred_on)}"
        )
    dues = [d for d in (next_visit, next_reassess) if d]
    interval = visit_interval(  # seeded offenders have no officer-set interval
        level=level, policy=rules, policy_version=level_result.policy_version
    )
    return OffenderSchedule(
        offender=case.p.offender,
        current_level=level,
        level_rank=level_rank(level),
        level_effective_date=signed_on,
        needs_review=level_result.needs_review,
        override_pending=override,
        reactive=reactive,
        reactive_pending=False,
        last_visit_at=last_seen,
        last_assessment_on=signed_on,
        next_visit_due=next_visit,
        visit_interval_months=interval.months,
        visit_interval_note=interval.note,
        visit_interval_by_officer=interval.by_officer,
        next_reassessment_due=next_reassess,
        next_due=min(dues) if dues else None,
        reassessment_due_now=case.change is not None,
        reassessment_reason=reason,
    )
