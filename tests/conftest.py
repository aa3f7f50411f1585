"""Shared fixtures: the test settings, the three personas every access test uses, and Playwright
on system Chromium.

- ``owner``: the officer responsible for ``offender`` (team A, force 1).
- ``colleague``: the supervisor of team A, allowed to see the offender.
- ``outsider``: an officer of another force, who must get 404.
"""

import importlib
import os
import shutil
import time

import pytest
from django.apps import apps
from django.conf import settings
from django.db.backends.signals import connection_created
from django.test import Client, override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import IDLE_LIMIT, LAST_SEEN, SIGNED_IN_AT
from accounts.models import Role, User
from demo.signin import next_code
from tests.factories import ForceFactory, OffenderFactory, TeamFactory, UserFactory

# --- Two-step sign-in in tests -----------------------------------------------------------
# Browser tests sign in through the real two steps (password, then a TOTP code: ``login``
# below). Client tests use ``force_login``, which here also verifies the session's second
# factor with a TOTP device of the user's, as a full sign-in would; a test that needs an
# unverified session (tests/accounts) logs in with the password step only.
_force_login = Client.force_login


def _force_login_verified(self, user, backend="django.contrib.auth.backends.ModelBackend"):
    _force_login(self, user, backend)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    session = self.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    now = time.time()  # the clocks a real sign-in starts (accounts.middleware)
    session.update({SIGNED_IN_AT: now, LAST_SEEN: now, IDLE_LIMIT: 30 * 60})
    session.save()


Client.force_login = _force_login_verified


# --- The audit log's TRUNCATE trigger (audit/migrations/0003) ----------------------------
# pytest-django empties the tables after each transactional test (live_server, browser tests)
# with Django's flush: on PostgreSQL one TRUNCATE of every table. The audit log refuses TRUNCATE
# unless the session sets arms.allow_audit_truncate = on AND the role is a superuser (as the
# test database's is), so every test connection sets it. Nothing sets it in production.


def _allow_audit_truncate(sender, connection, **kwargs):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET arms.allow_audit_truncate = 'on'")


connection_created.connect(_allow_audit_truncate)


# --- The test database's other sessions at the end ------------------------------------------
# PostgreSQL refuses to drop a database another session is connected to, and pytest-django then
# leaves the test database behind with a warning. A server or worker a test started (the
# two-server test, the live server's threads) can still be closing its connection when the
# session ends: end any such session, and say which it was, before the database is dropped.


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT application_name, state, left(query, 80), pg_terminate_backend(pid)"
            " FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid()"
        )
        for name, state, query, _ended in cursor.fetchall():
            print(f"\nEnded a leftover session on the test database: {name!r} {state} {query!r}")


# Playwright's sync API runs an event loop in the test thread; Django's ORM is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


# --- Test settings ---------------------------------------------------------------------------
# ``arms_site/settings.py`` is the production/demo configuration and knows nothing of the tests;
# the tests decide their own settings here. Every one below is read where it is used, after the
# override is applied, so no environment variable is needed:
# - PASSWORD_HASHERS, STORAGES: Django clears its hasher cache and storages on setting_changed.
# - TASKS: django_tasks resets its backend handler on setting_changed.
# - WHITENOISE_*, SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS: read when the middleware is built,
#   i.e. per test client and when the (session) live server starts, both after this fixture.
# - ALLOWED_HOSTS, the cookie flags, SECURE_PROXY_SSL_HEADER: read per request.
# DATABASES cannot be overridden this way (connections are configured once); pytest-django's
# ``django_db_modify_db_settings`` hook below changes them before the test databases are made.


@pytest.fixture(scope="session", autouse=True)
def _test_settings(django_test_environment):
    """Settings for the whole test session (inside Django's own test environment)."""
    extra_hosts = [
        h for h in ("127.0.0.1", "localhost", "testserver") if h not in settings.ALLOWED_HOSTS
    ]
    with override_settings(
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, *extra_hosts],
        # Hashing cost is irrelevant to what the tests prove.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        # No collectstatic run: serve and resolve static files from the finders, unhashed.
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        WHITENOISE_USE_FINDERS=True,
        WHITENOISE_AUTOREFRESH=True,
        # Tasks run in-process, immediately, instead of waiting for a db_worker.
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        # The test client and the live server speak plain HTTP.
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        SECURE_SSL_REDIRECT=False,
        SECURE_PROXY_SSL_HEADER=None,
        SECURE_HSTS_SECONDS=0,
    ):
        yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Close connections at once, so the live server's thread leaves none open at teardown
    (PostgreSQL refuses to drop a test database that is still in use)."""
    for database in settings.DATABASES.values():
        database["CONN_MAX_AGE"] = 0


@pytest.fixture
def force(db):
    return ForceFactory(name="Test Force One", code="TF1")


@pytest.fixture
def team(force):
    return TeamFactory(force=force, name="Team A")


@pytest.fixture
def other_team(force):
    return TeamFactory(force=force, name="Team B")


@pytest.fixture
def owner(team):
    return UserFactory(username="owner", role=Role.OFFICER, force=team.force, team=team)


@pytest.fixture
def colleague(team):
    return UserFactory(username="colleague", role=Role.SUPERVISOR, force=team.force, team=team)


@pytest.fixture
def outsider(db):
    other_force = ForceFactory(name="Test Force Two", code="TF2")
    other = TeamFactory(force=other_force, name="Team X")
    return UserFactory(username="outsider", role=Role.OFFICER, force=other_force, team=other)


@pytest.fixture
def force_admin(force):
    return UserFactory(username="fadmin", role=Role.FORCE_ADMIN, force=force)


@pytest.fixture
def auditor(force):
    return UserFactory(username="auditor", role=Role.READ_ONLY, force=force)


@pytest.fixture
def offender(team, owner):
    return OffenderFactory(team=team, responsible_officer=owner, local_reference="TEST-0001")


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


@pytest.fixture(autouse=True)
def _reference_data_survives_flushes(request):
    """Transactional tests (live_server) flush the tables after each test, migration data too.

    Reload the ARMS framework v1 that the data migration provides (idempotent), so every test
    sees the database as a fresh deployment does, whatever ran before it.
    """
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        migration = importlib.import_module("assessments.migrations.0002_framework_v1")
        migration.load_v1(apps, None)


# --- Browser tests -------------------------------------------------------------------------


def pytest_collection_modifyitems(config, items):
    """Browser tests need Chromium: outside CI they skip with a reason; under CI they must run."""
    if os.path.exists(CHROMIUM) or IN_CI:
        return
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: install the Debian package 'chromium' "
        "(CI installs it and fails without it)"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture
def login(live_server, page):
    """Sign in through the real login page; returns a function taking a username."""

    def sign_in(username, password="test-password"):
        user = User.objects.get(username=username)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:  # the user's authenticator app, set up before this sign-in
            device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        device.refresh_from_db()
        page.get_by_label("Enter the 6-digit code from your authenticator app").fill(
            next_code(device)
        )
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state()
        return page

    return sign_in
