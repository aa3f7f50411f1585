"""The access policy for offenders: need-to-know by force and team, and who may change what.

The scope rule, written once (``scope_for``):

- An officer or supervisor sees the offenders of their own team(s).
- A force administrator sees the whole of their force.
- A read-only user (auditor or partner agency) sees their team(s), or their force if they
  belong to no team (a force auditor).
- Nobody sees another force's records: such a record answers 404, so its existence does not leak.
- A caseload (the officer's working list, the dashboard) narrows an officer to their own cases.

``Scope.q`` renders the rule as a database filter on any model that carries the offender's force
and team (``visible_offenders``, the dashboard's schedule rows); ``Scope.contains`` renders the
same rule for one object already in memory, so services can ask without a query.

Every view, export and PDF that touches an offender goes through ``offender_for_user`` (or lists
with ``visible_offenders``); objects hanging off an offender are reached through it. Views,
services and templates ask ``can_<verb>_<object>`` below, never the user's role.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.models import Role

from .models import Offender

_TEAM_IDS = "_arms_team_ids"  # per-user-object cache: one query per request, not per check


def user_team_ids(user) -> frozenset[int]:
    if not hasattr(user, _TEAM_IDS):
        teams = user.teams.order_by().values_list("id", flat=True)  # a set: no order, no join
        setattr(user, _TEAM_IDS, frozenset(teams))
    return getattr(user, _TEAM_IDS)


@dataclass(frozen=True)
class Scope:
    """What one user may see: a force (None: nothing), its teams (None: the whole force)."""

    force_id: int | None
    team_ids: frozenset[int] | None
    own_cases_of: int | None  # an officer's caseload is their own cases

    def q(self, *, force: str = "team__force_id", team: str = "team_id") -> Q:
        if self.force_id is None:
            return Q(pk__in=[])
        condition = Q(**{force: self.force_id})
        if self.team_ids is not None:
            condition &= Q(**{f"{team}__in": sorted(self.team_ids)})
        return condition

    def caseload_q(self, *, officer: str = "responsible_officer_id", **fields) -> Q:
        condition = self.q(**fields)
        if self.own_cases_of is not None:
            condition &= Q(**{officer: self.own_cases_of})
        return condition

    def contains(self, *, force_id: int | None, team_id: int | None) -> bool:
        if self.force_id is None or force_id != self.force_id:
            return False
        return self.team_ids is None or team_id in self.team_ids


def scope_for(user) -> Scope:
    if not getattr(user, "is_authenticated", False) or user.force_id is None:
        return Scope(force_id=None, team_ids=None, own_cases_of=None)
    own = user.pk if user.role == Role.OFFICER else None
    if user.role == Role.FORCE_ADMIN:
        return Scope(force_id=user.force_id, team_ids=None, own_cases_of=own)
    teams = user_team_ids(user)
    if user.role == Role.READ_ONLY and not teams:
        return Scope(force_id=user.force_id, team_ids=None, own_cases_of=own)
    return Scope(force_id=user.force_id, team_ids=teams, own_cases_of=own)


def visible_offenders(user) -> QuerySet[Offender]:
    return Offender.objects.filter(scope_for(user).q())


# --- may this user do this? ------------------------------------------------------------------


def can_see_offender(user, offender: Offender) -> bool:
    return scope_for(user).contains(force_id=offender.team.force_id, team_id=offender.team_id)


def can_add_offender(user, team=None) -> bool:
    """Whether the user may add records at all (``team`` None), or add one to ``team``."""
    if not getattr(user, "can_edit_records", False):
        return False
    if team is None:
        return user.force_id is not None
    return scope_for(user).contains(force_id=team.force_id, team_id=team.pk)


def can_change_offender(user, offender: Offender) -> bool:
    """Change the record or anything recorded about the offender (every app's writes ask this)."""
    return getattr(user, "can_edit_records", False) and can_see_offender(user, offender)


def can_see_offender_history(user, offender: Offender) -> bool:
    """The audit history of a record: supervisors, force administrators and auditors."""
    return getattr(user, "can_see_audit", False) and can_see_offender(user, offender)


def require(allowed: bool, message: str) -> None:
    """Services' refusal: whoever calls them (a view, a command, another service)."""
    if not allowed:
        raise PermissionDenied(message)


def require_change_offender(user, offender: Offender) -> None:
    require(
        can_change_offender(user, offender),
        "You cannot change this record: it is outside your team or your role is read-only.",
    )


# --- find it for this user, or 404 -----------------------------------------------------------


def offender_for_user(user, pk, *, for_change: bool = False) -> Offender:
    """The offender ``pk`` if ``user`` may see it (404 otherwise); 403 for a change they may not make."""
    try:
        offender = (
            visible_offenders(user).select_related("team__force", "responsible_officer").get(pk=pk)
        )
    except (Offender.DoesNotExist, ValueError, TypeError):
        raise Http404("No offender found") from None
    if for_change and not can_change_offender(user, offender):
        raise PermissionDenied("Your role can view this record but not change it.")
    return offender


def offender_for_user_by_reference(user, reference: str) -> Offender:
    try:
        return visible_offenders(user).select_related("team__force").get(local_reference=reference)
    except Offender.DoesNotExist:
        raise Http404("No offender found") from None
