"""The level policy's static tool: RM2000/S by default, or OSP; decisions record what they used."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from assessments.combiner import DEFAULT_POLICY
from engagements import services
from engagements.models import LevelDecision
from tests.engagements.factories import countersigned_assessment
from tests.riskmatrix.factories import score
from tests.riskmatrix.osp_factories import osp_history, score_osp

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(offender):
    return osp_history(offender)


def decide(case, owner, colleague, priority="medium"):
    assessment = countersigned_assessment(
        case, author=owner, supervisor=colleague, priority=priority
    )
    return services.level_decision_on_countersign(user=colleague, assessment=assessment)


def policy_form(tool: str) -> dict:
    data = {"static_tool": tool, "note": f"Switch the static tool to {tool}"}
    for table, cells in DEFAULT_POLICY.to_dict().items():
        if isinstance(cells, dict):
            data |= {f"{table}__{key}": value for key, value in cells.items()}
    return data


def test_by_default_decisions_start_from_rm2000_and_record_it(case, owner, colleague):
    rm = score(owner, case)  # S category for this history
    score_osp(owner, case)
    decision = decide(case, owner, colleague)
    assert decision.static_tool == "rm2000" and decision.static_record == rm
    assert decision.static_category == rm.s_category == decision.rm2000_category
    assert decision.working[0].startswith("Static tool (policy): RM2000/S of")
    assert decision.working[1] == f"Start from RM2000/S {rm.get_s_category_display()}"


def test_an_admin_switches_to_osp_new_decisions_name_osp_old_ones_keep_rm2000(
    case, owner, colleague, force_admin
):
    score(owner, case)
    osp = score_osp(owner, case)  # OSP/DC High, OSP/IIC High
    old = decide(case, owner, colleague)

    admin = Client()
    admin.force_login(force_admin)
    preview = admin.post(reverse("engagements:policy_edit"), policy_form("osp"))
    changed = [row for row in preview.context["settings"] if row["changed"]]
    assert len(changed) == 1 and str(changed[0]["proposed"]).startswith("OSP")
    response = admin.post(reverse("engagements:policy_edit"), policy_form("osp") | {"step": "save"})
    assert response.status_code == 302
    page = admin.get(reverse("engagements:policy")).content.decode()
    assert "OSP: the higher of the OSP/DC band" in page

    new = decide(case, owner, colleague, priority="low")
    assert (new.static_tool, new.static_record, new.static_category) == ("osp", osp, "high")
    assert new.rm2000_category == ""
    assert "OSP/DC High" in new.working[0] and "OSP/IIC High" in new.working[0]
    assert new.working[1] == "Start from OSP High" and new.derived_level == "medium"
    assert new.policy_version.endswith("-level-2")
    old.refresh_from_db()
    assert old.static_tool == "rm2000" and old.working[1].startswith("Start from RM2000/S")

    officer = Client()
    officer.force_login(owner)
    timetable = officer.get(reverse("engagements:timetable", args=[case.pk])).content.decode()
    assert "Start from OSP High" in timetable


def test_osp_without_a_score_follows_the_priority_for_review(case, owner, colleague, force_admin):
    admin = Client()
    admin.force_login(force_admin)
    admin.post(reverse("engagements:policy_edit"), policy_form("osp") | {"step": "save"})
    decision = decide(case, owner, colleague, priority="high")
    assert decision.needs_review and decision.static_record is None
    assert decision.working[1].startswith("No applicable OSP")


def test_an_unknown_static_tool_is_a_field_error(force_admin):
    admin = Client()
    admin.force_login(force_admin)
    response = admin.post(reverse("engagements:policy_edit"), policy_form("oasys"))
    assert "Select the static tool that sets the starting category" in response.content.decode()
    assert not LevelDecision.objects.exists()


def test_the_service_refuses_an_unknown_tool_without_the_form(force_admin):
    from django.core.exceptions import ValidationError

    data = DEFAULT_POLICY.to_dict() | {"static_tool": "oasys"}
    del data["version"]
    with pytest.raises(ValidationError) as refused:
        services.policy_create_version(user=force_admin, data=data, note="x")
    assert "static_tool" in refused.value.message_dict


def test_an_explicit_category_keeps_rm2000(case, owner, colleague):
    # decisions made with an explicit category (as before the static tool) keep RM2000
    assessment = countersigned_assessment(case, author=owner, supervisor=colleague)
    decision = services.level_decision_on_countersign(
        user=colleague, assessment=assessment, rm2000_category="low", today=datetime.date.today()
    )
    assert decision.static_tool == "rm2000" and decision.static_category == "low"
