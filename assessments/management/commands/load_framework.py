"""``manage.py load_framework FILE.json [--user USERNAME]``: load a new ARMS framework version.

The JSON format is documented in ``assessments/services/framework.py``. Existing assessments keep the
version they were made with; new assessments use the newest version.
"""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role, User
from assessments.services import framework_load


class Command(BaseCommand):
    help = "Load a new ARMS framework version (factor wording and guidance) from a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the JSON file")
        parser.add_argument(
            "--user", help="Username of the force administrator loading it (for the audit log)"
        )

    def handle(self, *args, file, user=None, **options):
        try:
            with open(file, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, json.JSONDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        loader = None
        if user:
            loader = User.objects.filter(username=user, role=Role.FORCE_ADMIN).first()
            if loader is None:
                raise CommandError(f"No force administrator with username {user!r}")
        try:
            framework = framework_load(data=data, user=loader)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded framework version {framework.number} ({framework.label}) "
                f"with {framework.factors.count()} factors"
            )
        )
