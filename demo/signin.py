"""Two-step sign-in for the demo accounts: seed_demo sets up an authenticator device for each,
and ``manage.py demo_code USERNAME`` prints the code its app would show.

Only devices seed_demo made (named ``DEMO_DEVICE_NAME``, on a demo account) or seed_scale made
(``SCALE_DEVICE_NAME``, on an account named as seed_scale names them) ever have their code
printed: a real account's secret never leaves its device.
"""

import re
import time

from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_DEVICE_NAME = "ARMS demo device (seed_demo)"
SCALE_DEVICE_NAME = "ARMS scale device (seed_scale)"
# Exactly the usernames demo.scale.org makes: scale.f01.admin, scale.f01.t001.sup, …t001.o1.
SCALE_USERNAME = re.compile(r"scale\.f\d{2}\.(admin|t\d{3}\.(sup|o\d))")


def enrol(user) -> TOTPDevice:
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name=DEMO_DEVICE_NAME, defaults={"confirmed": True}
    )
    return device


def enrol_many(users, name: str = SCALE_DEVICE_NAME) -> None:
    """An authenticator device for each of ``users`` (new accounts), in one bulk insert."""
    TOTPDevice.objects.bulk_create(
        [TOTPDevice(user=user, name=name, confirmed=True) for user in users], batch_size=2000
    )


def device_for_code(username: str, demo_usernames) -> TOTPDevice | None:
    """The device whose code ``demo_code`` may print: a seed_demo account's, or a seed_scale
    account's (its exact username pattern and device name); None for every other account."""
    if username in demo_usernames:
        name = DEMO_DEVICE_NAME
    elif SCALE_USERNAME.fullmatch(username):
        name = SCALE_DEVICE_NAME
    else:
        return None
    return TOTPDevice.objects.filter(user__username=username, name=name, confirmed=True).first()


def next_code(device: TOTPDevice, *, at: float | None = None) -> str:
    """The code an app shows now; if that one was used already, the next one (accepted within
    the device's tolerance), since a code signs in once."""
    now = time.time() if at is None else at
    step = max(int(now - device.t0) // device.step, device.last_t + 1)
    return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"
