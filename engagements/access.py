"""The one way to reach a visit, decision or reactive episode: through its offender (or 404)."""

from django.shortcuts import get_object_or_404

from offenders.access import offender_for_user

from .models import LevelDecision, ReactiveManagement, Visit


def _child_for_user(user, offender_pk, model, pk, *, for_change: bool):
    offender = offender_for_user(user, offender_pk, for_change=for_change)
    obj = get_object_or_404(model, pk=pk, offender=offender)
    obj.offender = offender  # reuse the resolved offender (team and force already loaded)
    return offender, obj


def visit_for_user(user, offender_pk, pk, *, for_change: bool = False):
    return _child_for_user(user, offender_pk, Visit, pk, for_change=for_change)


def decision_for_user(user, offender_pk, pk, *, for_change: bool = False):
    return _child_for_user(user, offender_pk, LevelDecision, pk, for_change=for_change)


def reactive_for_user(user, offender_pk, pk, *, for_change: bool = False):
    return _child_for_user(user, offender_pk, ReactiveManagement, pk, for_change=for_change)
