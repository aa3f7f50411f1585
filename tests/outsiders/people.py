"""The force, the teams and the people of the outsider ``World``: the base of the class, which
builds them (and the offender) at once; the records are built lazily by the other modules."""

from __future__ import annotations

from accounts.models import Role
from tests.factories import ForceFactory, OffenderFactory, TeamFactory, UserFactory

# name -> (role, where): "force2" is a team of the other force, "force2-admin" the other force
# without a team, "teamB" another team of the same force.
OUTSIDERS = {
    "other_force_officer": (Role.OFFICER, "force2"),
    "other_force_supervisor": (Role.SUPERVISOR, "force2"),
    "other_force_admin": (Role.FORCE_ADMIN, "force2-admin"),
    "other_team_officer": (Role.OFFICER, "teamB"),
    "other_team_supervisor": (Role.SUPERVISOR, "teamB"),
}


class People:
    """Force 1 / team A with an offender, and the outsiders (``tests.outsiders``)."""

    def __init__(self):
        self.force = ForceFactory(name="Walk Force One", code="WLK1")
        self.team = TeamFactory(force=self.force, name="Walk Team A")
        self.other_team = TeamFactory(force=self.force, name="Walk Team B")
        self.other_force = ForceFactory(name="Walk Force Two", code="WLK2")
        self.foreign_team = TeamFactory(force=self.other_force, name="Walk Team X")

        self.owner = self._user("w-owner", Role.OFFICER, team=self.team)
        self.colleague = self._user("w-super", Role.SUPERVISOR, team=self.team)
        self.force_admin = self._user("w-fadmin", Role.FORCE_ADMIN, force=self.force)
        self.read_only = self._user("w-reader", Role.READ_ONLY, team=self.team)
        self.outsiders = {}
        for name, (role, where) in OUTSIDERS.items():
            if where == "force2":
                user = self._user(f"w-{name}", role, team=self.foreign_team)
            elif where == "force2-admin":
                user = self._user(f"w-{name}", role, force=self.other_force)
            else:
                user = self._user(f"w-{name}", role, team=self.other_team)
            self.outsiders[name] = user

        self.offender = OffenderFactory(
            team=self.team, responsible_officer=self.owner, local_reference="TEST-W001"
        )

    @staticmethod
    def _user(username, role, *, team=None, force=None):
        return UserFactory(username=username, role=role, team=team, force=force or team.force)

    def person(self, name: str):
        """A user by persona name: an outsider's name, or owner/colleague/force_admin/read_only."""
        if name in self.outsiders:
            return self.outsiders[name]
        return getattr(self, name)

    def describe(self, name: str) -> str:
        user = self.person(name)
        teams = ", ".join(t.name for t in user.teams.all()) or "no team"
        return f"{name} ({user.role} of {user.force}, {teams})"
