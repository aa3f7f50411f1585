"""The cases of the accounts services (force administrators, own force only) and of the
offender's record (the offender, addresses, aliases, relationships, court history)."""

from __future__ import annotations

import datetime

from tests.factories import UserFactory
from tests.outsiders import World
from tests.service_outsiders.case import OFFICERS_OUT, READ_ONLY, Case


def _offender_fields(w: World) -> dict:
    return dict(
        surname="Newman",
        forenames="Adam",
        date_of_birth=datetime.date(1980, 3, 2),
        sex="male",
        local_reference="TEST-W999",
        registration_start=datetime.date(2024, 1, 1),
        notification_period="indefinite",
        team=w.team,
        responsible_officer=None,
    )


def _account_fields(w: World) -> dict:
    return dict(
        username="w-new-officer",
        first_name="New",
        last_name="Officer",
        role="officer",
        teams=[w.team],
        password="a-long-enough-first-password-77",
    )


def _deactivated(w: World) -> dict:
    account = UserFactory(username="w-leaver", role="officer", force=w.force, team=w.team)
    account.is_active = False
    account.save(update_fields=["is_active"])
    return dict(account=account)


ACCOUNT_ADMINS_OUT = ("owner", "colleague", "read_only", "other_force_admin")

ACCOUNTS_AND_OFFENDERS = [
    # --- accounts (force administrators, own force only) ------------------------------------
    Case("account_create", _account_fields, "force_admin", ACCOUNT_ADMINS_OUT),
    Case("account_deactivate", lambda w: dict(account=w.owner), "force_admin", ACCOUNT_ADMINS_OUT),
    Case("account_reactivate", _deactivated, "force_admin", ACCOUNT_ADMINS_OUT),
    Case("mfa_reset", lambda w: dict(account=w.owner), "force_admin", ACCOUNT_ADMINS_OUT),
    Case("account_unlock", lambda w: dict(account=w.owner), "force_admin", ACCOUNT_ADMINS_OUT),
    # --- offenders -----------------------------------------------------------------------
    # Creating into team A: an officer may not create an offender in a team not theirs.
    Case("offender_create", _offender_fields, "owner", OFFICERS_OUT + READ_ONLY),
    # Creating into another force's team: the officer of that team may, team A's people not.
    Case(
        "offender_create",
        lambda w: _offender_fields(w) | {"team": w.foreign_team},
        "other_force_officer",
        ("owner", "colleague", "force_admin"),
        variant="into_another_force",
    ),
    Case(
        "offender_update",
        lambda w: dict(offender=w.offender, surname="Changed"),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    # Moving team A's offender into another force's team: nobody may.
    Case(
        "offender_update",
        lambda w: dict(offender=w.offender, team=w.foreign_team),
        None,
        ("owner", "colleague", "force_admin"),
        variant="into_another_force",
    ),
    Case(
        "address_add",
        lambda w: dict(
            offender=w.offender,
            line_1="2 Other Street",
            town="Testville",
            postcode="ZZ9 9ZY",
            start_date=datetime.date(2025, 1, 1),
        ),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "alias_add",
        lambda w: dict(offender=w.offender, surname="Smith", forenames="John"),
        "owner",
        OFFICERS_OUT,
    ),
    Case(
        "relationship_add",
        lambda w: dict(offender=w.offender, kind="marriage", start_date=datetime.date(2015, 11, 3)),
        "owner",
        OFFICERS_OUT + READ_ONLY,
    ),
    Case(
        "court_appearance_add",
        lambda w: dict(
            offender=w.offender,
            sentencing_date=datetime.date(2019, 3, 4),
            court="Testville Crown Court",
            disposal="Community order",
            offences=[{"description": "Theft", "kind": "other"}],
        ),
        "owner",
        OFFICERS_OUT,
    ),
    Case(
        "offence_add",
        lambda w: dict(appearance=w.appearance, description="Theft", kind="other"),
        "owner",
        OFFICERS_OUT,
    ),
]
