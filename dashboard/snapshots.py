"""Monthly caseload snapshots: count this month's figures per force, team and officer, and
(for the demo and the scale data only) make up a plausible history for the months before.

Three grouped queries count everything, whatever the number of offenders.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from offenders.models import Offender
from offenders.selectors import OPEN_STATUSES

from .models import CaseloadSnapshot, Scope
from .selectors import SNAPSHOT_LEVEL_FIELDS, caseload_counts, month_start, months_back

FIGURES = ["caseload", *SNAPSHOT_LEVEL_FIELDS.values(), "overdue_visits", "overdue_reassessments"]
GROUPINGS = {
    Scope.FORCE: {"force_id": "team__force_id"},
    Scope.TEAM: {"force_id": "team__force_id", "team_id": "team_id"},
    Scope.OFFICER: {"force_id": "team__force_id", "officer_id": "responsible_officer_id"},
}


def current_snapshots(today: datetime.date, forces=None) -> list[CaseloadSnapshot]:
    """Unsaved snapshots of today's figures for every force, team and officer (``forces``:
    limit to these force ids)."""
    offenders = Offender.objects.filter(status__in=OPEN_STATUSES)
    if forces is not None:
        offenders = offenders.filter(team__force_id__in=forces)
    snapshots = []
    for scope, keys in GROUPINGS.items():
        grouped = offenders
        if scope == Scope.OFFICER:
            grouped = grouped.filter(responsible_officer__isnull=False)
        rows = grouped.values(*keys.values()).annotate(**caseload_counts(today)).order_by()
        for row in rows:
            ids = {field: row[column] for field, column in keys.items()}
            figures = {name: row[name] for name in FIGURES}
            snapshots.append(
                CaseloadSnapshot(
                    scope=scope, month=month_start(today), taken_on=today, **ids, **figures
                )
            )
    return snapshots


@transaction.atomic
def snapshot_month(today: datetime.date) -> int:
    """Replace this month's snapshots with today's figures (run daily: the last run of a month
    leaves that month's figures as they stood on its last day)."""
    month = month_start(today)
    snapshots = current_snapshots(today)
    CaseloadSnapshot.objects.filter(month=month).delete()
    CaseloadSnapshot.objects.bulk_create(snapshots, batch_size=2000)
    return len(snapshots)


def _varied(
    snapshot: CaseloadSnapshot, month: datetime.date, rng: random.Random
) -> CaseloadSnapshot:
    copy = CaseloadSnapshot(
        scope=snapshot.scope,
        force_id=snapshot.force_id,
        team_id=snapshot.team_id,
        officer_id=snapshot.officer_id,
        month=month,
        taken_on=month,
    )
    for name in FIGURES:
        value = getattr(snapshot, name)
        if name.startswith("overdue"):
            # Each overdue figure varies on its own, so the chart's two lines tell apart.
            value = round(value * (0.6 + 0.8 * rng.random()))
        setattr(copy, name, value)
    return copy


@transaction.atomic
def backfill_history(today: datetime.date, *, months: int = 12, forces=None) -> int:
    """Synthetic snapshots for the ``months - 1`` months before this one, where none exist.

    Only for demonstration and scale data: level counts are today's, overdue counts vary by a
    seeded factor per force and month (so a force's teams add up to roughly the force). Real
    history comes from ``snapshot_caseload`` running daily.
    """
    current = current_snapshots(today, forces)
    past = months_back(today, months)[:-1]
    existing = set(
        CaseloadSnapshot.objects.filter(month__in=past).values_list(
            "scope", "force_id", "team_id", "officer_id", "month"
        )
    )
    made = []
    for month in past:
        for snapshot in current:
            key = (snapshot.scope, snapshot.force_id, snapshot.team_id, snapshot.officer_id, month)
            if key in existing:
                continue
            rng = random.Random(f"{snapshot.force_id}:{month.isoformat()}")
            made.append(_varied(snapshot, month, rng))
    CaseloadSnapshot.objects.bulk_create(made, batch_size=2000)
    return len(made)
