"""A second pair of eyes is a second person: nobody who wrote any part of an assessment (started
it, saved a factor, wrote its formulation, submitted it) may countersign or return it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from assessments import services
from assessments.access import can_countersign_assessment
from assessments.models import AssessmentStatus
from formulations.services import formulation_start, formulation_update

from .factories import rate_all


def _draft_with_a_factor_saved_by(offender, owner, co_author):
    assessment, _ = services.assessment_start(user=owner, offender=offender)
    row = assessment.ratings.select_related("factor").first()
    services.factor_save(
        user=co_author,
        assessment=assessment,
        factor=row.factor,
        expected_version=assessment.version,
        rated=True,
        rating=1,
        evidence="Seen at the home visit",
        sources=["home_visit"],
    )
    assessment.refresh_from_db()
    return assessment


def _submit(assessment, owner):
    assessment = rate_all(assessment, owner)
    return services.assessment_submit(
        user=owner, assessment=assessment, expected_version=assessment.version
    )


def test_a_supervisor_who_saved_a_factor_cannot_countersign(offender, owner, colleague):
    assessment = _submit(_draft_with_a_factor_saved_by(offender, owner, colleague), owner)
    assert not can_countersign_assessment(colleague, assessment)
    with pytest.raises(PermissionDenied, match="wrote or changed"):
        services.assessment_countersign(user=colleague, assessment=assessment)
    with pytest.raises(PermissionDenied):
        services.assessment_return(user=colleague, assessment=assessment, comment="no")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_a_supervisor_who_changed_the_formulation_cannot_countersign(offender, owner, colleague):
    assessment, _ = services.assessment_start(user=owner, offender=offender)
    formulation = formulation_start(user=owner, assessment=assessment)
    formulation_update(
        user=colleague,
        formulation=formulation,
        version=formulation.version,
        risk_drivers="Isolation after the move",
    )
    assessment = _submit(assessment, owner)
    with pytest.raises(PermissionDenied):
        services.assessment_countersign(user=colleague, assessment=assessment)


def test_the_co_author_is_refused_through_the_page(client, offender, owner, colleague):
    assessment = _submit(_draft_with_a_factor_saved_by(offender, owner, colleague), owner)
    client.force_login(colleague)
    url = reverse("assessments:countersign", args=[offender.pk, assessment.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "countersign"}).status_code == 403
    summary = client.get(reverse("assessments:summary", args=[offender.pk, assessment.pk]))
    assert "Countersign or return" not in summary.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_a_supervisor_who_only_read_it_can_countersign(offender, owner, colleague):
    assessment = _submit(services.assessment_start(user=owner, offender=offender)[0], owner)
    assert can_countersign_assessment(colleague, assessment)
    done = services.assessment_countersign(user=colleague, assessment=assessment)
    assert done.status == AssessmentStatus.COUNTERSIGNED
