"""Countersigning or returning a submitted assessment (a supervisor, never the author)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import hooks
from ..models import (
    Assessment,
    AssessmentStatus,
    OverrideStatus,
)
from ._common import (
    LOCKED_MESSAGE,
    _locked_for_update,
    _require_countersigner,
    _save_changed,
    _transition,
)


def _submitted_for_decision(user, assessment: Assessment, verb: str) -> Assessment:
    """Re-read under a row lock; only a countersigner, only a submitted assessment."""
    assessment = _locked_for_update(assessment)
    _require_countersigner(user, assessment)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(
            LOCKED_MESSAGE
            if assessment.is_locked
            else f"Only a submitted assessment can be {verb}",
            code="status",
        )
    return assessment


@transaction.atomic
def assessment_countersign(
    *, user, assessment: Assessment, approve_override: bool | None = None, comment: str = ""
) -> Assessment:
    """Countersign (and lock) a submitted assessment, deciding any override request."""
    assessment = _submitted_for_decision(user, assessment, "countersigned")
    comment = comment.strip()
    if assessment.override_status == OverrideStatus.REQUESTED:
        if approve_override is None:
            raise ValidationError(
                {"approve_override": "Say whether you approve the officer's override"}
            )
        if approve_override:
            assessment.override_status = OverrideStatus.APPROVED
            assessment.final_priority = assessment.override_priority
        else:
            if not comment:
                raise ValidationError({"comment": "Enter the reason for refusing the override"})
            assessment.override_status = OverrideStatus.REFUSED
            assessment.final_priority = assessment.derived_priority
        assessment.override_comment = comment

    assessment.countersigned_at = timezone.now()
    assessment.countersigned_by = user
    _transition(assessment, user=user, to_status=AssessmentStatus.COUNTERSIGNED, comment=comment)
    _save_changed(
        assessment,
        user=user,
        summary="ARMS assessment countersigned: priority "
        + assessment.get_final_priority_display(),
        changed_fields=["status", "final_priority", "override_status"],
    )
    # The level of risk management follows (registered by engagements: assessments.hooks).
    hooks.countersigned(user=user, assessment=assessment)
    return assessment


@transaction.atomic
def assessment_return(*, user, assessment: Assessment, comment: str) -> Assessment:
    """Send a submitted assessment back to the officer with a comment; it is editable again."""
    assessment = _submitted_for_decision(user, assessment, "returned")
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": "Enter what the officer needs to change"})
    assessment.return_comment = comment
    assessment.override_status = OverrideStatus.NONE
    _transition(assessment, user=user, to_status=AssessmentStatus.RETURNED, comment=comment)
    _save_changed(
        assessment,
        user=user,
        summary="ARMS assessment returned to the officer",
        changed_fields=["status", "return_comment"],
    )
    return assessment
