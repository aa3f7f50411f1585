"""The one access rule for offenders: need-to-know by force and team.

- An officer or supervisor sees the offenders of their own team(s).
- A force administrator sees the whole of their force.
- A read-only user (auditor or partner agency) sees their team(s), or their force if they
  belong to no team (a force auditor).
- Nobody sees another force's records: such a record answers 404, so its existence does not leak.

Every view, export and PDF that touches an offender goes through ``offender_for_user`` (or
filters with ``visible_offenders``); objects hanging off an offender are reached through it.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from accounts.models import Role

from .models import Offender


def visible_offenders(user) -> QuerySet[Offender]:
    qs = Offender.objects.all()
    if not getattr(user, "is_authenticated", False) or user.force_id is None:
        return qs.none()
    qs = qs.filter(team__force_id=user.force_id)
    if user.role == Role.FORCE_ADMIN:
        return qs
    team_ids = list(user.teams.values_list("id", flat=True))
    if user.role == Role.READ_ONLY and not team_ids:
        return qs
    return qs.filter(team_id__in=team_ids)


def can_change_offender(user, offender: Offender) -> bool:
    return user.can_edit_records


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
        return visible_offenders(user).get(local_reference=reference)
    except Offender.DoesNotExist:
        raise Http404("No offender found") from None
