"""Indexes in the order of the lists (PostgreSQL only): level rank descending with no level
last, then a due date, then the offender, within a force, a team or an officer, for the rows on
the register. A page at any depth is then a range of one index (``selectors.pages``).

``NULLS LAST`` on a descending column cannot be declared for SQLite, so these are raw SQL and
not in the models' state; SQLite (the demo) sorts without them.
"""

from django.db import migrations

RANK = "level_rank DESC NULLS LAST"
INDEXES = {
    "schedule_force_list": f"force_id, {RANK}, next_due, offender_id",
    "schedule_team_list": f"team_id, {RANK}, next_due, offender_id",
    "schedule_officer_list": f"responsible_officer_id, {RANK}, next_due, offender_id",
    "schedule_force_visit_list": f"force_id, {RANK}, next_visit_due, offender_id",
    "schedule_force_reassess_list": f"force_id, {RANK}, next_reassessment_due, offender_id",
}
TABLE = "engagements_offenderschedule"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{TABLE}" ({columns}) WHERE on_register'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("engagements", "0007_alter_changeofcircumstances_kind")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
