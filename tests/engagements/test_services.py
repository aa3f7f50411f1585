"""The level decision, overrides, visits and changes of circumstances, through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from engagements import services
from engagements.models import (
    ChangeKind,
    DecisionStatus,
    LevelDecision,
    OffenderSchedule,
    Visit,
    VisitKind,
    VisitOutcome,
)
from tests.factories import UserFactory

from .factories import aware, countersigned_assessment, decided

# Every cell of the default matrix: (RM2000/S, ARMS priority) → level.
MATRIX = [
    ("low", "low", "low"),
    ("low", "medium", "low"),
    ("low", "high", "medium"),
    ("medium", "low", "low"),
    ("medium", "medium", "medium"),
    ("medium", "high", "high"),
    ("high", "low", "medium"),
    ("high", "medium", "high"),
    ("high", "high", "very_high"),
    ("very_high", "low", "high"),
    ("very_high", "medium", "very_high"),
    ("very_high", "high", "very_high"),
    (None, "low", "low"),
    (None, "medium", "medium"),
    (None, "high", "high"),
]


@pytest.mark.parametrize(("rm2000", "priority", "level"), MATRIX)
def test_every_matrix_cell_through_the_service(offender, owner, colleague, rm2000, priority, level):
    decision = decided(
        offender, author=owner, supervisor=colleague, priority=priority, rm2000=rm2000
    )
    assert decision.derived_level == level == decision.final_level
    assert decision.needs_review is (rm2000 is None)
    assert decision.policy_version == "level-1"
    assert decision.working and decision.working[-1 if rm2000 else 0]
    schedule = OffenderSchedule.objects.get(offender=offender)
    assert schedule.current_level == level
    assert schedule.needs_review is (rm2000 is None)
    assert AuditEvent.objects.filter(
        object_type="engagements.leveldecision", object_id=str(decision.pk)
    ).exists()


def test_a_new_decision_supersedes_the_old_one(offender, owner, colleague):
    first = decided(offender, author=owner, supervisor=colleague, on=datetime.date(2024, 1, 10))
    second = decided(
        offender, author=owner, supervisor=colleague, priority="high", on=datetime.date(2025, 1, 10)
    )
    first.refresh_from_db()
    assert first.status == DecisionStatus.SUPERSEDED
    assert second.status == DecisionStatus.IN_FORCE
    assert OffenderSchedule.objects.get(offender=offender).decision == second


def test_deciding_twice_for_one_assessment_returns_the_same_decision(offender, owner, colleague):
    assessment = countersigned_assessment(offender, author=owner, supervisor=colleague)
    one = services.level_decision_on_countersign(
        user=colleague, assessment=assessment, rm2000_category="low"
    )
    two = services.level_decision_on_countersign(
        user=colleague, assessment=assessment, rm2000_category="high"
    )
    assert one == two and LevelDecision.objects.count() == 1


def test_an_uncountersigned_assessment_sets_no_level(offender, owner, colleague):
    assessment = countersigned_assessment(offender, author=owner, supervisor=colleague)
    assessment.status = "submitted"
    with pytest.raises(ValidationError):
        services.level_decision_on_countersign(
            user=colleague, assessment=assessment, rm2000_category="low"
        )
    assert not LevelDecision.objects.exists()


@pytest.mark.parametrize(
    ("effective", "rm2000", "priority", "visit_due", "reassess_due"),
    [
        # Very high: 1 and 3 months. 31 January + 1 month = the last day of February.
        ("2025-01-31", "high", "high", "2025-02-28", "2025-04-30"),
        ("2024-01-31", "high", "high", "2024-02-29", "2024-04-30"),
        # High: 3 and 6 months from 30 November and 31 August.
        ("2025-11-30", "high", "medium", "2026-02-28", "2026-05-30"),
        ("2025-08-31", "medium", "high", "2025-11-30", "2026-02-28"),
        # Medium and Low: 6 and 12 months; 29 February + 12 months = 28 February.
        ("2024-02-29", "medium", "medium", "2024-08-29", "2025-02-28"),
        ("2024-02-29", "low", "low", "2025-02-28", "2025-02-28"),
    ],
)
def test_due_dates_use_calendar_months(
    offender, owner, colleague, effective, rm2000, priority, visit_due, reassess_due
):
    on = datetime.date.fromisoformat(effective)
    decided(offender, author=owner, supervisor=colleague, priority=priority, rm2000=rm2000, on=on)
    schedule = OffenderSchedule.objects.get(offender=offender)
    assert schedule.next_visit_due == datetime.date.fromisoformat(visit_due)
    assert schedule.next_reassessment_due == datetime.date.fromisoformat(reassess_due)
    assert schedule.next_due == min(schedule.next_visit_due, schedule.next_reassessment_due)


def test_recording_a_visit_moves_the_next_visit(offender, owner, colleague):
    decided(offender, author=owner, supervisor=colleague, on=datetime.date(2025, 1, 15))
    assert OffenderSchedule.objects.get(offender=offender).next_visit_due == datetime.date(
        2025, 7, 15
    )
    services.visit_record(
        user=owner,
        offender=offender,
        completed_at=aware(2025, 3, 31, 19, 30),
        kind=VisitKind.HOME_VISIT,
        outcome=VisitOutcome.SEEN,
    )
    schedule = OffenderSchedule.objects.get(offender=offender)
    assert schedule.next_visit_due == datetime.date(2025, 9, 30)
    assert schedule.last_visit_at == aware(2025, 3, 31, 19, 30)


def test_a_visit_where_the_offender_was_not_seen_does_not_restart_the_clock(
    offender, owner, colleague
):
    decided(offender, author=owner, supervisor=colleague, on=datetime.date(2025, 1, 15))
    services.visit_record(
        user=owner,
        offender=offender,
        completed_at=aware(2025, 3, 31),
        kind=VisitKind.HOME_VISIT,
        outcome=VisitOutcome.NOT_SEEN,
    )
    assert OffenderSchedule.objects.get(offender=offender).next_visit_due == datetime.date(
        2025, 7, 15
    )


def test_a_completed_visit_in_the_future_is_refused(offender, owner):
    before = Visit.objects.count()
    with pytest.raises(ValidationError) as error:
        services.visit_record(
            user=owner,
            offender=offender,
            completed_at=timezone.now() + datetime.timedelta(hours=2),
            kind=VisitKind.HOME_VISIT,
            outcome=VisitOutcome.SEEN,
        )
    assert "must not be in the future" in error.value.message_dict["completed_at"][0]
    assert Visit.objects.count() == before


def test_a_planned_visit_is_completed_once_and_then_fixed(offender, owner):
    planned = services.visit_plan(
        user=owner,
        offender=offender,
        planned_for=timezone.now() + datetime.timedelta(days=3),
        kind=VisitKind.HOME_VISIT,
    )
    kwargs = dict(
        user=owner,
        offender=offender,
        completed_at=timezone.now() - datetime.timedelta(hours=1),
        kind=VisitKind.HOME_VISIT,
        outcome=VisitOutcome.SEEN,
        visit=planned,
    )
    done = services.visit_record(**kwargs)
    assert done.pk == planned.pk and done.planned_for is not None
    with pytest.raises(ValidationError, match="already been recorded"):
        services.visit_record(**kwargs)


def test_planning_a_visit_in_the_past_is_refused(offender, owner):
    with pytest.raises(ValidationError):
        services.visit_plan(
            user=owner,
            offender=offender,
            planned_for=timezone.now() - datetime.timedelta(days=1),
            kind=VisitKind.HOME_VISIT,
        )
    assert not Visit.objects.exists()


def test_concerns_raised_need_their_details(offender, owner):
    with pytest.raises(ValidationError) as error:
        services.visit_record(
            user=owner,
            offender=offender,
            completed_at=timezone.now(),
            kind=VisitKind.HOME_VISIT,
            outcome=VisitOutcome.SEEN,
            concerns_raised=True,
        )
    assert "concerns" in error.value.message_dict
    assert not Visit.objects.exists()


def test_a_read_only_user_cannot_record_a_visit(offender, auditor):
    with pytest.raises(PermissionDenied):
        services.visit_record(
            user=auditor,
            offender=offender,
            completed_at=timezone.now(),
            kind=VisitKind.HOME_VISIT,
            outcome=VisitOutcome.SEEN,
        )


def test_a_change_of_circumstances_makes_a_reassessment_due_at_once(offender, owner, colleague):
    today = timezone.localdate()
    decided(offender, author=owner, supervisor=colleague, on=today - datetime.timedelta(days=10))
    services.change_of_circumstances_record(
        user=owner,
        offender=offender,
        kind=ChangeKind.NEW_ADDRESS,
        occurred_on=today,
        details="Moved in with a partner who has two children",
        today=today,
    )
    schedule = OffenderSchedule.objects.get(offender=offender)
    assert schedule.reassessment_due_now
    assert schedule.next_reassessment_due == today
    assert "new address" in schedule.reassessment_reason
    # A reassessment countersigned afterwards clears it.
    later = countersigned_assessment(offender, author=owner, supervisor=colleague)
    later.countersigned_at = timezone.now() + datetime.timedelta(seconds=1)
    later.save()
    services.level_decision_on_countersign(
        user=colleague, assessment=later, rm2000_category="medium", today=today
    )
    schedule.refresh_from_db()
    assert not schedule.reassessment_due_now
    assert schedule.next_reassessment_due > today


def test_a_change_in_the_future_or_without_details_is_refused(offender, owner):
    from engagements.models import ChangeOfCircumstances

    with pytest.raises(ValidationError) as error:
        services.change_of_circumstances_record(
            user=owner,
            offender=offender,
            kind=ChangeKind.ARREST,
            occurred_on=timezone.localdate() + datetime.timedelta(days=1),
            details=" ",
        )
    assert set(error.value.message_dict) == {"occurred_on", "details"}
    assert not ChangeOfCircumstances.objects.exists()


# --- overrides ------------------------------------------------------------------------------


@pytest.fixture
def second_supervisor(team):
    return UserFactory(username="super2", role=Role.SUPERVISOR, force=team.force, team=team)


def test_an_override_needs_a_rationale(offender, owner, colleague):
    decision = decided(offender, author=owner, supervisor=colleague)
    with pytest.raises(ValidationError) as error:
        services.level_override_request(user=owner, decision=decision, level="high", rationale="")
    assert error.value.message_dict["rationale"] == ["Enter the reason for changing the level"]
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.IN_FORCE and decision.override_level == ""


def test_an_override_moves_one_level_only(offender, owner, colleague):
    decision = decided(offender, author=owner, supervisor=colleague, rm2000="low", priority="low")
    with pytest.raises(ValidationError) as error:
        services.level_override_request(
            user=owner, decision=decision, level="high", rationale="Escalating behaviour"
        )
    assert "level" in error.value.message_dict


def test_an_override_takes_effect_only_when_another_supervisor_approves(
    offender, owner, colleague, second_supervisor
):
    decision = decided(offender, author=owner, supervisor=colleague)
    decision = services.level_override_request(
        user=colleague, decision=decision, level="high", rationale="New partner with children"
    )
    assert decision.final_level == "medium"
    assert OffenderSchedule.objects.get(offender=offender).override_pending
    with pytest.raises(ValidationError, match="Another supervisor"):
        services.level_override_decide(user=colleague, decision=decision, approve=True)
    with pytest.raises(PermissionDenied):
        services.level_override_decide(user=owner, decision=decision, approve=True)
    decision.refresh_from_db()
    assert decision.final_level == "medium"
    decision = services.level_override_decide(
        user=second_supervisor, decision=decision, approve=True
    )
    assert decision.final_level == "high" and decision.derived_level == "medium"
    schedule = OffenderSchedule.objects.get(offender=offender)
    assert schedule.current_level == "high" and not schedule.override_pending
    assert schedule.level_effective_date == timezone.localdate()


def test_refusing_an_override_needs_a_reason(offender, owner, colleague):
    decision = decided(offender, author=owner, supervisor=colleague)
    services.level_override_request(
        user=owner, decision=decision, level="low", rationale="Stable for years"
    )
    with pytest.raises(ValidationError) as error:
        services.level_override_decide(user=colleague, decision=decision, approve=False)
    assert "comment" in error.value.message_dict
    decision = services.level_override_decide(
        user=colleague, decision=decision, approve=False, comment="Too soon after release"
    )
    assert decision.final_level == "medium" and decision.override_status == "refused"
