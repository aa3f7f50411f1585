"""Checks and messages shared by the ARMS assessment services."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import Action
from audit.services import audit_record

from ..access import can_countersign_assessment, can_edit_assessment, is_author
from ..models import (
    Assessment,
    AssessmentStatus,
    AssessmentTransition,
)

LOCKED_MESSAGE = "This assessment has been countersigned and can no longer be changed"
SUBMITTED_MESSAGE = (
    "This assessment is awaiting countersignature and cannot be changed unless it is returned"
)


class StaleAssessmentError(Exception):
    """Someone else saved the assessment after this user opened the page (optimistic locking)."""

    message = (
        "Someone else saved this assessment while you were editing. "
        "Your text is shown below so nothing is lost."
    )

    def __init__(self, current_version: int):
        super().__init__(self.message)
        self.current_version = current_version


# --- helpers -------------------------------------------------------------------------------


def _locked_for_update(assessment: Assessment) -> Assessment:
    """Re-read under a row lock so two saves cannot interleave; the caller's copy may be stale."""
    return (
        Assessment.objects.select_for_update()
        .select_related("offender__team")
        .get(pk=assessment.pk)
    )


def _require_editable(assessment: Assessment) -> None:
    if assessment.status == AssessmentStatus.COUNTERSIGNED:
        raise ValidationError(LOCKED_MESSAGE, code="locked")
    if assessment.status == AssessmentStatus.SUBMITTED:
        raise ValidationError(SUBMITTED_MESSAGE, code="submitted")


def _require_version(assessment: Assessment, expected_version: int) -> None:
    if assessment.version != expected_version:
        raise StaleAssessmentError(assessment.version)


def _transition(assessment, *, user, to_status, comment="", new=False) -> None:
    AssessmentTransition.objects.create(
        assessment=assessment,
        from_status="" if new else assessment.status,
        to_status=to_status,
        by=user,
        comment=comment,
    )
    assessment.status = to_status


def _require_countersigner(user, assessment: Assessment) -> None:
    if is_author(user, assessment):
        raise PermissionDenied(
            "You cannot countersign or return an assessment you wrote or changed."
        )
    if not can_countersign_assessment(user, assessment):
        raise PermissionDenied(
            "Only a supervisor of the offender's team or a force administrator can countersign."
        )


def _require_editor(user, assessment: Assessment) -> None:
    if not can_edit_assessment(user, assessment):
        raise PermissionDenied("You cannot change this assessment.")


def _save_changed(assessment: Assessment, *, user, summary: str, changed_fields) -> None:
    """Save a status change (bumping the optimistic-locking version) with its audit entry."""
    assessment.version += 1
    assessment.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=assessment,
        offender=assessment.offender,
        summary=summary,
        changed_fields=changed_fields,
    )


def contributor_add(assessment: Assessment, user) -> None:
    """Record that ``user`` wrote part of ``assessment`` (inside the caller's transaction)."""
    assessment.contributors.add(user)


# --- start ---------------------------------------------------------------------------------
