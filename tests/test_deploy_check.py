"""`manage.py check --deploy` with production settings reports only the HSTS preload choice.

Run in a subprocess with the environment a deployment has (DEBUG off, a real SECRET_KEY, a host
name): the test settings of ``tests/conftest.py`` must not hide a warning. security.W021
(SECURE_HSTS_PRELOAD) stays: preloading commits the whole domain, the force's decision, not
this application's.
"""

import os
import re
import secrets
import string
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCEPTED = {"security.W021"}


def _deploy_check():
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG"))},
        "DJANGO_SETTINGS_MODULE": "arms_site.settings",
        "DEBUG": "",
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(50)),
        "ALLOWED_HOSTS": "arms.example.police.uk",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_check_deploy_reports_only_the_hsts_preload_choice():
    result = _deploy_check()
    output = result.stdout + result.stderr
    reported = set(re.findall(r"\(([\w.]+\.[A-Z]\d+)\)", output))
    assert reported == ACCEPTED, output
    assert "identified 1 issue" in output, output
    assert result.returncode == 0, output  # a warning, not an error
