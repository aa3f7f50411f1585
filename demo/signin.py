"""Two-step sign-in for the demo accounts: seed_demo sets up an authenticator device for each,
and ``manage.py demo_code USERNAME`` prints the code its app would show.

Only devices seed_demo made (named ``DEMO_DEVICE_NAME``, on a demo account) ever have their code
printed: a real account's secret never leaves its device.
"""

import time

from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_DEVICE_NAME = "ARMS demo device (seed_demo)"


def enrol(user) -> TOTPDevice:
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name=DEMO_DEVICE_NAME, defaults={"confirmed": True}
    )
    return device


def next_code(device: TOTPDevice, *, at: float | None = None) -> str:
    """The code an app shows now; if that one was used already, the next one (accepted within
    the device's tolerance), since a code signs in once."""
    now = time.time() if at is None else at
    step = max(int(now - device.t0) // device.step, device.last_t + 1)
    return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"
