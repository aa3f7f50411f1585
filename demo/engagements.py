"""Demo levels, visits and changes (synthetic). Runs after demo.assessments; idempotent.

- every force gets its policy (the default ``level-1``);
- every countersigned assessment gets its level decision, through the service, dated on the
  day it was countersigned (the assessments demo backdates its assessments after countersigning);
- completed visits over the past two years at varied days and times, some planned ones, a few
  overdue; DEMO-001 is always visited on a Tuesday in the daytime, so its page shows the warning;
- a change of circumstances for DEMO-001 (its move in September 2025) and a recent arrest for
  another offender (a reassessment due at once);
- one offender in reactive management and one override awaiting "supervisor";
- one North-team offender (not DEMO-001) visited more often than the policy's default, with the
  officer's rationale.
"""

from __future__ import annotations

import datetime
import random

from django.db.models import Q
from django.utils import timezone

from accounts.models import Force, User
from assessments.combiner import add_months, move_level
from assessments.models import (
    Assessment,
    AssessmentStatus,
    FactorRating,
    FrameworkVersion,
)
from assessments.priority import FACTOR_CODES, RULE_VERSION, arms_priority
from engagements import services
from engagements.models import (
    ChangeKind,
    ChangeOfCircumstances,
    DecisionStatus,
    LevelDecision,
    ReactiveManagement,
    ReactiveStatus,
    Visit,
    VisitFrequency,
    VisitKind,
    VisitOutcome,
)
from engagements.reactive import is_eligible, years_before
from engagements.selectors import current_decision, reactive_facts
from engagements.services.policies import policy_in_force
from engagements.services.schedule import schedule_refresh
from offenders.models import Offender

# Used only when no countersigned assessment exists at all (the assessments demo is absent):
# (reference, days ago, ratings in the order of FACTOR_CODES).
FALLBACK_ASSESSMENTS = [
    ("DEMO-001", 180, (1, 1, 1, 0, 1, 1, 1, 2, 1, 1, 0)),
    ("DEMO-003", 120, (1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1)),
    ("DEMO-004", 200, (2, 2, 1, 0, 1, 1, 1, 0, 1, 0, 0)),
    ("DEMO-006", 330, (0, 0, 1, 0, 0, 1, 0, 2, 2, 1, 1)),
    ("DEMO-007", 60, (1, 1, 2, 1, 0, 1, 1, 1, 0, 1, 0)),
]
LOW_RATINGS = (0, 0, 1, 0, 0, 0, 0, 2, 1, 1, 1)
OVERDUE_VISITS = {"DEMO-004", "DEMO-006"}  # their visits stopped: the caseload shows them overdue


