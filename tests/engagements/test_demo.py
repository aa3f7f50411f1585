"""The demo seed: idempotent, and it shows the feature on DEMO-001 and a few others."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from engagements.models import (
    ChangeOfCircumstances,
    DecisionStatus,
    LevelDecision,
    OffenderSchedule,
    Policy,
    ReactiveManagement,
    ReactiveStatus,
    Visit,
    VisitFrequency,
)
from engagements.selectors import pattern_warnings
from offenders.models import Offender


def _counts():
    return tuple(
        model.objects.count()
        for model in (
            Policy,
            LevelDecision,
            Visit,
            ChangeOfCircumstances,
            ReactiveManagement,
            VisitFrequency,
        )
    )


def test_the_demo_is_idempotent_and_shows_the_feature(client, db):
    call_command("seed_demo", stdout=StringIO())
    counts = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == counts

    # Every offender has its schedule row (the dashboard reads only the schedule).
    assert not Offender.objects.filter(schedule__isnull=True).exists()
    demo = Offender.objects.get(local_reference="DEMO-001")
    schedule = OffenderSchedule.objects.get(offender=demo)
    assert schedule.current_level and schedule.next_visit_due and schedule.last_visit_at
    assert Visit.objects.filter(offender=demo, completed_at__isnull=True).exists()
    assert [w.code for w in pattern_warnings(demo)] == ["same_weekday", "daytime_only"]
    assert ReactiveManagement.objects.filter(status=ReactiveStatus.ACTIVE).count() == 1
    assert LevelDecision.objects.filter(status=DecisionStatus.OVERRIDE_REQUESTED).count() == 1
    assert OffenderSchedule.objects.filter(reassessment_due_now=True).exists()
    # One North-team offender (not DEMO-001) is visited at the officer's own interval.
    setting = VisitFrequency.objects.select_related("offender__team").get()
    assert setting.ended_at is None and setting.rationale
    assert setting.offender.team.name.startswith("North")
    assert setting.offender.local_reference != "DEMO-001"
    own = OffenderSchedule.objects.get(offender=setting.offender)
    assert own.visit_interval_months == setting.interval_months
    assert own.visit_interval_note.startswith(f"Every {setting.interval_months} month")
    # Every countersigned assessment has its decision.
    from assessments.models import Assessment

    assert not Assessment.objects.filter(status="countersigned", level_decisions=None).exists()

    client.force_login(User.objects.get(username="officer"))
    for name in ("engagements:timetable", "engagements:timeline"):
        assert client.get(reverse(name, args=[demo.pk])).status_code == 200
    caseload = client.get(reverse("engagements:caseload")).content.decode()
    assert "Overdue by" in caseload
    client.force_login(User.objects.get(username="supervisor"))
    pending = LevelDecision.objects.get(status=DecisionStatus.OVERRIDE_REQUESTED)
    page = client.get(reverse("engagements:timetable", args=[pending.offender_id]))
    assert "Approve or refuse the override" in page.content.decode()
