"""Reads for the level of risk management, the timetable and the timeline.

Callers have resolved the offender through ``offenders.access`` already; list selectors start
from the one scope rule (``offenders.access.visible_offenders``).
"""

from .facts import reactive_facts
from .pages import SchedulePaginator, caseload_schedule_rows, schedule_order
from .schedule import (
    DUE_SOON_DAYS,
    DaysSince,
    caseload_with_schedule,
    completed_visits,
    current_decision,
    due_state,
    has_officer_interval,
    last_visit,
    offender_schedule,
    officer_interval,
    open_reactive,
    pattern_warnings,
    pending_override,
    planned_visits,
    policy_current,
    visit_frequency_history,
    visit_frequency_in_force,
)
from .static import static_risk
from .timeline import TimelineItem, timeline

__all__ = [
    "DUE_SOON_DAYS",
    "DaysSince",
    "SchedulePaginator",
    "TimelineItem",
    "caseload_schedule_rows",
    "caseload_with_schedule",
    "completed_visits",
    "current_decision",
    "due_state",
    "last_visit",
    "offender_schedule",
    "officer_interval",
    "open_reactive",
    "pattern_warnings",
    "pending_override",
    "planned_visits",
    "policy_current",
    "reactive_facts",
    "schedule_order",
    "static_risk",
    "timeline",
    "visit_frequency_history",
    "visit_frequency_in_force",
    "has_officer_interval",
]
