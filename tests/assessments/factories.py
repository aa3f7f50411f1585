"""Helpers that build assessments through the services, so tests exercise the real rules."""

from assessments import services
from assessments.models import Assessment
from assessments.priority import FACTOR_CODES, PROTECTIVE_FACTORS

# A medium-priority set: risk 1+1+0+0+1+1+0 = 4, protective 1+1+0+0 = 2, net 2, no strong.
MEDIUM_RATINGS = {code: 1 for code in FACTOR_CODES} | {
    "opportunity_to_offend": 0,
    "emotional_congruence_with_children": 0,
    "negative_social_influences": 0,
    "commitment_to_desist": 0,
    "positive_social_influences": 0,
}


def rate_all(assessment: Assessment, user, ratings=None) -> Assessment:
    """Fill every factor page (rated and evidenced) and return the refreshed assessment."""
    ratings = ratings or MEDIUM_RATINGS
    for row in assessment.ratings.select_related("factor"):
        assessment.refresh_from_db()
        rating = ratings[row.factor.code]
        services.factor_save(
            user=user,
            assessment=assessment,
            factor=row.factor,
            expected_version=assessment.version,
            rated=True,
            rating=rating,
            evidence=f"Evidence for {row.factor.code}",
            sources=["offender", "agencies"],
            insufficient_information_note="Waiting for the probation report"
            if rating is None
            else "",
            work_needed="Keep under review",
        )
    assessment.refresh_from_db()
    return assessment


def submitted(offender, author, ratings=None, **submit_kwargs) -> Assessment:
    assessment, _ = services.assessment_start(user=author, offender=offender)
    assessment = rate_all(assessment, author, ratings)
    return services.assessment_submit(
        user=author, assessment=assessment, expected_version=assessment.version, **submit_kwargs
    )


def countersigned(offender, author, supervisor, ratings=None) -> Assessment:
    assessment = submitted(offender, author, ratings)
    return services.assessment_countersign(user=supervisor, assessment=assessment)


__all__ = ["MEDIUM_RATINGS", "PROTECTIVE_FACTORS", "rate_all", "submitted", "countersigned"]
