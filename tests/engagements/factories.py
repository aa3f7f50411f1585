"""Engagements test helpers. Countersigned assessments are made directly (fast, and independent
of the assessment workflow); everything in engagements itself goes through its services."""

import datetime

from django.utils import timezone

from assessments.models import Assessment, AssessmentStatus, FrameworkVersion
from engagements import services


def countersigned_assessment(offender, *, author, supervisor, priority="medium", on=None):
    at = timezone.make_aware(
        datetime.datetime.combine(on or timezone.localdate(), datetime.time(10))
    )
    return Assessment.objects.create(
        offender=offender,
        framework=FrameworkVersion.objects.order_by("-number").first(),
        status=AssessmentStatus.COUNTERSIGNED,
        created_by=author,
        submitted_by=author,
        submitted_at=at,
        countersigned_by=supervisor,
        countersigned_at=at,
        derived_priority=priority,
        final_priority=priority,
        rule_version="arms-priority-1",
    )


def decided(offender, *, author, supervisor, priority="medium", rm2000="medium", on=None):
    """A countersigned assessment and its level decision, effective ``on``."""
    on = on or timezone.localdate()
    assessment = countersigned_assessment(
        offender, author=author, supervisor=supervisor, priority=priority, on=on
    )
    return services.level_decision_on_countersign(
        user=supervisor, assessment=assessment, rm2000_category=rm2000, today=on
    )


def aware(year, month, day, hour=10, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))
