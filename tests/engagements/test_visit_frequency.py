"""The officer's own home-visit interval: it replaces the policy's default, with a rationale."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from assessments.combiner import add_months
from audit.models import Action, AuditEvent
from dashboard.selectors import headline_figures
from engagements import services
from engagements.models import (
    OffenderSchedule,
    ReactiveManagement,
    ReactiveStatus,
    VisitFrequency,
    VisitKind,
    VisitOutcome,
)
from engagements.services.schedule import schedule_refresh
from engagements.timetable import OfficerInterval, upcoming_schedule, visit_interval
from tests.factories import UserFactory

from .factories import decided

RATIONALE = "New partner with young children: visit more often for now."


@pytest.fixture
def high(offender, owner, colleague):
    """High (policy: a visit every 3 months), last seen 75 days ago: not yet overdue."""
    today = timezone.localdate()
    decided(
        offender,
        author=owner,
        supervisor=colleague,
        rm2000="high",
        priority="medium",
        on=today - datetime.timedelta(days=200),
    )
    services.visit_record(
        user=owner,
        offender=offender,
        completed_at=timezone.now() - datetime.timedelta(days=75),
        kind=VisitKind.HOME_VISIT,
        outcome=VisitOutcome.SEEN,
    )
    return offender


def _schedule(offender):
    return OffenderSchedule.objects.get(offender=offender)


def _last_seen(offender):
    return timezone.localdate(_schedule(offender).last_visit_at)


# --- the pure rule --------------------------------------------------------------------------


def test_the_policy_interval_applies_without_an_officer_setting():
    interval = visit_interval(level="high", policy_version="level-1")
    assert (interval.months, interval.by_officer) == (3, False)
    assert interval.note == "Every 3 months (policy level-1 for High)"


def test_the_officer_interval_replaces_the_policy_and_says_who_set_it():
    officer = OfficerInterval(2, "Olivia Officer", datetime.date(2026, 3, 4), "New partner")
    interval = visit_interval(level="high", policy_version="level-1", officer=officer)
    assert (interval.months, interval.by_officer) == (2, True)
    assert interval.note == "Every 2 months (set by Olivia Officer on 4 March 2026: New partner)"
    one = OfficerInterval(1, "X", datetime.date(2026, 3, 4), "r")
    assert visit_interval(level="low", officer=one).note.startswith("Every month (")
    for bad in (0, 25):
        with pytest.raises(ValueError):
            visit_interval(level="high", officer=OfficerInterval(bad, "X", one.set_on, "r"))


def test_the_upcoming_schedule_repeats_the_officer_interval():
    today = datetime.date(2026, 1, 10)
    items = upcoming_schedule(
        level="high",
        next_visit_due=datetime.date(2026, 2, 1),
        next_reassessment_due=None,
        today=today,
        visit_interval_months=2,
    )
    assert [i.due.month for i in items if i.kind == "visit"] == [2, 4, 6, 8, 10, 12]


# --- the services -------------------------------------------------------------------------


def test_setting_an_interval_moves_the_next_visit_and_clearing_returns_to_the_policy(high, owner):
    last_seen = _last_seen(high)
    assert _schedule(high).next_visit_due == add_months(last_seen, 3)
    assert _schedule(high).visit_interval_note == "Every 3 months (policy level-1 for High)"

    setting = services.visit_frequency_set(
        user=owner, offender=high, interval_months=2, rationale=RATIONALE
    )
    schedule = _schedule(high)
    assert schedule.next_visit_due == add_months(last_seen, 2)
    assert schedule.visit_interval_months == 2
    assert schedule.visit_interval_note.startswith(f"Every 2 months (set by {owner} on ")
    assert RATIONALE in schedule.visit_interval_note
    # The reassessment interval stays the policy's (6 months for High).
    assert schedule.next_reassessment_due == add_months(schedule.last_assessment_on, 6)

    ended = services.visit_frequency_clear(user=owner, offender=high, rationale="Assessed: fine")
    assert ended.pk == setting.pk and ended.ended_at is not None and ended.ended_by == owner
    schedule = _schedule(high)
    assert schedule.next_visit_due == add_months(last_seen, 3)
    assert schedule.visit_interval_note == "Every 3 months (policy level-1 for High)"


def test_a_new_setting_supersedes_the_old_one_and_history_is_kept(high, owner, colleague):
    first = services.visit_frequency_set(
        user=owner, offender=high, interval_months=2, rationale=RATIONALE
    )
    second = services.visit_frequency_set(
        user=colleague, offender=high, interval_months=1, rationale="Concerns raised at work"
    )
    first.refresh_from_db()
    assert first.ended_at is not None and first.ended_by == colleague
    assert second.ended_at is None
    assert VisitFrequency.objects.filter(offender=high).count() == 2
    assert VisitFrequency.objects.filter(offender=high, ended_at__isnull=True).get() == second
    assert _schedule(high).next_visit_due == add_months(_last_seen(high), 1)


def test_the_rationale_is_required_and_nothing_is_saved(high, owner):
    before = VisitFrequency.objects.count()
    with pytest.raises(ValidationError) as error:
        services.visit_frequency_set(user=owner, offender=high, interval_months=2, rationale="  ")
    assert "rationale" in error.value.error_dict
    assert VisitFrequency.objects.count() == before


@pytest.mark.parametrize("months", [0, 25, -1, 2.5])
def test_an_interval_outside_1_to_24_months_is_refused(high, owner, months):
    with pytest.raises(ValidationError) as error:
        services.visit_frequency_set(
            user=owner, offender=high, interval_months=months, rationale=RATIONALE
        )
    assert "interval_months" in error.value.error_dict
    assert not VisitFrequency.objects.exists()


def test_the_database_refuses_an_interval_outside_the_range(high, owner):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        VisitFrequency.objects.create(
            offender=high, interval_months=25, rationale="x", set_by=owner
        )


def test_a_read_only_user_cannot_set_or_clear(high, auditor, owner):
    reader = UserFactory(username="reader", role=Role.READ_ONLY, force=owner.force)
    for user in (auditor, reader):
        with pytest.raises(PermissionDenied):
            services.visit_frequency_set(
                user=user, offender=high, interval_months=2, rationale=RATIONALE
            )
        with pytest.raises(PermissionDenied):
            services.visit_frequency_clear(user=user, offender=high, rationale="x")
    assert not VisitFrequency.objects.exists()


def test_refused_in_reactive_management(high, owner, colleague):
    ReactiveManagement.objects.create(
        offender=high,
        status=ReactiveStatus.ACTIVE,
        rationale="Settled",
        proposed_by=owner,
        decided_by=colleague,
        start=timezone.localdate(),
    )
    schedule_refresh(high)
    with pytest.raises(ValidationError, match="reactive management"):
        services.visit_frequency_set(
            user=owner, offender=high, interval_months=2, rationale=RATIONALE
        )
    assert not VisitFrequency.objects.exists()
    assert _schedule(high).next_visit_due is None


def test_refused_without_a_level(offender, owner):
    with pytest.raises(ValidationError, match="no level of risk management"):
        services.visit_frequency_set(
            user=owner, offender=offender, interval_months=2, rationale=RATIONALE
        )


def test_clearing_when_nothing_is_set_is_refused(high, owner):
    with pytest.raises(ValidationError, match="already follow the policy default"):
        services.visit_frequency_clear(user=owner, offender=high, rationale="x")


def test_an_audit_entry_names_the_fields_only(high, owner):
    setting = services.visit_frequency_set(
        user=owner, offender=high, interval_months=2, rationale=RATIONALE
    )
    entry = AuditEvent.objects.get(
        object_type="engagements.visitfrequency", object_id=str(setting.pk), action=Action.CHANGED
    )
    assert entry.changed_fields == ["interval_months", "rationale"]
    assert RATIONALE not in entry.summary
    services.visit_frequency_clear(user=owner, offender=high, rationale="Back to normal")
    assert (
        AuditEvent.objects.filter(
            object_type="engagements.visitfrequency", action=Action.CHANGED
        ).count()
        == 2
    )


def test_the_dashboard_overdue_figures_follow_the_officer_interval(high, owner):
    today = timezone.localdate()
    before = headline_figures(owner, today).overdue_visits
    services.visit_frequency_set(user=owner, offender=high, interval_months=2, rationale=RATIONALE)
    assert headline_figures(owner, today).overdue_visits == before + 1
    services.visit_frequency_clear(user=owner, offender=high, rationale="Assessed")
    assert headline_figures(owner, today).overdue_visits == before


# --- the pages ----------------------------------------------------------------------------


def test_the_timetable_shows_where_the_interval_comes_from(owner_client, owner, high):
    url = reverse("engagements:timetable", args=[high.pk])
    html = owner_client.get(url).content.decode()
    assert "Every 3 months (policy level-1 for High)" in html
    assert reverse("engagements:visit_frequency", args=[high.pk]) in html
    assert "Return to the policy default" not in html

    services.visit_frequency_set(user=owner, offender=high, interval_months=2, rationale=RATIONALE)
    html = owner_client.get(url).content.decode()
    assert f"Every 2 months (set by {owner} on" in html and RATIONALE in html
    assert reverse("engagements:visit_frequency_clear", args=[high.pk]) in html
    due = _schedule(high).next_visit_due
    # The 12-month table repeats the officer's interval from the next due date.
    for step in range(1, 4):
        later = add_months(due, 2 * step)
        assert f"{later.day} {later:%B %Y}" in html


@pytest.mark.parametrize(
    "name", ["engagements:visit_frequency", "engagements:visit_frequency_clear"]
)
def test_three_personas_and_read_only(client, high, owner, colleague, outsider, auditor, name):
    services.visit_frequency_set(user=owner, offender=high, interval_months=2, rationale=RATIONALE)
    url = reverse(name, args=[high.pk])
    for user, status in [(owner, 200), (colleague, 200), (outsider, 404), (auditor, 403)]:
        client.force_login(user)
        assert client.get(url).status_code == status, user
    for user, status in [(outsider, 404), (auditor, 403)]:
        client.force_login(user)
        data = {"interval_months": "1", "rationale": "x"}
        assert client.post(url, data).status_code == status, user
    assert VisitFrequency.objects.get().interval_months == 2  # unchanged, still in force


def test_the_form_page_is_audited_and_saves(owner_client, high):
    url = reverse("engagements:visit_frequency", args=[high.pk])
    before = AuditEvent.objects.filter(action=Action.VIEWED).count()
    response = owner_client.get(url)
    assert "Change how often to visit" in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.VIEWED).count() == before + 1
    response = owner_client.post(url, {"interval_months": "2", "rationale": RATIONALE})
    assert response.status_code == 302
    assert _schedule(high).next_visit_due == add_months(_last_seen(high), 2)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"interval_months": "2", "rationale": ""}, "rationale", "Enter why this visit interval"),
        ({"interval_months": "0", "rationale": RATIONALE}, "interval_months", "between 1 and 24"),
        ({"interval_months": "25", "rationale": RATIONALE}, "interval_months", "between 1 and 24"),
        ({"interval_months": "two", "rationale": RATIONALE}, "interval_months", "whole number"),
    ],
)
def test_bad_input_is_a_field_error_and_nothing_is_saved(owner_client, high, data, field, message):
    before = VisitFrequency.objects.count()
    url = reverse("engagements:visit_frequency", args=[high.pk])
    response = owner_client.post(url, data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert "govuk-error-summary" in response.content.decode()
    assert VisitFrequency.objects.count() == before


def test_the_service_refusal_shows_on_the_page_in_reactive_management(owner_client, owner, high):
    ReactiveManagement.objects.create(
        offender=high, status=ReactiveStatus.ACTIVE, rationale="Settled", proposed_by=owner
    )
    schedule_refresh(high)
    url = reverse("engagements:visit_frequency", args=[high.pk])
    response = owner_client.post(url, {"interval_months": "2", "rationale": RATIONALE})
    assert response.status_code == 200
    assert "reactive management" in response.content.decode()
    assert not VisitFrequency.objects.exists()


def test_return_to_the_policy_default_page(owner_client, owner, high):
    services.visit_frequency_set(user=owner, offender=high, interval_months=2, rationale=RATIONALE)
    url = reverse("engagements:visit_frequency_clear", args=[high.pk])
    response = owner_client.post(url, {"rationale": ""})
    assert "Enter why visits return to the policy default" in response.content.decode()
    assert VisitFrequency.objects.get().ended_at is None
    response = owner_client.post(url, {"rationale": "Household assessed"})
    assert response.status_code == 302
    assert VisitFrequency.objects.get().end_reason == "Household assessed"
    assert _schedule(high).visit_interval_months == 3


def _visit_frequency_queries(captured) -> int:
    return sum('"engagements_visitfrequency"' in q["sql"] for q in captured.captured_queries)


def test_the_schedule_says_when_an_officer_interval_is_in_force_and_the_timetable_reads_it(
    owner_client, owner, high
):
    """``schedule_refresh`` keeps the flag with each setting and clearing; the timetable offers
    "Return to the policy default" from it, without reading the intervals' table."""
    url = reverse("engagements:timetable", args=[high.pk])
    assert not _schedule(high).visit_interval_by_officer
    services.visit_frequency_set(user=owner, offender=high, interval_months=2, rationale=RATIONALE)
    assert _schedule(high).visit_interval_by_officer
    with CaptureQueriesContext(connection) as captured:
        html = owner_client.get(url).content.decode()
    assert "Return to the policy default" in html
    assert _visit_frequency_queries(captured) == 0

    services.visit_frequency_clear(user=owner, offender=high, rationale="Settled again")
    assert not _schedule(high).visit_interval_by_officer
    with CaptureQueriesContext(connection) as captured:
        html = owner_client.get(url).content.decode()
    assert "Return to the policy default" not in html
    assert _visit_frequency_queries(captured) == 0


def test_the_migration_fills_the_flag_from_the_intervals_in_force(high, owner):
    migration = importlib.import_module(
        "engagements.migrations.0010_schedule_visit_interval_by_officer"
    )
    services.visit_frequency_set(user=owner, offender=high, interval_months=2, rationale=RATIONALE)
    OffenderSchedule.objects.update(visit_interval_by_officer=False)  # as before the migration
    migration.fill(apps, None)
    assert _schedule(high).visit_interval_by_officer
