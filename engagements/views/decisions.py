"""Decisions about the level: an officer's override request and a supervisor's decision, and
reactive management proposed and decided."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from audit.services import record_viewed
from offenders.access import offender_for_user

from .. import selectors, services
from ..access import decision_for_user, reactive_for_user
from ..forms import DecideForm, OverrideRequestForm, ReactiveProposeForm
from ..models import DecisionStatus
from ..reactive import is_eligible
from ..selectors import reactive_facts
from ._pages import timetable_form_page


@require_http_methods(["GET", "POST"])
def override_request(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    decision = selectors.current_decision(offender)
    if decision is None or decision.status != DecisionStatus.IN_FORCE:
        messages.error(request, "There is no level decision that can be changed now")
        return redirect("engagements:timetable", pk=offender.pk)
    form = OverrideRequestForm(request.POST or None, derived_level=decision.derived_level)
    if request.method == "GET":
        record_viewed(
            user=request.user,
            offender=offender,
            obj=decision,
            summary="Level override request form opened",
        )

    def save(data):
        services.level_override_request(user=request.user, decision=decision, **data)

    return timetable_form_page(
        request,
        offender,
        form,
        save,
        title="Ask to change the level of risk management",
        success="Override sent to a supervisor",
        template="engagements/override_request.html",
        decision=decision,
    )


@require_http_methods(["GET", "POST"])
def override_decide(request, pk, decision_pk):
    offender, decision = decision_for_user(request.user, pk, decision_pk, for_change=True)
    form = DecideForm(request.POST or None)
    if request.method == "GET":
        record_viewed(
            user=request.user,
            offender=offender,
            obj=decision,
            summary="Level override decision form opened",
        )

    def save(data):
        services.level_override_decide(user=request.user, decision=decision, **data)

    return timetable_form_page(
        request,
        offender,
        form,
        save,
        title="Decide the level override",
        success="Decision saved",
        template="engagements/override_decide.html",
        decision=decision,
    )


@require_http_methods(["GET", "POST"])
def reactive_propose(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    form = ReactiveProposeForm(request.POST or None)
    confirmed = request.method == "POST" and request.POST.get("no_civil_order") == "on"
    criteria = reactive_facts(offender, today=timezone.localdate(), no_civil_order=confirmed)
    if request.method == "GET":
        record_viewed(
            user=request.user, offender=offender, summary="Reactive management proposal opened"
        )

    def save(data):
        services.reactive_propose(user=request.user, offender=offender, **data)

    return timetable_form_page(
        request,
        offender,
        form,
        save,
        title="Propose reactive management",
        success="Reactive management proposed to a supervisor",
        template="engagements/reactive_propose.html",
        criteria=criteria,
        eligible_otherwise=is_eligible([c for c in criteria if c.code != "no_civil_order"]),
    )


@require_http_methods(["GET", "POST"])
def reactive_decide(request, pk, episode_pk):
    offender, episode = reactive_for_user(request.user, pk, episode_pk, for_change=True)
    form = DecideForm(request.POST or None)
    if request.method == "GET":
        record_viewed(
            user=request.user,
            offender=offender,
            obj=episode,
            summary="Reactive management decision form opened",
        )

    def save(data):
        services.reactive_decide(user=request.user, episode=episode, **data)

    return timetable_form_page(
        request,
        offender,
        form,
        save,
        title="Decide on reactive management",
        success="Decision saved",
        template="engagements/reactive_decide.html",
        episode=episode,
    )
