"""Formulation pages: personas, editing while the assessment is editable, PDF as a disclosure."""

import datetime

import pytest
from django.urls import reverse

from audit.models import Action, AuditEvent
from formulations.models import Formulation, PlanAction
from tests.formulations.factories import AssessmentFactory, PlanActionFactory, formulation_for


@pytest.fixture
def formulation(offender, owner, colleague):
    formulation = formulation_for(
        offender, owner, status="countersigned", countersigned_by=colleague
    )
    PlanActionFactory(formulation=formulation, due_date=datetime.date(2001, 1, 1))
    return formulation


@pytest.fixture
def draft(offender, owner):
    return formulation_for(offender, owner)


def url(name, offender, *args):
    return reverse(f"formulations:{name}", args=[offender.pk, *args])


@pytest.mark.parametrize("persona", ["owner", "colleague", "force_admin", "auditor"])
def test_allowed_personas_see_the_formulation(client, request, persona, formulation, offender):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(url("detail", offender))
    assert response.status_code == 200
    assert b"Risk management plan" in response.content
    assert b"overdue plan action" in response.content
    assert AuditEvent.objects.filter(action=Action.VIEWED, offender=offender).exists()


@pytest.mark.parametrize("name", ["detail", "pdf", "edit", "action_add"])
def test_outsider_gets_404(client, outsider, formulation, offender, name):
    client.force_login(outsider)
    assert client.get(url(name, offender)).status_code == 404


def test_detail_query_count(owner_client, formulation, offender, django_assert_max_num_queries):
    for _ in range(5):
        PlanActionFactory(formulation=formulation)
    with django_assert_max_num_queries(25):
        assert owner_client.get(url("detail", offender)).status_code == 200


def test_no_assessment_says_so(owner_client, offender):
    response = owner_client.get(url("detail", offender))
    assert b"No ARMS assessment yet" in response.content


def test_officer_starts_and_edits_the_formulation(owner_client, owner, offender):
    AssessmentFactory(offender=offender, created_by=owner)
    response = owner_client.post(url("start", offender))
    assert response.status_code == 302
    formulation = Formulation.objects.get(assessment__offender=offender)
    response = owner_client.post(
        url("edit", offender),
        {
            "version": formulation.version,
            "offending_history": "Summary",
            "risk_drivers": "Drivers <script>alert(1)</script>",
            "risk_raisers": "",
            "risk_reducers": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url("draft", offender)
    page = owner_client.get(url("draft", offender)).content.decode()
    assert "Drivers &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page


def test_missing_history_is_a_field_error_and_nothing_saved(owner_client, draft, offender):
    formulation = draft
    response = owner_client.post(
        url("edit", offender), {"version": 1, "offending_history": "", "risk_drivers": "changed"}
    )
    assert response.status_code == 200
    assert "Enter the offending history summary" in response.content.decode()
    formulation.refresh_from_db()
    assert formulation.risk_drivers != "changed" and formulation.version == 1


def test_add_plan_action_and_bad_input(owner_client, draft, offender):
    formulation = draft
    before = PlanAction.objects.count()
    response = owner_client.post(url("action_add", offender), {"heading": "supervision"})
    assert response.status_code == 200
    assert "Enter what will be done" in response.content.decode()
    assert "Enter the due date" in response.content.decode()
    assert PlanAction.objects.count() == before
    factor = formulation.assessment.framework.factors.first()
    response = owner_client.post(
        url("action_add", offender),
        {
            "heading": "victim_safety",
            "description": "Exclusion zone checks",
            "owner": "VLO",
            "due_date_0": "1",
            "due_date_1": "2",
            "due_date_2": "2031",
            "status": "open",
            "factors": [factor.pk],
        },
    )
    assert response.status_code == 302
    action = PlanAction.objects.get(description="Exclusion zone checks")
    assert list(action.factors.all()) == [factor]
    assert action.due_date == datetime.date(2031, 2, 1)


def test_locked_formulation_has_no_edit_pages(client, colleague, offender, owner):
    formulation = formulation_for(offender, owner, status="countersigned")
    action = PlanActionFactory(formulation=formulation)
    client.force_login(owner)
    page = client.get(url("detail", offender)).content.decode()
    assert "The countersigned formulation" in page
    assert "Edit the formulation" not in page
    assert client.get(url("edit", offender)).status_code == 403
    assert client.post(url("action_edit", offender, action.pk), {}).status_code == 403


def test_read_only_cannot_edit(client, auditor, formulation, offender):
    client.force_login(auditor)
    assert b"Edit the formulation" not in client.get(url("detail", offender)).content
    assert client.get(url("edit", offender)).status_code == 403


def test_pdf_download_is_audited_as_a_disclosure(owner_client, owner, formulation, offender):
    response = owner_client.get(url("pdf", offender))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    event = AuditEvent.objects.get(action=Action.EXPORTED, offender=offender)
    assert event.actor == owner and "PDF download" in event.recipients


def test_pdf_without_formulation_is_404(owner_client, offender):
    assert owner_client.get(url("pdf", offender)).status_code == 404


def test_overdue_include_renders_for_the_offender_page(formulation, offender):
    from django.template.loader import render_to_string

    from formulations.selectors import overdue_actions

    html = render_to_string(
        "formulations/_overdue_actions.html",
        {"actions": overdue_actions(offender, datetime.date(2030, 1, 1)), "offender": offender},
    )
    assert "1 risk management plan action overdue" in html
    assert "due 1 Jan 2001" in html
