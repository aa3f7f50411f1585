"""The level-and-visits page, the timeline and the caseload (which reads the schedule)."""

from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_GET

from audit.services import record_viewed
from offenders.access import offender_for_user, scope_for
from offenders.forms import SearchForm

from .. import selectors
from ..access import can_change_engagements, can_decide_override, can_decide_reactive
from ..timetable import upcoming_schedule


def next_twelve_months(planned, upcoming) -> list[dict]:
    """Planned visits and due dates as one list in date order (a planned visit before a due
    date of the same day: it is what meets it)."""
    rows = [
        {"day": timezone.localtime(v.planned_for).date(), "order": 0, "visit": v} for v in planned
    ]
    rows += [{"day": item.due, "order": 1, "item": item} for item in upcoming]
    return sorted(rows, key=lambda row: (row["day"], row["order"]))


@require_GET
def timetable(request, pk):
    offender = offender_for_user(request.user, pk)
    record_viewed(
        user=request.user, offender=offender, summary="Level of risk management and visits viewed"
    )
    today = timezone.localdate()
    schedule = selectors.offender_schedule(offender, with_decision=True)
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
    visits = list(selectors.completed_visits(offender)[:12])  # the table's 10 and the patterns'
    override = selectors.pending_override(offender, schedule)
    reactive = selectors.open_reactive(offender, schedule)
    for pending in (override, reactive):
        if pending is not None:
            pending.offender = offender  # already resolved: no second query
    context = {
        "offender": offender,
        "tab": "timetable",
        "today": today,
        "schedule": schedule,
        "decision": decision,
        "next_months": next_twelve_months(selectors.planned_visits(offender), upcoming),
        "visits": visits[:10],
        "warnings": selectors.pattern_warnings(offender, visits),
        "officer_interval": selectors.has_officer_interval(offender, schedule),
        "override": override,
        "reactive": reactive,
        "can_change": can_change_engagements(request.user, offender),
        "can_decide_override": override is not None and can_decide_override(request.user, override),
        "can_decide_reactive": reactive is not None and can_decide_reactive(request.user, reactive),
    }
    return render(request, "engagements/timetable.html", context)


@require_GET
def timeline(request, pk):
    offender = offender_for_user(request.user, pk)
    record_viewed(user=request.user, offender=offender, summary="Timeline viewed")
    return render(
        request,
        "engagements/timeline.html",
        {"offender": offender, "tab": "timetable", "items": selectors.timeline(offender)},
    )


@require_GET
def caseload(request):
    """The signed-in user's caseload with level and due dates (from the schedule): very high
    first, then the most overdue."""
    today = timezone.localdate()
    offenders = selectors.caseload_with_schedule(request.user, today)
    rows = selectors.caseload_schedule_rows(request.user)
    paginator = selectors.SchedulePaginator(rows, 50, lambda ids: offenders.filter(pk__in=ids))
    page = paginator.get_page(request.GET.get("page"))
    shown = len(page.object_list)
    record_viewed(
        user=request.user,
        summary=f"Caseload list viewed (page {page.number}, {shown} offender{pluralize(shown)})",
    )
    return render(
        request,
        "engagements/caseload.html",
        {
            "page": page,
            "offenders": page.object_list,
            "search_form": SearchForm(),
            "show_schedule": True,
            "own_caseload": scope_for(request.user).own_cases_of is not None,
            "today": today,
        },
    )
