"""A supervisor lands on the dashboard, reads the figures and follows an overdue number."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.engagements.factories import decided
from tests.factories import OffenderFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_supervisor_follows_overdue_visits_to_the_offender(
    live_server, login, team, owner, colleague
):
    long_ago = datetime.date.today() - datetime.timedelta(days=400)
    late = OffenderFactory(
        team=team, responsible_officer=owner, surname="Latecase", forenames="Victor"
    )
    decided(late, author=owner, supervisor=colleague, rm2000="high", priority="high", on=long_ago)
    fine = OffenderFactory(
        team=team, responsible_officer=owner, surname="Ontime", forenames="Walter"
    )
    decided(fine, author=owner, supervisor=colleague, rm2000="low", priority="low")

    page = login("colleague")
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()
    overdue = page.get_by_role("link", name="1 Overdue home visits")
    expect(overdue).to_be_visible()
    expect(page.locator("#officer-table")).to_contain_text(owner.get_full_name())
    expect(page.get_by_role("img", name="Offenders by level of risk management")).to_be_visible()

    overdue.click()
    expect(page.get_by_role("heading", name="Caseload list")).to_be_visible()
    expect(page.locator("#caseload-table")).to_contain_text("Victor LATECASE")
    expect(page.locator("#caseload-table")).not_to_contain_text("ONTIME")
    expect(page.locator("#result-count")).to_contain_text("1 offender")
