"""Phones (WCAG 1.4.10 reflow, issue 14 item 4): at 390 x 844 no main page scrolls sideways, and
the service navigation collapses behind GOV.UK Frontend's "Menu" button."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from playwright.sync_api import expect

from assessments import services as assessment_services
from formulations.models import Formulation
from tests.assessments.factories import countersigned
from tests.factories import OffenderFactory
from tests.formulations.factories import PlanActionFactory
from tests.riskmatrix.factories import score, worked_history

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def case(transactional_db, owner, colleague, offender, team):
    """One offender with everything the main pages show, and a caseload of a few more."""
    importlib.import_module("assessments.migrations.0002_framework_v1").load_v1(apps, None)
    worked_history(offender)
    score(owner, offender)
    signed = countersigned(offender, owner, colleague)
    formulation = Formulation.objects.create(
        assessment=signed,
        offending_history="Two court appearances.",
        risk_drivers="Isolation and a long commute to a warehouse job on nights.",
        created_by=owner,
        updated_by=owner,
    )
    PlanActionFactory(formulation=formulation, due_date=datetime.date(2001, 1, 1))
    draft, _ = assessment_services.assessment_start(user=owner, offender=offender)
    for n in range(4):
        OffenderFactory(team=team, responsible_officer=owner, local_reference=f"TEST-01{n:02d}")
    factor = draft.framework.factors.order_by("order").first()
    return {
        "caseload": reverse("engagements:caseload"),
        "offender summary": reverse("offenders:detail", args=[offender.pk]),
        "timetable": reverse("engagements:timetable", args=[offender.pk]),
        "factor page": reverse("assessments:factor", args=[offender.pk, draft.pk, factor.code]),
        "formulation": reverse("formulations:detail", args=[offender.pk]),
        "dashboard": reverse("dashboard:home"),
        "dashboard list": reverse("dashboard:caseload"),
    }


def sideways(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_no_main_page_scrolls_sideways_on_a_phone(live_server, login, case):
    page = login("colleague")  # a supervisor reaches every page, the dashboard included
    page.set_viewport_size(PHONE)
    overflow = {}
    for name, path in case.items():
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        overflow[name] = sideways(page)
    assert all(extra <= 0 for extra in overflow.values()), str(overflow)


def test_the_officers_caseload_reflows_too(live_server, login, case):
    page = login("owner")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{case['caseload']}")
    assert sideways(page) <= 0


def test_the_navigation_is_behind_a_menu_button_on_a_phone(live_server, login, case):
    page = login("owner")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{case['caseload']}")
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    nav_link = page.locator("#navigation").get_by_role("link", name="Search")
    expect(nav_link).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav_link).to_be_visible()


def test_the_menu_button_is_hidden_on_a_desktop(live_server, login, case):
    page = login("owner")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{case['caseload']}")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.locator("#navigation").get_by_role("link", name="Search")).to_be_visible()
