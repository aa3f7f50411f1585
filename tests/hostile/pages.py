"""The pages the hostile-input fuzz visits: the URLconf less what is not walked, the personas
tried, what each page needs built in the ``World`` (``PREPARE``), and its path filled with real
objects."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from tests.outsiders import World
from tests.test_outsider_walk import BY_NAME, BY_SEGMENT, FILL, ROUTES, Route

PERSONAS = ("owner", "colleague", "force_admin")  # officer, supervisor, force administrator

# URL namespaces and names not fuzzed, with the reason.
NOT_WALKED_NAMESPACES = {
    "admin": "Django's own admin, for staff only (test_outsider_walk refuses everyone else)",
}
NOT_WALKED = {
    "logout": "signs out: no field to fuzz",
    "login_code": "a step of the two-factor sign-in, reached only half signed in (tests/accounts)",
    "login_backup": "a step of the two-factor sign-in, reached only half signed in (tests/accounts)",
    "login_enrol": "a step of the two-factor sign-in, reached only half signed in (tests/accounts)",
    "keep_alive": "the timeout warning's button: resets the idle clock, no field",
}
ANONYMOUS = {"login"}  # fuzzed signed out: the sign-in page is the one public form

# Pages no persona reaches with a 200, and why that is right (anything else fails the walk).
UNREACHED = {
    "home": "sends everyone to their landing page",
}


def _builds(*names: str, **fills: str):
    """What a page needs: build the World's ``names``; ``fills`` replace the outsider walk's
    objects for parameters (kind -> a World attribute), e.g. ``assessment="submitted"``."""

    def prepare(world: World) -> dict:
        for name in names:
            getattr(world, name)
        return {kind: getattr(world, attr).pk for kind, attr in fills.items()}

    return prepare


# What a page needs beyond the offender (keyed by URL name; a name gone is ignored).
PREPARE = {
    "assessments:list": _builds("appearance"),
    "assessments:summary": _builds(assessment="rated_draft"),
    "assessments:countersign": _builds(assessment="submitted"),
    "engagements:override_request": _builds("decision"),
    "engagements:visit_frequency": _builds("decided_offender"),
    "engagements:visit_frequency_clear": _builds("frequency"),
    "engagements:reactive_propose": _builds("low_for_years"),
    "engagements:reactive_decide": _builds("low_for_years"),
    "formulations:detail": _builds("draft"),
    "formulations:edit": _builds("formulation"),
    "formulations:pdf": _builds("formulation"),
    "formulations:draft": _builds("formulation"),
    "formulations:draft_pdf": _builds("formulation"),
    "formulations:action_add": _builds("formulation"),
    "formulations:meeting": _builds("export"),
    "riskmatrix:start": _builds("appearance"),
    "riskmatrix:osp_start": _builds("appearance"),
    "register:registration_end": _builds("registration"),
    "register:notification_choose": _builds("registration"),
    "register:breach_add": _builds("prohibition"),
}

# Parameters the outsider walk does not fill, (segment, name) -> a function of the World: looked
# up after its BY_SEGMENT and BY_NAME. Empty while the outsider walk fills every parameter.
EXTRA_FILL: dict = {}

# --- the URLconf ---------------------------------------------------------------------------


def _walked(route: Route) -> bool:
    if route.namespace.split(":")[0] in NOT_WALKED_NAMESPACES:
        return False
    return route.name not in NOT_WALKED


WALKED = [route for route in ROUTES if _walked(route)]


def _fill(world: World, route: Route, overrides: dict) -> str | None:
    """The page's path with real objects, or None when a parameter cannot be filled."""
    path = route.route
    for param in route.params:
        kind = BY_SEGMENT.get((param.segment, param.name)) or BY_NAME.get(param.name)
        if kind in overrides:
            value = overrides[kind]
        elif kind is not None:
            value = FILL[kind](world)
        elif (param.segment, param.name) in EXTRA_FILL:
            value = EXTRA_FILL[(param.segment, param.name)](world)
        else:
            return None
        path = path.replace(param.token, str(value), 1)
    path = path.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    return "/" + path


def _route_name(path: str) -> str | None:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return match.view_name or match.route
