"""The s.62 walk: every page that shows an offender's data logs that it was seen (DPA 2018 s.62).

Like the outsider walk (``test_outsider_walk.py``, whose URLconf reading, parameter filling and
data set this reuses) it reads the URLconf, so a new page is walked without anyone remembering to
add it. Walked:

- every pattern under ``offenders/<int:pk>/`` (whatever app serves it): the offender's pages;
- the MAPPA pages (``mappa/…``), each classified below by what it shows; a new one that is not
  classified fails ``test_every_mappa_page_is_classified``.

Each page is requested with GET by each of the team's own people (officer, supervisor, force
administrator, read-only), each request in a savepoint rolled back after it. Every 200 must have
written, for the person who asked:

- on an offender's page: a VIEWED entry for that offender (a download: VIEWED or EXPORTED);
- on a meeting's agenda pages: one entry per offender shown, attached to the meeting;
- on a page listing offenders to choose from: a VIEWED list entry (``record_viewed`` without an
  offender, as the caseload does).

A redirect (302) or a POST-only page (405) shows nothing, so it is skipped, but
``test_the_walk_shows_pages`` fails if no page answers 200, and names the pages that must.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client

from audit.models import Action, AuditEvent
from formulations.selectors import agenda_offenders
from tests import test_outsider_walk
from tests.test_outsider_walk import ROUTES, WALKED, Route, real_path

# The outsider walk's data set, built once for this module too (a module-scoped fixture).
world = test_outsider_walk.world

PERSONAS = ("owner", "colleague", "force_admin", "read_only")
OFFENDER_PREFIX = "offenders/<int:pk>/"
MAPPA_PREFIX = "mappa/"

# The MAPPA pages by URL name, by what they show.
MAPPA_AGENDA = {  # the offenders of the meeting's agenda: one entry each, on the meeting
    "formulations:meeting": "the meeting page lists its agenda",
    "formulations:meeting_agenda": "the agenda form lists the agenda's references",
    "formulations:pack_download": "the pack holds every agenda offender's formulation",
}
MAPPA_LIST = {  # offenders to choose from: one list entry, as the caseload
    "formulations:meeting_create": "the form lists the active offenders to put on the agenda",
}
MAPPA_NOT_OFFENDER_DATA = {
    "formulations:meetings": "the force's meetings: date, level, agencies, pack status",
    "formulations:pack_status": "a pack build's progress as JSON: status and counts only",
    "formulations:pack_request": "POST only: starts a pack build",
}


def _withdraw_the_pending_override(world):
    """The shared data set has an override awaiting a supervisor (the decide page needs it), so
    asking for another redirects; for this one request a supervisor refuses it first."""
    from engagements.services import level_override_decide

    level_override_decide(
        user=world.colleague,
        decision=world.decision_requested,
        approve=False,
        comment="Refused by the s.62 walk so that a new request can be made",
    )


def _submit_the_draft(world):
    """The shared draft (rated before the walk) is submitted, to be countersigned."""
    from assessments.models import Assessment
    from assessments.services import assessment_submit

    draft = Assessment.objects.get(pk=world.rated_draft.pk)
    assessment_submit(user=world.owner, assessment=draft, expected_version=draft.version)


# State a page needs that the shared data set does not have, set up in that request's savepoint.
PREPARE = {
    "engagements:override_request": _withdraw_the_pending_override,
    "assessments:countersign": _submit_the_draft,
}

# Pages that must answer 200 to someone, so the walk is not vacuous: the summary and every page
# that once wrote no entry.
MUST_SHOW = {
    "offenders:detail",
    "offenders:edit",
    "offenders:alias_add",
    "offenders:address_add",
    "offenders:relationship_add",
    "offenders:appearance_add",
    "offenders:offence_add",
    "engagements:override_request",
    "engagements:override_decide",
    "engagements:reactive_propose",
    "engagements:reactive_decide",
    "engagements:visit_plan",
    "engagements:visit_record",
    "engagements:visit_complete",
    "engagements:change_record",
    "formulations:meeting",
    "formulations:meeting_agenda",
    "formulations:meeting_create",
}


def _is_offender_page(route: Route) -> bool:
    return route.route.startswith(OFFENDER_PREFIX)


S62_WALKED = [r for r in WALKED if _is_offender_page(r)] + [
    r for r in ROUTES if r.name in MAPPA_AGENDA or r.name in MAPPA_LIST
]


# --- the walk ------------------------------------------------------------------------------


@dataclass
class Result:
    path: str
    answers: dict[str, int] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)  # persona -> what was not logged

    @property
    def shown(self) -> bool:
        return 200 in self.answers.values()


def _is_download(response) -> bool:
    disposition = response.get("Content-Disposition", "")
    return disposition.startswith("attachment") or not response.get("Content-Type", "").startswith(
        "text/html"
    )


def _expected(world, route: Route, user) -> list[tuple[int | None, str | None]]:
    """(offender pk, meeting pk) pairs the request must have logged; None: any."""
    if route.name in MAPPA_LIST:
        return [(None, None)]
    if route.name in MAPPA_AGENDA:
        shown, _ = agenda_offenders(world.meeting, user)
        return [(o.pk, str(world.meeting.pk)) for o in shown]
    return [(world.offender.pk, None)]


def _missing(world, route, user, response, events) -> str:
    actions = {Action.VIEWED}
    if _is_download(response):
        actions.add(Action.EXPORTED)
    wanted = " or ".join(sorted(a.label.upper() for a in actions))
    gaps = []
    for offender_pk, meeting_pk in _expected(world, route, user):
        if not any(
            e.action in actions
            and (offender_pk is None or e.offender_id == offender_pk)
            and (
                meeting_pk is None
                or (e.object_type, e.object_id) == ("formulations.mappameeting", meeting_pk)
            )
            for e in events
        ):
            what = f"offender {offender_pk}" if offender_pk else "the list"
            where = f", attached to meeting {meeting_pk}" if meeting_pk else ""
            gaps.append(f"no {wanted} entry for {what}{where}")
    if route.name in MAPPA_AGENDA and not _expected(world, route, user):
        gaps.append("the walk's meeting shows no offender to this user: fix tests/outsiders/")
    return "; ".join(gaps)


def _get(world, route: Route, persona: str, path: str):
    user = world.person(persona)
    client = Client()
    with transaction.atomic():
        if route.name in PREPARE:
            PREPARE[route.name](world)
        client.force_login(user)
        last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = client.get(path)
        events = list(AuditEvent.objects.filter(id__gt=last, actor=user))
        missing = (
            _missing(world, route, user, response, events) if response.status_code == 200 else ""
        )
        transaction.set_rollback(True)
    return response.status_code, missing


@pytest.fixture(scope="module")
def walk(world, django_db_blocker) -> dict[str, Result]:
    """Every walked page, asked by every persona, once for the module."""
    results = {}
    with django_db_blocker.unblock():
        # Built now, outside the requests' savepoints (they are cached on the world):
        world.frequency  # noqa: B018 - so "return to the policy default" has something to undo
        world.rated_draft  # noqa: B018 - so it can be submitted for the countersign page
        for route in S62_WALKED:
            result = results[route.name] = Result(real_path(world, route))
            for persona in PERSONAS:
                status, missing = _get(world, route, persona, result.path)
                result.answers[persona] = status
                if missing:
                    result.missing[persona] = missing
    return results


@pytest.mark.django_db
@pytest.mark.parametrize("route", S62_WALKED, ids=lambda r: r.name)
def test_every_page_shown_logs_the_offenders_seen(walk, world, route):
    result = walk[route.name]
    answers = ", ".join(f"{p}: {s}" for p, s in result.answers.items())
    assert not any(s >= 500 for s in result.answers.values()), f"GET {result.path}: {answers}"
    if not result.shown:
        if set(result.answers.values()) <= {302, 405}:
            pytest.skip(
                f"GET {result.path} ({route}) shows no page ({answers}): redirects or POST only"
            )
        pytest.fail(
            f"GET {result.path} ({route}) answers {answers}: none of the team's own people sees "
            "it, so the walk proves nothing for it; fix its objects in tests/outsiders/ (or "
            "give it a PREPARE step here)",
            pytrace=False,
        )
    assert not result.missing, (
        f"GET {result.path} ({route}) showed offender data without logging it (DPA 2018 s.62): "
        + "; ".join(f"as {world.describe(p)}: {gap}" for p, gap in result.missing.items())
        + ". Call audit.services.record_viewed(...) when the page is shown"
    )


@pytest.mark.django_db
def test_the_walk_shows_pages(walk):
    shown = {name for name, result in walk.items() if result.shown}
    assert shown, "No walked page answered 200 to anyone: the walk proves nothing"
    absent = MUST_SHOW - shown
    assert not absent, {name: walk[name].answers for name in sorted(absent) if name in walk} or (
        f"Not in the URLconf any more: {sorted(absent)}: update MUST_SHOW"
    )
    assert len([r for r in S62_WALKED if _is_offender_page(r)]) >= 20


def test_every_mappa_page_is_classified():
    mappa = {r.name for r in ROUTES if r.route.startswith(MAPPA_PREFIX)}
    classified = MAPPA_AGENDA.keys() | MAPPA_LIST.keys() | MAPPA_NOT_OFFENDER_DATA.keys()
    assert mappa - classified == set(), (
        f"MAPPA pages the s.62 walk does not know: {sorted(mappa - classified)}. Add each to "
        f"MAPPA_AGENDA, MAPPA_LIST or MAPPA_NOT_OFFENDER_DATA (with what it shows) in {__name__}"
    )
    assert classified - mappa == set(), f"Gone from the URLconf: {sorted(classified - mappa)}"
