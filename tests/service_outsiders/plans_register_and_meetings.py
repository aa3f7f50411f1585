"""The cases of case formulations and plans, the register (registration, notifications, civil
orders, breaches) and MAPPA meetings."""

from __future__ import annotations

import datetime

from tests.outsiders import World
from tests.service_outsiders.case import (
    MEETING_OUT,
    OFFICERS_OUT,
    READ_ONLY,
    SUPERVISORS_OUT,
    Case,
)


def _formulation_update(w: World) -> dict:
    formulation = w.formulation
    return dict(formulation=formulation, version=formulation.version, risk_drivers="Changed")


PLANS_REGISTER_AND_MEETINGS = [
    # --- formulations and plans --------------------------------------------------------------
    Case(
        "formulation_start",
        lambda w: dict(assessment=w.draft),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case("formulation_update", _formulation_update, "owner", OFFICERS_OUT + READ_ONLY),
    Case(
        "plan_action_create",
        lambda w: dict(
            formulation=w.formulation,
            heading="monitoring",
            description="Check the devices",
            owner="Police",
            due_date=datetime.date(2030, 3, 1),
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "plan_action_update",
        lambda w: dict(action=w.action, description="Changed"),
        "owner",
        OFFICERS_OUT,
    ),
    Case(
        "record_disclosure",
        lambda w: dict(
            offender=w.offender,
            obj=w.formulation,
            summary="Case formulation PDF downloaded",
            recipients="Probation",
        ),
        "owner",
        OFFICERS_OUT,
    ),
    # A draft leaves the system only with those who write it (read-only roles refused).
    Case(
        "record_disclosure",
        lambda w: dict(
            offender=w.offender,
            obj=w.formulation,
            summary="Draft case formulation PDF downloaded",
            recipients="Probation",
            draft=True,
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
        variant="draft",
    ),
    # --- the register ------------------------------------------------------------------------
    Case(
        "registration_record",
        lambda w: dict(
            offender=w.offender,
            relevant_date=datetime.date(2024, 3, 1),
            disposal="caution",
            first_notified_on=datetime.date(2024, 3, 2),
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "registration_end",
        lambda w: dict(
            registration=w.registration, reason="moved_out", off_on=datetime.date(2026, 1, 2)
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "notification_record",
        lambda w: (
            w.registration
            and dict(
                offender=w.offender,
                kind="periodic",
                notified_on=datetime.date(2025, 3, 1),
                station="Walk police station",
            )
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "order_record",
        lambda w: dict(
            offender=w.offender,
            kind="sro",
            court="Walk Magistrates' Court",
            made_on=datetime.date(2025, 1, 6),
            until_further_order=True,
            prohibitions=["No contact with children"],
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "breach_record",
        lambda w: dict(
            offender=w.offender,
            breach_of="order",
            prohibition=w.prohibition,
            what="Seen near a school",
            found_on=datetime.date(2026, 1, 5),
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "breach_close",
        lambda w: dict(breach=w.breach, outcome="Warned", closed_on=datetime.date(2026, 1, 6)),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    # --- MAPPA meetings ---------------------------------------------------------------------
    # Putting team A's offender on an agenda: only someone who may see the offender may.
    Case(
        "meeting_create",
        lambda w: dict(
            date=datetime.date(2030, 4, 1),
            mappa_level=2,
            agencies="Police\nProbation",
            offenders=[w.offender],
        ),
        "colleague",
        SUPERVISORS_OUT + ("other_force_officer",),
    ),
    # Force 1's meeting: outsiders pass an empty list (nothing they may not see).
    Case(
        "meeting_set_agenda",
        lambda w: dict(meeting=w.meeting, offenders=[]),
        "colleague",
        MEETING_OUT,
    ),
    # A pack of team A's offender: another team's supervisor may not build it either.
    Case(
        "pack_request",
        lambda w: dict(meeting=w.meeting),
        "colleague",
        MEETING_OUT + ("other_team_supervisor",),
    ),
]
