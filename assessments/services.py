"""Writes for ARMS assessments: start, save a factor page, submit, countersign, return.

Every function is one transaction with an audit entry. A countersigned assessment is immutable:
each service re-reads the assessment under a row lock and refuses to touch a locked one, so the
rule holds whatever the view or a tampered form sends.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import Role
from audit.models import Action
from audit.services import audit_record

from .models import (
    Assessment,
    AssessmentStatus,
    AssessmentTransition,
    Factor,
    FactorRating,
    FrameworkVersion,
    InformationSource,
    OverrideStatus,
    PriorityChoice,
)
from .priority import arms_priority

LOCKED_MESSAGE = "This assessment has been countersigned and can no longer be changed"
SUBMITTED_MESSAGE = (
    "This assessment is awaiting countersignature and cannot be changed unless it is returned"
)


class StaleAssessmentError(Exception):
    """Someone else saved the assessment after this user opened the page (optimistic locking)."""

    message = (
        "Someone else saved this assessment while you were editing. "
        "Your text is shown below so nothing is lost."
    )

    def __init__(self, current_version: int):
        super().__init__(self.message)
        self.current_version = current_version


# --- helpers -------------------------------------------------------------------------------


def _require_editor(user) -> None:
    if not user.can_edit_records:
        raise PermissionDenied("Your role can view assessments but not change them.")


def _locked_for_update(assessment: Assessment) -> Assessment:
    """Re-read under a row lock so two saves cannot interleave; the caller's copy may be stale."""
    return (
        Assessment.objects.select_for_update()
        .select_related("offender__team")
        .get(pk=assessment.pk)
    )


def _require_editable(assessment: Assessment) -> None:
    if assessment.status == AssessmentStatus.COUNTERSIGNED:
        raise ValidationError(LOCKED_MESSAGE, code="locked")
    if assessment.status == AssessmentStatus.SUBMITTED:
        raise ValidationError(SUBMITTED_MESSAGE, code="submitted")


def _require_version(assessment: Assessment, expected_version: int) -> None:
    if assessment.version != expected_version:
        raise StaleAssessmentError(assessment.version)


def _transition(assessment, *, user, to_status, comment="", new=False) -> None:
    AssessmentTransition.objects.create(
        assessment=assessment,
        from_status="" if new else assessment.status,
        to_status=to_status,
        by=user,
        comment=comment,
    )
    assessment.status = to_status


def can_countersign(user, assessment: Assessment) -> bool:
    """A supervisor of the offender's team or a force admin of its force; never the author."""
    if user.pk in {assessment.created_by_id, assessment.submitted_by_id}:
        return False
    team = assessment.offender.team
    if user.role == Role.FORCE_ADMIN:
        return user.force_id == team.force_id
    if user.role == Role.SUPERVISOR:
        return user.teams.filter(pk=team.pk).exists()
    return False


def _require_countersigner(user, assessment: Assessment) -> None:
    if user.pk in {assessment.created_by_id, assessment.submitted_by_id}:
        raise PermissionDenied("You cannot countersign or return an assessment you wrote.")
    if not can_countersign(user, assessment):
        raise PermissionDenied(
            "Only a supervisor of the offender's team or a force administrator can countersign."
        )


def current_framework() -> FrameworkVersion:
    return FrameworkVersion.objects.order_by("-number").first()


# --- start ---------------------------------------------------------------------------------


