"""Access helpers for formulations and MAPPA meetings. Every view, export and PDF uses them.

- A formulation is reached through its offender (``offenders.access.offender_for_user``), so the
  offender's need-to-know rule applies unchanged: an outsider gets 404.
- MAPPA meetings belong to a force; only supervisors and force administrators of that force
  handle them. Another force's meeting answers 404; a role without the right answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import Role
from offenders.access import can_change_offender, can_see_offender, offender_for_user

from .models import MappaMeeting, PackExport, PlanAction
from .selectors import formulation_versions

MEETING_ROLES = {Role.SUPERVISOR, Role.FORCE_ADMIN}


def formulation_for_user(user, offender_pk, *, for_change: bool = False):
    """(offender, the formulation in progress, else the latest, else None) if the user may see
    the offender; 404 otherwise. The pages that change a formulation start here."""
    offender = offender_for_user(user, offender_pk, for_change=for_change)
    return offender, formulation_versions(offender).working


def action_for_user(user, offender_pk, action_pk, *, for_change: bool = False):
    offender = offender_for_user(user, offender_pk, for_change=for_change)
    action = get_object_or_404(
        PlanAction.objects.select_related("formulation__assessment"),
        pk=action_pk,
        formulation__assessment__offender=offender,
    )
    return offender, action


def can_handle_meetings(user) -> bool:
    return getattr(user, "role", None) in MEETING_ROLES and user.force_id is not None


def can_handle_meeting(user, meeting: MappaMeeting) -> bool:
    return can_handle_meetings(user) and meeting.force_id == user.force_id


def can_edit_formulation(user, assessment) -> bool:
    """Write the formulation and plan of ``assessment``: anyone who may change the record."""
    return can_change_offender(user, assessment.offender)


def can_export_formulation(user, offender) -> bool:
    """Download the countersigned formulation as PDF (a disclosure, audited): anyone who may see
    the record, read-only roles included. An auditor checks what was disclosed, and a partner
    agency is given this same document at MAPPA meetings; it is approved, so it may leave."""
    return can_see_offender(user, offender)


def can_export_draft_formulation(user, offender) -> bool:
    """Download the draft in progress (every page marked DRAFT): only those who write it. A
    read-only role may read the draft on screen but never take an unapproved copy away."""
    return can_change_offender(user, offender)


def check_meeting_role(user) -> None:
    if not can_handle_meetings(user):
        raise PermissionDenied("Only supervisors and force administrators prepare MAPPA meetings.")


def meetings_for_user(user):
    check_meeting_role(user)
    return MappaMeeting.objects.filter(force_id=user.force_id)


def meeting_for_user(user, pk) -> MappaMeeting:
    try:
        return meetings_for_user(user).select_related("created_by").get(pk=pk)
    except (MappaMeeting.DoesNotExist, ValueError, TypeError):
        raise Http404("No meeting found") from None


def export_for_user(user, meeting_pk, export_pk):
    meeting = meeting_for_user(user, meeting_pk)
    return meeting, get_object_or_404(PackExport, pk=export_pk, meeting=meeting)
