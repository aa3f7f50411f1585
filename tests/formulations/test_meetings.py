"""MAPPA meetings and packs: roles, agenda, the background build, disclosure audit."""

import datetime

import pytest
from django.urls import reverse

from audit.models import Action, AuditEvent
from formulations import services
from formulations.models import ExportStatus, MappaMeeting, PackExport
from formulations.services.packs import build_pack
from tests.factories import OffenderFactory
from tests.formulations.factories import MeetingFactory, formulation_for


@pytest.fixture
def second(team, owner):
    return OffenderFactory(team=team, responsible_officer=owner, local_reference="TEST-0002")


@pytest.fixture
def meeting(colleague, offender, second, owner):
    formulation_for(offender, owner, status="countersigned", countersigned_by=colleague)
    meeting = services.meeting_create(
        user=colleague,
        date=datetime.date(2030, 2, 1),
        mappa_level=2,
        agencies="Police\nProbation",
        offenders=[offender, second],
    )
    return meeting


def test_officers_and_read_only_cannot_handle_meetings(client, owner, auditor, meeting):
    for user in (owner, auditor):
        client.force_login(user)
        assert client.get(reverse("formulations:meetings")).status_code == 403
        assert client.get(meeting.get_absolute_url()).status_code == 403


def test_other_force_meeting_is_404(client, outsider, meeting):
    outsider.role = "supervisor"
    outsider.save()
    client.force_login(outsider)
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_supervisor_creates_a_meeting(client, colleague, offender):
    client.force_login(colleague)
    before = MappaMeeting.objects.count()
    response = client.post(reverse("formulations:meeting_create"), {"mappa_level": "2"})
    assert response.status_code == 200
    assert "Enter the agencies attending" in response.content.decode()
    assert MappaMeeting.objects.count() == before
    response = client.post(
        reverse("formulations:meeting_create"),
        {
            "date_0": "3",
            "date_1": "3",
            "date_2": "2030",
            "mappa_level": "2",
            "agencies": "Police\n\nProbation\n",
            "offenders": [offender.pk],
        },
    )
    meeting = MappaMeeting.objects.get()
    assert response.status_code == 302
    assert meeting.agency_list == ["Police", "Probation"]
    assert [i.offender for i in meeting.agenda.all()] == [offender]


def test_agenda_reorders_and_rejects_unknown_references(
    client, colleague, meeting, offender, second
):
    client.force_login(colleague)
    agenda_url = reverse("formulations:meeting_agenda", args=[meeting.pk])
    response = client.post(agenda_url, {"references": "TEST-0002\nNOPE-1"})
    assert "NOPE-1 not found" in response.content.decode()
    assert [i.offender for i in meeting.agenda.all()] == [offender, second]
    client.post(agenda_url, {"references": "TEST-0002\nTEST-0001"})
    assert [i.offender for i in meeting.agenda.all()] == [second, offender]


def test_list_query_count(client, colleague, meeting, django_assert_max_num_queries):
    for _ in range(5):
        MeetingFactory(force=colleague.force, created_by=colleague)
    client.force_login(colleague)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("formulations:meetings")).status_code == 200


def test_pack_is_built_by_the_task_and_audited_with_recipients(
    client, colleague, meeting, offender, second, read_pdf
):
    client.force_login(colleague)
    response = client.post(reverse("formulations:pack_request", args=[meeting.pk]))
    assert response.status_code == 302
    export = PackExport.objects.get()
    assert export.status == ExportStatus.DONE  # immediate backend under the tests
    assert export.task_id
    assert (export.done_count, export.total) == (1, 1)  # second has no countersigned one
    events = AuditEvent.objects.filter(action=Action.EXPORTED).order_by("offender_id")
    assert {e.offender for e in events} == {offender, second}
    for event in events:
        assert event.actor == colleague
        assert "Police; Probation" in event.recipients and "MAPPA level 2" in event.recipients

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Download the meeting pack" in page
    response = client.get(reverse("formulations:pack_download", args=[meeting.pk, export.pk]))
    assert response.status_code == 200
    text, pages = read_pdf(response.content)
    assert "MAPPA meeting pack" in text and "Agenda" in text
    flat = " ".join(text.split())
    assert offender.full_name in flat and second.full_name in flat
    assert text.count("OFFICIAL-SENSITIVE") >= 2 * pages
    assert AuditEvent.objects.filter(action=Action.EXPORTED).count() == 4  # build + download
    status = client.get(reverse("formulations:pack_status", args=[meeting.pk, export.pk]))
    assert status.json()["finished"] is True


def test_pack_refused_when_agenda_has_offenders_outside_the_requesters_teams(
    force_admin, colleague, other_team
):
    hidden = OffenderFactory(team=other_team)
    meeting = services.meeting_create(
        user=force_admin,
        date=datetime.date(2030, 1, 1),
        mappa_level=2,
        agencies="Police",
        offenders=[hidden],
    )
    with pytest.raises(Exception):  # noqa: B017 - ValidationError from the service
        services.pack_request(user=colleague, meeting=meeting)
    assert not PackExport.objects.exists()


def test_failed_build_is_recorded(meeting, colleague, monkeypatch):
    export = PackExport.objects.create(meeting=meeting, requested_by=colleague, total=2)

    def broken(*args, **kwargs):
        raise RuntimeError("layout exploded")

    monkeypatch.setattr("formulations.services.packs.render_parts_to_pdf", broken)
    with pytest.raises(RuntimeError):
        build_pack(export.pk)
    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED and "layout exploded" in export.error
    assert not AuditEvent.objects.filter(action=Action.EXPORTED).exists()
