"""The access policy for levels, visits, overrides, reactive management and the level policy.

Everything here hangs off an offender, so the offender's need-to-know rule
(``offenders.access``) applies first: an outsider gets 404 from the ``*_for_user`` helpers and
``False`` from every ``can_*`` question. Views, services and templates ask these functions.
"""

from django.shortcuts import get_object_or_404

from offenders.access import can_change_offender, can_see_offender, offender_for_user

from .models import DecisionStatus, LevelDecision, ReactiveManagement, ReactiveStatus, Visit

# --- may this user do this? ------------------------------------------------------------------


def can_change_engagements(user, offender) -> bool:
    """Plan and record visits, changes of circumstance, visit intervals; ask for an override."""
    return can_change_offender(user, offender)


def can_decide_override(user, decision: LevelDecision) -> bool:
    """A supervisor of the offender's team who did not ask for the override."""
    return (
        getattr(user, "is_supervisor", False)
        and can_see_offender(user, decision.offender)
        and decision.status == DecisionStatus.OVERRIDE_REQUESTED
        and decision.override_requested_by_id != user.pk
    )


def can_decide_reactive(user, episode: ReactiveManagement) -> bool:
    """A supervisor of the offender's team who did not propose it."""
    return (
        getattr(user, "is_supervisor", False)
        and can_see_offender(user, episode.offender)
        and episode.status == ReactiveStatus.PROPOSED
        and episode.proposed_by_id != user.pk
    )


def can_be_deciding_supervisor(user, offender) -> bool:
    """The role-and-scope half of the two questions above (services check the rest by rule)."""
    return getattr(user, "is_supervisor", False) and can_see_offender(user, offender)


def can_manage_level_policy(user) -> bool:
    return getattr(user, "is_force_admin", False) and user.force_id is not None


# --- find it for this user, or 404 -----------------------------------------------------------


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
