"""Level and visits in a real browser: the supervisor countersigns an ARMS assessment and sees
the level and the next visit date; the officer records a visit and the next due date moves."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import expect

from assessments.combiner import add_months
from engagements.models import OffenderSchedule
from tests.assessments.factories import submitted
from tests.riskmatrix.factories import score, worked_history


@pytest.fixture
def framework_v1(transactional_db):
    """A transactional test before this one flushes the data migration's framework: reload it."""
    load_v1 = importlib.import_module("assessments.migrations.0002_framework_v1").load_v1
    load_v1(apps, None)  # idempotent


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_countersign_then_record_a_visit(
    live_server, login, framework_v1, owner, colleague, offender
):
    worked_history(offender)
    score(owner, offender)  # RM2000/S on record, so the level combines both
    assessment = submitted(offender, owner)  # medium priority, awaiting countersignature
    today = timezone.localdate()

    page = login("colleague")
    page.goto(f"{live_server.url}/offenders/{offender.pk}/arms/{assessment.pk}/countersign/")
    page.get_by_label("Countersign: the assessment is complete").check()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Assessment countersigned", exact=True)).to_be_visible()

    page.get_by_role("link", name="Risk level and visits").click()
    schedule = OffenderSchedule.objects.get(offender=offender)
    level = schedule.get_current_level_display()
    expect(page.locator("#current-level .arms-badge")).to_have_text(level)
    first_due = schedule.next_visit_due
    assert first_due == add_months(
        today, schedule.decision.policy.as_rules().visit_interval_months[schedule.current_level]
    )
    expect(page.locator("#next-visit-due")).to_contain_text(f"{first_due:%B %Y}")
    expect(page.get_by_text("How it was worked out")).to_be_visible()

    # The officer records yesterday evening's visit: the next due date now counts from the
    # visit instead of from the day the level took effect.
    page.context.clear_cookies()
    page = login("owner")
    page.goto(f"{live_server.url}/offenders/{offender.pk}/timetable/")
    page.get_by_role("link", name="Record a visit").click()
    visited = today - datetime.timedelta(days=1)
    page.get_by_label("Day").fill(str(visited.day))
    page.get_by_label("Month").fill(str(visited.month))
    page.get_by_label("Year").fill(str(visited.year))
    page.get_by_label("Time of the visit").fill("19:30")
    page.get_by_label("Home visit").check()
    page.get_by_label("Seen and spoken to").check()
    page.get_by_label("Notes (optional)").fill("Evening visit; new partner present")
    page.get_by_role("button", name="Record the visit").click()
    expect(page.get_by_text("Visit recorded")).to_be_visible()

    schedule.refresh_from_db()
    moved = schedule.next_visit_due
    assert moved != first_due
    assert moved == add_months(
        visited, schedule.decision.policy.as_rules().visit_interval_months[schedule.current_level]
    )
    expect(page.locator("#next-visit-due")).to_contain_text(f"{moved.day} {moved:%B %Y}")
    expect(page.get_by_role("cell", name="Home visit").first).to_be_visible()
    page.screenshot(path="/tmp/engagements-timetable.png", full_page=True)
