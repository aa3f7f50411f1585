"""Writes for the level of risk management and the timetable of engagements.

Every function is keyword-only, one transaction, with its audit entry, and ends by refreshing the
offender's denormalised schedule (``schedule_refresh``), the only code that writes it.
"""

from .decisions import (
    latest_rm2000_category,
    level_decision_on_countersign,
    level_override_decide,
    level_override_request,
)
from .frequency import visit_frequency_clear, visit_frequency_set
from .policies import policy_create_version, policy_in_force
from .reactive_management import reactive_decide, reactive_propose
from .schedule import schedule_bulk_write, schedule_refresh
from .visits import change_of_circumstances_record, visit_plan, visit_record

__all__ = [
    "change_of_circumstances_record",
    "latest_rm2000_category",
    "level_decision_on_countersign",
    "level_override_decide",
    "level_override_request",
    "policy_create_version",
    "policy_in_force",
    "reactive_decide",
    "reactive_propose",
    "schedule_bulk_write",
    "schedule_refresh",
    "visit_frequency_clear",
    "visit_frequency_set",
    "visit_plan",
    "visit_record",
]
