"""The one way to reach an assessment: through its offender, resolved for this user (or 404)."""

from django.shortcuts import get_object_or_404

from offenders.access import offender_for_user

from .models import Assessment


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
