import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from assessments import services
from assessments.models import (
    Assessment,
    AssessmentStatus,
    AssessmentTransition,
    FactorRating,
    OverrideStatus,
)
from audit.models import AuditEvent
from tests.factories import UserFactory

from .factories import MEDIUM_RATINGS, countersigned, rate_all, submitted


def test_start_creates_a_draft_with_one_row_per_factor(offender, owner):
    assessment, created = services.assessment_start(user=owner, offender=offender)
    assert created
    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.framework.number == 1
    assert assessment.ratings.count() == 11
    assert assessment.previous is None
    assert AuditEvent.objects.filter(object_id=str(assessment.pk), action="created").exists()


def test_start_twice_returns_the_existing_draft(offender, owner, colleague):
    first, _ = services.assessment_start(user=owner, offender=offender)
    second, created = services.assessment_start(user=colleague, offender=offender)
    assert not created
    assert second == first
    assert Assessment.objects.count() == 1


def test_start_while_one_awaits_countersignature_is_refused(offender, owner):
    submitted(offender, owner)
    with pytest.raises(ValidationError, match="awaiting countersignature"):
        services.assessment_start(user=owner, offender=offender)
    assert Assessment.objects.count() == 1


def test_read_only_user_cannot_start(offender, auditor):
    with pytest.raises(PermissionDenied):
        services.assessment_start(user=auditor, offender=offender)
    assert Assessment.objects.count() == 0


def test_full_lifecycle_records_every_transition(offender, owner, colleague):
    assessment = submitted(offender, owner)
    assert assessment.status == AssessmentStatus.SUBMITTED
    assert assessment.derived_priority == "medium"
    assert assessment.final_priority == "medium"
    assert assessment.rule_version == "arms-priority-1"
    assert "net = 4 − 2 = 2" in assessment.priority_working["lines"]

    returned = services.assessment_return(
        user=colleague, assessment=assessment, comment="Add the probation view"
    )
    assert returned.status == AssessmentStatus.RETURNED
    assert returned.is_editable
    returned = rate_all(returned, owner)
    resubmitted = services.assessment_submit(
        user=owner, assessment=returned, expected_version=returned.version
    )
    done = services.assessment_countersign(user=colleague, assessment=resubmitted)
    assert done.status == AssessmentStatus.COUNTERSIGNED
    assert done.countersigned_by == colleague
    steps = list(
        AssessmentTransition.objects.filter(assessment=done).values_list("to_status", flat=True)
    )
    assert steps == ["draft", "submitted", "returned", "submitted", "countersigned"]
    first = AssessmentTransition.objects.filter(assessment=done).first()
    assert (first.from_status, first.by) == ("", owner)
    summaries = list(
        AuditEvent.objects.filter(object_id=str(done.pk)).values_list("summary", flat=True)
    )
    assert any("countersigned" in s for s in summaries)
    assert any("returned" in s for s in summaries)


def test_return_needs_a_comment(offender, owner, colleague):
    assessment = submitted(offender, owner)
    with pytest.raises(ValidationError, match="what the officer needs to change"):
        services.assessment_return(user=colleague, assessment=assessment, comment="  ")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_submit_requires_every_factor_rated_and_evidenced(offender, owner):
    assessment, _ = services.assessment_start(user=owner, offender=offender)
    factor = assessment.ratings.first().factor
    services.factor_save(
        user=owner,
        assessment=assessment,
        factor=factor,
        expected_version=1,
        rated=True,
        rating=None,
        evidence="Not seen yet",
        sources=[],
    )
    assessment.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.assessment_submit(user=owner, assessment=assessment, expected_version=2)
    messages = error.value.messages
    assert f"Say what information is missing for {factor.name}" in messages
    assert len(messages) == 11
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT
    assert assessment.derived_priority == ""


def test_insufficient_information_with_a_note_may_be_submitted(offender, owner):
    ratings = MEDIUM_RATINGS | {"hostile_orientation": None}
    assessment = submitted(offender, owner, ratings)
    assert assessment.status == AssessmentStatus.SUBMITTED
    assert any("insufficient information" in line for line in assessment.priority_working["lines"])


@pytest.mark.parametrize("bad", [3, -1, True, "2"])
def test_unknown_rating_values_are_refused(offender, owner, bad):
    assessment, _ = services.assessment_start(user=owner, offender=offender)
    factor = assessment.ratings.first().factor
    with pytest.raises(ValidationError, match="Choose a rating"):
        services.factor_save(
            user=owner,
            assessment=assessment,
            factor=factor,
            expected_version=1,
            rated=True,
            rating=bad,
            evidence="x",
            sources=[],
        )
    assert not FactorRating.objects.filter(assessment=assessment, rated=True).exists()
    assessment.refresh_from_db()
    assert assessment.version == 1


