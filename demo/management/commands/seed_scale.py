"""Build (or top up) a synthetic national data set: `manage.py seed_scale --offenders 70000`.

Forces, teams of 300 offenders with six officers and a supervisor, a force administrator per
force; offenders with addresses, court appearances and offences, RM2000 scores, countersigned
ARMS assessments with their ratings, level decisions, visits, changes of circumstances, reactive
management, the denormalised schedules, and 12 months of dashboard snapshots. Running it again
with a larger number adds only the missing offenders. Synthetic only: SCALE- references, PNC
year 2099. Accounts: scale.f01.t001.sup (supervisor), scale.f01.admin (force administrator),
password "scale-password-arms".
"""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from dashboard.snapshots import backfill_history, snapshot_month
from demo.scale.generator import seed_scale
from demo.scale.org import TEAM_SIZE


class Command(BaseCommand):
    help = "Create or top up synthetic national-scale data (bulk inserts) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--offenders", type=int, required=True, help="Total SCALE- offenders")
        parser.add_argument("--forces", type=int, default=20, help="Number of forces (default 20)")
        parser.add_argument(
            "--team-size",
            type=int,
            default=TEAM_SIZE,
            help=f"Offenders per team of six officers (default {TEAM_SIZE}; 80 gives a "
            "20,000-offender force 1,500 officers). Top-ups must repeat it.",
        )

    def handle(self, *args, offenders, forces, team_size, **options):
        today = timezone.localdate()
        started = time.monotonic()
        added = seed_scale(
            offenders, forces, today=today, team_size=team_size, log=self.stdout.write
        )
        seeded = time.monotonic()
        rows = snapshot_month(today)
        history = backfill_history(today)
        self.stdout.write(
            f"Added {added:,} offenders in {seeded - started:.1f} s; "
            f"{rows:,} snapshots this month and {history:,} for past months "
            f"({time.monotonic() - started:.1f} s in all)."
        )
