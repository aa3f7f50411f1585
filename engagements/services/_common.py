"""Checks shared by the engagement services."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from offenders.access import require

from ..access import can_be_deciding_supervisor, can_change_engagements
from ..models import (
    DecisionStatus,
    LevelDecision,
)

_LOOK_UP = object()


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def require_change(user, offender) -> None:
    require(
        can_change_engagements(user, offender),
        "You cannot change this record: it is outside your team or your role is read-only.",
    )


def require_deciding_supervisor(user, offender) -> None:
    require(
        can_be_deciding_supervisor(user, offender),
        "Only a supervisor of the offender's team can decide this.",
    )


def _locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


def _current_decision_locked(decision: LevelDecision) -> LevelDecision:
    decision = _locked(LevelDecision, decision.pk)
    if decision.status == DecisionStatus.SUPERSEDED:
        raise ValidationError("This level decision has been superseded by a newer one")
    return decision
