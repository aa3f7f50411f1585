"""The organisation of the synthetic national data set: forces, teams, officers, supervisors.

Offender number ``i`` (0-based) belongs to force ``i % forces``; within its force, offenders fill
teams of ``TEAM_SIZE`` in turn and are shared round-robin among the team's officers, so a team's
caseload stays realistic (300 offenders, 6 officers of about 50 each) however large the data set.
Everything is created in bulk and only when missing, so a later run can top the data set up.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password

from accounts.models import Force, Role, Team, User
from demo.signin import enrol_many
from engagements.services.policies import policy_in_force

TEAM_SIZE = 300
OFFICERS_PER_TEAM = 6
SCALE_PASSWORD = "scale-password-arms"  # synthetic accounts for benchmarks only


@dataclass(frozen=True)
class Slot:
    force: int
    team: int
    officer: int


def slot(index: int, forces: int, team_size: int = TEAM_SIZE) -> Slot:
    within = index // forces
    return Slot(index % forces, within // team_size, within % OFFICERS_PER_TEAM)


def force_code(f: int) -> str:
    return f"SC{f + 1:02d}"


def team_name(f: int, t: int) -> str:
    return f"Scale Unit {f + 1:02d}-{t + 1:03d}"


def officer_username(f: int, t: int, k: int) -> str:
    return f"scale.f{f + 1:02d}.t{t + 1:03d}.o{k + 1}"


def supervisor_username(f: int, t: int) -> str:
    return f"scale.f{f + 1:02d}.t{t + 1:03d}.sup"


def admin_username(f: int) -> str:
    return f"scale.f{f + 1:02d}.admin"


class Organisation:
    """Look-ups from (force, team, officer) slots to saved rows, created in bulk on demand."""

    def __init__(self, forces: int, team_size: int = TEAM_SIZE):
        self.forces_count = forces
        self.team_size = team_size
        self.password = make_password(SCALE_PASSWORD)  # hashed once, shared by every account
        self.forces: dict[int, Force] = {}
        self.policies = {}
        self.teams: dict[tuple[int, int], Team] = {}
        self.users: dict[str, User] = {}

    def ensure(self, slots: set[tuple[int, int]]) -> None:
        """Make sure every force and (force, team) pair in ``slots``, with its people, exists."""
        self._forces({f for f, _t in slots})
        missing = [(f, t) for f, t in slots if (f, t) not in self.teams]
        if not missing:
            return
        names = {team_name(f, t): (f, t) for f, t in missing}
        existing = Team.objects.filter(name__in=names)
        for team in existing:
            self.teams[names[team.name]] = team
        new = [
            Team(force=self.forces[f], name=name)
            for name, (f, t) in names.items()
            if (f, t) not in self.teams
        ]
        for team in Team.objects.bulk_create(new):
            self.teams[names[team.name]] = team
        self._people(missing)

    def _forces(self, wanted: set[int]) -> None:
        for f in sorted(wanted - set(self.forces)):
            force, _ = Force.objects.get_or_create(
                code=force_code(f), defaults={"name": f"Synthetic Constabulary {f + 1:02d}"}
            )
            self.forces[f] = force
            self.policies[f] = policy_in_force(force)
            self._user(admin_username(f), "Admin", f"Force {f + 1:02d}", Role.FORCE_ADMIN, f, [])

    def _people(self, pairs: list[tuple[int, int]]) -> None:
        specs = []
        for f, t in pairs:
            team = self.teams[(f, t)]
            specs.append(
                (
                    supervisor_username(f, t),
                    "Sam",
                    f"Supervisor{f + 1}x{t + 1}",
                    Role.SUPERVISOR,
                    f,
                    [team],
                )
            )
            for k in range(OFFICERS_PER_TEAM):
                specs.append(
                    (
                        officer_username(f, t, k),
                        "Alex",
                        f"Officer{f + 1}x{t + 1}x{k + 1}",
                        Role.OFFICER,
                        f,
                        [team],
                    )
                )
        names = [spec[0] for spec in specs]
        for user in User.objects.filter(username__in=names):
            self.users[user.username] = user
        new = [spec for spec in specs if spec[0] not in self.users]
        created = User.objects.bulk_create(
            [
                User(
                    username=name,
                    first_name=first,
                    last_name=last,
                    role=role,
                    force=self.forces[f],
                    password=self.password,
                )
                for name, first, last, role, f, _teams in new
            ]
        )
        enrol_many(created)  # their authenticator apps (``manage.py demo_code``)
        links = []
        for user, spec in zip(created, new, strict=True):
            self.users[user.username] = user
            links += [User.teams.through(user_id=user.pk, team_id=team.pk) for team in spec[5]]
        User.teams.through.objects.bulk_create(links)

    def _user(self, name, first, last, role, f, teams) -> User:
        user = User.objects.filter(username=name).first()
        if user is None:
            user = User.objects.create(
                username=name,
                first_name=first,
                last_name=last,
                role=role,
                force=self.forces[f],
                password=self.password,
            )
            user.teams.set(teams)
            enrol_many([user])
        self.users[name] = user
        return user

    def officer(self, s: Slot) -> User:
        return self.users[officer_username(s.force, s.team, s.officer)]

    def supervisor(self, s: Slot) -> User:
        return self.users[supervisor_username(s.force, s.team)]
