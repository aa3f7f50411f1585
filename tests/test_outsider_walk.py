"""The outsider walk: every URL with a path parameter answers 404 to people outside the team.

Like the login walk (``test_urls_require_login.py``) it reads the URLconf, so a new page is
walked without anyone remembering to add it. Each path parameter is filled with a real object of
one offender of force 1 / team A (``tests/outsiders/``), and each page is requested with GET and
with POST by:

- ``other_force_officer``: an officer of another force;
- ``other_team_officer``: an officer of another team of the same force;
- ``other_force_admin``: a force administrator of another force (the broadest role, so a page
  that checks a role first still has to hide the object behind the role check).

Each must get 404, the same answer as for an object that does not exist, so existence does not
leak. Two narrow exceptions, both checked against a request for objects that do not exist (the
"ghost" path), so neither can leak either:

- 405 when the view refuses the method before any lookup (a POST-only page asked with GET);
- 403 on the pages of ``ROLE_FIRST``, whose role check refuses before any lookup.

``test_an_insider_reaches_every_page`` proves the fixtures are real: each walked page answers the
team's own officer or supervisor, so a 404 above means "hidden", not "no such object".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from tests.outsiders import World

WALK_PERSONAS = ("other_force_officer", "other_team_officer", "other_force_admin")

# URL namespaces not walked, with the reason.
NOT_WALKED = {
    "admin": "Django's admin is for staff only: its own gate sends every non-staff user to the "
    "admin login whatever the object (test_the_admin_refuses_a_user_who_is_not_staff)",
}

# Pages whose existence is not secret, keyed by URL name (a name missing from the URLconf is
# ignored). Their role check answers 403 before any lookup, so the answer is the same for a real
# and a ghost object; someone who holds the role in another force still gets 404 (the walk's
# other_force_admin). Allowed answers: 403 or 404, equal to the ghost's, never 200/302/500.
_MEETINGS = (
    "MAPPA meetings are handled by supervisors and force administrators only: an officer is "
    "refused by role (403) before the meeting is looked up"
)
_ACCOUNTS = (
    "account administration is for force administrators only: anyone else is refused by role "
    "(403) before the account is looked up"
)
ROLE_FIRST = {
    "account": _ACCOUNTS,
    "account_action": _ACCOUNTS,
    "formulations:meeting": _MEETINGS,
    "formulations:meeting_agenda": _MEETINGS,
    "formulations:pack_request": _MEETINGS,
    "formulations:pack_status": _MEETINGS,
    "formulations:pack_download": _MEETINGS,
}

# What fills a parameter: first by (the literal path segment just before it, its name), then by
# its name alone. ``pk`` means different things under different prefixes, so it has no entry by
# name alone. A parameter found in neither fails its pattern's tests (see ``_kind``).
BY_SEGMENT = {
    ("offenders", "pk"): "offender",
    ("osp", "record_pk"): "osp_record",
    ("mappa", "pk"): "meeting",
    ("accounts", "pk"): "account",
    ("factors", "code"): "factor_code",
    ("arms-framework", "pk"): "framework_pk",
    ("arms-framework", "number"): "framework_number",
    ("arms-framework", "version"): "framework_number",
    ("new", "kind"): "notification_kind",
}
BY_NAME = {
    "offender_pk": "offender",
    "assessment_pk": "assessment",
    "appearance_pk": "appearance",
    "visit_pk": "visit",
    "decision_pk": "decision",
    "episode_pk": "episode",
    "action_pk": "action",
    "meeting_pk": "meeting",
    "export_pk": "export",
    "record_pk": "rm2000_record",
    "framework_pk": "framework_pk",
    "breach_pk": "breach",
    "action": "account_action",
}
FILL = {
    "offender": lambda w: w.offender.pk,
    "assessment": lambda w: w.draft.pk,
    "factor_code": lambda w: w.factor.code,
    "appearance": lambda w: w.appearance.pk,
    "visit": lambda w: w.planned_visit.pk,
    "decision": lambda w: w.decision_requested.pk,
    "episode": lambda w: w.episode.pk,
    "action": lambda w: w.action.pk,
    "meeting": lambda w: w.meeting.pk,
    "export": lambda w: w.export.pk,
    "rm2000_record": lambda w: w.rm2000_record.pk,
    "osp_record": lambda w: w.osp_record.pk,
    "framework_pk": lambda w: w.framework.pk,
    "framework_number": lambda w: w.framework.number,
    "account": lambda w: w.owner.pk,
    "account_action": lambda w: "unlock",
    # a notification form needs a registration in force
    "notification_kind": lambda w: w.registration and "periodic",
    "breach": lambda w: w.breach.pk,
}
GHOST_INT, GHOST_TEXT = 987654, "no-such-object"

# --- the URLconf ----------------------------------------------------------------------------

_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(?P<name>\w+)>(?:[^()]|\([^()]*\))*\)")


@dataclass(frozen=True)
class Param:
    name: str
    numeric: bool
    segment: str  # the literal path segment just before the parameter
    token: str  # its text in the route


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name" (the route itself when unnamed)
    namespace: str
    route: str
    params: tuple[Param, ...]

    def __str__(self):
        return f"{self.name} (/{self.route})"


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield Route(name or route, namespace, route, tuple(_params(route)))


def _params(route: str):
    for regex, numeric_of in (
        (_ROUTE_PARAM, lambda m: m["conv"] == "int"),
        (_REGEX_PARAM, lambda m: m[0].endswith(r"\d+)") or m[0].endswith("[0-9]+)")),
    ):
        for match in regex.finditer(route):
            before = route[: match.start()].rstrip("/").split("/")[-1].lstrip("^")
            yield Param(match["name"], numeric_of(match), before, match[0])


ROUTES = list(_walk(get_resolver().url_patterns))
WALKED = [r for r in ROUTES if r.params and r.namespace.split(":")[0] not in NOT_WALKED]


def _kind(route: Route, param: Param) -> str:
    kind = BY_SEGMENT.get((param.segment, param.name)) or BY_NAME.get(param.name)
    if kind is None:
        pytest.fail(
            f"The outsider walk cannot fill parameter {param.token} of {route} (it follows "
            f"'{param.segment}/'): add it to BY_SEGMENT or BY_NAME in {__name__} and build its "
            "object in tests/outsiders/, so this page is checked for outsiders too",
            pytrace=False,
        )
    return kind


def _path(route: Route, values) -> str:
    path = route.route
    for param in route.params:
        path = path.replace(param.token, str(values(param)), 1)
    path = path.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    return "/" + path


def real_path(world: World, route: Route) -> str:
    path = _path(route, lambda p: FILL[_kind(route, p)](world))
    assert resolve(path).route == route.route, f"{path} does not resolve to {route}"
    return path


def ghost_path(route: Route) -> str:
    """The same page for objects that do not exist."""
    return _path(route, lambda p: GHOST_INT if p.numeric else GHOST_TEXT)


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at the end (each test runs in
    a savepoint of it, so what a request writes is undone after that test)."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = World()
        for fill in FILL.values():
            fill(world)  # build every object now, outside the tests' savepoints
        yield world
        transaction.set_rollback(True)


def _request(client, method, path):
    return client.get(path) if method == "get" else client.post(path, {})


# --- the walk --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("persona", WALK_PERSONAS)
@pytest.mark.parametrize("route", WALKED, ids=lambda r: r.name)
def test_an_outsider_gets_404(world, client, route, persona, method):
    path = real_path(world, route)
    client.force_login(world.person(persona))
    status = _request(client, method, path).status_code
    who = world.describe(persona)
    if status in (403, 405):
        ghost = _request(client, method, ghost_path(route)).status_code
        if status == 405:
            assert ghost == 405, (
                f"{method.upper()} {path} ({route}) answers 405 to {who} but {ghost} for an "
                "object that does not exist: the method check must not depend on the object"
            )
            return
        if route.name in ROLE_FIRST:
            assert ghost == 403, (
                f"{method.upper()} {path} ({route}) answers 403 to {who} but {ghost} for an "
                f"object that does not exist, so the 403 reveals that it exists. "
                f"(Allowed because: {ROLE_FIRST[route.name]})"
            )
            return
    assert status == 404, (
        f"{method.upper()} {path} ({route}) answers {status} to {who}: another team's record "
        "must answer 404, as if it did not exist"
        + (
            ". If a role check answers before the lookup whatever the object, add the URL name "
            "to ROLE_FIRST with the reason"
            if status == 403
            else ""
        )
    )


@pytest.mark.django_db
@pytest.mark.parametrize("route", WALKED, ids=lambda r: r.name)
def test_an_insider_reaches_every_page(world, client, route):
    """The walk's 404s mean "hidden": the team's own people reach every walked page."""
    path = real_path(world, route)
    answers = {}
    for who in ("owner", "colleague", "force_admin"):
        client.force_login(world.person(who))
        answers[who] = client.get(path).status_code
        if answers[who] in (200, 302):
            return
    if set(answers.values()) == {405}:  # a POST-only page
        answers["colleague POST"] = client.post(path, {}).status_code
        if answers["colleague POST"] in (200, 302):
            return
    pytest.fail(
        f"{path} ({route}) answers {answers} to the team's own officer and supervisor, so the "
        "outsider walk proves nothing for it: fix the object that fills its parameters in "
        "tests/outsiders/",
        pytrace=False,
    )


@pytest.mark.django_db
def test_the_owner_sees_the_offender_summary_and_the_walk_covers_it(world, client):
    summary = world.offender.get_absolute_url()
    client.force_login(world.owner)
    response = client.get(summary)
    assert response.status_code == 200
    assert world.offender.local_reference in response.content.decode()
    assert resolve(summary).route in {r.route for r in WALKED}
    assert len(WALKED) >= 20, [str(r) for r in WALKED]


def test_the_allow_list_names_only_walked_pages():
    """ROLE_FIRST is keyed by URL name: a name gone from the URLconf is tolerated, a page without
    parameters (which the walk does not visit) has no business there."""
    walked = {r.name for r in WALKED}
    names = {r.name for r in ROUTES}
    stray = {name for name in ROLE_FIRST if name in names and name not in walked}
    assert not stray, f"ROLE_FIRST names pages the walk does not visit: {sorted(stray)}"


@pytest.mark.django_db
def test_the_admin_refuses_a_user_who_is_not_staff(world, client):
    client.force_login(world.person("other_force_admin"))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
