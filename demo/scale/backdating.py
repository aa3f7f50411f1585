"""Timestamps for the back-dated synthetic history of the scale data set."""

from __future__ import annotations

import datetime
from contextlib import contextmanager

from django.utils import timezone

from assessments.models import Assessment, FactorRating
from engagements.models import ChangeOfCircumstances, LevelDecision, ReactiveManagement, Visit
from offenders.models import Offender

# Back-dated synthetic history: these timestamps are set explicitly rather than "now".
BACKDATED = [
    (Offender, "created_at"),
    (Offender, "updated_at"),
    (Assessment, "created_at"),
    (Assessment, "updated_at"),
    (FactorRating, "updated_at"),
    (LevelDecision, "created_at"),
    (ReactiveManagement, "proposed_at"),
    (Visit, "recorded_at"),
    (ChangeOfCircumstances, "recorded_at"),
]


@contextmanager
def explicit_timestamps():
    """Let ``bulk_create`` keep the timestamps we set instead of stamping the current time."""
    fields = [model._meta.get_field(name) for model, name in BACKDATED]
    saved = [(f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, (now, add) in zip(fields, saved, strict=True):
            f.auto_now, f.auto_now_add = now, add


def at(day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
