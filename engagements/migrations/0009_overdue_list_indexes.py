"""Indexes for the "overdue" filters of the lists (PostgreSQL only, as 0008): the overdue rows
of a force are a range of one index, so the count and any page cost what is overdue, not the
whole force. The list order (level, then the due date) is then a sort of those rows alone.

``INCLUDE`` keeps the sort's columns in the index, so the count and the page's ids are
index-only scans. Raw SQL for the same reason as 0008 (not in the models' state).
"""

from django.db import migrations

TABLE = "engagements_offenderschedule"
INDEXES = {
    # overdue a visit: next_visit_due < today, never in reactive management
    "schedule_force_overdue_visit": (
        "force_id, next_visit_due",
        "level_rank, offender_id",
        "on_register AND NOT reactive",
    ),
    # overdue a reassessment: next_reassessment_due < today, or due now (a change)
    "schedule_force_overdue_reassess": (
        "force_id, next_reassessment_due",
        "level_rank, offender_id",
        "on_register",
    ),
    "schedule_force_reassess_now": (
        "force_id",
        "level_rank, next_reassessment_due, offender_id",
        "on_register AND reassessment_due_now",
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (columns, included, where) in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{TABLE}" ({columns}) '
            f"INCLUDE ({included}) WHERE {where}"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("engagements", "0008_schedule_list_indexes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
