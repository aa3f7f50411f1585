"""The register in a real browser: an officer records a change of home address and the summary's
next periodic notification date moves, with the new address current."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from register.models import Registration
from register.services import registration_record


def _fill_date(page, name, day):
    page.fill(f"[name={name}_0]", str(day.day))
    page.fill(f"[name={name}_1]", str(day.month))
    page.fill(f"[name={name}_2]", str(day.year))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_change_of_address_moves_the_next_periodic_date(live_server, login, owner, offender):
    today = timezone.localdate()
    registration_record(
        user=owner,
        offender=offender,
        relevant_date=today - datetime.timedelta(days=400),
        disposal="caution",
        first_notified_on=today - datetime.timedelta(days=358),
    )
    before = Registration.objects.get(offender=offender).next_periodic_due

    page = login("owner")
    page.goto(f"{live_server.url}/offenders/{offender.pk}/")
    expect(page.locator("#next-periodic")).to_have_text(f"{before.day} {before:%B %Y}")
    expect(page.locator("#register-panel")).to_contain_text("Due in")

    page.get_by_role("link", name="Record a notification").click()
    page.get_by_role("link", name="Change of home address").click()
    expect(page.locator("#deadline")).to_contain_text("Within 3 days beginning with the move")
    # an impossible date first: notified before the move
    _fill_date(page, "event_date", today)
    _fill_date(page, "notified_on", today - datetime.timedelta(days=1))
    page.get_by_label("Address line 1").fill("7 Example Close")
    page.get_by_label("Town or city").fill("Demoton")
    page.get_by_label("Postcode").fill("ZZ9 9ZZ")
    page.get_by_label("Police station").fill("Demoton police station")
    page.get_by_role("button", name="Record the notification").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The date notified must be on or after the date of the change"
    )
    _fill_date(page, "notified_on", today)
    page.get_by_role("button", name="Record the notification").click()
    expect(page.get_by_text("Notification recorded")).to_be_visible()

    moved = Registration.objects.get(offender=offender).next_periodic_due
    assert moved != before
    page.get_by_role("link", name="Summary").click()
    expect(page.locator("#next-periodic")).to_have_text(f"{moved.day} {moved:%B %Y}")
    expect(page.locator(".arms-current-address")).to_contain_text("7 Example Close")
    page.screenshot(path="/tmp/register-summary.png", full_page=True)
