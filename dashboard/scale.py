"""A synthetic national data set for the dashboard's benchmarks (``manage.py seed_scale``).

Built for speed with ``bulk_create`` in batches, yet consistent with the rules: RM2000 scores come
from the pure scorer (``riskmatrix.prefill.propose`` + ``riskmatrix.answers.score``), priorities
from ``assessments.priority.arms_priority``, levels and due dates from ``assessments.combiner``
(the same calls ``engagements.schedule.schedule_refresh`` makes), so every ``OffenderSchedule``
row equals what the service would compute. No audit entries are written: nothing here is a
person's real data or a user's action. References are ``SCALE-000001``…, PNC years 2099.
"""

from __future__ import annotations

import datetime
import random
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from assessments.combiner import derive_level, move_level, next_reassessment_due, next_visit_due
from assessments.models import Assessment, AssessmentStatus, FactorRating, FrameworkVersion
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
from offenders.models import Offender, Status
from offenders.selectors import OPEN_STATUSES
from riskmatrix.models import ActuarialRecord, Tool

from .scale_org import Organisation, slot
from .scale_people import Person, person
from .scale_scores import rm2000_fields

PREFIX = "SCALE-"
BATCH = 2000
# Back-dated synthetic history: these timestamps are set explicitly rather than "now".
BACKDATED = [
    (Offender, "created_at"),
    (Offender, "updated_at"),
    (Assessment, "created_at"),
    (Assessment, "updated_at"),
    (FactorRating, "updated_at"),
    (LevelDecision, "created_at"),
    (ReactiveManagement, "proposed_at"),
    (Visit, "recorded_at"),
    (ChangeOfCircumstances, "recorded_at"),
]