def _aware(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def synthetic_countersigned(offender, *, officer, supervisor, on, ratings):
    """A countersigned assessment with its ratings, written directly (demo backfill only)."""
    result = arms_priority(dict(zip(FACTOR_CODES, ratings, strict=True)))
    framework = FrameworkVersion.objects.order_by("-number").first()
    at = _aware(on, 11)
    assessment = Assessment.objects.create(
        offender=offender,
        framework=framework,
        status=AssessmentStatus.COUNTERSIGNED,
        created_by=officer,
        submitted_by=officer,
        submitted_at=at - datetime.timedelta(days=3),
        countersigned_by=supervisor,
        countersigned_at=at,
        derived_priority=result.priority.value,
        final_priority=result.priority.value,
        priority_working={"lines": list(result.working)},
        rule_version=RULE_VERSION,
    )
    by_code = dict(zip(FACTOR_CODES, ratings, strict=True))
    FactorRating.objects.bulk_create(
        FactorRating(
            assessment=assessment,
            factor=factor,
            rated=True,
            rating=by_code[factor.code],
            evidence="Discussed at the home visit and checked with probation (synthetic).",
            sources=["offender", "home_visit"],
        )
        for factor in framework.factors.all()
    )
    Assessment.objects.filter(pk=assessment.pk).update(created_at=at - datetime.timedelta(days=6))
    return assessment


def _fallback_assessments(officer, supervisor, today):
    if Assessment.objects.filter(status=AssessmentStatus.COUNTERSIGNED).exists():
        return
    for reference, days_ago, ratings in FALLBACK_ASSESSMENTS:
        offender = Offender.objects.filter(local_reference=reference).first()
        if offender is not None:
            synthetic_countersigned(
                offender,
                officer=officer,
                supervisor=supervisor,
                on=today - datetime.timedelta(days=days_ago),
                ratings=ratings,
            )


def _decide_all():
    """A decision for every countersigned assessment, oldest first, dated when countersigned."""
    assessments = (
        Assessment.objects.filter(status=AssessmentStatus.COUNTERSIGNED, level_decisions=None)
        .select_related("offender__team__force", "countersigned_by")
        .order_by("countersigned_at")
    )
    for assessment in assessments:
        services.level_decision_on_countersign(
            user=assessment.countersigned_by, assessment=assessment
        )
    # The assessments demo backdates after countersigning (and so after the hook ran): move the
    # decision's date to the backdated countersignature. Demo data only.
    for decision in LevelDecision.objects.filter(assessment__isnull=False).select_related(
        "assessment"
    ):
        on = timezone.localdate(decision.assessment.countersigned_at)
        if decision.effective_date != on:
            LevelDecision.objects.filter(pk=decision.pk).update(effective_date=on)


def _visit_times(rng, start, end, months, *, tuesdays_daytime=False):
    moment = start + datetime.timedelta(days=rng.randint(0, 20))
    while moment < end:
        day = moment
        if tuesdays_daytime:
            day += datetime.timedelta(days=(1 - day.weekday()) % 7)
            hour = rng.choice([10, 11, 14, 15])
        else:
            hour = rng.choice([9, 11, 13, 15, 17, 18, 19, 20])
        if day < end:
            yield _aware(day, hour, rng.choice([0, 15, 30, 45]))
        moment = add_months(moment, months) - datetime.timedelta(days=rng.randint(3, 20))


def _seed_visits(offender, rng, today):
    if Visit.objects.filter(offender=offender).exists():
        return
    decision = current_decision(offender)
    level = decision.final_level
    months = decision.policy.as_rules().visit_interval_months[level]
    officer = offender.responsible_officer or decision.decided_by
    end = today - datetime.timedelta(days=2)
    if offender.local_reference in OVERDUE_VISITS:
        end = today - datetime.timedelta(days=31 * (months + 1))  # about a month overdue
    start = years_before(today, 2)
    times = _visit_times(
        rng, start, end, months, tuesdays_daytime=offender.local_reference == "DEMO-001"
    )
    visits = []
    for index, moment in enumerate(times):
        outcome = VisitOutcome.NOT_SEEN if index % 7 == 3 else VisitOutcome.SEEN
        visits.append(
            Visit(
                offender=offender,
                completed_at=moment,
                kind=VisitKind.POLICE_STATION if index % 5 == 4 else VisitKind.HOME_VISIT,
                announced=index % 3 == 0,
                attended_by=str(officer),
                outcome=outcome,
                notes="Home checked; devices checked; no concerns (synthetic)."
                if outcome == VisitOutcome.SEEN
                else "No answer; card left (synthetic).",
                recorded_by=officer,
            )
        )
    if offender.local_reference not in OVERDUE_VISITS:
        visits.append(
            Visit(
                offender=offender,
                planned_for=_aware(today + datetime.timedelta(days=rng.randint(7, 25)), 19, 30),
                kind=VisitKind.HOME_VISIT,
                announced=False,
                attended_by=str(officer),
                notes="Unannounced evening visit",
                recorded_by=officer,
            )
        )
    Visit.objects.bulk_create(visits)


def _seed_changes(today):
    demo_001 = Offender.objects.filter(local_reference="DEMO-001").first()
    if demo_001 and not ChangeOfCircumstances.objects.filter(offender=demo_001).exists():
        change = services.change_of_circumstances_record(
            user=demo_001.responsible_officer,
            offender=demo_001,
            kind=ChangeKind.NEW_ADDRESS,
            occurred_on=datetime.date(2025, 9, 1),
            details="Moved from the approved premises to a flat at 40 Imaginary Street.",
            today=today,
        )
        # Recorded when it happened (demo backdating), before his latest reassessment.
        ChangeOfCircumstances.objects.filter(pk=change.pk).update(
            recorded_at=_aware(change.occurred_on, 16)
        )
    arrested = Offender.objects.filter(local_reference="DEMO-007").first()
    if arrested and not ChangeOfCircumstances.objects.filter(offender=arrested).exists():
        services.change_of_circumstances_record(
            user=arrested.responsible_officer,
            offender=arrested,
            kind=ChangeKind.ARREST,
            occurred_on=today - datetime.timedelta(days=4),
            details="Arrested for a public order offence; released under investigation.",
            today=today,
        )


def _seed_reactive(officer, supervisor, today):
    if ReactiveManagement.objects.exists():
        return
    candidates = Offender.objects.filter(
        team__in=supervisor.teams.all(), arms_assessments=None, status__in=["active", "reactive"]
    ).order_by("local_reference")
    for offender in candidates:
        others = [
            c
            for c in reactive_facts(offender, today=today, no_civil_order=True)
            if c.code != "low_3_years"
        ]
        if not is_eligible(others):
            continue
        for years in (4, 1):
            assessment = synthetic_countersigned(
                offender,
                officer=officer,
                supervisor=supervisor,
                on=years_before(today, years),
                ratings=LOW_RATINGS,
            )
            services.level_decision_on_countersign(user=supervisor, assessment=assessment)
        if current_decision(offender).final_level != "low":
            continue  # the RM2000/S kept it above Low: try the next one
        episode = services.reactive_propose(
            user=officer,
            offender=offender,
            no_civil_order=True,
            rationale="Low for over three years, stable address and work, no concerns.",
            today=today,
        )
        services.reactive_decide(
            user=supervisor, episode=episode, approve=True, comment="Agreed", today=today
        )
        return offender
    return None


def _seed_pending_override(officer):
    if LevelDecision.objects.filter(status=DecisionStatus.OVERRIDE_REQUESTED).exists():
        return
    decision = (
        LevelDecision.objects.filter(
            offender__local_reference="DEMO-003", status=DecisionStatus.IN_FORCE
        )
        .exclude(derived_level="very_high")
        .first()
    )
    if decision is not None:
        services.level_override_request(
            user=officer,
            decision=decision,
            level=move_level(decision.derived_level, 1).value,
            rationale="New partner has two young children who stay at weekends.",
        )


def _seed_visit_frequency(officer):
    """An officer's own interval: half the policy's, for a North-team case with a level."""
    if VisitFrequency.objects.exists():
        return
    candidates = (
        Offender.objects.filter(
            team__name__startswith="North",
            schedule__current_level__in=["low", "medium", "high"],  # very high: already monthly
        )
        .exclude(local_reference="DEMO-001")
        .exclude(reactive_episodes__status=ReactiveStatus.ACTIVE)
        .order_by("local_reference")
    )
    offender = candidates.first()
    if offender is None:
        return
    months = offender.schedule.visit_interval_months or 6
    services.visit_frequency_set(
        user=offender.responsible_officer or officer,
        offender=offender,
        interval_months=max(1, months // 2),
        rationale="New partner with a teenage son; more frequent visits until the "
        "household has been assessed.",
    )


def seed(out):
    try:
        officer, supervisor = (
            User.objects.get(username="officer"),
            User.objects.get(username="supervisor"),
        )
    except User.DoesNotExist:
        out.write("Engagements: demo users missing, run the offenders seed first.")
        return
    today = timezone.localdate()
    rng = random.Random(2017)
    for force in Force.objects.all():
        policy_in_force(force)
    _fallback_assessments(officer, supervisor, today)
    _decide_all()
    _seed_reactive(officer, supervisor, today)
    decided = Offender.objects.filter(level_decisions__isnull=False).distinct()
    for offender in decided.order_by("local_reference"):
        _seed_visits(offender, rng, today)
    _seed_changes(today)
    _seed_pending_override(officer)
    _seed_visit_frequency(officer)
    # demo.offenders writes Offender rows directly: give every one its schedule row (the
    # dashboard reads only the schedule), and refresh the decided ones after the facts above.
    to_refresh = Offender.objects.filter(
        Q(level_decisions__isnull=False) | Q(schedule__isnull=True)
    ).distinct()
    for offender in to_refresh.select_related("team"):
        schedule_refresh(offender, today=today)
    out.write(
        f"Engagements: {LevelDecision.objects.count()} level decisions, "
        f"{Visit.objects.count()} visits, {ChangeOfCircumstances.objects.count()} changes."
    )
