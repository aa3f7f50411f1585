"""What leaves the system is the countersigned formulation; a draft only deliberately, marked.

Issue 14, item 1 (DEMO-001's export said "ARMS assessment: Draft" and "Priority for work: Not
yet recorded" although countersigned assessments existed), and item 9 (what a read-only role may
export: the countersigned formulation, audited as a disclosure; never a draft).
"""

import datetime
import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from audit.models import Action, AuditEvent
from formulations import services
from formulations.models import ExportStatus, PackExport
from tests.factories import OffenderFactory
from tests.formulations.factories import PlanActionFactory, formulation_for

SIGNED_TEXT = "Signed drivers: isolation at weekends."
DRAFT_TEXT = "Draft drivers still being written."


@pytest.fixture
def signed(offender, owner, colleague):
    formulation = formulation_for(
        offender,
        owner,
        status="countersigned",
        countersigned_by=colleague,
        risk_drivers=SIGNED_TEXT,
    )
    formulation.assessment.final_priority = "high"
    formulation.assessment.save()
    return formulation


@pytest.fixture
def draft(signed, offender, owner):
    formulation = formulation_for(offender, owner, risk_drivers=DRAFT_TEXT)
    PlanActionFactory(formulation=formulation, due_date=datetime.date(2001, 1, 1))
    return formulation


def url(name, offender):
    return reverse(f"formulations:{name}", args=[offender.pk])


def pages_text(data: bytes) -> tuple[list[str], PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages], reader


# --- the pages --------------------------------------------------------------------------------


def test_the_page_shows_the_countersigned_formulation_and_points_to_the_draft(
    owner_client, draft, offender, colleague
):
    page = owner_client.get(url("detail", offender)).content.decode()
    assert SIGNED_TEXT in page and DRAFT_TEXT not in page
    assert f"by {colleague.get_full_name()}" in page
    assert url("draft", offender) in page and "Open the draft formulation" in page
    assert url("pdf", offender) in page and url("draft_pdf", offender) not in page


def test_the_draft_page_shows_the_draft_with_its_own_download(owner_client, draft, offender):
    response = owner_client.get(url("draft", offender))
    page = response.content.decode()
    assert DRAFT_TEXT in page and SIGNED_TEXT not in page
    assert "Draft case formulation (not countersigned)" in page
    assert url("draft_pdf", offender) in page and "Download draft" in page
    assert "Edit the formulation" in page
    assert AuditEvent.objects.filter(
        action=Action.VIEWED, offender=offender, summary="Draft case formulation viewed"
    ).exists()


def test_only_a_draft_means_nothing_to_export_yet(owner_client, offender, owner):
    formulation_for(offender, owner, risk_drivers=DRAFT_TEXT)
    page = owner_client.get(url("detail", offender)).content.decode()
    assert "No countersigned case formulation yet" in page
    assert DRAFT_TEXT not in page and url("pdf", offender) not in page
    assert owner_client.get(url("pdf", offender)).status_code == 404
    assert owner_client.get(url("draft_pdf", offender)).status_code == 200


def test_no_draft_page_redirects_to_the_formulation(owner_client, signed, offender):
    response = owner_client.get(url("draft", offender))
    assert response.status_code == 302 and response["Location"] == url("detail", offender)
    assert owner_client.get(url("draft_pdf", offender)).status_code == 404


# --- the PDFs -----------------------------------------------------------------------------------


def test_the_pdf_is_the_countersigned_formulation(owner_client, draft, offender, colleague):
    response = owner_client.get(url("pdf", offender))
    texts, reader = pages_text(response.content)
    text = " ".join(texts)
    assert SIGNED_TEXT in text and DRAFT_TEXT not in text
    assert f"by {colleague.get_full_name()}" in text  # names the countersigning supervisor
    assert "Priority for work High" in text
    assert "DRAFT" not in text and "DRAFT" not in reader.metadata.title
    event = AuditEvent.objects.get(action=Action.EXPORTED, offender=offender)
    assert event.summary == "Case formulation PDF downloaded"


def test_the_draft_pdf_says_draft_on_every_page_and_in_its_title(owner_client, draft, offender):
    response = owner_client.get(url("draft_pdf", offender))
    assert response.status_code == 200
    assert "DRAFT" in response["Content-Disposition"]
    texts, reader = pages_text(response.content)
    assert len(texts) >= 2
    assert all("DRAFT" in text for text in texts), [t[:80] for t in texts]
    assert DRAFT_TEXT in " ".join(texts) and SIGNED_TEXT not in " ".join(texts)
    assert reader.metadata.title.startswith("DRAFT case formulation")
    event = AuditEvent.objects.get(action=Action.EXPORTED, offender=offender)
    assert event.summary == "Draft case formulation PDF downloaded"


