"""Writes for the level of risk management and the timetable of engagements.

Every function is keyword-only, one transaction, with its audit entry, and ends by refreshing the
offender's denormalised schedule (``schedule_refresh``), the only code that writes it.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assessments.combiner import Level, derive_level
from assessments.models import Assessment, AssessmentStatus
from audit.models import Action
from audit.services import audit_record

from .models import (
    ChangeOfCircumstances,
    DecisionStatus,
    LevelDecision,
    OverrideStatus,
    ReactiveManagement,
    ReactiveStatus,
    Visit,
)
from .policies import policy_create_version, policy_current  # noqa: F401  (re-exported)
from .reactive import is_eligible
from .schedule import reactive_facts, schedule_refresh  # noqa: F401  (re-exported)

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


def latest_rm2000_category(offender) -> str | None:
    """The offender's current RM2000/S category, or None (not scored, or not applicable)."""
    try:
        from riskmatrix.selectors import latest_rm2000_s_category
    except ImportError:  # the riskmatrix feature is not installed in this build
        return None
    return latest_rm2000_s_category(offender) or None


# --- the level decision ---------------------------------------------------------------------


@transaction.atomic
def level_decision_on_countersign(
    *, user, assessment: Assessment, rm2000_category=_LOOK_UP, today=None
) -> LevelDecision:
    """Derive the level from a countersigned assessment and the RM2000/S, and put it in force."""
    if assessment.status != AssessmentStatus.COUNTERSIGNED or not assessment.final_priority:
        raise ValidationError("Only a countersigned assessment with a priority sets the level")
    existing = LevelDecision.objects.filter(assessment=assessment).first()
    if existing is not None:  # already decided (e.g. the demo seeded twice)
        return existing
    offender = assessment.offender
    # The level takes effect on the day of the countersignature unless the caller says otherwise.
    today = today or timezone.localdate(assessment.countersigned_at)
    if rm2000_category is _LOOK_UP:
        rm2000_category = latest_rm2000_category(offender)
    policy = policy_current(offender.team.force)
    result = derive_level(
        rm2000=rm2000_category or None, priority=assessment.final_priority, policy=policy.as_rules()
    )
    LevelDecision.objects.filter(offender=offender).exclude(
        status=DecisionStatus.SUPERSEDED
    ).update(status=DecisionStatus.SUPERSEDED)
    decision = LevelDecision.objects.create(
        offender=offender,
        assessment=assessment,
        rm2000_category=rm2000_category or "",
        priority=str(result.priority.value),
        derived_level=result.level.value,
        final_level=result.level.value,
        needs_review=result.needs_review,
        working=list(result.working),
        policy=policy,
        policy_version=result.policy_version,
        effective_date=today,
        decided_by=user,
    )
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=decision,
        offender=offender,
        summary=f"Level of risk management {result.level.label} (policy {policy.version})",
        changed_fields=["final_level", "effective_date"],
    )
    schedule_refresh(offender, today=today)
    return decision


def _current_decision_locked(decision: LevelDecision) -> LevelDecision:
    decision = _locked(LevelDecision, decision.pk)
    if decision.status == DecisionStatus.SUPERSEDED:
        raise ValidationError("This level decision has been superseded by a newer one")
    return decision


@transaction.atomic
def level_override_request(
    *, user, decision: LevelDecision, level: str, rationale: str
) -> LevelDecision:
    """The officer asks to move the derived level one step, with a rationale."""
    _require_editor(user)
    decision = _current_decision_locked(decision)
    if decision.status == DecisionStatus.OVERRIDE_REQUESTED:
        raise ValidationError("An override is already awaiting a supervisor")
    errors = {}
    try:
        steps = Level(level).rank - Level(decision.derived_level).rank
    except ValueError:
        steps = None
    if steps not in (-1, 1):
        errors["level"] = "Select a level one step above or below the derived level"
    if not rationale.strip():
        errors["rationale"] = "Enter the reason for changing the level"
    if errors:
        raise ValidationError(errors)
    decision.override_level = level
    decision.override_rationale = rationale.strip()
    decision.override_requested_by = user
    decision.override_requested_at = timezone.now()
    decision.override_status = OverrideStatus.REQUESTED
    decision.override_decided_by = None
    decision.override_decided_at = None
    decision.override_comment = ""
    decision.status = DecisionStatus.OVERRIDE_REQUESTED
    decision.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=decision,
        offender=decision.offender,
        summary=f"Level override to {Level(level).label} requested",
        changed_fields=["override_level", "override_rationale", "status"],
    )
    schedule_refresh(decision.offender)
    return decision


@transaction.atomic
def level_override_decide(
    *, user, decision: LevelDecision, approve: bool, comment: str = "", today=None
) -> LevelDecision:
    """A supervisor other than the requester approves (the level changes today) or refuses."""
    _require_supervisor(user)
    decision = _current_decision_locked(decision)
    if decision.status != DecisionStatus.OVERRIDE_REQUESTED:
        raise ValidationError("There is no override awaiting a decision")
    if decision.override_requested_by_id == user.pk:
        raise ValidationError("Another supervisor must decide an override you requested")
    if not approve and not comment.strip():
        raise ValidationError({"comment": "Enter the reason for refusing the override"})
    if approve:
        decision.final_level = decision.override_level
        decision.override_status = OverrideStatus.APPROVED
    else:
        decision.override_status = OverrideStatus.REFUSED
    decision.override_decided_by = user
    decision.override_decided_at = timezone.now()
    decision.override_comment = comment.strip()
    decision.status = DecisionStatus.IN_FORCE
    decision.save()
    verdict = "approved" if approve else "refused"
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=decision,
        offender=decision.offender,
        summary=f"Level override {verdict}: level {decision.get_final_level_display()}",
        changed_fields=["final_level", "override_status", "status"],
    )
    schedule_refresh(decision.offender, today=today)
    return decision


