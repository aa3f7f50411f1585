"""Building a MAPPA meeting pack: cover and agenda, then each offender's formulation in turn.

Runs in the background worker (``build_meeting_pack`` below). Progress is written to the PackExport
row as each part is laid out, outside any transaction, so the page polling it sees it move.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from audit.models import Action
from audit.services import audit_record

from ..context import formulation_context
from ..models import ExportStatus, PackExport
from ..pdf import formulation_html, render_parts_to_pdf
from ..selectors import agenda_offenders, pack_entries

logger = logging.getLogger(__name__)


def pack_html_parts(meeting, *, user, generated_at, today) -> tuple[list[str], list]:
    """The cover-and-agenda document and one document per offender the user may see who has a
    countersigned formulation; the agenda says which assessment each holds, or that it has
    none (never a draft). Returns the parts and the agenda entries."""
    offenders, _hidden = agenda_offenders(meeting, user)
    entries = pack_entries(offenders)
    common = {"generated_by": user, "generated_at": generated_at, "pdf": True}
    parts = [
        render_to_string(
            "formulations/pdf/pack_cover.html", {**common, "meeting": meeting, "agenda": entries}
        )
    ]
    for entry in entries:
        if entry.formulation is None:
            continue
        context = formulation_context(entry.offender, entry.formulation, today=today)
        parts.append(formulation_html(context, user=user, cover=False, generated_at=generated_at))
    return parts, entries


def build_pack(export_id: int) -> None:
    export = PackExport.objects.select_related("meeting__force", "requested_by").get(pk=export_id)
    if export.status != ExportStatus.QUEUED:
        return  # already built (a retried task): nothing to do
    rows = PackExport.objects.filter(pk=export.pk)
    rows.update(status=ExportStatus.RUNNING, started_at=timezone.now(), done_count=0)
    try:
        parts, entries = pack_html_parts(
            export.meeting,
            user=export.requested_by,
            generated_at=timezone.now(),
            today=timezone.localdate(),
        )
        rows.update(total=len(parts) - 1)
        # Part 0 is the cover and agenda; each later part is one offender done.
        data = render_parts_to_pdf(parts, progress=lambda n: rows.update(done_count=max(n - 1, 0)))
        with transaction.atomic():
            rows.update(status=ExportStatus.DONE, pdf=data, finished_at=timezone.now())
            for entry in entries:
                what = (
                    "Case formulation exported" if entry.formulation else "Listed (no formulation)"
                )
                audit_record(
                    actor=export.requested_by,
                    action=Action.EXPORTED,
                    obj=export.meeting,
                    offender=entry.offender,
                    summary=f"{what} in the pack for the {export.meeting}",
                    recipients=export.meeting.recipients,
                )
    except Exception as error:
        logger.exception("Meeting pack %s failed", export.pk)
        rows.update(
            status=ExportStatus.FAILED,
            error=f"{type(error).__name__}: {error}"[:255],
            finished_at=timezone.now(),
        )
        raise


# The background task (Django's tasks API through the django-tasks backport; the database
# backend in production, run by ``manage.py db_worker``; the immediate backend under the tests).
@task()
def build_meeting_pack(export_id: int) -> None:
    build_pack(export_id)