def test_the_draft_watermark_survives_collected_static_files(
    owner_client, draft, offender, tmp_path
):
    """As served by the demo and production: a manifest storage links the PDF stylesheet by its
    hashed name, which the fetcher must map back (once it was refused, and the PDF came out
    with no stylesheet: no watermark, no running footer)."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", "--noinput", verbosity=0)
        response = owner_client.get(url("draft_pdf", offender))
    texts, _reader = pages_text(response.content)
    assert len(texts) >= 2
    assert all("DRAFT" in text for text in texts), [t[:80] for t in texts]


# --- read-only roles (item 9) -------------------------------------------------------------------


def test_an_auditor_may_download_the_countersigned_pdf_audited(client, auditor, draft, offender):
    client.force_login(auditor)
    page = client.get(url("detail", offender)).content.decode()
    assert "Download PDF" in page
    assert client.get(url("pdf", offender)).status_code == 200
    event = AuditEvent.objects.get(action=Action.EXPORTED, offender=offender)
    assert event.actor == auditor and "PDF download" in event.recipients


def test_an_auditor_reads_the_draft_but_may_not_take_it_away(client, auditor, draft, offender):
    client.force_login(auditor)
    page = client.get(url("draft", offender)).content.decode()
    assert DRAFT_TEXT in page
    assert "Download draft" not in page and "Edit the formulation" not in page
    assert client.get(url("draft_pdf", offender)).status_code == 403
    assert not AuditEvent.objects.filter(action=Action.EXPORTED).exists()


def test_the_disclosure_service_refuses_a_draft_to_a_read_only_role(auditor, draft, offender):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.record_disclosure(
            user=auditor, offender=offender, obj=draft, summary="x", recipients="y", draft=True
        )


# --- the command --------------------------------------------------------------------------------


def test_command_exports_the_countersigned_one_and_draft_only_when_asked(
    tmp_path, draft, offender, colleague
):
    signed_file, draft_file = tmp_path / "f.pdf", tmp_path / "d.pdf"
    ref = offender.local_reference
    call_command("export_formulation", ref, "-o", str(signed_file), "--as", "owner")
    texts, _ = pages_text(signed_file.read_bytes())
    assert SIGNED_TEXT in " ".join(texts) and "DRAFT" not in " ".join(texts)
    assert colleague.get_full_name() in " ".join(texts)
    call_command("export_formulation", ref, "-o", str(draft_file), "--as", "owner", "--draft")
    texts, reader = pages_text(draft_file.read_bytes())
    assert all("DRAFT" in text for text in texts)
    assert "DRAFT" in reader.metadata.title


def test_command_without_a_countersigned_one_points_to_draft(tmp_path, offender, owner):
    formulation_for(offender, owner)
    with pytest.raises(CommandError, match="no countersigned case formulation yet; --draft"):
        call_command(
            "export_formulation", offender.local_reference, "-o", str(tmp_path / "x.pdf"),
            "--as", "owner",
        )  # fmt: skip


def test_command_refuses_a_draft_to_a_read_only_user(tmp_path, draft, offender, auditor):
    with pytest.raises(CommandError, match="may not export a draft"):
        call_command(
            "export_formulation", offender.local_reference, "-o", str(tmp_path / "x.pdf"),
            "--as", "auditor", "--draft",
        )  # fmt: skip
    assert not (tmp_path / "x.pdf").exists()


# --- the MAPPA pack -----------------------------------------------------------------------------


def test_the_pack_holds_countersigned_formulations_and_lists_those_without(
    client, colleague, draft, offender, team, owner, read_pdf
):
    nothing = OffenderFactory(team=team, responsible_officer=owner, local_reference="TEST-0009")
    meeting = services.meeting_create(
        user=colleague,
        date=datetime.date(2030, 2, 1),
        mappa_level=2,
        agencies="Police\nProbation",
        offenders=[offender, nothing],
    )
    client.force_login(colleague)
    page = client.get(meeting.get_absolute_url()).content.decode()
    signed_on = draft.assessment.countersigned_at  # the fixture's signed one, found below
    assert "No countersigned ARMS assessment: not in this pack" in page
    client.post(reverse("formulations:pack_request", args=[meeting.pk]))
    export = PackExport.objects.get()
    assert export.status == ExportStatus.DONE and export.total == 1
    text, _ = read_pdf(bytes(export.pdf))
    flat = " ".join(text.split())
    signed = offender.arms_assessments.get(status="countersigned")
    assert f"ARMS assessment countersigned {signed.countersigned_at:%-d %B %Y} by " in flat
    assert colleague.get_full_name() in flat
    assert "No countersigned ARMS assessment: not in this pack" in flat
    assert SIGNED_TEXT in flat and DRAFT_TEXT not in flat
    assert signed_on is None  # the draft has no countersignature
