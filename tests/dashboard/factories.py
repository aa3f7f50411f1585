"""Dashboard test data: offenders with a hand-set schedule, and assessments in a given state.

The schedule is normally written by ``engagements.services.schedule_refresh``; the dashboard only
reads it, so these tests set the rows directly (scope columns included, as ``schedule_refresh``
copies them) to know every figure exactly (one test goes through the real services as well)."""

import datetime

from django.utils import timezone

from assessments.models import Assessment, AssessmentStatus, FrameworkVersion
from engagements.models import OffenderSchedule, level_rank
from engagements.services.schedule import schedule_refresh, scope_values
from tests.factories import OffenderFactory

TODAY = timezone.localdate()  # the views read the clock, so the data is relative to it


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def scheduled(team, officer, *, level="medium", visit=30, reassess=60, **flags):
    """An offender with level ``level`` and due dates ``visit``/``reassess`` days from TODAY."""
    status = flags.pop("status", "active")
    offender = OffenderFactory(team=team, responsible_officer=officer, status=status)
    if level is None:  # no decision yet: the empty row every offender has
        schedule_refresh(offender)
        return offender
    next_visit = None if visit is None else days(visit)
    next_reassess = None if reassess is None else days(reassess)
    dues = [d for d in (next_visit, next_reassess) if d]
    OffenderSchedule.objects.update_or_create(  # the factory made the empty row
        offender=offender,
        defaults=dict(
            **scope_values(offender),
            current_level=level,
            level_rank=level_rank(level),
            next_visit_due=next_visit,
            next_reassessment_due=next_reassess,
            next_due=min(dues) if dues else None,
            **flags,
        ),
    )
    return offender


def assessment(offender, author, *, status=AssessmentStatus.DRAFT, age_days=1):
    made = Assessment.objects.create(
        offender=offender,
        framework=FrameworkVersion.objects.order_by("-number").first(),
        status=status,
        created_by=author,
        submitted_by=author if status == AssessmentStatus.SUBMITTED else None,
        submitted_at=timezone.now() if status == AssessmentStatus.SUBMITTED else None,
    )
    started = timezone.make_aware(
        datetime.datetime.combine(TODAY - datetime.timedelta(days=age_days), datetime.time(12))
    )
    Assessment.objects.filter(pk=made.pk).update(created_at=started)  # back-date the draft
    return made
