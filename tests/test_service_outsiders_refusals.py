"""Every writing service refuses an outsider with PermissionDenied and writes nothing.

The views already hide other teams' records (``test_outsider_walk.py``); the services must hold
the same line on their own, whatever calls them (a view, a command, a task, a tampered form).
Each case (``tests/service_outsiders/``) calls one service with otherwise valid arguments on a
real object of force 1 / team A (``tests/outsiders/``):

- as each outsider listed for it (another force's officer, supervisor or administrator; another
  team's officer or supervisor), and as a read-only member of the team for a few: each must be
  refused with ``django.core.exceptions.PermissionDenied`` and leave every table unchanged (no
  new row, no changed row, no new ``audit.AuditEvent``);
- as the rightful user (``test_the_rightful_user_can_make_the_same_call``), which must succeed
  and write, so the refusals above are about who calls, not about the arguments.

That every writing service has a case is checked in ``tests/test_service_outsiders_coverage.py``.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.outsiders import World
from tests.service_outsiders import CASES
from tests.service_outsiders.discovery import service
from tests.service_outsiders.snapshot import differences, snapshot

OUTSIDER_CALLS = [
    pytest.param(case, persona, id=f"{case}-{persona}")
    for case in CASES
    for persona in case.outsiders
]


@pytest.fixture
def world(db):
    return World()


@pytest.mark.parametrize(("case", "persona"), OUTSIDER_CALLS)
def test_an_outsider_is_refused_and_nothing_is_written(world, case, persona):
    call = service(case.service)
    kwargs = case.args(world)  # build the objects before looking
    user = world.person(persona)
    who = world.describe(persona)
    before = snapshot()
    try:
        call(user=user, **kwargs)
    except PermissionDenied:
        pass
    except ValidationError as error:
        pytest.fail(
            f"{case.service} refused {who} with ValidationError {error.messages} instead of "
            "PermissionDenied",
            pytrace=False,
        )
    else:
        pytest.fail(
            f"{case.service} let {who} write: " + "; ".join(differences(before, snapshot())),
            pytrace=False,
        )
    after = snapshot()
    assert after["audit.AuditEvent"] == before["audit.AuditEvent"], "an audit entry was written"
    assert not differences(before, after), f"refused, but wrote: {differences(before, after)}"


@pytest.mark.parametrize("case", [c for c in CASES if c.insider], ids=str)
def test_the_rightful_user_can_make_the_same_call(world, case):
    call = service(case.service)
    kwargs = case.args(world)
    before = snapshot()
    call(user=world.person(case.insider), **kwargs)
    assert differences(before, snapshot()), f"{case.service} by {case.insider} wrote nothing"
