"""An officer scores OSP for DEMO-001 in a browser from the pre-filled answers."""

import io

import pytest
from playwright.sync_api import expect

from demo import offenders as offenders_demo
from demo import riskmatrix as riskmatrix_demo
from demo.offenders import DEMO_PASSWORD
from offenders.models import Offender


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_officer_scores_osp_for_demo_001_from_prefilled_answers(live_server, login):
    offenders_demo.seed(io.StringIO())
    riskmatrix_demo.seed(io.StringIO())
    daniel = Offender.objects.get(local_reference="DEMO-001")
    page = login("officer", password=DEMO_PASSWORD)
    page.goto(f"{live_server.url}/offenders/{daniel.pk}/")
    page.get_by_role("link", name="OSP", exact=True).click()
    page.get_by_role("button", name="Start an OSP assessment").click()

    expect(page.get_by_label("How many sanctions in total?")).to_have_value("4")
    expect(page.get_by_label("How many non-contact sexual sanctions")).to_have_value("2")
    expect(
        page.get_by_label("How many contact sexual sanctions with an adult victim?")
    ).to_have_value("1")
    expect(page.get_by_label("How many indecent image sanctions?")).to_have_value("0")
    expect(
        page.get_by_text("Released from custody on 20 Sep 2024 (the offender record)")
    ).to_be_visible()

    # a change without a reason is refused with the GOV.UK error summary
    page.get_by_label("How many indecent image sanctions?").fill("1")
    page.get_by_role("button", name="Calculate and save the OSP scores").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the reason for changing the number of indecent image sanctions"
    )

    # back to the proposal as it stands: confirmed, scored and saved
    page.get_by_label("How many indecent image sanctions?").fill("0")
    page.get_by_role("button", name="Calculate and save the OSP scores").click()
    results = page.locator("#osp-results")
    expect(results).to_contain_text("Very high")
    expect(results).to_contain_text("39 points, predicted two-year rate 8.31%")
    expect(results).to_contain_text("Not applied")
    expect(page.locator("#osp-working")).to_contain_text("Time offence-free reduction not applied")
    expect(page.locator("#osp-items")).to_contain_text("Start of follow-up")
    expect(page.get_by_text("Current", exact=True)).to_be_visible()

    page.get_by_role("link", name="Summary").click()
    expect(page.locator("#static-risk")).to_contain_text("OSP/DC")
