"""Demo ARMS assessments (synthetic). Written through the services, then backdated, so the demo
exercises the real rules: DEMO-001 shows three countersigned assessments that improve over time
plus a current draft; other North-team offenders are countersigned, awaiting countersignature or
left as old drafts. Idempotent: an offender that already has assessments is left alone."""

import datetime

from django.utils import timezone

from accounts.models import User
from assessments import services
from assessments.models import Assessment, AssessmentTransition
from assessments.priority import FACTOR_CODES
from offenders.models import Offender

R = FACTOR_CODES  # shorter rows below, in the order of the domain table

# DEMO-001 over two years: risk factors ease, protective factors grow.
DEMO_001_RATINGS = [
    # SP ORSI OPP ECWC HOST PSM NSI | ROUT SOC COMMIT PSI
    (2, 1, 2, 0, 2, 2, 1, 0, 0, 1, 0),  # after release: high
    (2, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1),  # settling: medium
    (1, 1, 1, 0, 1, 1, 1, 2, 1, 1, 0),  # working, new partner's family wary: medium
]
DEMO_001_EVIDENCE = {
    "sexual_preoccupation": [
        "Talked at length about sex at the first visit; hostel staff report late-night phone use.",
        "Less talk about sex; says he keeps busy. Hostel reports fewer late nights.",
        "Settled; no concerns raised by the treatment provider this period.",
    ],
    "offence_related_sexual_interest": [
        "Treatment report notes interest linked to the 2021 offence; not yet explored.",
        "Started the treatment programme; work on offence-related interest under way.",
        "Completed the programme core module; facilitator still sees some interest.",
    ],
    "opportunity_to_offend": [
        "Hostel next to a park with a play area; uses a smartphone without monitoring.",
        "Moved to a flat away from schools; phone checked at visits.",
        "Works nights in a warehouse with adults only; phone checks clear.",
    ],
    "emotional_congruence_with_children": [
        "No sign of seeking the company of children; friendships are with adults.",
        "No change.",
        "No change.",
    ],
    "hostile_orientation": [
        "Angry about his licence conditions; blames the victims in conversation.",
        "Still resentful about conditions but no longer blames the victims.",
        "Calmer; accepts the conditions are there for a reason.",
    ],
    "poor_self_management": [
        "Two warnings on licence for missing curfew; drinking heavily at weekends.",
        "No breaches this period; cut down drinking with support from the alcohol service.",
        "No breaches; drinks occasionally.",
    ],
    "negative_social_influences": [
        "Spends time with two associates from prison.",
        "Sees one of the associates occasionally.",
        "Still in touch with one associate from prison, by phone.",
    ],
    "positive_routine": [
        "No work, no structure to the week.",
        "Volunteers two days a week at a charity shop.",
        "Full-time work on a night shift, regular hours.",
    ],
    "social_investment": [
        "Nothing he would say he wants to keep.",
        "Values the flat; nothing more yet.",
        "Values his job and his tenancy; talks about keeping both.",
    ],
    "commitment_to_desist": [
        "Says he wants to stay out of trouble but avoids talking about the offences.",
        "Engages with treatment; talks about the harm caused.",
        "Talks about the future he wants; actions match most of the time.",
    ],
    "positive_social_influences": [
        "No supportive contacts.",
        "Sister back in touch and knows his history.",
        "Sister has moved away; new partner does not yet know his history.",
    ],
}


def _user(username):
    return User.objects.get(username=username)


def _backdate(assessment, started, *, submitted=None, countersigned=None):
    """Move the timestamps of a demo assessment into the past (seed code only)."""
    fields = {"created_at": started, "updated_at": submitted or countersigned or started}
    if assessment.submitted_at:
        fields["submitted_at"] = submitted
    if assessment.countersigned_at:
        fields["countersigned_at"] = countersigned
    Assessment.objects.filter(pk=assessment.pk).update(**fields)
    for transition in AssessmentTransition.objects.filter(assessment=assessment):
        at = {"draft": started, "submitted": submitted, "countersigned": countersigned}.get(
            transition.to_status
        )
        AssessmentTransition.objects.filter(pk=transition.pk).update(at=at or started)


def _fill(assessment, author, ratings, evidence_for):
    for row in assessment.ratings.select_related("factor"):
        assessment.refresh_from_db()
        rating = ratings[row.factor.code]
        services.factor_save(
            user=author,
            assessment=assessment,
            factor=row.factor,
            expected_version=assessment.version,
            rated=True,
            rating=rating,
            evidence=evidence_for(row.factor.code),
            sources=["offender", "home_visit"] + (["agencies"] if rating else []),
            insufficient_information_note="Awaiting the probation report" if rating is None else "",
            work_needed="" if rating == 0 else "Review at the next home visit",
        )
    assessment.refresh_from_db()
    return assessment


def _assessment(offender, author, supervisor, ratings, evidence_for, *, started, stage):
    """Create one assessment and take it to ``stage``: draft, submitted or countersigned."""
    assessment, _ = services.assessment_start(user=author, offender=offender)
    assessment = _fill(assessment, author, ratings, evidence_for)
    submitted_at = countersigned_at = None
    if stage in {"submitted", "countersigned"}:
        assessment = services.assessment_submit(
            user=author, assessment=assessment, expected_version=assessment.version
        )
        submitted_at = started + datetime.timedelta(days=3)
    if stage == "countersigned":
        assessment = services.assessment_countersign(user=supervisor, assessment=assessment)
        countersigned_at = started + datetime.timedelta(days=6)
    _backdate(assessment, started, submitted=submitted_at, countersigned=countersigned_at)
    return assessment