@contextmanager
def explicit_timestamps():
    """Let ``bulk_create`` keep the timestamps we set instead of stamping the current time."""
    fields = [model._meta.get_field(name) for model, name in BACKDATED]
    saved = [(f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, (now, add) in zip(fields, saved, strict=True):
            f.auto_now, f.auto_now_add = now, add


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def existing_count() -> int:
    return Offender.objects.filter(local_reference__startswith=PREFIX).count()


def seed_scale(total: int, forces: int, *, today: datetime.date, log=print) -> int:
    """Top the data set up to ``total`` SCALE- offenders; returns how many were added."""
    start = existing_count()
    if start >= total:
        return 0
    org = Organisation(forces)
    framework = FrameworkVersion.objects.order_by("-number").first()
    factors = dict(framework.factors.values_list("code", "pk"))
    with explicit_timestamps():
        for first in range(start, total, BATCH):
            last = min(first + BATCH, total)
            with transaction.atomic():
                _batch(range(first, last), org, framework, factors, today)
            log(f"  {last:,} offenders")
    return total - start


def _batch(indices, org, framework, factors, today) -> None:
    slots = {i: slot(i, org.forces_count) for i in indices}
    org.ensure({(s.force, s.team) for s in slots.values()})
    people = [person(i, today) for i in indices]
    for p in people:
        p.offender = _offender(p, slots[p.index], org, today)
    # Decide each case before saving: it may settle the offender's status (reactive or not).
    # Related rows hold the unsaved instances; bulk_create fills in their keys in order.
    cases = [c for c in (_case(p, slots[p.index], org, today) for p in people) if c]
    Offender.objects.bulk_create([p.offender for p in people], batch_size=BATCH)
    _court_and_addresses(people)
    _write_cases(cases, framework, factors)
    _write_schedules(people, cases)


def _write_schedules(people, cases) -> None:
    """One schedule row per offender (an empty one before any assessment), scope columns
    copied from the offender exactly as ``engagements.schedule.scope_values`` does."""
    for case in cases:
        case.schedule.decision = case.decision
    by_offender = {id(c.schedule.offender): c.schedule for c in cases}
    schedules = []
    for p in people:
        schedule = by_offender.get(id(p.offender)) or OffenderSchedule(offender=p.offender)
        offender = p.offender
        schedule.team_id = offender.team_id
        schedule.force_id = offender.team.force_id
        schedule.responsible_officer_id = offender.responsible_officer_id
        schedule.on_register = offender.status in OPEN_STATUSES
        schedules.append(schedule)
    OffenderSchedule.objects.bulk_create(schedules, batch_size=BATCH)


def _offender(p: Person, s, org, today) -> Offender:
    at_reg = at(p.registered)
    return Offender(
        surname=p.surname,
        forenames=p.forenames,
        date_of_birth=p.born,
        sex=p.sex,
        pnc_id=p.pnc,
        local_reference=f"{PREFIX}{p.index + 1:06d}",
        status=p.status,
        mappa_level=p.mappa_level,
        registration_start=p.registered,
        notification_period=p.period,
        last_release_date=p.released,
        team=org.teams[(s.force, s.team)],
        responsible_officer=None if p.unallocated else org.officer(s),
        created_at=at_reg,
        updated_at=at_reg,
    )


def _court_and_addresses(people) -> None:
    from offenders.models import Address, CourtAppearance, Offence

    appearances, facts = [], []
    for p in people:
        for fact in p.appearances:
            appearances.append(fact.model(p.offender))
            facts.append(fact)
    CourtAppearance.objects.bulk_create(appearances, batch_size=BATCH)
    offences = [
        o.model(appearance)
        for appearance, fact in zip(appearances, facts, strict=True)
        for o in fact.offence_rows
    ]
    Offence.objects.bulk_create(offences, batch_size=BATCH)
    Address.objects.bulk_create(
        [a.model(p.offender) for p in people for a in p.addresses], batch_size=BATCH
    )


class Case:
    """Everything decided about one offender: score, assessments, decision, visits, schedule."""

    def __init__(self, p: Person):
        self.p = p
        self.record = None
        self.countersigned = None
        self.ratings: dict[str, int | None] = {}
        self.open_assessment = None
        self.decision = None
        self.reactive = None
        self.visits: list[Visit] = []
        self.change = None
        self.schedule = None


def _case(p: Person, s, org, today) -> Case | None:
    if p.new_to_register:  # no assessment yet: no level (an empty schedule row)
        return None
    rng = random.Random(f"case:{p.index}")
    officer = p.offender.responsible_officer or org.officer(s)
    supervisor = org.supervisor(s)
    rules_policy = org.policies[s.force]
    rules = rules_policy.as_rules()
    case = Case(p)
    signed_on = today - datetime.timedelta(days=rng.randint(5, 420))
    signed_at = at(signed_on, 10 + rng.randint(0, 6))

    scored_on = signed_on - datetime.timedelta(days=rng.randint(0, 20))
    fields = rm2000_fields(p, scored_on, never_married=rng.random() < 0.4)
    if fields is not None:
        case.record = ActuarialRecord(
            offender=p.offender, tool=Tool.RM2000, assessment_date=scored_on,
            scored_by=officer, scored_at=at(scored_on, 9), is_current=True, **fields,
        )  # fmt: skip
    rm2000 = fields["s_category"] if fields else None

    case.ratings = {code: _rating(rng) for code in FACTOR_CODES}
    result = arms_priority(case.ratings)
    created = signed_at - datetime.timedelta(days=rng.randint(3, 25))
    case.countersigned = Assessment(
        offender=p.offender,
        framework_id=None,
        status=AssessmentStatus.COUNTERSIGNED,
        version=3,
        created_by=officer,
        created_at=created,
        updated_at=signed_at,
        submitted_at=signed_at - datetime.timedelta(days=1),
        submitted_by=officer,
        countersigned_at=signed_at,
        countersigned_by=supervisor,
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
    level_result = derive_level(rm2000=rm2000, priority=result.priority, policy=rules)
    level = level_result.level.value
    override = rng.random() < 0.02
    case.decision = LevelDecision(
        offender=p.offender,
        rm2000_category=rm2000 or "",
        priority=result.priority.value,
        derived_level=level,
        final_level=level,
        needs_review=level_result.needs_review,
        working=list(level_result.working),
        policy=rules_policy,
        policy_version=level_result.policy_version,
        effective_date=signed_on,
        status=DecisionStatus.OVERRIDE_REQUESTED if override else DecisionStatus.IN_FORCE,
        decided_by=supervisor,
        created_at=signed_at,
    )
    if override:
        step = 1 if level_result.level.rank < 3 else -1
        case.decision.override_status = OverrideStatus.REQUESTED
        case.decision.override_level = move_level(level, step).value
        case.decision.override_rationale = "Synthetic override request for scale testing."
        case.decision.override_requested_by = officer
        case.decision.override_requested_at = signed_at + datetime.timedelta(days=2)

    reactive = level == "low" and p.status == Status.REACTIVE
    if reactive:
        begun = signed_on + datetime.timedelta(days=rng.randint(1, 30))
        case.reactive = ReactiveManagement(
            offender=p.offender,
            status=ReactiveStatus.ACTIVE,
            no_civil_order=True,
            rationale="Synthetic: stable, low level, no recent offending.",
            proposed_by=officer,
            proposed_at=at(begun),
            decided_by=supervisor,
            decided_at=at(begun, 15),
            start=begun,
        )
    elif p.status == Status.REACTIVE:
        p.offender.status = Status.ACTIVE  # not eligible (not low): managed actively

    last_seen = _visits(case, rng, officer, level, signed_on, today, rules, reactive)
    case.change = _change(case, rng, officer, signed_at, today)
    open_kind = rng.random()
    if open_kind < 0.05:
        case.open_assessment = _open_assessment(p, officer, today, rng, submitted=open_kind < 0.02)

    # The schedule, exactly as engagements.schedule.schedule_refresh computes it.
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
            f"on {case.change.occurred_on:%d %B %Y}"
        )
    dues = [d for d in (next_visit, next_reassess) if d]
    interval = visit_interval(  # seeded offenders have no officer-set interval
        level=level, policy=rules, policy_version=level_result.policy_version
    )
    case.schedule = OffenderSchedule(
        offender=p.offender,
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
        next_reassessment_due=next_reassess,
        next_due=min(dues) if dues else None,
        reassessment_due_now=case.change is not None,
        reassessment_reason=reason,
    )
    return case


def _rating(rng) -> int | None:
    roll = rng.random()
    return None if roll < 0.05 else (0 if roll < 0.45 else (1 if roll < 0.85 else 2))


def _visits(case, rng, officer, level, signed_on, today, rules, reactive):
    """Visits since the level took effect at about the level's interval; about one case in
    eight has fallen behind (its last visit is missing). Returns the last time seen."""
    months = rules.visit_interval_months[level]
    step = 30 * months
    day = signed_on + datetime.timedelta(days=step + rng.randint(-10, 10))
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
                recorded_by=officer,
                recorded_at=moment + datetime.timedelta(hours=2),
            )
        )
        if outcome == VisitOutcome.SEEN:
            last_seen = moment
        day += datetime.timedelta(days=step + rng.randint(-10, 10))
    return last_seen


