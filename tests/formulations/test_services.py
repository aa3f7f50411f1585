"""Formulation and plan services: pre-fill, locking, optimistic locking, audit, validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.models import AssessmentStatus, Factor, FrameworkVersion
from audit.models import Action, AuditEvent
from formulations import services
from formulations.models import Formulation, PlanAction, PlanHeading
from formulations.selectors import (
    actions_by_heading,
    formulation_versions,
    latest_formulation,
    overdue_actions,
)
from tests.factories import CourtAppearanceFactory, OffenceFactory
from tests.formulations.factories import AssessmentFactory, PlanActionFactory, formulation_for


def test_start_prefills_history_from_court_appearances(offender, owner):
    old = CourtAppearanceFactory(offender=offender, sentencing_date=datetime.date(2015, 3, 2))
    OffenceFactory(appearance=old, description="Exposure", contact=False)
    new = CourtAppearanceFactory(offender=offender, sentencing_date=datetime.date(2021, 7, 9))
    OffenceFactory(appearance=new, description="Sexual assault")
    assessment = AssessmentFactory(offender=offender, created_by=owner)

    formulation = services.formulation_start(user=owner, assessment=assessment)

    history = formulation.offending_history
    assert history.startswith("2 court appearances recorded, 2015 to 2021")
    assert history.index("Exposure (sexual, non-contact)") < history.index("Sexual assault")
    assert AuditEvent.objects.filter(
        action=Action.CREATED, offender=offender, object_type="formulations.formulation"
    ).exists()


def test_start_copies_narrative_and_open_actions_from_the_previous_formulation(offender, owner):
    previous = formulation_for(offender, owner, status="countersigned")
    PlanActionFactory(formulation=previous, description="Still to do")
    PlanActionFactory(formulation=previous, description="Finished", status="done")
    assessment = AssessmentFactory(
        offender=offender, created_by=owner, previous=previous.assessment
    )

    formulation = services.formulation_start(user=owner, assessment=assessment)

    assert formulation.risk_drivers == previous.risk_drivers
    assert [a.description for a in formulation.actions.all()] == ["Still to do"]
    assert latest_formulation(offender) == formulation


def test_start_refused_for_a_submitted_assessment(offender, owner):
    assessment = AssessmentFactory(
        offender=offender, created_by=owner, status=AssessmentStatus.SUBMITTED
    )
    with pytest.raises(ValidationError):
        services.formulation_start(user=owner, assessment=assessment)
    assert not Formulation.objects.exists()


def test_update_audits_field_names_and_bumps_version(offender, owner):
    formulation = formulation_for(offender, owner)
    updated = services.formulation_update(
        user=owner, formulation=formulation, version=1, risk_drivers="New text"
    )
    assert updated.version == 2 and updated.risk_drivers == "New text"
    event = AuditEvent.objects.get(action=Action.CHANGED, object_type="formulations.formulation")
    assert event.changed_fields == ["risk_drivers"]
    assert "New text" not in event.summary


def test_stale_version_is_refused(offender, owner):
    formulation = formulation_for(offender, owner)
    services.formulation_update(user=owner, formulation=formulation, version=1, risk_drivers="A")
    with pytest.raises(ValidationError) as error:
        services.formulation_update(
            user=owner, formulation=formulation, version=1, risk_drivers="B"
        )
    assert error.value.code == "stale"
    formulation.refresh_from_db()
    assert formulation.risk_drivers == "A"


def test_countersigned_formulation_and_plan_are_locked(offender, owner, colleague):
    formulation = formulation_for(offender, owner)
    action = PlanActionFactory(formulation=formulation)
    assessment = formulation.assessment
    assessment.status = AssessmentStatus.COUNTERSIGNED
    assessment.countersigned_at = timezone.now()
    assessment.countersigned_by = colleague
    assessment.save()
    formulation.refresh_from_db()

    assert formulation.is_locked and not formulation.is_editable
    with pytest.raises(ValidationError):
        services.formulation_update(
            user=owner, formulation=formulation, version=1, risk_drivers="X"
        )
    with pytest.raises(ValidationError):
        services.plan_action_update(user=owner, action=action, status="done")
    with pytest.raises(ValidationError):
        services.plan_action_create(
            user=owner,
            formulation=formulation,
            heading=PlanHeading.SUPERVISION,
            description="New",
            owner="PC",
            due_date=datetime.date(2030, 1, 1),
            status="open",
        )
    action.refresh_from_db()
    assert action.status == "open" and formulation.actions.count() == 1


def test_plan_action_factors_must_come_from_the_assessments_framework(offender, owner):
    formulation = formulation_for(offender, owner)
    other = FrameworkVersion.objects.create(number=99, label="Other")
    foreign = Factor.objects.create(framework=other, code="x", kind="risk", name="X", order=1)
    before = PlanAction.objects.count()
    with pytest.raises(ValidationError):
        services.plan_action_create(
            user=owner,
            formulation=formulation,
            heading=PlanHeading.SUPERVISION,
            description="Visit",
            owner="PC",
            due_date=datetime.date(2030, 1, 1),
            status="open",
            factors=[foreign],
        )
    assert PlanAction.objects.count() == before


def test_plan_grouped_by_every_mappa_heading_and_overdue_selector(offender, owner):
    formulation = formulation_for(offender, owner)
    late = PlanActionFactory(
        formulation=formulation, heading="victim_safety", due_date=datetime.date(2030, 1, 1)
    )
    PlanActionFactory(formulation=formulation, due_date=datetime.date(2030, 1, 1), status="done")
    PlanActionFactory(formulation=formulation, due_date=datetime.date(2031, 1, 1))
    groups = actions_by_heading(formulation)
    assert [g.label for g in groups] == [label for _, label in PlanHeading.choices]
    assert list(overdue_actions(offender, datetime.date(2030, 6, 1))) == [late]
    assert not overdue_actions(offender, datetime.date(2029, 6, 1)).exists()


def test_formulation_locks_when_the_assessment_is_countersigned_through_its_services(
    offender, owner, colleague
):
    from assessments import services as arms
    from tests.assessments.factories import rate_all

    assessment, _ = arms.assessment_start(user=owner, offender=offender)
    formulation = services.formulation_start(user=owner, assessment=assessment)
    assessment = rate_all(assessment, owner)
    assessment = arms.assessment_submit(
        user=owner, assessment=assessment, expected_version=assessment.version
    )
    arms.assessment_countersign(user=colleague, assessment=assessment)
    formulation.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.formulation_update(
            user=owner, formulation=formulation, version=formulation.version, risk_drivers="X"
        )
    assert error.value.code == "locked"


@pytest.mark.parametrize(
    "statuses",
    [
        ["draft"],
        ["countersigned"],
        ["countersigned", "draft"],
        ["draft", "countersigned"],
        ["countersigned", "countersigned"],
        ["submitted", "countersigned", "draft"],
    ],
)
def test_overdue_actions_come_from_the_plan_being_worked_to_in_two_queries(
    offender, owner, statuses, django_assert_num_queries
):
    """The summary's warning (two narrow queries) picks the same plan as
    ``FormulationVersions.working`` (the newest not yet countersigned, else the newest), whatever
    the order of the versions."""
    for n, status in enumerate(statuses):
        formulation = formulation_for(offender, owner, status=status)
        PlanActionFactory(
            formulation=formulation, description=f"Version {n}", due_date=datetime.date(2030, 1, 1)
        )
    working = formulation_versions(offender).working

    with django_assert_num_queries(2):
        overdue = list(overdue_actions(offender, datetime.date(2030, 6, 1)))
        assert overdue[0].formulation.get_absolute_url()  # the warning's link: no more queries

    assert [action.formulation_id for action in overdue] == [working.pk]
