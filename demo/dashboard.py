"""Demo history for the dashboard: snapshots for the past 12 months (idempotent).

Runs last in ``seed_demo``, after the engagements demo has set levels and due dates, so this
month's figures are real and the months before vary around them.
"""

from django.utils import timezone

from dashboard.models import CaseloadSnapshot
from dashboard.snapshots import backfill_history, snapshot_month


def seed(out):
    today = timezone.localdate()
    snapshot_month(today)
    made = backfill_history(today)
    total = CaseloadSnapshot.objects.count()
    out.write(f"Dashboard: {made} monthly snapshots added ({total} in all).")
