"""On PostgreSQL, refuse TRUNCATE of the audit log in the database itself (DPA 2018 s.62).

The row trigger of 0002 refuses UPDATE and DELETE, but TRUNCATE fires no row trigger, so it
would empty the log in one statement (also when it cascades from a table the log refers to, such
as ``TRUNCATE accounts_user CASCADE``). This statement-level ``BEFORE TRUNCATE`` trigger refuses it.

The one exception is for the test harness, whose flush between transactional tests truncates
every table: TRUNCATE passes only when BOTH

- the session sets ``arms.allow_audit_truncate = 'on'`` (``tests/conftest.py`` does, on every test
  connection), and
- the role running it is a PostgreSQL superuser.

Any role can set a custom setting, so the setting alone would be an escape hatch; a superuser can
already disable or drop any trigger, so requiring one gives nobody a power they did not have. The
application's role is never a superuser (README, "The production database role"), so for it
TRUNCATE is always refused; and an application wrongly run as a superuser still cannot empty
the log by accident (``manage.py flush``), because nothing sets the setting outside the tests.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_auditevent_no_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('arms.allow_audit_truncate', true), '') = 'on'
       AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit entries are append-only: TRUNCATE of % refused', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditevent_no_truncate
    BEFORE TRUNCATE ON audit_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_no_truncate();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_auditevent_no_truncate();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)  # no params: "%" is PL/pgSQL's


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]
    operations = [migrations.RunPython(forwards, backwards)]
