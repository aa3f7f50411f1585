"""Pages: access for three personas, badges, sorting, forms and query counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from assessments.combiner import add_months
from audit.models import Action, AuditEvent
from engagements import services
from engagements.models import LevelDecision, OffenderSchedule, Policy, Visit
from tests.factories import ForceFactory, OffenderFactory, TeamFactory, UserFactory

from .factories import decided

OFFENDER_PAGES = [
    "engagements:timetable",
    "engagements:timeline",
]
FORM_PAGES = [
    "engagements:visit_plan",
    "engagements:visit_record",
    "engagements:change_record",
    "engagements:reactive_propose",
]


@pytest.fixture
def with_level(offender, owner, colleague):
    decided(offender, author=owner, supervisor=colleague, rm2000="high", priority="high")
    return offender


@pytest.mark.parametrize("name", OFFENDER_PAGES + FORM_PAGES)
def test_three_personas(client, with_level, owner, colleague, outsider, name):
    url = reverse(name, args=[with_level.pk])
    for user, status in [(owner, 200), (colleague, 200), (outsider, 404)]:
        client.force_login(user)
        assert client.get(url).status_code == status, (user, name)


def test_the_timetable_shows_the_level_its_working_and_due_dates(owner_client, with_level):
    before = AuditEvent.objects.filter(action=Action.VIEWED).count()
    response = owner_client.get(reverse("engagements:timetable", args=[with_level.pk]))
    html = response.content.decode()
    assert 'arms-badge arms-badge--very_high">Very high<' in html
    assert "Start from RM2000/S High" in html
    due = OffenderSchedule.objects.get(offender=with_level).next_visit_due
    assert f"{due.day} {due:%B %Y}" in html
    assert "Record a visit" in html
    assert AuditEvent.objects.filter(action=Action.VIEWED).count() == before + 1


def test_the_timeline_lists_decisions_visits_and_changes(owner_client, owner, with_level):
    services.visit_record(
        user=owner,
        offender=with_level,
        completed_at=timezone.now() - datetime.timedelta(days=2),
        kind="home_visit",
        outcome="seen",
    )
    services.change_of_circumstances_record(
        user=owner,
        offender=with_level,
        kind="employment",
        occurred_on=timezone.localdate(),
        details="Started work at a warehouse",
    )
    html = owner_client.get(reverse("engagements:timeline", args=[with_level.pk])).content.decode()
    assert "moj-timeline" in html
    for text in [
        "Level of risk management: Very high",
        "Home visit (unannounced)",
        "Change of circumstances: employment",
        "ARMS assessment countersigned",
    ]:
        assert text in html
    # Newest first: the change (today) before the visit (2 days ago).
    assert html.index("Change of circumstances") < html.index("Home visit (unannounced)")


def test_recording_a_visit_through_the_form(owner_client, with_level):
    today = timezone.localdate()
    url = reverse("engagements:visit_record", args=[with_level.pk])
    response = owner_client.post(
        url,
        {
            "visit_date_0": today.day,
            "visit_date_1": today.month,
            "visit_date_2": today.year,
            "visit_time": "00:01",
            "kind": "home_visit",
            "outcome": "seen",
        },
    )
    assert response.status_code == 302
    schedule = OffenderSchedule.objects.get(offender=with_level)
    assert schedule.next_visit_due == add_months(today, 1)  # very high: monthly
    assert Visit.objects.filter(offender=with_level, completed_at__isnull=False).count() == 1


def test_a_visit_in_the_future_is_a_field_error_and_nothing_is_saved(owner_client, with_level):
    soon = timezone.localtime() + datetime.timedelta(minutes=30)
    url = reverse("engagements:visit_record", args=[with_level.pk])
    response = owner_client.post(
        url,
        {
            "visit_date_0": soon.day,
            "visit_date_1": soon.month,
            "visit_date_2": soon.year,
            "visit_time": soon.strftime("%H:%M"),
            "kind": "home_visit",
            "outcome": "seen",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    # Later today: the service refuses it; after midnight the date field already does.
    assert "must not be in the future" in html or "must be in the past" in html
    assert not Visit.objects.exists()


def test_an_override_without_a_rationale_is_a_field_error(owner_client, with_level):
    url = reverse("engagements:override_request", args=[with_level.pk])
    response = owner_client.post(url, {"level": "high", "rationale": ""})
    assert response.status_code == 200
    assert "Enter the reason for changing the level" in response.content.decode()
    assert LevelDecision.objects.get(offender=with_level).override_status == "none"


def test_a_supervisor_sees_and_decides_a_pending_override(client, owner, colleague, with_level):
    decision = LevelDecision.objects.get(offender=with_level)
    services.level_override_request(
        user=owner, decision=decision, level="high", rationale="Settled in treatment"
    )
    client.force_login(colleague)
    page = client.get(reverse("engagements:timetable", args=[with_level.pk])).content.decode()
    assert "Approve or refuse the override" in page
    url = reverse("engagements:override_decide", args=[with_level.pk, decision.pk])
    assert client.post(url, {"approve": "yes"}).status_code == 302
    decision.refresh_from_db()
    assert decision.final_level == "high"


def test_the_officer_does_not_see_the_approve_link(owner_client, owner, with_level):
    decision = LevelDecision.objects.get(offender=with_level)
    services.level_override_request(
        user=owner, decision=decision, level="high", rationale="Settled in treatment"
    )
    page = owner_client.get(reverse("engagements:timetable", args=[with_level.pk]))
    assert "Approve or refuse the override" not in page.content.decode()


def test_the_timetable_reads_no_override_or_episode_when_the_schedule_has_none(
    owner_client, with_level
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("engagements:timetable", args=[with_level.pk])
    with CaptureQueriesContext(connection) as queries:
        assert owner_client.get(url).status_code == 200
    read_from = {
        q["sql"].split(" FROM ", 1)[1].split()[0]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT")
    }
    assert '"engagements_offenderschedule"' in read_from
    assert '"engagements_leveldecision"' not in read_from  # the decision comes with the schedule
    assert '"engagements_reactivemanagement"' not in read_from


def test_the_reactive_page_shows_the_criteria(owner_client, with_level):
    html = owner_client.get(
        reverse("engagements:reactive_propose", args=[with_level.pk])
    ).content.decode()
    assert "Low for at least 3 years" in html and "Not met" in html


# --- the policy page ------------------------------------------------------------------------


def test_only_a_force_admin_sees_the_policy(client, force_admin, colleague):
    client.force_login(colleague)
    assert client.get(reverse("engagements:policy")).status_code == 403
    client.force_login(force_admin)
    response = client.get(reverse("engagements:policy"))
    assert response.status_code == 200 and "level-1" in response.content.decode()


def test_a_policy_edit_with_a_zero_interval_is_refused(client, force_admin):
    client.force_login(force_admin)
    form = client.get(reverse("engagements:policy_edit")).context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    data["visit_interval_months__low"] = 0
    data["note"] = "Testing"
    response = client.post(reverse("engagements:policy_edit"), data)
    assert response.status_code == 200
    assert "The home visit interval for low must be at least 1 month" in response.content.decode()
    # Nothing saved: pages never write, so the default is stored only by the first real change.
    assert Policy.objects.count() == 0
    data["visit_interval_months__low"] = 9
    assert client.post(reverse("engagements:policy_edit"), data).status_code == 200  # preview
    assert Policy.objects.count() == 0
    data["step"] = "save"
    assert client.post(reverse("engagements:policy_edit"), data).status_code == 302
    assert Policy.objects.count() == 2


# --- the caseload ---------------------------------------------------------------------------


def _schedule(offender, *, level, visit_due, reassess_due=None):
    """Force a schedule state through the real service, then shift its due dates for the test."""
    OffenderSchedule.objects.update_or_create(
        offender=offender,
        defaults={
            "current_level": level,
            "level_rank": ["low", "medium", "high", "very_high"].index(level),
            "next_visit_due": visit_due,
            "next_reassessment_due": reassess_due or visit_due + datetime.timedelta(days=90),
            "next_due": visit_due,
        },
    )


def test_the_caseload_sorts_by_level_then_days_overdue(owner_client, owner, team):
    today = timezone.localdate()
    days = datetime.timedelta
    specs = [
        ("LOWOVERDUE", "low", today - days(40)),
        ("HIGHSOON", "high", today + days(5)),
        ("HIGHOVERDUE", "high", today - days(3)),
        ("VERYHIGH", "very_high", today + days(20)),
    ]
    for surname, level, due in specs:
        offender = OffenderFactory(team=team, responsible_officer=owner, surname=surname)
        _schedule(offender, level=level, visit_due=due)
    OffenderFactory(team=team, responsible_officer=owner, surname="NOLEVEL")
    response = owner_client.get(reverse("engagements:caseload"))
    html = response.content.decode()
    order = ["VERYHIGH", "HIGHOVERDUE", "HIGHSOON", "LOWOVERDUE", "NOLEVEL"]
    positions = [html.index(name) for name in order]
    assert positions == sorted(positions)
    assert "Overdue by 3 days" in html and "Overdue by 40 days" in html
    assert "Due in 5 days" in html
    assert 'arms-badge arms-badge--overdue">Overdue by 40 days' in html
    rows = list(response.context["offenders"])
    assert [r.days_overdue for r in rows[:4]] == [-20, 3, -5, 40]


def test_the_caseload_query_count_does_not_grow(client, owner, team):
    client.force_login(owner)
    today = timezone.localdate()

    def add(n):
        for i in range(n):
            offender = OffenderFactory(team=team, responsible_officer=owner)
            _schedule(offender, level="medium", visit_due=today + datetime.timedelta(days=i))

    add(3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("engagements:caseload")).status_code == 200
    add(30)
    with CaptureQueriesContext(connection) as large:
        assert client.get(reverse("engagements:caseload")).status_code == 200
    assert len(large) == len(small)


def test_the_offender_page_shows_the_level_and_due_badges(owner_client, with_level):
    schedule = OffenderSchedule.objects.get(offender=with_level)
    OffenderSchedule.objects.filter(pk=schedule.pk).update(
        next_visit_due=timezone.localdate() - datetime.timedelta(days=2)
    )
    html = owner_client.get(reverse("offenders:detail", args=[with_level.pk])).content.decode()
    assert "Very high" in html and "Overdue by 2 days" in html


def test_another_forces_supervisor_cannot_decide(client, with_level, owner):
    decision = LevelDecision.objects.get(offender=with_level)
    services.level_override_request(
        user=owner, decision=decision, level="high", rationale="Settled in treatment"
    )
    elsewhere = TeamFactory(force=ForceFactory(name="Elsewhere", code="ELS"), name="Elsewhere A")
    stranger = UserFactory(
        username="stranger", role=Role.SUPERVISOR, force=elsewhere.force, team=elsewhere
    )
    client.force_login(stranger)
    url = reverse("engagements:override_decide", args=[with_level.pk, decision.pk])
    assert client.post(url, {"approve": "yes"}).status_code == 404