# --- reactive management --------------------------------------------------------------------


def _set_offender_status(user, offender, old, new) -> None:
    from offenders.services import offender_update

    if offender.status == old:
        offender_update(user=user, offender=offender, status=new)


@transaction.atomic
def reactive_propose(
    *, user, offender, no_civil_order: bool, rationale: str, today=None
) -> ReactiveManagement:
    """Propose reactive management; refused unless every eligibility criterion passes."""
    _require_editor(user)
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
    _require_supervisor(user)
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
    episode.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=episode,
        offender=offender,
        summary="Reactive management " + ("approved" if approve else "refused"),
        changed_fields=["status", "start"],
    )
    if approve:
        _set_offender_status(user, offender, "active", "reactive")
    schedule_refresh(offender, today=today)
    return episode


def _end_reactive(*, user, offender, today, reason: str) -> None:
    for episode in ReactiveManagement.objects.select_for_update().filter(
        offender=offender, status__in=[ReactiveStatus.PROPOSED, ReactiveStatus.ACTIVE]
    ):
        was_active = episode.status == ReactiveStatus.ACTIVE
        episode.status = ReactiveStatus.ENDED
        episode.end = today
        episode.end_reason = reason
        episode.save()
        audit_record(
            actor=user,
            action=Action.CHANGED,
            obj=episode,
            offender=offender,
            summary=f"Reactive management ended: {reason}",
            changed_fields=["status", "end", "end_reason"],
        )
        if was_active:
            _set_offender_status(user, offender, "reactive", "active")


# --- engagements ----------------------------------------------------------------------------


@transaction.atomic
def change_of_circumstances_record(
    *, user, offender, kind: str, occurred_on: datetime.date, details: str, today=None
) -> ChangeOfCircumstances:
    """Record a change: a reassessment is due at once, and reactive management ends."""
    _require_editor(user)
    today = _today(today)
    errors = {}
    if occurred_on > today:
        errors["occurred_on"] = "The date of the change must be today or in the past"
    if not details.strip():
        errors["details"] = "Enter the details of the change"
    if errors:
        raise ValidationError(errors)
    change = ChangeOfCircumstances(
        offender=offender,
        kind=kind,
        occurred_on=occurred_on,
        details=details.strip(),
        recorded_by=user,
    )
    change.full_clean()
    change.save()
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=change,
        offender=offender,
        summary=f"Change of circumstances recorded: {change.get_kind_display()}",
        changed_fields=["kind", "occurred_on", "details"],
    )
    _end_reactive(
        user=user,
        offender=offender,
        today=today,
        reason=f"Change of circumstances ({change.get_kind_display().lower()})",
    )
    schedule_refresh(offender, today=today)
    return change


@transaction.atomic
def visit_plan(
    *,
    user,
    offender,
    planned_for: datetime.datetime,
    kind: str,
    announced: bool = False,
    attended_by: str = "",
    notes: str = "",
    now=None,
) -> Visit:
    _require_editor(user)
    now = now or timezone.now()
    if planned_for < now:
        raise ValidationError({"planned_for": "The planned date and time must be in the future"})
    visit = Visit(
        offender=offender,
        planned_for=planned_for,
        kind=kind,
        announced=announced,
        attended_by=attended_by.strip(),
        notes=notes.strip(),
        recorded_by=user,
    )
    visit.full_clean()
    visit.save()
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=visit,
        offender=offender,
        summary=f"{visit.get_kind_display()} planned",
        changed_fields=["planned_for", "kind", "announced"],
    )
    schedule_refresh(offender, today=timezone.localdate(now))
    return visit


@transaction.atomic
def visit_record(
    *,
    user,
    offender,
    completed_at: datetime.datetime,
    kind: str,
    outcome: str,
    announced: bool = False,
    attended_by: str = "",
    notes: str = "",
    concerns_raised: bool = False,
    concerns: str = "",
    visit: Visit | None = None,
    now=None,
) -> Visit:
    """Record a completed visit (a new one, or the planned ``visit``). Completed is final."""
    _require_editor(user)
    now = now or timezone.now()
    errors = {}
    if completed_at > now:
        errors["completed_at"] = "The date and time of the visit must not be in the future"
    if not outcome:
        errors["outcome"] = "Select the outcome of the visit"
    if concerns_raised and not concerns.strip():
        errors["concerns"] = "Enter the concerns raised"
    if errors:
        raise ValidationError(errors)
    if visit is None:
        visit = Visit(offender=offender, recorded_by=user)
    else:
        visit = _locked(Visit, visit.pk)
        if visit.offender_id != offender.pk:
            raise ValidationError("This visit belongs to another offender")
        if visit.is_completed:
            raise ValidationError("This visit has already been recorded and cannot be changed")
    visit.completed_at = completed_at
    visit.kind = kind
    visit.outcome = outcome
    visit.announced = announced
    visit.attended_by = attended_by.strip()
    visit.notes = notes.strip()
    visit.concerns_raised = concerns_raised
    visit.concerns = concerns.strip() if concerns_raised else ""
    visit.full_clean()
    visit.save()
    audit_record(
        actor=user,
        action=Action.CREATED if visit.planned_for is None else Action.CHANGED,
        obj=visit,
        offender=offender,
        summary=f"{visit.get_kind_display()} recorded: {visit.get_outcome_display()}",
        changed_fields=["completed_at", "outcome", "notes", "concerns_raised"],
    )
    schedule_refresh(offender, today=timezone.localdate(now))
    return visit
