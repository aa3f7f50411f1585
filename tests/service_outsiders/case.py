"""One case of the service refusals, and the outsiders most cases list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.outsiders import World

OFFICERS_OUT = ("other_force_officer", "other_team_officer", "other_force_admin")
SUPERVISORS_OUT = ("other_force_supervisor", "other_team_supervisor", "other_force_admin")
# MAPPA meetings belong to the force: another team's supervisor of force 1 may handle them, so
# for the meeting itself only force 2 and officers (wrong role) are outsiders.
MEETING_OUT = ("other_force_supervisor", "other_force_admin", "other_team_officer")
READ_ONLY = ("read_only",)


@dataclass(frozen=True)
class Case:
    service: str
    args: Callable[[World], dict]  # the keyword arguments besides ``user``; builds its objects
    insider: str | None  # who may make the call (None: nobody may, with these arguments)
    outsiders: tuple[str, ...]
    variant: str = ""  # tells apart two cases of one service

    def __str__(self):
        return f"{self.service}-{self.variant}" if self.variant else self.service
