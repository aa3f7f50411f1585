"""The method walk: every URL answers 405 to an HTTP method its view does not serve.

A page that only shows something must not act on a POST (a POST to the caseload CSV used to
return the file), an action must not run on a GET, and nothing here serves PUT, PATCH or DELETE.
Like the outsider walk it reads the URLconf, so a new page fails here until ``SERVES`` says what
it serves; its parameters are filled the same way (``tests/test_outsider_walk.py``, objects from
``tests/outsiders/``).

Each request is made by someone allowed to use the page (``PERSONA``), so the 405 is the
method's refusal, not an access refusal in disguise; ``test_a_served_method_is_served`` proves
it by getting a real answer (200 or 302) to each method the page serves.
"""

from __future__ import annotations

import pytest

from tests import test_outsider_walk as walk
from tests.test_outsider_walk import NOT_WALKED, ROUTES, Route, real_path

world = walk.world  # the outsider walk's World, built once for this module

GET, POST = frozenset({"GET"}), frozenset({"POST"})
GET_POST = GET | POST
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")

# What each page serves, by URL name. A page missing here fails test_every_page_says_what_it_serves.
SERVES: dict[str, frozenset[str]] = {
    "home": GET,
    # accounts: the two-step sign-in and account administration
    "login": GET_POST,
    "accessibility": GET,
    "login_code": GET_POST,
    "login_backup": GET_POST,
    "login_enrol": GET_POST,
    "logout": POST,
    "keep_alive": POST,
    "accounts": GET,
    "account_add": GET_POST,
    "account": GET,
    "account_action": POST,
    # offenders
    "offenders:search": GET,
    "offenders:create": GET_POST,
    "offenders:detail": GET,
    "offenders:edit": GET_POST,
    "offenders:appearances": GET,
    "offenders:appearance_add": GET_POST,
    "offenders:offence_add": GET_POST,
    "offenders:alias_add": GET_POST,
    "offenders:address_add": GET_POST,
    "offenders:relationship_add": GET_POST,
    "offenders:history": GET,
    # Risk Matrix 2000
    "riskmatrix:history": GET,
    "riskmatrix:start": GET_POST,
    "riskmatrix:detail": GET,
    "riskmatrix:osp_history": GET,
    "riskmatrix:osp_start": GET_POST,
    "riskmatrix:osp_detail": GET,
    # ARMS assessments and the framework
    "assessments:framework_list": GET,
    "assessments:framework_upload": GET_POST,
    "assessments:list": GET,
    "assessments:start": POST,
    "assessments:tasks": GET,
    "assessments:factor": GET_POST,
    "assessments:summary": GET_POST,
    "assessments:countersign": GET_POST,
    # engagements
    "engagements:caseload": GET,
    "engagements:timetable": GET,
    "engagements:visit_frequency": GET_POST,
    "engagements:visit_frequency_clear": GET_POST,
    "engagements:timeline": GET,
    "engagements:visit_plan": GET_POST,
    "engagements:visit_record": GET_POST,
    "engagements:visit_complete": GET_POST,
    "engagements:change_record": GET_POST,
    "engagements:override_request": GET_POST,
    "engagements:override_decide": GET_POST,
    "engagements:reactive_propose": GET_POST,
    "engagements:reactive_decide": GET_POST,
    "engagements:policy": GET,
    "engagements:policy_edit": GET_POST,
    # formulations and MAPPA meetings
    "formulations:detail": GET,
    "formulations:start": POST,
    "formulations:edit": GET_POST,
    "formulations:pdf": GET,
    "formulations:draft": GET,
    "formulations:draft_pdf": GET,
    "formulations:action_add": GET_POST,
    "formulations:action_edit": GET_POST,
    "formulations:meetings": GET,
    "formulations:meeting_create": GET_POST,
    "formulations:meeting": GET,
    "formulations:meeting_agenda": GET_POST,
    "formulations:pack_request": POST,
    "formulations:pack_status": GET,
    "formulations:pack_download": GET,
    # the register
    "register:detail": GET,
    "register:registration": GET_POST,
    "register:registration_end": GET_POST,
    "register:notification_choose": GET,
    "register:notification_add": GET_POST,
    "register:order_add": GET_POST,
    "register:breach_add": GET_POST,
    "register:breach_close": GET_POST,
    # dashboard
    "dashboard:home": GET,
    "dashboard:caseload": GET,
    "dashboard:export": GET,
    "dashboard:compliance": GET,
    "dashboard:compliance_export": GET,
}

# Who may use the page (a persona of tests/outsiders/); the team's supervisor unless named here.
DEFAULT_PERSONA = "colleague"
PERSONA = {
    "assessments:framework_upload": "force_admin",
    "engagements:policy": "force_admin",
    "engagements:policy_edit": "force_admin",
    "accounts": "force_admin",
    "account_add": "force_admin",
    "account": "force_admin",
    "account_action": "force_admin",
}

WALKED = [r for r in ROUTES if r.namespace.split(":")[0] not in NOT_WALKED]
CASES = [(route, method) for route in WALKED for method in METHODS]


def _request(client, method: str, path: str):
    return getattr(client, method.lower())(path)


def _signed_in(client, world, route: Route):
    client.force_login(world.person(PERSONA.get(route.name, DEFAULT_PERSONA)))
    return client


def _serves(route: Route) -> frozenset[str]:
    if route.name not in SERVES:
        pytest.fail(
            f"{route} is not in SERVES in {__name__}: say which methods it serves (and decorate "
            "its view with require_GET, require_POST or require_http_methods to match)",
            pytrace=False,
        )
    return SERVES[route.name]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "method"),
    [case for case in CASES if case[0].name not in SERVES or case[1] not in SERVES[case[0].name]],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_a_method_the_page_does_not_serve_answers_405(world, client, route, method):
    serves = _serves(route)
    path = real_path(world, route)
    response = _request(_signed_in(client, world, route), method, path)
    assert response.status_code == 405, (
        f"{method} {path} ({route}) answers {response.status_code}: the page serves "
        f"{'/'.join(sorted(serves))} only, so its view must refuse {method} with 405"
    )
    allowed = {m.strip() for m in response.get("Allow", "").split(",")} - {"OPTIONS", "HEAD"}
    assert allowed == serves, (
        f"{route} says it allows {sorted(allowed)}, SERVES says {sorted(serves)}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "method"),
    [case for case in CASES if case[0].name in SERVES and case[1] in SERVES[case[0].name]],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_a_served_method_is_served(world, client, route, method):
    """The other half: the table is not stricter than the views, and the persona may use the
    page, so the 405s above are the method check's."""
    path = real_path(world, route)
    response = _request(_signed_in(client, world, route), method, path)
    assert response.status_code in (200, 204, 302), (
        f"{method} {path} ({route}) answers {response.status_code} to "
        f"{world.describe(PERSONA.get(route.name, DEFAULT_PERSONA))}: fix SERVES or PERSONA"
    )


def test_every_page_says_what_it_serves():
    missing = [str(route) for route in WALKED if route.name not in SERVES]
    assert not missing, f"Add to SERVES in {__name__}: {missing}"
    names = {route.name for route in WALKED}
    stale = sorted(set(SERVES) - names)
    assert not stale, f"SERVES names pages that are gone from the URLconf: {stale}"


def test_the_walk_covers_the_caseload_csv():
    """The page that started it: a POST to the caseload CSV returned the file."""
    assert SERVES["dashboard:export"] == GET
    assert "dashboard:export" in {route.name for route in WALKED}
