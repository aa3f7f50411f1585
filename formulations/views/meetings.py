"""MAPPA meeting pages (supervisors and force administrators): list, create, agenda, pack."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from arms_site.lib.forms import apply_validation_error
from audit.services import record_viewed
from offenders.access import visible_offenders

from .. import services
from ..access import export_for_user, meeting_for_user, meetings_for_user
from ..forms import AgendaForm, MeetingForm
from ..models import ExportStatus
from ..selectors import agenda_offenders, latest_export, meeting_list, pack_entries


@require_GET
def meetings(request):
    items = meeting_list(meetings_for_user(request.user))
    return render(request, "formulations/meeting_list.html", {"meetings": items})


@require_http_methods(["GET", "POST"])
def meeting_create(request):
    meetings_for_user(request.user)  # role check
    offenders = visible_offenders(request.user).filter(status="active")
    form = MeetingForm(request.POST or None, offenders=offenders)
    if request.method == "GET":  # the form lists the offenders to choose: a list, one entry
        listed = offenders.count()
        record_viewed(
            user=request.user,
            summary=f"Offenders listed to plan a MAPPA meeting ({listed} offenders)",
        )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, f"{meeting} created")
            return redirect(meeting)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": "Plan a MAPPA meeting",
            "back_url": reverse("formulations:meetings"),
        },
    )


@require_GET
def meeting_detail(request, pk):
    meeting = meeting_for_user(request.user, pk)
    offenders, hidden = agenda_offenders(meeting, request.user)
    for offender in offenders:
        audit_view_meeting(request, meeting, offender)
    rows = pack_entries(offenders)
    export = latest_export(meeting)
    return render(
        request,
        "formulations/meeting_detail.html",
        {
            "meeting": meeting,
            "rows": rows,
            "hidden": hidden,
            "export": export,
            "refresh": export is not None and not export.is_finished,
        },
    )


def audit_view_meeting(request, meeting, offender):
    """Seeing a name on an agenda is consultation of that offender's record."""
    record_viewed(
        user=request.user, obj=meeting, offender=offender, summary=f"Agenda of the {meeting} viewed"
    )


@require_http_methods(["GET", "POST"])
def meeting_agenda(request, pk):
    meeting = meeting_for_user(request.user, pk)
    offenders, _ = agenda_offenders(meeting, request.user)
    if request.method == "GET":
        for offender in offenders:  # one entry per name shown, as on the meeting page
            record_viewed(
                user=request.user,
                obj=meeting,
                offender=offender,
                summary=f"Agenda of the {meeting} opened for editing",
            )
    form = AgendaForm(
        request.POST or None,
        offenders=visible_offenders(request.user),
        initial={"references": "\n".join(o.local_reference for o in offenders)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_set_agenda(
                user=request.user, meeting=meeting, offenders=form.cleaned_data["references"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, "Agenda saved")
            return redirect(meeting)
    return render(
        request,
        "form_page.html",
        {"form": form, "title": f"Agenda: {meeting}", "back_url": meeting.get_absolute_url()},
    )


@require_POST
def pack_request(request, pk):
    meeting = meeting_for_user(request.user, pk)
    try:
        services.pack_request(user=request.user, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(meeting)


@require_GET
def pack_status(request, pk, export_pk):
    """A small JSON status for the page's progress poll (the page also refreshes without JS)."""
    _, export = export_for_user(request.user, pk, export_pk)
    return JsonResponse(
        {
            "status": export.status,
            "label": export.get_status_display(),
            "done": export.done_count,
            "total": export.total,
            "finished": export.is_finished,
        }
    )


@require_GET
def pack_download(request, pk, export_pk):
    meeting, export = export_for_user(request.user, pk, export_pk)
    if export.status != ExportStatus.DONE:
        raise Http404("The pack is not ready")
    offenders, hidden = agenda_offenders(meeting, request.user)
    if hidden:
        raise Http404("This pack includes offenders outside your teams")
    for offender in offenders:
        services.record_disclosure(
            user=request.user,
            offender=offender,
            obj=meeting,
            summary=f"Meeting pack for the {meeting} downloaded",
            recipients=meeting.recipients,
        )
    response = HttpResponse(bytes(export.pdf), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="mappa-pack-{meeting.date:%Y%m%d}-{export.pk}.pdf"'
    )
    response["Cache-Control"] = "no-store"
    return response
