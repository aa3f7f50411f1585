"""Every writing service refuses an outsider with PermissionDenied and writes nothing.

The views already hide other teams' records (``test_outsider_walk.py``); the services must hold
the same line on their own, whatever calls them (a view, a command, a task, a tampered form).
Each case calls one service with otherwise valid arguments on a real object of force 1 / team A
(``tests/outsiders.py``):

- as each outsider listed for it (another force's officer, supervisor or administrator; another
  team's officer or supervisor), and as a read-only member of the team for a few: each must be
  refused with ``django.core.exceptions.PermissionDenied`` and leave every table unchanged (no
  new row, no changed row, no new ``audit.AuditEvent``);
- as the rightful user (``test_the_rightful_user_can_make_the_same_call``), which must succeed
  and write, so the refusals above are about who calls, not about the arguments.

``test_every_writing_service_has_a_case`` finds the writing services in the source (a public
function using ``transaction.atomic``, or taking a keyword-only ``user`` in a services module),
so a new one cannot slip through: it needs a case here or an entry in ``NOT_SCOPED``.
"""

from __future__ import annotations

import ast
import datetime
import importlib
import pathlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.factories import UserFactory
from tests.outsiders import World

# --- finding the writing services ---------------------------------------------------------

SKIPPED_DIRS = {"migrations", "management", "templatetags", "tests", "__pycache__"}

# Functions the search finds that act on no other team's record (or write nothing), with why.
NOT_SCOPED = {
    "seed_scale": "bulk generator of synthetic SCALE- data for a management command; no user",
    "snapshot_month": "the daily system job copying the schedule's figures; no user",
    "backfill_history": "synthetic past snapshots for demonstration data; no user",
    "build_pack": "the worker half of pack_request, building an export pack_request authorised",
    "caseload_list_viewed": "logs that the user viewed their own caseload; touches no record",
    "caseload_exported": "logs the user's own caseload CSV download; touches no record",
    "record_viewed": "the audit primitive a page calls after its own access check; no record",
    "pack_html_parts": "writes nothing: renders build_pack's HTML of what the user may see",
    # The sign-in steps act on the signed-in user's own account and record its security events.
    "sign_in_recorded": "records the user's own sign-in step; no one else's record",
    "sign_in_failed": "records a failed sign-in for the account named; no record changes",
    "locked_out_recorded": "records a refused sign-in for the account named; no record changes",
    "signed_out_recorded": "records the user's own sign-out",
    "mfa_enrolment_start": "the user's own unconfirmed authenticator device",
    "mfa_enrolment_confirm": "the user's own device (another user's device is refused: tested in tests/accounts)",
    "verify_code": "checks the user's own code",
    "verify_backup_code": "uses up one of the user's own backup codes",
    "record_security_event": "the audit primitive of the sign-in services",
}


def _project_app_dirs() -> list[pathlib.Path]:
    base = pathlib.Path(settings.BASE_DIR).resolve()
    dirs = []
    for config in apps.get_app_configs():
        path = pathlib.Path(config.path).resolve()
        if base in path.parents and ".venv" not in path.parts and "site-packages" not in path.parts:
            dirs.append(path)
    return dirs


def _writes(node: ast.FunctionDef, module: str) -> bool:
    if "transaction.atomic" in ast.unparse(node):
        return True
    in_services = "services" in module.split(".")
    return in_services and any(arg.arg == "user" for arg in node.args.kwonlyargs)


@cache
def writing_services() -> dict[str, str]:
    """{function name: module} for every public writing function of the project's apps."""
    base = pathlib.Path(settings.BASE_DIR).resolve()
    found = {}
    for app_dir in _project_app_dirs():
        for path in sorted(app_dir.rglob("*.py")):
            relative = path.relative_to(base)
            if SKIPPED_DIRS.intersection(relative.parts):
                continue
            module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
            for node in ast.parse(path.read_text()).body:
                if (
                    isinstance(node, ast.FunctionDef)
                    and not node.name.startswith("_")
                    and _writes(node, module)
                ):
                    found.setdefault(node.name, module)
    return found


def service(name: str) -> Callable:
    module = writing_services().get(name)
    if module is None:
        pytest.fail(
            f"No writing service named {name} in the project any more: update its case in "
            f"{__name__} (renamed? moved out of a services module?)",
            pytrace=False,
        )
    return getattr(importlib.import_module(module), name)


# --- what "nothing written" means ------------------------------------------------------------

