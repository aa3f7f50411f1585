"""The schedule says whether an officer's own visit interval is in force, so the timetable need
not query ``VisitFrequency`` on every view. Existing rows are filled from that table: an interval
in force counts only where there is a level (as ``schedule_refresh`` computes it)."""

from django.db import migrations, models


def fill(apps, schema_editor):
    schedules = apps.get_model("engagements", "OffenderSchedule")
    frequencies = apps.get_model("engagements", "VisitFrequency")
    in_force = frequencies.objects.filter(ended_at__isnull=True).values("offender_id")
    schedules.objects.filter(decision__isnull=False, offender_id__in=in_force).update(
        visit_interval_by_officer=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("engagements", "0009_overdue_list_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="offenderschedule",
            name="visit_interval_by_officer",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
