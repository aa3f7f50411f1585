"""A small hand-built caseload whose every dashboard figure is known.

Team A (supervisor ``colleague``), officer ``owner`` and officer ``second``:
- ``vh_overdue_visit``: very high, visit due yesterday (owner); a submitted assessment.
- ``high_overdue_reassess``: high, reassessment due 3 days ago (owner); a draft 40 days old.
- ``med_due_now``: medium, reassessment due now after a change (second); a draft 10 days old.
- ``low_reactive``: low, reactive management (no visit date) (second).
- ``med_override``: medium, override awaiting approval, nothing due (owner).
- ``no_level``: an empty schedule row, no level yet (unallocated).
- ``removed``: high and overdue, but removed from the register (not counted).
Team B (same force, visible to the force admin only): ``team_b_overdue``, low, visit overdue.
Another force: ``foreign``, very high, everything overdue.
"""

import pytest

from accounts.models import Role
from assessments.models import AssessmentStatus
from tests.factories import ForceFactory, TeamFactory, UserFactory

from .factories import assessment, scheduled


@pytest.fixture
def second(team):
    return UserFactory(username="second", role=Role.OFFICER, force=team.force, team=team)


@pytest.fixture
def caseload(team, other_team, owner, second, colleague):
    other_force_team = TeamFactory(force=ForceFactory(name="Far Force", code="FAR"))
    foreigner = UserFactory(username="far", force=other_force_team.force, team=other_force_team)
    b_officer = UserFactory(username="bofficer", force=team.force, team=other_team)
    cases = {
        "vh_overdue_visit": scheduled(team, owner, level="very_high", visit=-1, reassess=20),
        "high_overdue_reassess": scheduled(team, owner, level="high", visit=10, reassess=-3),
        "med_due_now": scheduled(
            team, second, level="medium", visit=40, reassess=0, reassessment_due_now=True
        ),
        "low_reactive": scheduled(
            team, second, level="low", visit=None, reassess=100, reactive=True, status="reactive"
        ),
        "med_override": scheduled(team, owner, level="medium", override_pending=True),
        "no_level": scheduled(team, None, level=None),
        "removed": scheduled(team, owner, level="high", visit=-50, reassess=-50, status="removed"),
        "team_b_overdue": scheduled(other_team, b_officer, level="low", visit=-5, reassess=30),
        "foreign": scheduled(other_force_team, foreigner, level="very_high", visit=-9, reassess=-9),
    }
    assessment(cases["vh_overdue_visit"], owner, status=AssessmentStatus.SUBMITTED)
    assessment(cases["high_overdue_reassess"], owner, age_days=40)
    assessment(cases["med_due_now"], second, age_days=10)
    assessment(cases["foreign"], foreigner, status=AssessmentStatus.SUBMITTED)
    return cases
