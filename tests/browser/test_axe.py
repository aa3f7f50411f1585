"""axe-core on every main page (issue 14 item 12): 0 WCAG 2.2 A/AA violations, signed in as an
officer, a supervisor and a force administrator over the full demo data, and signed out on the
sign-in pages and the accessibility statement."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from assessments.models import Assessment
from demo.offenders import DEMO_PASSWORD
from formulations.models import MappaMeeting
from offenders.models import Offender
from tests.browser.conftest import axe_violations, describe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=io.StringIO())
    return Offender.objects.get(local_reference="DEMO-001")


def officer_pages(daniel) -> dict[str, str]:
    pk = daniel.pk
    draft = Assessment.objects.filter(offender=daniel, status="draft").latest("pk")
    factor = draft.framework.factors.order_by("order").first()
    return {
        "caseload": reverse("engagements:caseload"),
        "offender summary": reverse("offenders:detail", args=[pk]),
        "court appearances": reverse("offenders:appearances", args=[pk]),
        "Risk Matrix 2000": reverse("riskmatrix:history", args=[pk]),
        "Risk Matrix 2000 start": reverse("riskmatrix:start", args=[pk]),
        "OSP": reverse("riskmatrix:osp_history", args=[pk]),
        "ARMS assessments": reverse("assessments:list", args=[pk]),
        "ARMS task list": reverse("assessments:tasks", args=[pk, draft.pk]),
        "factor page": reverse("assessments:factor", args=[pk, draft.pk, factor.code]),
        "ARMS summary": reverse("assessments:summary", args=[pk, draft.pk]),
        "risk level and visits": reverse("engagements:timetable", args=[pk]),
        "timeline": reverse("engagements:timeline", args=[pk]),
        "formulation": reverse("formulations:detail", args=[pk]),
        "draft formulation": reverse("formulations:draft", args=[pk]),
        "search": reverse("offenders:search") + "?q=EXAMPLE",
        "add an offender": reverse("offenders:create"),
        "register": reverse("register:detail", args=[pk]),
        "record a notification": reverse("register:notification_choose", args=[pk]),
        "change of home address form": reverse(
            "register:notification_add", args=[pk, "home_address"]
        ),
        "foreign travel form": reverse("register:notification_add", args=[pk, "travel"]),
        "record a civil order": reverse("register:order_add", args=[pk]),
        "record a suspected breach": reverse("register:breach_add", args=[pk]),
        "accessibility statement": reverse("accessibility"),
    }


def supervisor_pages(daniel) -> dict[str, str]:
    meeting = MappaMeeting.objects.order_by("pk").first()
    dem9 = Assessment.objects.get(offender__local_reference="DEMO-009", status="submitted")
    return {
        "dashboard": reverse("dashboard:home"),
        "dashboard list": reverse("dashboard:caseload"),
        "register compliance list": reverse("dashboard:compliance") + "?figure=periodic_due",
        "MAPPA meetings": reverse("formulations:meetings"),
        "MAPPA meeting": reverse("formulations:meeting", args=[meeting.pk]),
        "offender summary": reverse("offenders:detail", args=[daniel.pk]),
        "history": reverse("offenders:history", args=[daniel.pk]),
        "countersign or return": reverse(
            "assessments:countersign", args=[dem9.offender_id, dem9.pk]
        ),
    }


def admin_pages(daniel) -> dict[str, str]:
    return {
        "dashboard": reverse("dashboard:home"),
        "level policy": reverse("engagements:policy"),
        "change the level policy": reverse("engagements:policy_edit"),
        "accounts": reverse("accounts"),
        "add an account": reverse("account_add"),
        "ARMS framework": reverse("assessments:framework_list"),
    }


def check_all(page, base_url, pages, found, role):
    for name, path in pages.items():
        response = page.goto(f"{base_url}{path}")
        assert response.status == 200, f"{role}: {name} answered {response.status}"
        found[f"{role}: {name}"] = axe_violations(page)


def submitted_empty(page, base_url, path, *, spoil: tuple[str, str] | None = None):
    """The form at ``path`` submitted as it stands, or with one field (selector, value) made
    wrong, so its errors show."""
    page.goto(f"{base_url}{path}")
    if spoil:
        selector, value = spoil
        page.locator(selector).fill(value)
    page.locator("main form [type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator(".govuk-error-summary").count() == 1, path


def sign_out(page):
    page.context.clear_cookies()


def test_every_main_page_has_no_axe_violations(live_server, login, demo):
    """One demo load, every role in turn; all pages are checked before the one assertion, so a
    failure lists every page's violations at once."""
    url, found = live_server.url, {}
    page = login("officer", password=DEMO_PASSWORD)
    check_all(page, url, officer_pages(demo), found, "officer")
    submitted_empty(page, url, reverse("offenders:create"))
    found["officer: add an offender, submitted empty"] = axe_violations(page)
    submitted_empty(
        page,
        url,
        officer_pages(demo)["Risk Matrix 2000 start"],
        spoil=("[name=criminal_appearances]", "9"),
    )
    found["officer: Risk Matrix 2000 form, with an error"] = axe_violations(page)
    sign_out(page)

    login("supervisor", password=DEMO_PASSWORD)
    check_all(page, url, supervisor_pages(demo), found, "supervisor")
    sign_out(page)

    login("admin", password=DEMO_PASSWORD)
    check_all(page, url, admin_pages(demo), found, "admin")
    submitted_empty(
        page,
        url,
        reverse("engagements:policy_edit"),
        spoil=("[name=visit_interval_months__low]", "0"),
    )
    found["admin: change the level policy, with an error"] = axe_violations(page)
    sign_out(page)

    check_signed_out_pages(page, url, found)
    print("\naxe-core violations per page:")
    for name, violations in found.items():
        print(f"  {len(violations)}  {name}")
    failing = {name: v for name, v in found.items() if v}
    assert not failing, "\n".join(f"{name}:\n{describe(v)}" for name, v in failing.items())


def check_signed_out_pages(page, url, found):
    page.goto(f"{url}{reverse('accessibility')}")
    found["signed out: accessibility statement"] = axe_violations(page)
    page.goto(f"{url}{reverse('login')}")
    found["signed out: sign in"] = axe_violations(page)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    found["signed out: sign in, submitted empty"] = axe_violations(page)
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert "/login/code/" in page.url
    found["half signed in: the code page"] = axe_violations(page)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    found["half signed in: the code page, submitted empty"] = axe_violations(page)
    # The footer's link reaches the statement before the second step too.
    page.get_by_role("link", name="Accessibility statement").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Accessibility statement for ARMS").is_visible()


def test_the_helper_finds_a_violation_when_there_is_one(page):
    """The check is live: a page with an unlabelled field and an image without a text
    alternative gives violations (so 0 above means axe ran and found none)."""
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>'
        '<h1>Broken</h1><img src="data:,"><input type="text"></main></body></html>'
    )
    rules = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "label"} <= rules
