"""Load the synthetic demo data: `python manage.py seed_demo` (idempotent).

Each app that has something to show adds a ``demo.py`` module with a ``seed(out)`` function;
they run in the order below, each inside one transaction, and each must be safe to run twice.
"""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

SEEDERS = [
    "offenders.demo",
    "riskmatrix.demo",
    "assessments.demo",
    "engagements.demo",
    "formulations.demo",
    "dashboard.demo",
]


class Command(BaseCommand):
    help = "Create the demo force, teams, users and synthetic offenders (safe to run again)."

    def handle(self, *args, **options):
        for name in SEEDERS:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as error:
                if error.name == name or name.startswith(f"{error.name}."):
                    continue  # that feature is not installed
                raise
            with transaction.atomic():
                module.seed(self.stdout)
        from offenders.demo import print_logins

        print_logins(self.stdout)