APP_LABELS = (
    "accounts",
    "offenders",
    "riskmatrix",
    "assessments",
    "engagements",
    "formulations",
    "register",
    "audit",
    "dashboard",
)


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def snapshot() -> dict[str, dict]:
    """Every row of the project's tables, by model label and primary key."""
    rows = {}
    for label in APP_LABELS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models(include_auto_created=True):
            rows[model._meta.label] = {
                row["pk"] if "pk" in row else row[model._meta.pk.attname]: {
                    key: _plain(value) for key, value in row.items()
                }
                for row in model._base_manager.order_by("pk").values()
            }
    return rows


def differences(before: dict, after: dict) -> list[str]:
    lines = []
    for label in sorted(set(before) | set(after)):
        old, new = before.get(label, {}), after.get(label, {})
        added = len(set(new) - set(old))
        removed = len(set(old) - set(new))
        changed = sum(1 for pk in set(old) & set(new) if old[pk] != new[pk])
        parts = [
            f"{n} {what}"
            for n, what in ((added, "new"), (changed, "changed"), (removed, "deleted"))
            if n
        ]
        if parts:
            lines.append(f"{label}: {', '.join(parts)}")
    return lines


# --- the cases --------------------------------------------------------------------------------

OFFICERS_OUT = ("other_force_officer", "other_team_officer", "other_force_admin")
SUPERVISORS_OUT = ("other_force_supervisor", "other_team_supervisor", "other_force_admin")
# MAPPA meetings belong to the force: another team's supervisor of force 1 may handle them, so
# for the meeting itself only force 2 and officers (wrong role) are outsiders.
MEETING_OUT = ("other_force_supervisor", "other_force_admin", "other_team_officer")
READ_ONLY = ("read_only",)


@dataclass(frozen=True)
class Case:
    service: str
    args: Callable[[World], dict]  # the keyword arguments besides ``user``; builds its objects
    insider: str | None  # who may make the call (None: nobody may, with these arguments)
    outsiders: tuple[str, ...]
    variant: str = ""  # tells apart two cases of one service

    def __str__(self):
        return f"{self.service}-{self.variant}" if self.variant else self.service


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


def _formulation_update(w: World) -> dict:
    formulation = w.formulation
    return dict(formulation=formulation, version=formulation.version, risk_drivers="Changed")


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

CASES = [
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


OUTSIDER_CALLS = [
    pytest.param(case, persona, id=f"{case}-{persona}")
    for case in CASES
    for persona in case.outsiders
]


@pytest.fixture
def world(db):
    return World()


@pytest.mark.parametrize(("case", "persona"), OUTSIDER_CALLS)
def test_an_outsider_is_refused_and_nothing_is_written(world, case, persona):
    call = service(case.service)
    kwargs = case.args(world)  # build the objects before looking
    user = world.person(persona)
    who = world.describe(persona)
    before = snapshot()
    try:
        call(user=user, **kwargs)
    except PermissionDenied:
        pass
    except ValidationError as error:
        pytest.fail(
            f"{case.service} refused {who} with ValidationError {error.messages} instead of "
            "PermissionDenied",
            pytrace=False,
        )
    else:
        pytest.fail(
            f"{case.service} let {who} write: " + "; ".join(differences(before, snapshot())),
            pytrace=False,
        )
    after = snapshot()
    assert after["audit.AuditEvent"] == before["audit.AuditEvent"], "an audit entry was written"
    assert not differences(before, after), f"refused, but wrote: {differences(before, after)}"


@pytest.mark.parametrize("case", [c for c in CASES if c.insider], ids=str)
def test_the_rightful_user_can_make_the_same_call(world, case):
    call = service(case.service)
    kwargs = case.args(world)
    before = snapshot()
    call(user=world.person(case.insider), **kwargs)
    assert differences(before, snapshot()), f"{case.service} by {case.insider} wrote nothing"


def test_every_writing_service_has_a_case():
    found = writing_services()
    covered = {case.service for case in CASES}
    missing = sorted(set(found) - covered - set(NOT_SCOPED))
    assert not missing, (
        "Writing services without an outsider case: "
        + ", ".join(f"{found[name]}.{name}" for name in missing)
        + f". Add a Case to {__name__} (or, if it touches no one's record, to NOT_SCOPED)"
    )
    assert len(found) >= 30, sorted(found)  # the discovery still finds the services


def test_the_exemptions_are_still_writing_services():
    stale = sorted(set(NOT_SCOPED) - set(writing_services()))
    assert not stale, f"NOT_SCOPED names functions that are gone or no longer write: {stale}"
