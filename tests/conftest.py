"""Shared fixtures: the three personas every access test uses, and Playwright on system Chromium.

- ``owner``: the officer responsible for ``offender`` (team A, force 1).
- ``colleague``: the supervisor of team A, allowed to see the offender.
- ``outsider``: an officer of another force, who must get 404.
"""

import importlib
import os
import shutil

import pytest
from django.apps import apps

from accounts.models import Role
from tests.factories import ForceFactory, OffenderFactory, TeamFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; Django's ORM is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


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
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return page

    return sign_in