def _change(case, rng, officer, signed_at, today):
    if rng.random() >= 0.03:
        return None
    occurred = today - datetime.timedelta(days=rng.randint(1, 40))
    recorded = at(occurred, 16)
    if recorded <= signed_at:
        return None  # before the last assessment: it would not call for a new one
    return ChangeOfCircumstances(
        offender=case.p.offender,
        kind=rng.choice([ChangeKind.ARREST, ChangeKind.INTELLIGENCE, ChangeKind.NEW_ADDRESS]),
        occurred_on=occurred,
        details="Synthetic change of circumstances for scale testing.",
        recorded_by=officer,
        recorded_at=recorded,
    )


def _open_assessment(p, officer, today, rng, *, submitted: bool) -> Assessment:
    started = at(today - datetime.timedelta(days=rng.randint(1, 75)), 11)
    return Assessment(
        offender=p.offender,
        status=AssessmentStatus.SUBMITTED if submitted else AssessmentStatus.DRAFT,
        created_by=officer,
        created_at=started,
        updated_at=started,
        submitted_by=officer if submitted else None,
        submitted_at=started + datetime.timedelta(days=1) if submitted else None,
    )


def _write_cases(cases: list[Case], framework, factors) -> None:
    for case in cases:
        case.countersigned.framework = framework
        if case.open_assessment is not None:
            case.open_assessment.framework = framework
    ActuarialRecord.objects.bulk_create([c.record for c in cases if c.record], batch_size=BATCH)
    Assessment.objects.bulk_create([c.countersigned for c in cases], batch_size=BATCH)
    Assessment.objects.bulk_create(
        [c.open_assessment for c in cases if c.open_assessment], batch_size=BATCH
    )
    FactorRating.objects.bulk_create(
        [
            FactorRating(
                assessment=c.countersigned,
                factor_id=factors[code],
                rated=True,
                rating=rating,
                evidence="Synthetic evidence for scale testing.",
                sources=["home_visit"],
                insufficient_information_note="Not known yet." if rating is None else "",
                updated_at=c.countersigned.countersigned_at,
            )
            for c in cases
            for code, rating in c.ratings.items()
            if code in factors
        ],
        batch_size=5000,
    )
    for case in cases:
        case.decision.assessment = case.countersigned
    LevelDecision.objects.bulk_create([c.decision for c in cases], batch_size=BATCH)
    ReactiveManagement.objects.bulk_create(
        [c.reactive for c in cases if c.reactive], batch_size=BATCH
    )
    Visit.objects.bulk_create([v for c in cases for v in c.visits], batch_size=BATCH)
    ChangeOfCircumstances.objects.bulk_create(
        [c.change for c in cases if c.change], batch_size=BATCH
    )
