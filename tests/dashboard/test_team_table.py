"""A force administrator's dashboard over many officers: the per-officer table grouped by team,
paginated, one team opened at a time; small pages, and queries that do not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboard.teams import GROUP_FROM_OFFICERS, TEAMS_PER_PAGE
from tests.factories import TeamFactory, UserFactory

from .factories import scheduled


def _force_of(force, teams: int, officers_per_team: int, first: int = 0):
    made = []
    for t in range(first, first + teams):
        team = TeamFactory(force=force, name=f"Unit {t:03d}")
        for k in range(officers_per_team):
            officer = UserFactory(team=team, first_name="Ofc", last_name=f"T{t:03d}K{k}")
            scheduled(team, officer, level="high", visit=-2)
        made.append(team)
    return made


def _dashboard(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("dashboard:home"), params)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_many_officers_are_grouped_by_team(client, force, force_admin):
    teams = _force_of(force, teams=TEAMS_PER_PAGE + 2, officers_per_team=2)
    assert 2 * len(teams) > GROUP_FROM_OFFICERS
    client.force_login(force_admin)
    html, _ = _dashboard(client)
    assert "By team and officer" in html and 'id="officer-table"' not in html
    assert "Unit 000" in html and "Unit 051" not in html  # page 1 of the teams
    assert "T000K0" not in html  # officers only under an opened team
    assert f"?team={teams[0].pk}&amp;overdue=visit" in html  # figures link to the team's list
    opened, _ = _dashboard(client, team=str(teams[3].pk))
    assert "T003K0" in opened and "T003K1" in opened and "T004K0" not in opened
    assert 'aria-expanded="true"' in opened
    page_two, _ = _dashboard(client, page="2")
    assert "Unit 051" in page_two and "Unit 000" not in page_two


@pytest.mark.parametrize("hostile", ["x", "-1", "99999999999999999999", "<script>", ""])
def test_hostile_team_and_page_values_are_ignored(client, force, force_admin, hostile):
    _force_of(force, teams=31, officers_per_team=2)
    client.force_login(force_admin)
    html, _ = _dashboard(client, team=hostile, page=hostile)
    assert "By team and officer" in html and "<script>" not in html.split("</head>")[1]


def test_grouped_dashboard_queries_do_not_grow(client, force, force_admin):
    client.force_login(force_admin)
    _force_of(force, teams=31, officers_per_team=2)
    small = _dashboard(client)[1]
    _force_of(force, teams=20, officers_per_team=4, first=31)
    assert _dashboard(client)[1] == small
