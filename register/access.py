"""The access policy for the register. Everything hangs off an offender, so the offender's
need-to-know rule (``offenders.access``) applies first: an outsider gets 404 from the
``*_for_user`` helpers and ``False`` from every ``can_*`` question."""

from django.shortcuts import get_object_or_404

from offenders.access import can_change_offender, can_see_offender, offender_for_user, require

from .models import CivilOrder, Registration, SuspectedBreach


def can_see_register(user, offender) -> bool:
    return can_see_offender(user, offender)


def can_change_register(user, offender) -> bool:
    """Record the registration, notifications, orders and breaches: whoever may change the record."""
    return can_change_offender(user, offender)


def require_change_register(user, offender) -> None:
    require(
        can_change_register(user, offender),
        "You cannot change this register entry: it is outside your team or your role is read-only.",
    )


def register_for_user(user, offender_pk, *, for_change: bool = False):
    """(offender, its registration or None); 404 for an outsider, 403 for a read-only change."""
    offender = offender_for_user(user, offender_pk, for_change=for_change)
    return offender, Registration.objects.filter(offender=offender).first()


def _child_for_user(user, offender_pk, model, pk, *, for_change: bool):
    offender = offender_for_user(user, offender_pk, for_change=for_change)
    obj = get_object_or_404(model, pk=pk, offender=offender)
    obj.offender = offender  # the resolved offender (team and force already loaded)
    return offender, obj


def order_for_user(user, offender_pk, pk, *, for_change: bool = False):
    return _child_for_user(user, offender_pk, CivilOrder, pk, for_change=for_change)


def breach_for_user(user, offender_pk, pk, *, for_change: bool = False):
    return _child_for_user(user, offender_pk, SuspectedBreach, pk, for_change=for_change)
