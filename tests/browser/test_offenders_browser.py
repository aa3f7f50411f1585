"""Playwright on the system Chromium: an officer adds an offender and finds them in the caseload."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_officer_adds_an_offender_and_finds_them_in_the_caseload(live_server, login, owner):
    page = login("owner")
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()

    page.get_by_role("link", name="Add an offender").click()
    page.get_by_role("button", name="Save record").click()  # empty form: the error summary
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the surname")

    page.get_by_label("Surname").fill("Browsertest")
    page.get_by_label("Forenames").fill("Peter")
    dob = page.locator("#id_date_of_birth_0")
    dob.fill("9")
    page.locator("#id_date_of_birth_1").fill("7")
    page.locator("#id_date_of_birth_2").fill("1979")
    page.get_by_label("Male", exact=True).check()
    page.get_by_label("PNC ID").fill("2001/0123456F")
    page.get_by_label("Local or ViSOR reference").fill("TEST-BROWSER-1")
    page.locator("#id_registration_start_0").fill("1")
    page.locator("#id_registration_start_1").fill("3")
    page.locator("#id_registration_start_2").fill("2020")
    page.get_by_label("Notification period").select_option("indefinite")
    page.get_by_role("button", name="Save record").click()

    expect(page.get_by_role("heading", name="Peter BROWSERTEST")).to_be_visible()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Record created")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Caseload").click()
    expect(page.get_by_role("link", name="Peter BROWSERTEST")).to_be_visible()
    page.get_by_role("link", name="Peter BROWSERTEST").click()
    expect(page).to_have_url(re.compile(r"/offenders/\d+/$"))
