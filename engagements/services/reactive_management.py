"""Reactive management: proposed for an eligible Low offender, approved by a supervisor."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.models import Action
from audit.services import audit_record
from offenders.services import offender_update

from ..models import (
    ReactiveManagement,
    ReactiveStatus,
)
from ..reactive import is_eligible
from ..selectors import reactive_facts
from ._common import _locked, _today, require_change, require_deciding_supervisor
from .schedule import schedule_refresh


def _set_offender_status(user, offender, old, new) -> None:
    if offender.status == old:
        offender_update(user=user, offender=offender, status=new)


@transaction.atomic
def reactive_propose(
    *, user, offender, no_civil_order: bool, rationale: str, today=None
) -> ReactiveManagement:
    """Propose reactive management; refused unless every eligibility criterion passes."""
    require_change(user, offender)
    today = _today(today)
    if ReactiveManagement.objects.filter(
        offender=offender, status__in=[ReactiveStatus.PROPOSED, ReactiveStatus.ACTIVE]
    ).exists():
        raise ValidationError("Reactive management is already proposed or in place")
    criteria = reactive_facts(offender, today=today, no_civil_order=no_civil_order)
    errors = {}
    if not is_eligible(criteria):
        failed = [c.label for c in criteria if not c.passed]
        errors["no_civil_order" if failed == ["No civil order in force"] else "__all__"] = (
            "Not eligible for reactive management: " + "; ".join(failed)
        )
    if not rationale.strip():
        errors["rationale"] = "Enter why reactive management is appropriate"
    if errors:
        raise ValidationError(errors)
    episode = ReactiveManagement.objects.create(
        offender=offender,
        criteria=[c.as_dict() for c in criteria],
        no_civil_order=no_civil_order,
        rationale=rationale.strip(),
        proposed_by=user,
    )
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=episode,
        offender=offender,
        summary="Reactive management proposed",
        changed_fields=["status", "criteria", "rationale"],
    )
    schedule_refresh(offender, today=today)
    return episode


@transaction.atomic
def reactive_decide(
    *, user, episode: ReactiveManagement, approve: bool, comment: str = "", today=None
) -> ReactiveManagement:
    """A supervisor other than the proposer approves (criteria checked again) or refuses."""
    require_deciding_supervisor(user, episode.offender)
    today = _today(today)
    episode = _locked(ReactiveManagement, episode.pk)
    if episode.status != ReactiveStatus.PROPOSED:
        raise ValidationError("There is no proposal awaiting a decision")
    if episode.proposed_by_id == user.pk:
        raise ValidationError("Another supervisor must decide a proposal you made")
    if not approve and not comment.strip():
        raise ValidationError({"comment": "Enter the reason for refusing reactive management"})
    offender = episode.offender
    if approve:
        criteria = reactive_facts(offender, today=today, no_civil_order=episode.no_civil_order)
        if not is_eligible(criteria):
            failed = "; ".join(c.label for c in criteria if not c.passed)
            raise ValidationError(f"No longer eligible for reactive management: {failed}")
        episode.criteria = [c.as_dict() for c in criteria]
        episode.status = ReactiveStatus.ACTIVE
        episode.start = today
    else:
        episode.status = ReactiveStatus.REFUSED
    episode.decided_by = user
    episode.decided_at = timezone.now()
    episode.decision_comment = comment.strip()
    _save_episode(
        episode,
        user=user,
        offender=offender,
        summary="Reactive management " + ("approved" if approve else "refused"),
        changed_fields=["status", "start"],
    )
    if approve:
        _set_offender_status(user, offender, "active", "reactive")
    schedule_refresh(offender, today=today)
    return episode


def _save_episode(episode, *, user, offender, summary: str, changed_fields) -> None:
    episode.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=episode,
        offender=offender,
        summary=summary,
        changed_fields=changed_fields,
    )


def _end_reactive(*, user, offender, today, reason: str) -> None:
    for episode in ReactiveManagement.objects.select_for_update().filter(
        offender=offender, status__in=[ReactiveStatus.PROPOSED, ReactiveStatus.ACTIVE]
    ):
        was_active = episode.status == ReactiveStatus.ACTIVE
        episode.status = ReactiveStatus.ENDED
        episode.end = today
        episode.end_reason = reason
        _save_episode(
            episode,
            user=user,
            offender=offender,
            summary=f"Reactive management ended: {reason}",
            changed_fields=["status", "end", "end_reason"],
        )
        if was_active:
            _set_offender_status(user, offender, "reactive", "active")


# --- engagements ----------------------------------------------------------------------------