@transaction.atomic
def assessment_start(*, user, offender) -> tuple[Assessment, bool]:
    """Start a new draft pre-filled from the last countersigned assessment.

    Only one open assessment per offender: if a draft (or returned) one exists it is returned
    with ``created`` False instead of starting a second.
    """
    _require_editor(user)
    # Lock the offender row so two officers pressing "Start" at once do not make two drafts.
    type(offender).objects.select_for_update().filter(pk=offender.pk).first()
    open_ = offender.arms_assessments.exclude(status=AssessmentStatus.COUNTERSIGNED).first()
    if open_ is not None:
        if open_.status == AssessmentStatus.SUBMITTED:
            raise ValidationError(
                "An assessment is awaiting countersignature: it must be countersigned or "
                "returned before a new one is started",
                code="awaiting",
            )
        return open_, False

    framework = current_framework()
    previous = (
        offender.arms_assessments.filter(status=AssessmentStatus.COUNTERSIGNED)
        .order_by("-countersigned_at", "-pk")
        .first()
    )
    assessment = Assessment.objects.create(
        offender=offender, framework=framework, created_by=user, previous=previous
    )
    earlier = {}
    if previous is not None:
        # Matched by code, so a pre-fill works across framework versions with the same codes.
        earlier = {r.factor.code: r for r in previous.ratings.select_related("factor")}
    ratings = []
    for factor in framework.factors.all():
        old = earlier.get(factor.code)
        ratings.append(
            FactorRating(
                assessment=assessment,
                factor=factor,
                rated=old.rated if old else False,
                rating=old.rating if old else None,
                evidence=old.evidence if old else "",
                sources=list(old.sources) if old else [],
                insufficient_information_note=old.insufficient_information_note if old else "",
                work_needed=old.work_needed if old else "",
            )
        )
    FactorRating.objects.bulk_create(ratings)
    _transition(assessment, user=user, to_status=AssessmentStatus.DRAFT, new=True)
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=assessment,
        offender=offender,
        summary="ARMS assessment started"
        + (
            f" (pre-filled from the assessment of {previous.countersigned_at:%d %B %Y})"
            if previous
            else ""
        ),
    )
    return assessment, True


# --- one factor page -----------------------------------------------------------------------

RATING_VALUES = (0, 1, 2)


@transaction.atomic
def factor_save(
    *,
    user,
    assessment: Assessment,
    factor: Factor,
    expected_version: int,
    rated: bool,
    rating: int | None,
    evidence: str,
    sources: Iterable[str],
    insufficient_information_note: str = "",
    work_needed: str = "",
) -> FactorRating:
    """Save one factor page as part of the draft.

    ``rated`` False means not answered yet; ``rated`` True with ``rating`` None means
    insufficient information. Incomplete pages may be saved: completeness is checked on submit.
    """
    _require_editor(user)
    assessment = _locked_for_update(assessment)
    _require_editable(assessment)
    _require_version(assessment, expected_version)
    if factor.framework_id != assessment.framework_id:
        raise ValidationError("This factor is not part of the assessment's framework")

    if rated and rating is not None and (isinstance(rating, bool) or rating not in RATING_VALUES):
        raise ValidationError(
            {
                "rating": "Choose a rating: not present, some evidence, strong evidence or "
                "insufficient information"
            }
        )
    if not rated:
        rating = None
    sources = list(dict.fromkeys(sources))
    unknown = [s for s in sources if s not in InformationSource.values]
    if unknown:
        raise ValidationError({"sources": f"Unknown source of information: {', '.join(unknown)}"})

    row = FactorRating.objects.get(assessment=assessment, factor=factor)
    new_values = {
        "rated": rated,
        "rating": rating,
        "evidence": evidence.strip(),
        "sources": sources,
        "insufficient_information_note": insufficient_information_note.strip()
        if rated and rating is None
        else "",
        "work_needed": work_needed.strip(),
    }
    changed = [name for name, value in new_values.items() if getattr(row, name) != value]
    for name, value in new_values.items():
        setattr(row, name, value)
    row.save()

    assessment.version += 1
    assessment.save(update_fields=["version", "updated_at"])
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=assessment,
        offender=assessment.offender,
        summary=f"ARMS factor saved: {factor.name}",
        changed_fields=changed,
    )
    return row


# --- submit --------------------------------------------------------------------------------


def incomplete_factors(assessment: Assessment) -> list[FactorRating]:
    return [r for r in assessment.ratings.select_related("factor") if not r.is_complete]


def _missing_message(row: FactorRating) -> str:
    if not row.rated:
        return f"Rate {row.factor.name}"
    if not row.evidence.strip():
        return f"Enter the evidence for {row.factor.name}"
    return f"Say what information is missing for {row.factor.name}"


def priority_for(assessment: Assessment):
    """Run the pure rule on the assessment's ratings (every factor must be rated)."""
    ratings = {r.factor.code: r.rating for r in assessment.ratings.select_related("factor")}
    return arms_priority(ratings)


