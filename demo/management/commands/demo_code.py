"""Print the current 6-digit sign-in code of a demo account: `manage.py demo_code officer`.

Refused for every account seed_demo did not set up (see demo.signin).
"""

from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.offenders import DEMO_USERNAMES
from demo.signin import DEMO_DEVICE_NAME, next_code


class Command(BaseCommand):
    help = "Print the current sign-in code of a demo account (only accounts seed_demo made)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        device = None
        if username in DEMO_USERNAMES:
            device = TOTPDevice.objects.filter(
                user__username=username, name=DEMO_DEVICE_NAME, confirmed=True
            ).first()
        if device is None:
            raise CommandError(
                f"{username!r} is not a demo account set up by seed_demo: codes are printed "
                "only for those (run `manage.py seed_demo` first)."
            )
        self.stdout.write(next_code(device))
