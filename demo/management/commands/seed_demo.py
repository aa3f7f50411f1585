"""Load the synthetic demo data: `python manage.py seed_demo` (idempotent).

Each feature has a module in ``demo`` with a ``seed(out)`` function; they run in the order
below, each inside one transaction, and each must be safe to run twice.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import (
    assessments,
    dashboard,
    engagements,
    formulations,
    offenders,
    osp,
    register,
    riskmatrix,
)

SEEDERS = [offenders, riskmatrix, osp, assessments, engagements, formulations, register, dashboard]


class Command(BaseCommand):
    help = "Create the demo force, teams, users and synthetic offenders (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="where the demo is served")

    def handle(self, *args, port, **options):
        for module in SEEDERS:
            with transaction.atomic():
                module.seed(self.stdout)
        offenders.print_logins(self.stdout, port=port)
