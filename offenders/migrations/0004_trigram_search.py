"""Trigram (pg_trgm) GIN indexes for the offender search, on PostgreSQL only.

The search filters with ``icontains``, which PostgreSQL renders as
``UPPER(column::text) LIKE UPPER('%word%')``: these expression indexes match that form exactly,
so a search is a bitmap index scan instead of a scan of every offender. SQLite (the demo) has no
pg_trgm: the extension and the indexes are skipped there and the same query runs unindexed.
The indexes are not in the models' state (Django cannot express them for both databases).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("offender_surname_trgm", "offenders_offender", "surname"),
    ("offender_forenames_trgm", "offenders_offender", "forenames"),
    ("offender_reference_trgm", "offenders_offender", "local_reference"),
    ("offender_pnc_trgm", "offenders_offender", "pnc_id"),
    ("alias_surname_trgm", "offenders_alias", "surname"),
    ("alias_forenames_trgm", "offenders_alias", "forenames"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("offenders", "0003_relationship")]

    operations = [
        # CreateExtension does nothing on databases other than PostgreSQL.
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
