"""ARMS in a real browser: an officer works through all 11 factor pages and submits; the
supervisor countersigns; the progress chart appears."""

import pytest
from playwright.sync_api import expect

from assessments.models import Assessment, AssessmentStatus
from assessments.priority import FACTOR_CODES


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_officer_assesses_and_supervisor_countersigns(
    live_server, login, owner, colleague, offender
):
    page = login("owner")
    page.goto(f"{live_server.url}/offenders/{offender.pk}/arms/")
    page.get_by_role("button", name="Start a new assessment").click()
    expect(page.get_by_role("heading", name="ARMS assessment")).to_be_visible()
    expect(page.locator("#task-sexual_preoccupation-status")).to_have_text("Not started")

    # Rate the first factor, then come back to the task list and see it completed.
    page.get_by_role("link", name="Sexual preoccupation").click()
    page.get_by_label("2 Strong evidence").check()
    page.get_by_label("Evidence", exact=True).fill("Talked about little else at the visit")
    page.get_by_label("Home visit").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Sexual preoccupation saved")).to_be_visible()
    page.get_by_role("link", name="Back").click()
    expect(page.locator("#task-sexual_preoccupation-status")).to_have_text("Completed")
    expect(page.locator("#task-hostile_orientation-status")).to_have_text("Not started")

    # The other ten pages, each leading to the next, then the summary.
    page.get_by_role("link", name="Offence-related sexual interest").click()
    for _code in FACTOR_CODES[1:]:
        page.get_by_label("1 Some evidence").check()
        page.get_by_label("Evidence", exact=True).fill("Seen at the home visit")
        page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Check the assessment and submit")).to_be_visible()
    expect(page.get_by_text("Medium priority").first).to_be_visible()
    page.get_by_role("button", name="Submit for countersignature").click()
    expect(page.get_by_text("Assessment submitted for countersignature")).to_be_visible()
    assessment = Assessment.objects.get()
    assert assessment.status == AssessmentStatus.SUBMITTED

    # The supervisor countersigns; the chart and its table appear.
    page.context.clear_cookies()
    page = login("colleague")
    page.goto(f"{live_server.url}/offenders/{offender.pk}/arms/{assessment.pk}/countersign/")
    page.get_by_label("Countersign: the assessment is complete").check()
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Assessment countersigned", exact=True)).to_be_visible()
    expect(page.locator("svg.arms-chart").first).to_be_visible()
    expect(page.locator("#arms-progress-table")).to_contain_text("Sexual preoccupation")
    page.screenshot(path="/tmp/arms-progress.png", full_page=True)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.COUNTERSIGNED
