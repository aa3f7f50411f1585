"""The upcoming schedule: routine visits and reassessments due over the next months.

Pure (stdlib only, no Django, no clock): repeats the policy's intervals from the next due dates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from assessments.combiner import DEFAULT_POLICY, Policy, add_months


@dataclass(frozen=True)
class Upcoming:
    due: datetime.date
    kind: str  # "visit" or "reassessment"
    label: str


def upcoming_schedule(
    *,
    level: str,
    next_visit_due: datetime.date | None,
    next_reassessment_due: datetime.date | None,
    today: datetime.date,
    months: int = 12,
    policy: Policy = DEFAULT_POLICY,
) -> list[Upcoming]:
    """Due dates from the next ones up to ``today`` + ``months``, repeating each interval.

    Overdue dates (before today) are kept as the first entry of their kind: they are still due.
    """
    horizon = add_months(today, months)
    items: list[Upcoming] = []
    rows = [
        ("visit", "Home visit due", next_visit_due, policy.visit_interval_months),
        (
            "reassessment",
            "ARMS reassessment due",
            next_reassessment_due,
            policy.reassessment_interval_months,
        ),
    ]
    for kind, label, first, intervals in rows:
        if first is None or not level:
            continue
        step = intervals[level]
        count = 0
        due = first
        while due <= horizon:
            items.append(Upcoming(due, kind, label))
            count += 1
            # Repeat from the first due date (calendar months), not from the previous one, so
            # clamped month ends (31 Jan → 28 Feb) do not drift to the 28th for ever.
            due = add_months(first, step * count)
    return sorted(items, key=lambda item: (item.due, item.kind))
