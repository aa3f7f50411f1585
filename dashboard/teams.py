"""The per-officer table of a large scope, grouped by team: one row per team with its totals,
paginated; selecting a team opens its officers' rows under it.

A force of 1,500 officers would otherwise send 1,500 rows (1.6 MB of HTML) to every force
administrator's dashboard. The figures are those of the per-officer rows already counted (one
grouped query); only the officers' teams are read here (one query on the memberships).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from accounts.models import User

# From this many officers the table is grouped by team (a supervisor's teams stay flat).
GROUP_FROM_OFFICERS = 60
TEAMS_PER_PAGE = 50
FIGURES = ["caseload", "overdue_visits", "overdue_reassessments", "old_drafts"]
TEAM_ROW = (
    '<tr class="govuk-table__row arms-team-row" id="team-{key}"><th scope="row" '
    'class="govuk-table__header"><a class="govuk-link" href="{toggle}" aria-expanded="{open}">'
    '{name}</a><span class="govuk-body-s govuk-!-display-block">{officers}</span></th>'
    "{cells}</tr>"
)
CELL = (
    '<td class="govuk-table__cell govuk-table__cell--numeric">'
    '<a class="govuk-link" href="{url}">{value}'
    '<span class="govuk-visually-hidden"> {what} in {name}</span></a></td>'
)
WHAT = ["offenders", "overdue visits", "overdue reassessments", "old drafts"]
LIST_FILTERS = [{}, {"overdue": "visit"}, {"overdue": "reassessment"}, {"attention": "drafts"}]


@dataclass
class TeamGroup:
    key: str  # the team's id, or "none" for offenders with no officer
    name: str
    officers: list[dict] = field(default_factory=list)

    def total(self, figure: str) -> int:
        return sum(int(row[figure]) for row in self.officers)


def _officer_teams(user, officer_ids: list[int]) -> dict[int, tuple[int, str]]:
    """Each officer's team in the user's force (the first by name if several)."""
    # Every membership of the force: one index range, cheaper than a list of 1,500 ids.
    wanted = set(officer_ids)
    links = (
        User.teams.through.objects.filter(team__force_id=user.force_id)
        .order_by("team__name", "team_id")
        .values_list("user_id", "team_id", "team__name")
    )
    teams: dict[int, tuple[int, str]] = {}
    for officer_id, team_id, name in links:
        if officer_id in wanted:
            teams.setdefault(officer_id, (team_id, name))
    return teams


def group_by_team(user, officer_rows: list[dict]) -> list[TeamGroup]:
    """The officer rows in groups by team, teams by name; officers with no team in the force,
    then offenders with no officer, last."""
    teams = _officer_teams(user, [r["officer_id"] for r in officer_rows if r["officer_id"]])
    groups: dict[str, TeamGroup] = {}
    for row in officer_rows:
        if row["officer_id"] is None:
            key, name = "none", "Not allocated to an officer"
        elif row["officer_id"] in teams:
            team_id, name = teams[row["officer_id"]]
            key = str(team_id)
        else:
            key, name = "other", "Officers in no team"
        groups.setdefault(key, TeamGroup(key, name)).officers.append(row)
    last = {"other": 1, "none": 2}
    return sorted(groups.values(), key=lambda g: (last.get(g.key, 0), g.name, g.key))


def team_row_html(group: TeamGroup, list_url, *, toggle: str, is_open: bool) -> str:
    name = conditional_escape(group.name)
    team = {"team": group.key} if group.key.isdigit() else {}
    if group.key == "none":
        team = {"officer": "none"}
    cells = "".join(
        CELL.format(
            url=conditional_escape(list_url(**team, **filters)),
            value=group.total(figure),
            what=what,
            name=name,
        )
        for figure, what, filters in zip(FIGURES, WHAT, LIST_FILTERS, strict=True)
    )
    count = len(group.officers)
    officers = "" if group.key == "none" else f"{count} officer{'s' if count != 1 else ''}"
    return mark_safe(  # every value escaped above
        TEAM_ROW.format(
            key=conditional_escape(group.key),
            toggle=conditional_escape(toggle),
            open="true" if is_open else "false",
            name=name,
            officers=officers,
            cells=cells,
        )
    )


@dataclass
class TeamTable:
    page: Page
    rows: list[str]  # HTML rows: teams, and the open team's officers under it
    query_string: str  # keeps the open team across the pages


def team_table(user, officer_rows, list_url, officer_row_html, params) -> TeamTable:
    """The grouped table for the page of teams asked for (``params``: the request's GET)."""
    groups = group_by_team(user, officer_rows)
    page = Paginator(groups, TEAMS_PER_PAGE).get_page(params.get("page"))
    open_key = str(params.get("team", ""))[:12]
    rows = []
    for group in page.object_list:
        is_open = group.key == open_key
        toggle = f"?page={page.number}" + ("" if is_open else f"&team={group.key}#team-{group.key}")
        rows.append(team_row_html(group, list_url, toggle=toggle, is_open=is_open))
        if is_open and group.key != "none":
            rows += [officer_row_html(row) for row in group.officers]
    query = f"team={open_key}" if open_key.isalnum() else ""
    return TeamTable(page, rows, query)
