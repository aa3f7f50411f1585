"""The visit interval that applies, and the upcoming schedule over the next months.

Pure (stdlib only, no Django, no clock). Since 2017 the policy's visit interval is a default:
an officer may set another one per offender, with a rationale. The reassessment interval stays
the policy's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from assessments.combiner import DEFAULT_POLICY, Level, Policy, add_months


@dataclass(frozen=True)
class OfficerInterval:
    """The officer's setting in force, as the rule needs it (no model instance)."""

    months: int
    set_by: str
    set_on: datetime.date
    rationale: str


@dataclass(frozen=True)
class VisitInterval:
    months: int
    by_officer: bool
    note: str  # "Every 2 months (set by …: rationale)" or "Every 3 months (policy … for High)"


NOTE_LENGTH = 300  # the schedule column's width


def _every(months: int) -> str:
    return "Every month" if months == 1 else f"Every {months} months"


def visit_interval(
    *,
    level: object,
    policy: Policy = DEFAULT_POLICY,
    policy_version: str = "",
    officer: OfficerInterval | None = None,
) -> VisitInterval:
    """The officer's interval when one is in force, else the policy's for the level."""
    if officer is not None:
        if not isinstance(officer.months, int) or not 1 <= officer.months <= 24:
            raise ValueError(f"An officer's interval is 1 to 24 months, got {officer.months!r}")
        note = (
            f"{_every(officer.months)} (set by {officer.set_by} on "
            f"{officer.set_on.day} {officer.set_on:%B %Y}: {officer.rationale})"
        )
        if len(note) > NOTE_LENGTH:
            note = note[: NOTE_LENGTH - 2] + "…)"
        return VisitInterval(officer.months, True, note)
    level = Level(level)
    months = policy.visit_interval_months[level]
    source = f"policy {policy_version}" if policy_version else "policy"
    return VisitInterval(months, False, f"{_every(months)} ({source} for {level.label})")


def visit_due(*, anchor: datetime.date, interval: VisitInterval) -> datetime.date:
    """Anchor (last visit at which the offender was seen, or when the level took effect)
    plus the interval that applies, in calendar months."""
    return add_months(anchor, interval.months)


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
    visit_interval_months: int | None = None,
) -> list[Upcoming]:
    """Due dates from the next ones up to ``today`` + ``months``, repeating each interval.

    ``visit_interval_months`` is the interval that applies (an officer's own), if not the
    policy's.

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
        if kind == "visit" and visit_interval_months:
            step = visit_interval_months
        count = 0
        due = first
        while due <= horizon:
            items.append(Upcoming(due, kind, label))
            count += 1
            # Repeat from the first due date (calendar months), not from the previous one, so
            # clamped month ends (31 Jan → 28 Feb) do not drift to the 28th for ever.
            due = add_months(first, step * count)
    return sorted(items, key=lambda item: (item.due, item.kind))