def seed_demo_001(officer, supervisor, now):
    offender = Offender.objects.filter(local_reference="DEMO-001").first()
    if offender is None or offender.arms_assessments.exists():
        return
    for index, (months_ago, row) in enumerate(zip((24, 15, 6), DEMO_001_RATINGS, strict=True)):
        _assessment(
            offender,
            officer,
            supervisor,
            dict(zip(R, row, strict=True)),
            lambda code, i=index: DEMO_001_EVIDENCE[code][i],
            started=now - datetime.timedelta(days=months_ago * 30),
            stage="countersigned",
        )
    # The current draft: pre-filled from the last one, two factors already updated.
    draft, _ = services.assessment_start(user=officer, offender=offender)
    for code, rating, evidence in [
        ("sexual_preoccupation", 0, "No concerns from any source for six months."),
        ("commitment_to_desist", 2, "Asked for extra sessions; told his partner his history."),
    ]:
        draft.refresh_from_db()
        row = draft.ratings.select_related("factor").get(factor__code=code)
        services.factor_save(
            user=officer,
            assessment=draft,
            factor=row.factor,
            expected_version=draft.version,
            rated=True,
            rating=rating,
            evidence=evidence,
            sources=["offender", "agencies"],
            work_needed=row.work_needed,
        )
    _backdate(draft, now - datetime.timedelta(days=5))


GENERIC = [
    # (reference, stage, days ago, ratings row)
    ("DEMO-003", "countersigned", 120, (1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1)),
    ("DEMO-004", "countersigned", 200, (2, 2, 1, 0, 1, 1, 1, 0, 1, 0, 0)),
    ("DEMO-006", "countersigned", 330, (0, 0, 1, 0, 0, 1, 0, 2, 2, 1, 1)),
    ("DEMO-007", "countersigned", 60, (1, 1, 2, 1, 0, 1, 1, 1, 0, 1, 0)),
    ("DEMO-009", "submitted", 4, (1, 1, 1, 0, None, 1, 1, 1, 1, 1, 0)),
    ("DEMO-010", "submitted", 9, (2, 1, 2, 0, 1, 2, 1, 0, 0, 1, 0)),
    ("DEMO-012", "submitted", 2, (0, 1, 0, 0, 1, 0, 0, 2, 1, 2, 1)),
    ("DEMO-013", "draft", 75, (1, 1, 1, 0, 1, 1, 0, 1, 0, 0, 0)),
    ("DEMO-015", "draft", 140, (1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1)),
    # The rest of the North team's caseload: countersigned over the last 14 months, so most
    # offenders show a level, and the due dates spread (a few reassessments overdue).
    ("DEMO-018", "countersigned", 45, (1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1)),
    ("DEMO-019", "countersigned", 95, (0, 1, 0, 0, 0, 1, 0, 2, 1, 1, 1)),
    ("DEMO-022", "countersigned", 150, (2, 1, 1, 0, 1, 2, 1, 0, 0, 1, 0)),
    ("DEMO-024", "countersigned", 30, (1, 0, 0, 0, 1, 1, 0, 1, 2, 1, 1)),
    ("DEMO-025", "countersigned", 250, (1, 1, 2, 0, 0, 1, 1, 1, 0, 0, 1)),
    ("DEMO-027", "countersigned", 180, (0, 0, 1, 0, 0, 0, 0, 2, 2, 2, 1)),
    ("DEMO-028", "countersigned", 20, (2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0)),
    ("DEMO-030", "countersigned", 380, (1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0)),
    ("DEMO-031", "countersigned", 110, (0, 1, 1, 0, 1, 0, 0, 1, 1, 2, 1)),
    ("DEMO-034", "countersigned", 70, (1, 0, 1, 0, 0, 1, 0, 2, 1, 1, 1)),
    ("DEMO-036", "countersigned", 210, (1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1)),
    ("DEMO-037", "countersigned", 130, (2, 1, 1, 0, 2, 1, 1, 0, 1, 0, 0)),
    ("DEMO-039", "countersigned", 160, (0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1)),
    ("DEMO-040", "countersigned", 55, (1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0)),
]


def _generic_evidence(code):
    return "Discussed at the home visit and checked with probation (synthetic demo text)."


def seed(out):
    try:
        officer, supervisor = _user("officer"), _user("supervisor")
    except User.DoesNotExist:
        out.write("ARMS assessments: demo users missing, run the offenders seed first.")
        return
    now = timezone.now()
    seed_demo_001(officer, supervisor, now)
    for reference, stage, days_ago, row in GENERIC:
        offender = Offender.objects.filter(local_reference=reference).first()
        # Only the supervisor's own team, so "supervisor" can countersign them.
        if offender is None or offender.arms_assessments.exists():
            continue
        if not supervisor.teams.filter(pk=offender.team_id).exists():
            continue
        _assessment(
            offender,
            officer,
            supervisor,
            dict(zip(R, row, strict=True)),
            _generic_evidence,
            started=now - datetime.timedelta(days=days_ago),
            stage=stage,
        )
    out.write(f"ARMS assessments: {Assessment.objects.count()} synthetic assessments.")
