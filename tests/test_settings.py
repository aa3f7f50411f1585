"""Serving without a real SECRET_KEY is refused; management commands work without one."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}


def _run(code: str, **env):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**ENV, **env}, capture_output=True, text=True
    )


def test_the_wsgi_application_refuses_to_start_without_a_secret_key():
    result = _run("import arms_site.wsgi")
    assert result.returncode != 0 and "Set SECRET_KEY" in result.stderr


def test_the_wsgi_application_starts_with_a_secret_key():
    assert _run("import arms_site.wsgi", SECRET_KEY="x" * 50).returncode == 0


def test_deploy_check_reports_a_missing_key_and_plain_check_passes():
    env = {"DJANGO_SETTINGS_MODULE": "arms_site.settings"}
    plain = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**ENV, **env},
        capture_output=True,
        text=True,
    )
    assert plain.returncode == 0, plain.stderr
    deploy = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env={**ENV, **env},
        capture_output=True,
        text=True,
    )
    assert deploy.returncode != 0 and "arms.E001" in deploy.stderr