@transaction.atomic
def assessment_submit(
    *,
    user,
    assessment: Assessment,
    expected_version: int,
    override_priority: str = "",
    override_rationale: str = "",
) -> Assessment:
    """Submit for countersignature: every factor rated and evidenced; derive the priority."""
    _require_editor(user)
    assessment = _locked_for_update(assessment)
    _require_editable(assessment)
    _require_version(assessment, expected_version)

    missing = incomplete_factors(assessment)
    if missing:
        raise ValidationError([_missing_message(r) for r in missing], code="incomplete")

    try:
        result = priority_for(assessment)
    except ValueError as error:  # a framework whose codes do not fit the rule
        raise ValidationError(str(error)) from error

    override_rationale = override_rationale.strip()
    if override_priority and override_priority not in PriorityChoice.values:
        raise ValidationError({"override_priority": "Choose low, medium or high"})
    if override_priority == result.priority.value:
        override_priority = ""  # the same as derived is no override
    if override_priority and not override_rationale:
        raise ValidationError(
            {"override_rationale": "Enter the reason for changing the derived priority"}
        )

    assessment.derived_priority = result.priority.value
    assessment.final_priority = result.priority.value
    assessment.rule_version = result.rule_version
    assessment.priority_working = {
        "risk": result.risk,
        "protective": result.protective,
        "net": result.net,
        "strong": result.strong,
        "lines": list(result.working),
    }
    assessment.override_priority = override_priority
    assessment.override_rationale = override_rationale if override_priority else ""
    assessment.override_status = (
        OverrideStatus.REQUESTED if override_priority else OverrideStatus.NONE
    )
    assessment.override_comment = ""
    assessment.submitted_at = timezone.now()
    assessment.submitted_by = user
    assessment.return_comment = ""
    _transition(assessment, user=user, to_status=AssessmentStatus.SUBMITTED)
    assessment.version += 1
    assessment.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=assessment,
        offender=assessment.offender,
        summary=f"ARMS assessment submitted: derived priority {result.priority.label}"
        + (f", override to {override_priority} requested" if override_priority else ""),
        changed_fields=["status", "derived_priority", "override_priority"],
    )
    return assessment


# --- countersign / return ------------------------------------------------------------------


@transaction.atomic
def assessment_countersign(
    *, user, assessment: Assessment, approve_override: bool | None = None, comment: str = ""
) -> Assessment:
    """Countersign (and lock) a submitted assessment, deciding any override request."""
    assessment = _locked_for_update(assessment)
    _require_countersigner(user, assessment)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(
            LOCKED_MESSAGE
            if assessment.is_locked
            else "Only a submitted assessment can be countersigned",
            code="status",
        )
    comment = comment.strip()
    if assessment.override_status == OverrideStatus.REQUESTED:
        if approve_override is None:
            raise ValidationError(
                {"approve_override": "Say whether you approve the officer's override"}
            )
        if approve_override:
            assessment.override_status = OverrideStatus.APPROVED
            assessment.final_priority = assessment.override_priority
        else:
            if not comment:
                raise ValidationError({"comment": "Enter the reason for refusing the override"})
            assessment.override_status = OverrideStatus.REFUSED
            assessment.final_priority = assessment.derived_priority
        assessment.override_comment = comment

    assessment.countersigned_at = timezone.now()
    assessment.countersigned_by = user
    _transition(assessment, user=user, to_status=AssessmentStatus.COUNTERSIGNED, comment=comment)
    assessment.version += 1
    assessment.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=assessment,
        offender=assessment.offender,
        summary="ARMS assessment countersigned: priority "
        + assessment.get_final_priority_display(),
        changed_fields=["status", "final_priority", "override_status"],
    )
    # Level of risk management (issue 5): derive it from this assessment and the RM2000/S.
    from engagements.services import level_decision_on_countersign

    level_decision_on_countersign(user=user, assessment=assessment)
    return assessment


@transaction.atomic
def assessment_return(*, user, assessment: Assessment, comment: str) -> Assessment:
    """Send a submitted assessment back to the officer with a comment; it is editable again."""
    assessment = _locked_for_update(assessment)
    _require_countersigner(user, assessment)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(
            LOCKED_MESSAGE
            if assessment.is_locked
            else "Only a submitted assessment can be returned",
            code="status",
        )
    comment = comment.strip()
    if not comment:
        raise ValidationError({"comment": "Enter what the officer needs to change"})
    assessment.return_comment = comment
    assessment.override_status = OverrideStatus.NONE
    _transition(assessment, user=user, to_status=AssessmentStatus.RETURNED, comment=comment)
    assessment.version += 1
    assessment.save()
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=assessment,
        offender=assessment.offender,
        summary="ARMS assessment returned to the officer",
        changed_fields=["status", "return_comment"],
    )
    return assessment
