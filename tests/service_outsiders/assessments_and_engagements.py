"""The cases of RM2000 and OSP, the ARMS assessments and framework, and the level of risk
management and engagements (overrides, reactive management, visits, the policy)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from tests.outsiders import World
from tests.service_outsiders.case import OFFICERS_OUT, READ_ONLY, SUPERVISORS_OUT, Case


def _factor_save(w: World) -> dict:
    draft = w.draft
    draft.refresh_from_db()
    return dict(
        assessment=draft,
        factor=w.factor,
        expected_version=draft.version,
        rated=True,
        rating=1,
        evidence="Seen at the home visit",
        sources=["offender"],
    )


def _submit(w: World) -> dict:
    assessment = w.rated_draft
    return dict(assessment=assessment, expected_version=assessment.version)


def _policy(w: World) -> dict:
    from assessments.combiner import DEFAULT_POLICY

    data = DEFAULT_POLICY.to_dict()
    del data["version"]
    return dict(data=data, note="Outsider test")


def _framework(w: World) -> dict:
    version = w.framework
    return dict(
        data={
            "number": version.number + 1,
            "label": "Outsider test wording",
            "factors": [
                {"code": f.code, "kind": f.kind, "name": f.name}
                for f in version.factors.order_by("order")
            ],
        }
    )


ASSESSMENTS_AND_ENGAGEMENTS = [
    # --- RM2000 -----------------------------------------------------------------------------
    Case(
        "rm2000_record",
        lambda w: dict(
            offender=w.offender, assessment_date=w.rm2000_assessed, answers=w.rm2000_answers()
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "osp_record",
        lambda w: dict(
            offender=w.offender, assessment_date=w.rm2000_assessed, answers=w.osp_answers()
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    # --- ARMS assessments ---------------------------------------------------------------------
    Case(
        "assessment_start",
        lambda w: dict(offender=w.offender),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case("factor_save", _factor_save, "owner", OFFICERS_OUT),
    Case("assessment_submit", _submit, "owner", OFFICERS_OUT),
    Case(
        "assessment_countersign",
        lambda w: dict(assessment=w.submitted),
        "colleague",
        SUPERVISORS_OUT,
    ),
    Case(
        "assessment_return",
        lambda w: dict(assessment=w.submitted, comment="Add the probation report"),
        "colleague",
        SUPERVISORS_OUT,
    ),
    # A force administrator of any force loads the national framework: everyone else is out.
    Case("framework_load", _framework, "force_admin", ("owner", "colleague") + READ_ONLY),
    # --- level of risk management and engagements ----------------------------------------------
    Case(
        "level_decision_on_countersign",
        lambda w: dict(assessment=w.countersigned_undecided, rm2000_category="medium"),
        "colleague",
        SUPERVISORS_OUT,
    ),
    Case(
        "level_override_request",
        lambda w: dict(
            decision=w.decision,
            level=w.override_level(w.decision),
            rationale="Recent intelligence",
        ),
        "owner",
        OFFICERS_OUT,
    ),
    Case(
        "level_override_decide",
        lambda w: dict(decision=w.decision_requested, approve=True),
        "colleague",
        SUPERVISORS_OUT,
    ),
    Case(
        "reactive_propose",
        lambda w: dict(offender=w.low_for_years, no_civil_order=True, rationale="Settled"),
        "owner",
        OFFICERS_OUT,
    ),
    Case(
        "reactive_decide",
        lambda w: dict(episode=w.episode, approve=False, comment="Not yet"),
        "colleague",
        SUPERVISORS_OUT,
    ),
    Case(
        "change_of_circumstances_record",
        lambda w: dict(
            offender=w.offender,
            kind="employment",
            occurred_on=timezone.localdate(),
            details="Started work at a warehouse",
        ),
        "owner",
        OFFICERS_OUT,
    ),
    Case(
        "visit_plan",
        lambda w: dict(
            offender=w.offender,
            planned_for=timezone.now() + datetime.timedelta(days=3),
            kind="home_visit",
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "visit_record",
        lambda w: dict(
            offender=w.offender,
            visit=w.planned_visit,
            completed_at=timezone.now() - datetime.timedelta(hours=1),
            kind="home_visit",
            outcome="seen",
        ),
        "owner",
        OFFICERS_OUT,
    ),
    Case(
        "visit_frequency_set",
        lambda w: dict(offender=w.decided_offender, interval_months=6, rationale="Settled at home"),
        "owner",
        OFFICERS_OUT,
    ),
    Case(
        "visit_frequency_clear",
        lambda w: dict(offender=w.frequency.offender, rationale="Back to the default"),
        "owner",
        OFFICERS_OUT,
    ),
    # A new version of the user's own force's policy: only the role can be wrong.
    Case("policy_create_version", _policy, "force_admin", ("owner", "colleague") + READ_ONLY),
]
