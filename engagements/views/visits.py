"""Pages that record what happened: visits planned and made, changes of circumstance, and the
officer's own visit interval."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from audit.services import record_viewed
from offenders.access import offender_for_user

from .. import selectors, services
from ..access import visit_for_user
from ..forms import (
    ChangeForm,
    VisitFrequencyClearForm,
    VisitFrequencyForm,
    VisitPlanForm,
    VisitRecordForm,
)
from ._pages import timetable_form_page


@require_http_methods(["GET", "POST"])
def visit_plan(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    form = VisitPlanForm(request.POST or None)
    if request.method == "GET":
        record_viewed(user=request.user, offender=offender, summary="Plan a visit form opened")

    def save(data):
        services.visit_plan(
            user=request.user,
            offender=offender,
            planned_for=data["planned_for"],
            kind=data["kind"],
            announced=data["announced"],
            attended_by=data["attended_by"],
            notes=data["notes"],
        )

    return timetable_form_page(
        request, offender, form, save, title="Plan a visit", success="Visit planned"
    )


def _record(request, offender, form, visit=None):
    if request.method == "GET":
        record_viewed(
            user=request.user, offender=offender, obj=visit, summary="Record a visit form opened"
        )

    def save(data):
        services.visit_record(
            user=request.user,
            offender=offender,
            visit=visit,
            completed_at=data["completed_at"],
            kind=data["kind"],
            outcome=data["outcome"],
            announced=data["announced"],
            attended_by=data["attended_by"],
            notes=data["notes"],
            concerns_raised=data["concerns_raised"],
            concerns=data["concerns"],
        )

    return timetable_form_page(
        request, offender, form, save, title="Record a visit", success="Visit recorded"
    )


@require_http_methods(["GET", "POST"])
def visit_record(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    return _record(request, offender, VisitRecordForm(request.POST or None))


@require_http_methods(["GET", "POST"])
def visit_complete(request, pk, visit_pk):
    offender, visit = visit_for_user(request.user, pk, visit_pk, for_change=True)
    if visit.is_completed:
        raise PermissionDenied("This visit has already been recorded and cannot be changed.")
    local = timezone.localtime(visit.planned_for)
    initial = {
        "kind": visit.kind,
        "announced": visit.announced,
        "attended_by": visit.attended_by,
        "notes": visit.notes,
        "visit_date": local.date(),
        "visit_time": local.time().replace(second=0, microsecond=0),
    }
    return _record(request, offender, VisitRecordForm(request.POST or None, initial=initial), visit)


@require_http_methods(["GET", "POST"])
def change_record(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    form = ChangeForm(request.POST or None)
    if request.method == "GET":
        record_viewed(
            user=request.user, offender=offender, summary="Change of circumstances form opened"
        )

    def save(data):
        services.change_of_circumstances_record(user=request.user, offender=offender, **data)

    return timetable_form_page(
        request,
        offender,
        form,
        save,
        title="Record a change of circumstances",
        success="Change of circumstances recorded: a reassessment is now due",
    )


@require_http_methods(["GET", "POST"])
def visit_frequency(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    if request.method == "GET":
        record_viewed(
            user=request.user, offender=offender, summary="Change how often to visit viewed"
        )
    current = selectors.visit_frequency_in_force(offender)
    initial = {"interval_months": current.interval_months} if current else None
    form = VisitFrequencyForm(request.POST or None, initial=initial)

    def save(data):
        services.visit_frequency_set(user=request.user, offender=offender, **data)

    return timetable_form_page(
        request,
        offender,
        form,
        save,
        title="Change how often to visit",
        success="Visit interval saved: the next visit due date has been worked out again",
    )


@require_http_methods(["GET", "POST"])
def visit_frequency_clear(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    if selectors.visit_frequency_in_force(offender) is None:
        messages.info(request, "Visits already follow the policy default")
        return redirect("engagements:timetable", pk=offender.pk)
    if request.method == "GET":
        record_viewed(
            user=request.user, offender=offender, summary="Return to the policy default viewed"
        )
    form = VisitFrequencyClearForm(request.POST or None)

    def save(data):
        services.visit_frequency_clear(user=request.user, offender=offender, **data)

    return timetable_form_page(
        request,
        offender,
        form,
        save,
        title="Return to the policy default",
        success="Visits now follow the policy default for the level",
    )
