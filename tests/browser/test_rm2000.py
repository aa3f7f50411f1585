"""An officer scores RM2000 from the pre-filled court record and sees the category and working."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.riskmatrix.factories import worked_history


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_officer_scores_rm2000_from_prefilled_appearances(live_server, login, offender):
    worked_history(offender)
    page = login("owner")
    page.goto(f"{live_server.url}/offenders/{offender.pk}/")
    page.get_by_role("link", name="Risk Matrix 2000").click()
    page.get_by_role("button", name="Start a Risk Matrix 2000 assessment").click()

    expect(page.get_by_label("How many sexual appearances?")).to_have_value("2")
    expect(page.get_by_label("How many criminal appearances?")).to_have_value("4")
    expect(
        page.get_by_text("2 sentencing occasions with a sexual offence: 3 Nov 2015, 2 Jun 2021")
    ).to_be_visible()

    # submitting without the never-married answer shows the GOV.UK error summary
    page.get_by_role("button", name="Calculate and save the score").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Answer the question")

    page.get_by_role("group", name="Has the offender never been married").get_by_label(
        "Yes"
    ).check()
    # no offence dates are recorded: the officer confirms a sexual offence at 16 or over
    page.get_by_label("I have checked the case file").check()
    page.get_by_role("button", name="Calculate and save the score").click()

    expect(page.locator("#rm2000-categories")).to_contain_text("Very high")
    expect(page.locator("#rm2000-working")).to_contain_text("Step 1 total: 1 point → Medium")
    expect(page.locator("#rm2000-items")).to_contain_text("Sexual appearances")
    expect(page.get_by_text("Current", exact=True)).to_be_visible()
    assert datetime.date.today().strftime("%Y") in page.content()
