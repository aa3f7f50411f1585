"""OSP pages for the officer, a supervisor, an auditor and an outsider (404)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from offenders.models import Sex
from riskmatrix.models import ActuarialRecord, Tool
from riskmatrix.osp_answers import OSP_ITEMS
from riskmatrix.osp_prefill import propose_osp_for_offender
from tests.riskmatrix.factories import score
from tests.riskmatrix.osp_factories import osp_history, score_osp

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(offender):
    return osp_history(offender)


def osp_form_data(offender, **changes):
    """What the browser posts when the officer accepts every proposal."""
    proposal = propose_osp_for_offender(offender, timezone.localdate())
    data = {}
    for item in OSP_ITEMS:
        value = proposal.value(item.name)
        if item.kind == "tristate":
            data[item.name] = {True: "yes", False: "no", None: "unknown"}[value]
        elif isinstance(value, bool):
            data[item.name] = "yes" if value else "no"
        elif isinstance(value, datetime.date):
            data |= {
                f"{item.name}_{i}": part
                for i, part in enumerate((value.day, value.month, value.year))
            }
        elif value is not None:
            data[item.name] = str(value)
    return data | changes


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_officer_sees_the_prefilled_form_with_sources(owner_client, case):
    response = owner_client.get(reverse("riskmatrix:osp_start", args=[case.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="images" value="2"' in page and 'name="total_sanctions" value="4"' in page
    assert "Where it came from" in page and "the current conviction" in page
    assert AuditEvent.objects.filter(offender=case, summary="OSP form viewed").exists()


def test_officer_scores_from_the_proposal_and_sees_the_working(owner_client, case):
    response = owner_client.post(
        reverse("riskmatrix:osp_start", args=[case.pk]), osp_form_data(case)
    )
    record = ActuarialRecord.objects.get(tool=Tool.OSP)
    assert response.status_code == 302 and response.url == record.get_absolute_url()
    page = owner_client.get(record.get_absolute_url()).content.decode()
    assert "OSP/DC" in page and "Time offence-free reduction" in page
    assert "2+ indecent-image sanctions" in page
    history = owner_client.get(reverse("riskmatrix:osp_history", args=[case.pk]))
    assert "All OSP scores" in history.content.decode()


def test_a_change_without_a_reason_is_a_field_error_and_nothing_is_saved(owner_client, case):
    response = owner_client.post(
        reverse("riskmatrix:osp_start", args=[case.pk]), osp_form_data(case, images="1")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the reason for changing the number of indecent image sanctions" in page
    assert "govuk-error-summary" in page
    assert not ActuarialRecord.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"images": "9999"},
        {"images": "-1"},
        {"images": "two"},
        {"stranger_victim": "perhaps"},
        {"sex": "x"},
        {"follow_up_start_2": "99999"},
        {"total_sanctions": "0"},
    ],
)
def test_hostile_values_are_field_errors(owner_client, case, changes):
    response = owner_client.post(
        reverse("riskmatrix:osp_start", args=[case.pk]), osp_form_data(case, **changes)
    )
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not ActuarialRecord.objects.exists()


def test_supervisor_and_auditor_see_the_history_and_working(colleague, auditor, owner, case):
    record = score_osp(owner, case)
    for user in (colleague, auditor):
        client = client_for(user)
        assert client.get(reverse("riskmatrix:osp_history", args=[case.pk])).status_code == 200
        assert client.get(record.get_absolute_url()).status_code == 200
    # read-only: no start button, and the form page is refused
    auditor_client = client_for(auditor)
    page = auditor_client.get(reverse("riskmatrix:osp_history", args=[case.pk])).content
    assert b"Start an OSP assessment" not in page
    assert auditor_client.get(reverse("riskmatrix:osp_start", args=[case.pk])).status_code in (
        403,
        404,
    )


def test_outsider_gets_404_everywhere(outsider, owner, case):
    record = score_osp(owner, case)
    client = client_for(outsider)
    for url in (
        reverse("riskmatrix:osp_history", args=[case.pk]),
        reverse("riskmatrix:osp_start", args=[case.pk]),
        record.get_absolute_url(),
    ):
        assert client.get(url).status_code == 404


def test_an_rm2000_record_is_not_shown_as_osp_and_back(owner_client, owner, case):
    rm = score(owner, case)
    osp = score_osp(owner, case)
    assert (
        owner_client.get(reverse("riskmatrix:osp_detail", args=[case.pk, rm.pk])).status_code == 404
    )
    assert owner_client.get(reverse("riskmatrix:detail", args=[case.pk, osp.pk])).status_code == 404


def test_not_applicable_is_shown_with_its_reason(owner_client, case):
    case.sex = Sex.FEMALE
    case.save()
    history = owner_client.get(reverse("riskmatrix:osp_history", args=[case.pk])).content.decode()
    assert "OSP does not apply: it was built for men" in history
    start = owner_client.get(reverse("riskmatrix:osp_start", args=[case.pk])).content.decode()
    assert "OSP does not apply" in start and "Nothing has been scored or saved" in start


def test_the_timeline_lists_osp_scores_beside_rm2000(owner_client, owner, case):
    score(owner, case)
    score_osp(owner, case)
    page = owner_client.get(reverse("engagements:timeline", args=[case.pk])).content.decode()
    assert "OSP scored" in page and "OSP/IIC High, 10.31%" in page
    assert "Risk Matrix 2000 scored" in page
