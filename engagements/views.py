"""Engagement pages. Thin: resolve through the access helpers, bind the form, call one service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from assessments.combiner import Level
from assessments.priority import Priority
from audit.models import Action
from audit.services import audit_record
from offenders.access import offender_for_user
from offenders.views import audit_view

from . import selectors, services
from .access import decision_for_user, reactive_for_user, visit_for_user
from .forms import (
    ChangeForm,
    DecideForm,
    OverrideRequestForm,
    PolicyForm,
    ReactiveProposeForm,
    VisitPlanForm,
    VisitRecordForm,
)
from .models import DecisionStatus, Policy, ReactiveStatus
from .policies import policy_current
from .reactive import is_eligible
from .schedule import reactive_facts
from .timetable import upcoming_schedule

# Service error keys that belong to a differently named form field.
FIELD_ALIASES = {"completed_at": "visit_date", "planned_for": "visit_date"}


def _show_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            field = FIELD_ALIASES.get(field, field)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _form_page(request, offender, form, save, *, title, success, template="form_page.html", **ctx):
    """GET shows the form; a valid POST calls ``save``; service errors come back as field errors."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("engagements:timetable", pk=offender.pk)
    back = reverse("engagements:timetable", args=[offender.pk])
    context = {"form": form, "title": title, "offender": offender, "back_url": back, **ctx}
    return render(request, template, context)


def timetable(request, pk):
    offender = offender_for_user(request.user, pk)
    audit_view(request, offender, "Level of risk management and visits viewed")
    today = timezone.localdate()
    schedule = selectors.offender_schedule(offender)
    decision = schedule.decision if schedule else None
    upcoming = []
    if schedule and decision:
        upcoming = upcoming_schedule(
            level=schedule.current_level,
            next_visit_due=schedule.next_visit_due,
            next_reassessment_due=schedule.next_reassessment_due,
            today=today,
            policy=decision.policy.as_rules(),
            visit_interval_months=schedule.visit_interval_months,  # the officer's, if set
        )
    override = selectors.pending_override(offender)
    reactive = selectors.open_reactive(offender)
    context = {
        "offender": offender,
        "tab": "timetable",
        "today": today,
        "schedule": schedule,
        "decision": decision,
        "upcoming": upcoming,
        "planned": selectors.planned_visits(offender),
        "visits": selectors.completed_visits(offender)[:10],
        "warnings": selectors.pattern_warnings(offender),
        "frequency": selectors.visit_frequency_in_force(offender),
        "override": override,
        "reactive": reactive,
        "can_decide_override": override is not None
        and request.user.is_supervisor
        and override.override_requested_by_id != request.user.pk,
        "can_decide_reactive": reactive is not None
        and reactive.status == ReactiveStatus.PROPOSED
        and request.user.is_supervisor
        and reactive.proposed_by_id != request.user.pk,
    }
    return render(request, "engagements/timetable.html", context)


def timeline(request, pk):
    offender = offender_for_user(request.user, pk)
    audit_view(request, offender, "Timeline viewed")
    return render(
        request,
        "engagements/timeline.html",
        {"offender": offender, "tab": "timetable", "items": selectors.timeline(offender)},
    )


@require_http_methods(["GET", "POST"])
def visit_plan(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    form = VisitPlanForm(request.POST or None)

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

    return _form_page(request, offender, form, save, title="Plan a visit", success="Visit planned")


def _record(request, offender, form, visit=None):
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

    return _form_page(
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

    def save(data):
        services.change_of_circumstances_record(user=request.user, offender=offender, **data)

    return _form_page(
        request,
        offender,
        form,
        save,
        title="Record a change of circumstances",
        success="Change of circumstances recorded: a reassessment is now due",
    )


@require_http_methods(["GET", "POST"])
def override_request(request, pk):
    offender = offender_for_user(request.user, pk, for_change=True)
    decision = selectors.current_decision(offender)
    if decision is None or decision.status != DecisionStatus.IN_FORCE:
        messages.error(request, "There is no level decision that can be changed now")
        return redirect("engagements:timetable", pk=offender.pk)
    form = OverrideRequestForm(request.POST or None, derived_level=decision.derived_level)

    def save(data):
        services.level_override_request(user=request.user, decision=decision, **data)

    return _form_page(
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

    def save(data):
        services.level_override_decide(user=request.user, decision=decision, **data)

    return _form_page(
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

    def save(data):
        services.reactive_propose(user=request.user, offender=offender, **data)

    return _form_page(
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

    def save(data):
        services.reactive_decide(user=request.user, episode=episode, **data)

    return _form_page(
        request,
        offender,
        form,
        save,
        title="Decide on reactive management",
        success="Decision saved",
        template="engagements/reactive_decide.html",
        episode=episode,
    )


# --- the force's policy ---------------------------------------------------------------------


def _require_force_admin(user):
    if not user.is_force_admin or user.force_id is None:
        raise PermissionDenied("Only a force administrator can see and change the level policy.")


def policy(request):
    _require_force_admin(request.user)
    current = policy_current(request.user.force)
    audit_record(
        actor=request.user, action=Action.VIEWED, obj=current, summary="Level policy viewed"
    )
    history = Policy.objects.filter(force=request.user.force).select_related("created_by")
    rules = current.as_rules()
    level_rows = [
        (level.label, rules.visit_interval_months[level], rules.reassessment_interval_months[level])
        for level in Level
    ]
    priority_rows = [
        (p.value.capitalize(), rules.priority_adjustment[p], rules.no_rm2000_level[p].label)
        for p in Priority
    ]
    context = {
        "current": current,
        "history": history,
        "level_rows": level_rows,
        "priority_rows": priority_rows,
    }
    return render(request, "engagements/policy.html", context)


@require_http_methods(["GET", "POST"])
def policy_edit(request):
    _require_force_admin(request.user)
    current = policy_current(request.user.force)
    form = PolicyForm(request.POST or None, current=current.data)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.policy_create_version(
                user=request.user, data=form.policy_data(), note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            _show_errors(form, error)
        else:
            messages.success(request, f"Policy {new.version} saved; past decisions keep theirs")
            return redirect("engagements:policy")
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": f"Change the level policy (now {current.version})",
            "back_url": reverse("engagements:policy"),
        },
    )
