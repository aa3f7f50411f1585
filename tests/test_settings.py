"""Serving without a real SECRET_KEY is refused; management commands work without one."""

import json
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


# --- The settings module knows nothing of the tests; the tests decide their own settings. ------

SETTINGS_DUMP = """
import json
from django.conf import settings
print(json.dumps({
    "hashers": settings.PASSWORD_HASHERS[:1],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "finders": settings.WHITENOISE_USE_FINDERS,
    "autorefresh": settings.WHITENOISE_AUTOREFRESH,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "hosts": settings.ALLOWED_HOSTS,
    "secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,
               settings.SECURE_SSL_REDIRECT, settings.SECURE_PROXY_SSL_HEADER,
               settings.SECURE_HSTS_SECONDS],
}))
"""


def _settings_of_a_process(**env):
    # `import pytest` first: the settings must not change just because pytest is loaded.
    result = _run(
        "import pytest, django; django.setup()\n" + SETTINGS_DUMP,
        DJANGO_SETTINGS_MODULE="arms_site.settings",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_do_not_depend_on_pytest_being_loaded():
    assert _settings_of_a_process(ALLOWED_HOSTS="arms.example") == {
        "hashers": ["django.contrib.auth.hashers.PBKDF2PasswordHasher"],
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "finders": False,
        "autorefresh": False,
        "tasks": "django_tasks_db.DatabaseBackend",
        "conn_max_age": 60,
        "hosts": ["arms.example"],
        "secure": [True, True, True, ["HTTP_X_FORWARDED_PROTO", "https"], 31536000],
    }


def test_demo_settings_do_not_depend_on_pytest_being_loaded():
    assert _settings_of_a_process(DEBUG="1") == {
        "hashers": ["django.contrib.auth.hashers.PBKDF2PasswordHasher"],
        "static": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "finders": True,
        "autorefresh": True,
        "tasks": "django_tasks_db.DatabaseBackend",
        "conn_max_age": 60,
        "hosts": ["127.0.0.1", "localhost", "testserver"],
        "secure": [False, False, False, None, 0],
    }


def test_the_test_session_overrides_take_effect_where_they_are_read(client, db):
    from django.contrib.auth.hashers import get_hasher
    from django.contrib.staticfiles.storage import StaticFilesStorage, staticfiles_storage
    from django.core.files.storage import storages
    from django.db import connection
    from django_tasks import task_backends
    from django_tasks.backends.immediate import ImmediateBackend

    assert get_hasher().algorithm == "md5"
    assert type(storages["staticfiles"]) is StaticFilesStorage
    assert staticfiles_storage.url("css/arms.css") == "/static/css/arms.css"  # no manifest
    assert isinstance(task_backends["default"], ImmediateBackend)
    assert connection.settings_dict["CONN_MAX_AGE"] == 0
    # WhiteNoise serves from the finders (no collectstatic); plain HTTP is neither redirected
    # nor given HSTS, and the cookies are not HTTPS-only.
    assert client.get("/static/css/arms.css").status_code == 200
    response = client.get("/login/")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers
    assert not response.cookies["csrftoken"]["secure"]
