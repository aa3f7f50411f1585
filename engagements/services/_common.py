"""Checks shared by the engagement services."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ..models import (
    DecisionStatus,
    LevelDecision,
)

_LOOK_UP = object()


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def _require_editor(user) -> None:
    if not user.can_edit_records:
        raise PermissionDenied("Your role can view this record but not change it.")


def _require_supervisor(user) -> None:
    if not user.is_supervisor:
        raise PermissionDenied("Only a supervisor can decide this.")


def _locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


def _current_decision_locked(decision: LevelDecision) -> LevelDecision:
    decision = _locked(LevelDecision, decision.pk)
    if decision.status == DecisionStatus.SUPERSEDED:
        raise ValidationError("This level decision has been superseded by a newer one")
    return decision
