"""Drafting an assessment: start it, save factor pages, submit it for countersignature."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from arms_site.lib.dates import gov_date
from audit.models import Action
from audit.services import audit_record
from offenders.access import require_change_offender

from ..models import (
    Assessment,
    AssessmentStatus,
    Factor,
    FactorRating,
    InformationSource,
    OverrideStatus,
    PriorityChoice,
)
from ..selectors import current_framework, incomplete_factors, priority_for
from ._common import (
    _locked_for_update,
    _require_editable,
    _require_editor,
    _require_version,
    _save_changed,
    _transition,
    contributor_add,
)


@transaction.atomic
def assessment_start(*, user, offender) -> tuple[Assessment, bool]:
    """Start a new draft pre-filled from the last countersigned assessment.

    Only one open assessment per offender: if a draft (or returned) one exists it is returned
    with ``created`` False instead of starting a second.
    """
    require_change_offender(user, offender)
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
    contributor_add(assessment, user)
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
            f" (pre-filled from the assessment of {gov_date(previous.countersigned_at)})"
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
    _require_editor(user, assessment)
    assessment = _locked_for_update(assessment)
    _require_editable(assessment)
    _require_version(assessment, expected_version)
    contributor_add(assessment, user)
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


def _missing_message(row: FactorRating) -> str:
    if not row.rated:
        return f"Rate {row.factor.name}"
    if not row.evidence.strip():
        return f"Enter the evidence for {row.factor.name}"
    return f"Say what information is missing for {row.factor.name}"


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
    _require_editor(user, assessment)
    assessment = _locked_for_update(assessment)
    _require_editable(assessment)
    _require_version(assessment, expected_version)
    contributor_add(assessment, user)

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
    _save_changed(
        assessment,
        user=user,
        summary=f"ARMS assessment submitted: derived priority {result.priority.label}"
        + (f", override to {override_priority} requested" if override_priority else ""),
        changed_fields=["status", "derived_priority", "override_priority"],
    )
    return assessment


# --- countersign / return ------------------------------------------------------------------