def test_unknown_source_is_refused(offender, owner):
    assessment, _ = services.assessment_start(user=owner, offender=offender)
    factor = assessment.ratings.first().factor
    with pytest.raises(ValidationError, match="Unknown source"):
        services.factor_save(
            user=owner,
            assessment=assessment,
            factor=factor,
            expected_version=1,
            rated=True,
            rating=1,
            evidence="x",
            sources=["gossip"],
        )
    assert assessment.ratings.get(factor=factor).evidence == ""


def test_countersigned_assessment_is_immutable_in_every_service(offender, owner, colleague):
    done = countersigned(offender, owner, colleague)
    factor = done.ratings.first().factor
    before = list(FactorRating.objects.filter(assessment=done).values())
    with pytest.raises(ValidationError, match="countersigned"):
        services.factor_save(
            user=owner,
            assessment=done,
            factor=factor,
            expected_version=done.version,
            rated=True,
            rating=2,
            evidence="changed",
            sources=[],
        )
    with pytest.raises(ValidationError, match="countersigned"):
        services.assessment_submit(user=owner, assessment=done, expected_version=done.version)
    with pytest.raises(ValidationError, match="countersigned"):
        services.assessment_countersign(user=colleague, assessment=done)
    with pytest.raises(ValidationError, match="countersigned"):
        services.assessment_return(user=colleague, assessment=done, comment="again")
    assert list(FactorRating.objects.filter(assessment=done).values()) == before
    done.refresh_from_db()
    assert done.status == AssessmentStatus.COUNTERSIGNED


def test_submitted_assessment_cannot_be_edited_until_returned(offender, owner):
    assessment = submitted(offender, owner)
    factor = assessment.ratings.first().factor
    with pytest.raises(ValidationError, match="awaiting countersignature"):
        services.factor_save(
            user=owner,
            assessment=assessment,
            factor=factor,
            expected_version=assessment.version,
            rated=True,
            rating=2,
            evidence="changed",
            sources=[],
        )


def test_nobody_countersigns_their_own_assessment(offender, colleague):
    assessment = submitted(offender, colleague)  # a supervisor writing the assessment
    with pytest.raises(PermissionDenied, match="you wrote"):
        services.assessment_countersign(user=colleague, assessment=assessment)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_supervisor_of_another_team_cannot_countersign(offender, owner, other_team):
    stranger = UserFactory(username="sup-b", role=Role.SUPERVISOR, team=other_team)
    assessment = submitted(offender, owner)
    with pytest.raises(PermissionDenied):
        services.assessment_countersign(user=stranger, assessment=assessment)
    with pytest.raises(PermissionDenied):
        services.assessment_return(user=stranger, assessment=assessment, comment="no")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_an_officer_cannot_countersign(offender, owner, team):
    peer = UserFactory(username="peer", role=Role.OFFICER, team=team)
    assessment = submitted(offender, owner)
    with pytest.raises(PermissionDenied):
        services.assessment_countersign(user=peer, assessment=assessment)


def test_force_admin_of_the_force_can_countersign(offender, owner, force_admin):
    assessment = submitted(offender, owner)
    done = services.assessment_countersign(user=force_admin, assessment=assessment)
    assert done.status == AssessmentStatus.COUNTERSIGNED


# --- override ------------------------------------------------------------------------------


def test_override_needs_a_rationale(offender, owner):
    assessment, _ = services.assessment_start(user=owner, offender=offender)
    assessment = rate_all(assessment, owner)
    with pytest.raises(ValidationError, match="reason for changing"):
        services.assessment_submit(
            user=owner,
            assessment=assessment,
            expected_version=assessment.version,
            override_priority="high",
        )
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_approved_override_becomes_the_final_priority(offender, owner, colleague):
    assessment = submitted(
        offender, owner, override_priority="high", override_rationale="New intelligence"
    )
    assert assessment.override_status == OverrideStatus.REQUESTED
    assert assessment.derived_priority == "medium"
    with pytest.raises(ValidationError, match="approve"):
        services.assessment_countersign(user=colleague, assessment=assessment)
    done = services.assessment_countersign(
        user=colleague, assessment=assessment, approve_override=True
    )
    assert done.override_status == OverrideStatus.APPROVED
    assert (done.derived_priority, done.final_priority) == ("medium", "high")


def test_refused_override_keeps_the_derived_priority(offender, owner, colleague):
    assessment = submitted(
        offender, owner, override_priority="low", override_rationale="Doing well"
    )
    with pytest.raises(ValidationError, match="reason for refusing"):
        services.assessment_countersign(
            user=colleague, assessment=assessment, approve_override=False
        )
    done = services.assessment_countersign(
        user=colleague, assessment=assessment, approve_override=False, comment="Too soon"
    )
    assert done.override_status == OverrideStatus.REFUSED
    assert done.final_priority == "medium"
    assert done.override_comment == "Too soon"


def test_override_to_the_derived_value_is_no_override(offender, owner):
    assessment = submitted(offender, owner, override_priority="medium", override_rationale="x")
    assert assessment.override_status == OverrideStatus.NONE
    assert assessment.override_priority == ""
