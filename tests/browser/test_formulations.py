"""Officer downloads a formulation PDF; supervisor builds and downloads a MAPPA meeting pack."""

import datetime
from pathlib import Path

import pytest

from formulations import services
from tests.formulations.factories import PlanActionFactory, formulation_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_officer_downloads_the_formulation_pdf(live_server, login, owner, colleague, offender):
    formulation = formulation_for(
        offender, owner, status="countersigned", countersigned_by=colleague
    )
    PlanActionFactory(formulation=formulation, due_date=datetime.date(2001, 1, 1))
    page = login("owner")
    page.goto(f"{live_server.url}/offenders/{offender.pk}/formulation/")
    assert page.get_by_role("heading", name="Risk management plan", exact=True).is_visible()
    assert page.get_by_text("1 overdue plan action").first.is_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    assert download.value.suggested_filename.startswith(offender.local_reference)


def test_officer_downloads_the_draft_deliberately(live_server, login, owner, offender):
    formulation_for(offender, owner)
    page = login("owner")
    page.goto(f"{live_server.url}/offenders/{offender.pk}/formulation/")
    assert page.get_by_text("No countersigned case formulation yet").is_visible()
    page.get_by_role("link", name="Open the draft formulation").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download draft").click()
    assert "DRAFT" in download.value.suggested_filename


def test_supervisor_builds_and_downloads_a_meeting_pack(
    live_server, login, owner, colleague, offender
):
    formulation_for(offender, owner, status="countersigned", countersigned_by=colleague)
    meeting = services.meeting_create(
        user=colleague,
        date=datetime.date(2030, 2, 1),
        mappa_level=2,
        agencies="Police\nProbation",
        offenders=[offender],
    )
    page = login("colleague")
    page.goto(f"{live_server.url}/mappa/")
    page.get_by_role("link", name="1 February 2030").click()
    page.get_by_role("button", name="Build the meeting pack").click()
    link = page.get_by_role("link", name="Download the meeting pack (PDF)")
    link.wait_for(timeout=30000)
    with page.expect_download() as download:
        link.click()
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    assert meeting.exports.get().status == "done"
