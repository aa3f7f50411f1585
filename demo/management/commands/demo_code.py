"""Print the current 6-digit sign-in code of a demo account: `manage.py demo_code officer`.

Refused for every account seed_demo or seed_scale did not set up (see demo.signin).
"""

from django.core.management.base import BaseCommand, CommandError

from demo.offenders import DEMO_USERNAMES
from demo.signin import device_for_code, next_code


class Command(BaseCommand):
    help = "Print the current sign-in code of a demo account (only accounts seed_demo or seed_scale made)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        device = device_for_code(username, DEMO_USERNAMES)
        if device is None:
            raise CommandError(
                f"{username!r} is not a demo account set up by seed_demo or seed_scale: codes "
                "are printed only for those (run `manage.py seed_demo` or `seed_scale` first)."
            )
        self.stdout.write(next_code(device))
