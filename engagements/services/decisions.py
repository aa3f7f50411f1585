"""Level decisions: derived at countersignature, moved one level by an approved override."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assessments.combiner import Level, StaticTool, derive_level
from assessments.models import Assessment, AssessmentStatus
from audit.models import Action
from audit.services import audit_record
from riskmatrix.selectors import latest_osp, latest_rm2000, latest_rm2000_s_category

from ..models import (
    DecisionStatus,
    LevelDecision,
    OverrideStatus,
)
from ._common import (
    _LOOK_UP,
    _current_decision_locked,
    require_change,
    require_deciding_supervisor,
)
from .policies import policy_in_force
from .schedule import schedule_refresh


def latest_rm2000_category(offender) -> str | None:
    """The offender's current RM2000/S category, or None (not scored, or not applicable)."""
    return latest_rm2000_s_category(offender) or None


def _fmt(day) -> str:
    return f"{day.day} {day:%b %Y}"


def static_for_level(offender, tool: StaticTool) -> tuple:
    """(record, category or None, a line of working) from the current record of ``tool``."""
    if tool == StaticTool.OSP:
        record = latest_osp(offender)
        if record is None:
            return None, None, "Static tool (policy): OSP; no OSP score is recorded"
        reduced = (
            f" (reduced from {record.get_dc_band_before_reduction_display()})"
            if record.dc_reduced
            else ""
        )
        category = record.osp_category
        return (
            record,
            category.value,
            (
                f"Static tool (policy): OSP of {_fmt(record.assessment_date)}: OSP/DC "
                f"{record.get_dc_band_display()}{reduced}, OSP/IIC {record.get_iic_band_display()}; "
                f"the higher is {category.label}"
            ),
        )
    record = latest_rm2000(offender)
    if record is None:
        return None, None, "Static tool (policy): RM2000/S; no Risk Matrix 2000 score is recorded"
    return (
        record,
        record.s_category,
        (
            f"Static tool (policy): RM2000/S of {_fmt(record.assessment_date)}: "
            f"{record.get_s_category_display()}"
        ),
    )


# --- the level decision ---------------------------------------------------------------------


@transaction.atomic
def level_decision_on_countersign(
    *, user, assessment: Assessment, rm2000_category=_LOOK_UP, today=None
) -> LevelDecision:
    """Derive the level from a countersigned assessment and the static category of the policy's
    tool (RM2000/S, or OSP: the higher of OSP/DC and OSP/IIC), and put it in force. A given
    ``rm2000_category`` is used as the static category as it stands (no record)."""
    if assessment.status != AssessmentStatus.COUNTERSIGNED or not assessment.final_priority:
        raise ValidationError("Only a countersigned assessment with a priority sets the level")
    existing = LevelDecision.objects.filter(assessment=assessment).first()
    if existing is not None:  # already decided (e.g. the demo seeded twice)
        return existing
    offender = assessment.offender
    require_change(user, offender)
    # The level takes effect on the day of the countersignature unless the caller says otherwise.
    today = today or timezone.localdate(assessment.countersigned_at)
    policy = policy_in_force(offender.team.force)
    rules = policy.as_rules()
    if rm2000_category is _LOOK_UP:
        record, category, source = static_for_level(offender, rules.static_tool)
    else:
        record, category = None, rm2000_category or None
        source = f"Static tool (policy): {rules.static_tool.label}; category given: {category}"
    result = derive_level(rm2000=category, priority=assessment.final_priority, policy=rules)
    LevelDecision.objects.filter(offender=offender).exclude(
        status=DecisionStatus.SUPERSEDED
    ).update(status=DecisionStatus.SUPERSEDED)
    decision = LevelDecision.objects.create(
        offender=offender,
        assessment=assessment,
        rm2000_category=(category or "") if rules.static_tool == StaticTool.RM2000 else "",
        static_tool=rules.static_tool.value,
        static_record=record,
        static_category=category or "",
        priority=str(result.priority.value),
        derived_level=result.level.value,
        final_level=result.level.value,
        needs_review=result.needs_review,
        working=[source, *result.working],
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
        summary=f"Level of risk management {result.level.label} (policy {policy.version}, "
        f"static tool {result.tool})",
        changed_fields=["final_level", "effective_date"],
    )
    schedule_refresh(offender, today=today)
    return decision


@transaction.atomic
def level_override_request(
    *, user, decision: LevelDecision, level: str, rationale: str
) -> LevelDecision:
    """The officer asks to move the derived level one step, with a rationale."""
    require_change(user, decision.offender)
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
    require_deciding_supervisor(user, decision.offender)
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
