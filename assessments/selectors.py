"""Reads for ARMS assessments. Callers resolve the offender through the access helper first."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from accounts.models import Role
from offenders.access import visible_offenders

from .charts import FactorSeries
from .models import Assessment, AssessmentStatus, FactorRating, FrameworkVersion
from .priority import arms_priority


def assessments_for_offender(offender) -> QuerySet[Assessment]:
    return offender.arms_assessments.select_related(
        "created_by", "countersigned_by", "framework"
    ).order_by("-created_at", "-pk")


def open_assessment(offender) -> Assessment | None:
    """The draft, returned or submitted assessment, if any (at most one per offender)."""
    return offender.arms_assessments.exclude(status=AssessmentStatus.COUNTERSIGNED).first()


def latest_countersigned(offender) -> Assessment | None:
    return (
        offender.arms_assessments.filter(status=AssessmentStatus.COUNTERSIGNED)
        .order_by("-countersigned_at", "-pk")
        .first()
    )


def countersigned_history(offender) -> QuerySet[Assessment]:
    """Countersigned assessments, oldest first, with their ratings and factors loaded."""
    return (
        offender.arms_assessments.filter(status=AssessmentStatus.COUNTERSIGNED)
        .select_related("framework", "countersigned_by")
        .prefetch_related(
            Prefetch("ratings", queryset=FactorRating.objects.select_related("factor"))
        )
        .order_by("countersigned_at", "pk")
    )


def awaiting_countersignature(user) -> QuerySet[Assessment]:
    """Submitted assessments this user may countersign: their teams' (a force admin: the force's),
    never their own."""
    qs = Assessment.objects.filter(status=AssessmentStatus.SUBMITTED)
    if user.role not in {Role.SUPERVISOR, Role.FORCE_ADMIN}:
        return qs.none()
    return (
        qs.filter(offender__in=visible_offenders(user))
        .exclude(created_by=user)
        .exclude(submitted_by=user)
        .select_related("offender", "submitted_by")
        .order_by("submitted_at", "pk")
    )


def ratings_of(assessment: Assessment) -> list[FactorRating]:
    return list(assessment.ratings.select_related("factor").order_by("factor__order"))


@dataclass(frozen=True)
class FactorChange:
    name: str
    code: str
    before: str
    after: str
    changed: bool
    direction: str  # "better", "worse", "same" or "" when not comparable


def _direction(is_risk: bool, before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return ""
    if before == after:
        return "same"
    lower_is_better = is_risk
    return "better" if (after < before) == lower_is_better else "worse"


def changes_since_previous(assessment: Assessment, ratings=None) -> list[FactorChange]:
    """Factor by factor, what changed from the countersigned assessment it was pre-filled from.

    Compared by code, so it still works if the two were made with different framework versions.
    """
    if assessment.previous_id is None:
        return []
    ratings = ratings if ratings is not None else ratings_of(assessment)
    earlier = {r.factor.code: r for r in ratings_of(assessment.previous)}
    changes = []
    for row in ratings:
        old = earlier.get(row.factor.code)
        before = old.rating_label if old else "Not assessed"
        after = row.rating_label
        changed = old is None or (old.rated, old.rating) != (row.rated, row.rating)
        changes.append(
            FactorChange(
                name=row.factor.name,
                code=row.factor.code,
                before=before,
                after=after,
                changed=changed,
                direction=_direction(row.factor.is_risk, old.rating if old else None, row.rating)
                if old and old.rated and row.rated
                else "",
            )
        )
    return changes


@dataclass(frozen=True)
class Progress:
    dates: list[str]
    series: list[FactorSeries]
    priorities: list[str]


def progress_over_time(offender) -> Progress:
    """Each factor's rating across countersigned assessments, for the chart and its table."""
    # The chart reads the dates, priorities and ratings: not the framework or the countersigner.
    history = list(countersigned_history(offender).select_related(None))
    dates = [f"{a.countersigned_at.day} {a.countersigned_at:%b %Y}" for a in history]
    by_code: dict[str, FactorSeries] = {}
    for index, assessment in enumerate(history):
        for row in assessment.ratings.all():
            series = by_code.get(row.factor.code)
            if series is None:
                series = by_code[row.factor.code] = FactorSeries(
                    code=row.factor.code,
                    name=row.factor.name,
                    protective=not row.factor.is_risk,
                    values=[None] * len(history),
                    order=row.factor.order,
                )
            series.values[index] = row.rating if row.rated else None
    series = sorted(by_code.values(), key=lambda s: s.order)
    priorities = [a.get_final_priority_display() for a in history]
    return Progress(dates=dates, series=series, priorities=priorities)


def current_framework() -> FrameworkVersion:
    return FrameworkVersion.objects.order_by("-number").first()


def incomplete_factors(assessment: Assessment) -> list[FactorRating]:
    return [r for r in assessment.ratings.select_related("factor") if not r.is_complete]


def priority_for(assessment: Assessment):
    """Run the pure rule on the assessment's ratings (every factor must be rated)."""
    ratings = {r.factor.code: r.rating for r in assessment.ratings.select_related("factor")}
    return arms_priority(ratings)


@dataclass(frozen=True)
class FactorContext:
    """What a factor page shows beside its form: where the factor is in the framework, and the
    rating and evidence of the last countersigned assessment for it (matched by code, so a new
    framework version still finds it)."""

    position: int
    count: int
    last: FactorRating | None
    last_assessment: Assessment | None


def factor_context(assessment: Assessment, factor) -> FactorContext:
    codes = list(assessment.framework.factors.order_by("order").values_list("code", flat=True))
    signed = (
        assessment.offender.arms_assessments.filter(status=AssessmentStatus.COUNTERSIGNED)
        .exclude(pk=assessment.pk)
        .select_related("countersigned_by")
        .order_by("-countersigned_at", "-pk")
        .first()
    )
    last = None
    if signed is not None:
        last = signed.ratings.select_related("factor").filter(factor__code=factor.code).first()
    return FactorContext(
        position=codes.index(factor.code) + 1, count=len(codes), last=last, last_assessment=signed
    )
