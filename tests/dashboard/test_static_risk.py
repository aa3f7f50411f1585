"""The static risk in the caseload list's filter and CSV, and on the offender summary."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import OffenderFactory
from tests.riskmatrix.factories import score, worked_history
from tests.riskmatrix.osp_factories import osp_history, score_osp

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(team, owner):
    """One scored with both tools, one with RM2000 only, one with neither."""
    both = osp_history(OffenderFactory(team=team, responsible_officer=owner))
    score(owner, both)
    score_osp(owner, both)
    rm_only = worked_history(OffenderFactory(team=team, responsible_officer=owner))
    score(owner, rm_only)
    neither = OffenderFactory(team=team, responsible_officer=owner)
    return both, rm_only, neither


def refs(response) -> set[str]:
    html = response.content.decode()
    return {ref for ref in html.split() if ref.startswith("TEST-")}


@pytest.mark.parametrize(
    "static, expected",
    [("osp", [0]), ("rm2000", [0, 1]), ("both", [0]), ("none", [2]), ("level_osp", [])],
)
def test_the_caseload_list_filters_by_static_risk(client, colleague, three, static, expected):
    client.force_login(colleague)
    response = client.get(reverse("dashboard:caseload"), {"static": static, "status": "all"})
    assert response.status_code == 200
    page = response.content.decode()
    for index, offender in enumerate(three):
        assert (offender.local_reference in page) == (index in expected), static


def test_an_unknown_static_filter_is_a_field_error(client, colleague, three):
    client.force_login(colleague)
    response = client.get(reverse("dashboard:caseload"), {"static": "<script>"})
    assert response.status_code == 200
    assert "Select a static risk from the list" in response.content.decode()


def test_the_csv_has_both_tools_results(client, colleague, three):
    client.force_login(colleague)
    response = client.get(reverse("dashboard:export"), {"status": "all"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, body = rows[0], {row[0]: row for row in rows[1:]}
    both, rm_only, neither = three
    column = {
        name: header.index(name) for name in ("RM2000/S category", "OSP/DC band", "OSP/IIC band")
    }
    assert body[both.local_reference][column["OSP/DC band"]] == "High"
    assert body[both.local_reference][column["OSP/IIC band"]] == "High"
    assert body[both.local_reference][column["RM2000/S category"]]
    assert body[rm_only.local_reference][column["OSP/DC band"]] == ""
    assert body[neither.local_reference][column["RM2000/S category"]] == ""


def test_the_summary_shows_the_tool_that_applies_and_both_results(client, owner, three):
    client.force_login(owner)
    both, _rm_only, neither = three
    page = client.get(reverse("offenders:detail", args=[both.pk])).content.decode()
    assert "Tool that sets the level" in page and "Risk Matrix 2000 (RM2000/S)" in page
    assert "OSP/DC" in page and "OSP/IIC" in page and "10.31%" in page
    empty = client.get(reverse("offenders:detail", args=[neither.pk])).content.decode()
    assert "No static score recorded" in empty
