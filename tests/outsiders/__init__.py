"""One force and team whose offender has one of everything, and the people who must not touch it.

Shared by the outsider walk (``tests/test_outsider_walk.py``) and the service refusals
(``tests/test_service_outsiders_refusals.py``). Objects are built lazily: each property builds its
object (and what it depends on) the first time it is read, through the real services where that
is cheap, so a test pays only for what it uses.

People (usernames start ``w-`` so they never collide with ``tests/conftest.py``):

- ``owner``: officer of team A, responsible for ``offender``.
- ``colleague``: supervisor of team A.
- ``force_admin``: force administrator of force 1.
- ``read_only``: read-only member of team A (sees the offender, may change nothing).
- outsiders, see ``OUTSIDERS``: officers, supervisors and a force administrator of force 2,
  and an officer and a supervisor of team B of force 1.

``World`` is put together here from one class per theme: ``people`` (the forces, teams, people
and the offender), ``records`` (court history, RM2000, OSP), ``assessments`` (assessments,
formulation and plan), ``engagements`` (level of risk management, visits, reactive management)
and ``register_and_meetings`` (the register, MAPPA meetings).
"""

from __future__ import annotations

from tests.outsiders.assessments import Assessments
from tests.outsiders.engagements import LEVELS, Engagements
from tests.outsiders.people import OUTSIDERS, People
from tests.outsiders.records import Records
from tests.outsiders.register_and_meetings import RegisterAndMeetings

__all__ = ["LEVELS", "OUTSIDERS", "World"]


class World(RegisterAndMeetings, Engagements, Assessments, Records, People):
    """Force 1 / team A with an offender, and the outsiders. See the module docstring."""
