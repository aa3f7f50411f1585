"""Pages to change how often an offender is visited, or return to the policy default."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from offenders.access import offender_for_user
from offenders.views import audit_view

from . import selectors, services
from .frequency_forms import VisitFrequencyClearForm, VisitFrequencyForm
from .views import _form_page


@require_http_methods(["GET", "POST"])
def visit_frequency(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    if request.method == "GET":
        audit_view(request, offender, "Change how often to visit viewed")
    current = selectors.visit_frequency_in_force(offender)
    initial = {"interval_months": current.interval_months} if current else None
    form = VisitFrequencyForm(request.POST or None, initial=initial)

    def save(data):
        services.visit_frequency_set(user=request.user, offender=offender, **data)

    return _form_page(
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
        audit_view(request, offender, "Return to the policy default viewed")
    form = VisitFrequencyClearForm(request.POST or None)

    def save(data):
        services.visit_frequency_clear(user=request.user, offender=offender, **data)

    return _form_page(
        request,
        offender,
        form,
        save,
        title="Return to the policy default",
        success="Visits now follow the policy default for the level",
    )
