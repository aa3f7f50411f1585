"""Deep pages of the lists read the schedule (the read model) in list order: the same queries at
any size and depth, the same offenders in the same order as the plain query, and the scope."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboard.caseload import caseload_list
from dashboard.caseload_pages import caseload_paginator, caseload_rows
from engagements.selectors import SchedulePaginator

from .factories import TODAY, scheduled

LEVELS = ["low", "medium", "high", "very_high", None]


def _grow(team, officer, count):
    for n in range(count):
        scheduled(team, officer, level=LEVELS[n % 5], visit=(n % 7) - 3, reassess=(n % 11) - 5)


FILTERS = [
    {},
    {"overdue": "visit"},
    {"overdue": "reassessment"},
    {"overdue": "any"},
    {"level": "high"},
    {"level": "very_high"},
    {"level": "low", "overdue": "visit"},
    {"level": "none"},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_schedule_pages_list_what_the_plain_query_lists(team, owner, force_admin, filters):
    _grow(team, owner, 23)
    expected = [o.local_reference for o in caseload_list(force_admin, TODAY, filters)]
    paginator = caseload_paginator(force_admin, TODAY, filters)
    assert isinstance(paginator, SchedulePaginator)
    paginator.per_page = 4
    shown = [
        o.local_reference
        for number in paginator.page_range
        for o in paginator.page(number).object_list
    ]
    assert shown == expected
    assert paginator.count == len(expected)


def test_a_filter_the_schedule_does_not_carry_takes_the_plain_path(team, owner, force_admin):
    assert caseload_rows(force_admin, TODAY, {"status": "removed"}) is None
    assert not isinstance(
        caseload_paginator(force_admin, TODAY, {"status": "all"}), SchedulePaginator
    )


def test_schedule_pages_keep_to_the_scope(team, owner, outsider):
    _grow(team, owner, 6)
    assert caseload_paginator(outsider, TODAY, {}).count == 0
    assert list(caseload_paginator(outsider, TODAY, {}).page(1).object_list) == []


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url_name, params",
    [
        ("dashboard:caseload", {"page": "2"}),
        ("dashboard:caseload", {"page": "2", "overdue": "visit"}),
        ("dashboard:caseload", {"page": "2", "attention": "drafts"}),
        ("engagements:caseload", {"page": "2"}),
    ],
)
def test_deep_page_queries_do_not_grow(client, team, owner, force_admin, url_name, params):
    client.force_login(force_admin)
    _grow(team, owner, 110)
    small = _queries(client, reverse(url_name), params)
    _grow(team, owner, 150)
    assert _queries(client, reverse(url_name), {**params, "page": "5"}) == small


def test_a_big_force_lists_only_the_chosen_teams_officers(
    client, monkeypatch, team, other_team, owner, force_admin
):
    from dashboard import forms
    from tests.factories import UserFactory

    monkeypatch.setattr(forms, "OFFICER_CHOICES_MAX", 2)
    theirs = [UserFactory(team=other_team, last_name=f"Other{n}") for n in range(3)]
    scheduled(team, owner)
    client.force_login(force_admin)
    page = client.get(reverse("dashboard:caseload")).content.decode()
    assert "choose a team to list its officers" in page and "Other0" not in page
    page = client.get(reverse("dashboard:caseload"), {"team": other_team.pk}).content.decode()
    assert all(f"Other{n}" in page for n in range(3)) and owner.last_name not in page
    # An officer chosen from the dashboard (no team) is still a valid choice, and listed.
    response = client.get(reverse("dashboard:caseload"), {"officer": owner.pk})
    assert response.context["filters"] == {"officer": str(owner.pk)}
    assert f'value="{owner.pk}" selected' in response.content.decode()
    response = client.get(reverse("dashboard:caseload"), {"officer": theirs[0].pk, "team": "x"})
    assert "Select a team from the list" in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the list indexes are PostgreSQL's")
@pytest.mark.parametrize(
    ("filters", "condition"),
    [({"overdue": "visit"}, "next_visit_due <"), ({"level": "high"}, "level_rank =")],
)
def test_an_overdue_or_level_filter_is_a_range_of_one_index(
    team, owner, force_admin, filters, condition
):
    """engagements/migrations/0009: the force's overdue rows (or one level) are found by an
    index, so the count and a deep page cost what matches, not the whole force."""
    _grow(team, owner, 30)
    rows = caseload_rows(force_admin, TODAY, filters)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE engagements_offenderschedule")
        cursor.execute("SET LOCAL enable_seqscan = off")  # tiny tables: ask whether it CAN
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    plan = rows.values("offender_id").explain()
    index_conditions = [line for line in plan.splitlines() if "Index Cond" in line]
    assert any(condition in line for line in index_conditions), plan
    assert "Seq Scan" not in plan, plan
