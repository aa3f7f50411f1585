"""The dashboard and list pages: personas, links, charts, and a query count that does not grow."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from accounts.models import Role
from audit.models import AuditEvent
from dashboard import charts
from tests.factories import UserFactory

from .factories import scheduled

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("who", ["owner", "colleague", "force_admin", "outsider", "auditor"])
def test_every_persona_gets_the_dashboard_for_their_scope(client, caseload, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 200
    html = response.content.decode()
    if who == "outsider":
        assert caseload["vh_overdue_visit"].local_reference not in html
        assert "Not allocated" not in html


def test_supervisors_land_on_the_dashboard(client, colleague, force_admin, owner):
    for user, target in [(colleague, "dashboard:home"), (force_admin, "dashboard:home")]:
        client.force_login(user)
        assert client.get(reverse("home"))["Location"] == reverse(target)
    client.force_login(owner)
    assert client.get(reverse("home"))["Location"] == reverse("engagements:caseload")


def test_dashboard_numbers_link_to_their_lists(client, caseload, colleague, owner):
    client.force_login(colleague)
    before = AuditEvent.objects.count()
    html = client.get(reverse("dashboard:home")).content.decode()
    assert AuditEvent.objects.count() == before  # aggregate figures only: nothing to log
    assert f'href="{reverse("dashboard:caseload")}?overdue=visit"' in html
    assert f'href="{reverse("dashboard:caseload")}?attention=countersign"' in html
    assert f'href="{reverse("dashboard:caseload")}?level=very_high"' in html
    assert f"?officer={owner.pk}&amp;overdue=reassessment" in html
    assert 'data-module="moj-sortable-table"' in html
    assert "Drafts older than 30 days" in html


def test_an_officers_dashboard_links_without_an_officer_filter(client, caseload, owner):
    client.force_login(owner)
    html = client.get(reverse("dashboard:home")).content.decode()
    assert "?officer=" not in html
    assert "Your caseload" in html


def _svgs(html):
    start = 0
    while (start := html.find("<svg", start)) != -1:
        end = html.index("</svg>", start) + len("</svg>")
        yield ET.fromstring(html[start:end])
        start = end


def test_charts_are_well_formed_accessible_svg_with_tables(client, caseload, colleague):
    client.force_login(colleague)
    html = client.get(reverse("dashboard:home")).content.decode()
    svgs = list(_svgs(html))
    assert len(svgs) == 2
    for svg in svgs:
        assert svg.get("role") == "img"
        assert svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
        labelled = svg.get("aria-labelledby").split()
        assert {e.get("id") for e in svg.iter() if e.get("id")} >= set(labelled)
    assert "Very high: 1" in svgs[0].find(f"{SVG}desc").text
    assert 'id="levels-table-caption"' in html and 'id="history-table"' in html


def test_chart_functions_escape_labels_and_show_gaps():
    svg = charts.level_bar_chart([charts.Bar("high", "High <&>", 3)], title="Levels & more")
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Levels & more"
    history = charts.overdue_history_chart(
        [charts.MonthPoint("Jan 2026", 1, 2), charts.MonthPoint("Feb 2026", 0, 0, known=False)],
        title="History",
    )
    assert "Feb 2026: no figures" in ET.fromstring(history).find(f"{SVG}desc").text


def _grow(team, officer, count):
    levels = ["low", "medium", "high", "very_high"]
    for n in range(count):
        scheduled(team, officer, level=levels[n % 4], visit=(n % 7) - 3, reassess=(n % 11) - 5)


@pytest.mark.parametrize("size", [5, 60])
def test_dashboard_query_count_does_not_grow(
    client, team, colleague, django_assert_max_num_queries, size
):
    officers = [
        UserFactory(username=f"off{n}", role=Role.OFFICER, force=team.force, team=team)
        for n in range(1 + size // 20)
    ]
    for officer in officers:
        _grow(team, officer, size // len(officers))
    client.force_login(colleague)
    # 10, and 6 for the register's compliance figures (one per figure: tests/register)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("dashboard:home")).status_code == 200


@pytest.mark.parametrize("size", [5, 60])
def test_caseload_list_query_count_does_not_grow(
    client, team, owner, colleague, django_assert_max_num_queries, size
):
    _grow(team, owner, size)
    client.force_login(colleague)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("dashboard:caseload"), {"overdue": "any"})
    assert response.status_code == 200
    with django_assert_max_num_queries(12):
        assert b"".join(client.get(reverse("dashboard:export")).streaming_content)
