from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("engagements", "0003_schedule_scope_backfill")]

    operations = [
        migrations.AddIndex(
            model_name="offenderschedule",
            index=models.Index(
                fields=[
                    "force",
                    "on_register",
                    "responsible_officer",
                    "current_level",
                    "next_visit_due",
                    "next_reassessment_due",
                    "reactive",
                    "reassessment_due_now",
                    "override_pending",
                    "offender",
                ],
                name="schedule_force_scope",
            ),
        ),
        migrations.AddIndex(
            model_name="offenderschedule",
            index=models.Index(
                fields=[
                    "team",
                    "on_register",
                    "responsible_officer",
                    "current_level",
                    "next_visit_due",
                    "next_reassessment_due",
                    "reactive",
                    "reassessment_due_now",
                    "override_pending",
                    "offender",
                ],
                name="schedule_team_scope",
            ),
        ),
    ]
