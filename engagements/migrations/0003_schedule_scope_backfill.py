"""Backfill: every offender gets a schedule row, every row its scope columns (see 0002)."""

from django.db import migrations
from django.db.models import Exists, OuterRef, Subquery

OPEN_STATUSES = ["active", "custody", "reactive"]  # offenders.selectors.OPEN_STATUSES today


def backfill(apps, schema_editor):
    """One schedule row for every offender, and the scope columns copied onto every row.

    An offender without a row has no decision, visit, episode or change yet (each of those
    writes refreshes the schedule), so an empty row is what ``schedule_refresh`` would compute.
    """
    Offender = apps.get_model("offenders", "Offender")
    OffenderSchedule = apps.get_model("engagements", "OffenderSchedule")
    missing = Offender.objects.filter(schedule__isnull=True).values_list("pk", flat=True)
    OffenderSchedule.objects.bulk_create(
        [OffenderSchedule(offender_id=pk) for pk in missing.iterator()], batch_size=2000
    )
    offender = Offender.objects.filter(pk=OuterRef("offender_id"))
    OffenderSchedule.objects.update(
        team_id=Subquery(offender.values("team_id")),
        force_id=Subquery(offender.values("team__force_id")),
        responsible_officer_id=Subquery(offender.values("responsible_officer_id")),
        on_register=Exists(offender.filter(status__in=OPEN_STATUSES)),
    )


class Migration(migrations.Migration):
    dependencies = [("engagements", "0002_schedule_scope"), ("offenders", "0001_initial")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
