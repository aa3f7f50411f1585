"""The access policy for ARMS assessments and framework versions.

An assessment is reached through its offender (``offenders.access``), so an outsider gets 404.
Who may do what to it is answered here, for views, services and templates alike.
"""

from django.shortcuts import get_object_or_404

from accounts.models import Role
from offenders.access import can_change_offender, can_see_offender, offender_for_user

from .models import Assessment, AssessmentStatus


def can_edit_assessment(user, assessment: Assessment) -> bool:
    """Write the draft (factors, submission): anyone who may change the offender's record."""
    return can_change_offender(user, assessment.offender)


def is_author(user, assessment: Assessment) -> bool:
    """Created, changed any factor or the formulation of, or submitted the assessment."""
    if user.pk in {assessment.created_by_id, assessment.submitted_by_id}:
        return True
    return assessment.contributors.filter(pk=user.pk).exists()


def can_countersign_role(user, assessment: Assessment) -> bool:
    """A supervisor of the offender's team, or a force administrator of its force."""
    if user.role not in {Role.SUPERVISOR, Role.FORCE_ADMIN}:
        return False
    return can_see_offender(user, assessment.offender)


def can_countersign_assessment(user, assessment: Assessment) -> bool:
    """A second pair of eyes: the right role and scope, and none of the assessment's authors."""
    return can_countersign_role(user, assessment) and not is_author(user, assessment)


def can_decide_submitted(user, assessment: Assessment) -> bool:
    """Whether to offer "Countersign or return" now."""
    return assessment.status == AssessmentStatus.SUBMITTED and can_countersign_assessment(
        user, assessment
    )


def can_load_framework(user) -> bool:
    return getattr(user, "is_force_admin", False)


def assessment_for_user(user, offender_pk, pk, *, for_change: bool = False):
    """(offender, assessment) if ``user`` may see the offender; 404 for anyone else."""
    offender = offender_for_user(user, offender_pk, for_change=for_change)
    assessment = get_object_or_404(
        Assessment.objects.select_related(
            "framework", "created_by", "submitted_by", "countersigned_by", "previous"
        ),
        pk=pk,
        offender=offender,
    )
    assessment.offender = offender  # reuse the resolved offender (team, force already loaded)
    return offender, assessment
