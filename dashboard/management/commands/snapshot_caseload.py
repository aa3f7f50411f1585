"""Record this month's caseload figures for the dashboard's 12-month chart.

Run it daily from cron, for example at 23:30::

    30 23 * * *  cd /srv/arms && .venv/bin/python manage.py snapshot_caseload

Each run replaces the current month's rows, so a month keeps the figures of its last day.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from dashboard.snapshots import snapshot_month


class Command(BaseCommand):
    help = "Snapshot caseload figures (levels, overdue) per force, team and officer for this month."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Count as on this day (YYYY-MM-DD)"
        )

    def handle(self, *args, **options):
        today = options["date"] or timezone.localdate()
        count = snapshot_month(today)
        self.stdout.write(f"Caseload snapshots for {today:%B %Y}: {count} rows written.")
