"""The database itself refuses to change or remove audit entries (DPA 2018 s.62), on PostgreSQL.

- Row triggers (migration 0002) refuse UPDATE and DELETE; a statement trigger (0003) refuses
  TRUNCATE, also when it cascades from a table the log refers to.
- The only exception, for the test harness's flush, needs both ``arms.allow_audit_truncate = on``
  and a superuser: an application role that sets the setting is still refused.
- The production role of the README (``SELECT, INSERT`` on the log, nothing more) has no
  privilege to UPDATE, DELETE or TRUNCATE it at all, trigger or not.
"""

from contextlib import contextmanager

import pytest
from django.db import connection, transaction
from django.db.utils import InternalError, ProgrammingError

from audit.models import Action, AuditEvent
from audit.services import audit_record

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the audit triggers and role privileges are PostgreSQL's (the migrations install "
    "nothing on SQLite, which has no TRUNCATE or roles); the model and the admin refuse changes "
    "on every database (tests/audit/test_audit_log.py)",
)

REFUSED = "audit entries are append-only"

TAMPERING = [
    "UPDATE audit_auditevent SET summary = 'tampered'",
    "DELETE FROM audit_auditevent",
    "TRUNCATE audit_auditevent",
    "TRUNCATE TABLE audit_auditevent RESTART IDENTITY",
    "TRUNCATE audit_auditevent CASCADE",
    # The log refers to users and offenders: truncating them with CASCADE truncates it too.
    "TRUNCATE accounts_user CASCADE",
    "TRUNCATE offenders_offender CASCADE",
]

# The grants of the README's production role (run by the owner after each ``migrate``).
PRODUCTION_GRANTS = """
GRANT USAGE ON SCHEMA public TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_auditevent FROM {role};
"""
PROBE_ROLE = "arms_audit_probe"  # created inside the test's transaction, so rolled back with it


@pytest.fixture
def event(owner, offender):
    return audit_record(
        actor=owner, action=Action.VIEWED, obj=offender, offender=offender, summary="x"
    )


def _tamper(sql):
    # Django's foreign keys are deferred: check the pending ones now, or PostgreSQL refuses the
    # TRUNCATE for "pending trigger events" before the audit trigger is even asked.
    _execute("SET CONSTRAINTS ALL IMMEDIATE")
    _execute(sql)


def _execute(sql, *params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params or None)
        return cursor.fetchone() if cursor.description else None


def _fetchall(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def _is_superuser() -> bool:
    return _execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")[0]


def _require_superuser():
    if not _is_superuser():
        pytest.skip("creating a probe role and switching to it needs a superuser connection")


@contextmanager
def _as_role(role):
    _execute(f"SET LOCAL ROLE {role}")
    try:
        yield
    finally:
        _execute("RESET ROLE")


def test_the_triggers_are_installed(db):
    triggers = {
        name
        for (name,) in _fetchall(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_auditevent'::regclass "
            "AND NOT tgisinternal"
        )
    }
    assert {"audit_auditevent_no_update_delete", "audit_auditevent_no_truncate"} <= triggers


@pytest.mark.parametrize("sql", TAMPERING)
def test_the_database_refuses(event, sql):
    with pytest.raises(InternalError, match=REFUSED), transaction.atomic():
        _execute("SET LOCAL arms.allow_audit_truncate = 'off'")  # as in production
        _tamper(sql)
    assert AuditEvent.objects.get(pk=event.pk).summary == "x"


# (RESTART IDENTITY is left out: it needs to own the sequence, so privilege refuses it first.)
@pytest.mark.parametrize(
    "sql", [s for s in TAMPERING if s.startswith("TRUNCATE") and "RESTART" not in s]
)
def test_an_application_role_that_sets_the_test_switch_is_still_refused(event, sql):
    """Any role can set a custom setting; the exception also needs a superuser, which the
    application's role never is. The probe holds every privilege, so only the trigger refuses."""
    _require_superuser()
    _execute(f"CREATE ROLE {PROBE_ROLE} NOLOGIN NOSUPERUSER")
    _execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {PROBE_ROLE}")
    with _as_role(PROBE_ROLE):
        with pytest.raises(InternalError, match=REFUSED), transaction.atomic():
            _execute("SET LOCAL arms.allow_audit_truncate = 'on'")
            _tamper(sql)
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_the_production_role_has_no_privilege_to_change_the_log(event, owner, offender):
    """The README's grants: the application appends and reads; UPDATE, DELETE and TRUNCATE are
    refused by privilege before any trigger runs."""
    _require_superuser()
    _execute(f"CREATE ROLE {PROBE_ROLE} NOLOGIN NOSUPERUSER")
    _execute(PRODUCTION_GRANTS.format(role=PROBE_ROLE))
    for privilege, expected in [
        ("SELECT", True),
        ("INSERT", True),
        ("UPDATE", False),
        ("DELETE", False),
        ("TRUNCATE", False),
    ]:
        granted = _execute(
            "SELECT has_table_privilege(%s, 'audit_auditevent', %s)", PROBE_ROLE, privilege
        )[0]
        assert granted is expected, privilege
    with _as_role(PROBE_ROLE):
        appended = audit_record(actor=owner, action=Action.VIEWED, offender=offender, summary="y")
        assert AuditEvent.objects.filter(pk__in=[event.pk, appended.pk]).count() == 2
        for sql in TAMPERING[:5]:
            with pytest.raises(ProgrammingError, match="permission denied"), transaction.atomic():
                _tamper(sql)


def test_the_test_harness_exception_needs_the_setting_and_a_superuser(event):
    """What lets pytest-django flush the tables between transactional tests (tests/conftest.py
    sets the switch on every test connection): a superuser with the switch on may truncate."""
    _require_superuser()
    with transaction.atomic():
        _execute("SET LOCAL arms.allow_audit_truncate = 'on'")
        _tamper("TRUNCATE audit_auditevent")
        assert not AuditEvent.objects.exists()
        transaction.set_rollback(True)
    assert AuditEvent.objects.filter(pk=event.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_still_flushes_a_non_empty_log(owner, offender):
    """Teardown truncates every table; it errors here if the harness switch is missing."""
    audit_record(actor=owner, action=Action.VIEWED, offender=offender, summary="flushed after")
    assert AuditEvent.objects.count() >= 1
