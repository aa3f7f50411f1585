"""Two app servers on one PostgreSQL database lose nothing: the app tier keeps no state.

Starts two gunicorn servers (gunicorn.conf.py, production settings) on free loopback ports and a
``db_worker``, all against this test run's PostgreSQL database (a transactional test: the
servers must see committed rows), then: a user signed in on one server is signed in on the
other; a MAPPA pack requested on one is built by the worker and downloads from the other; two
officers saving the same ARMS factor through different servers get the optimistic-locking
conflict, not a lost update. Bounded: every wait has a timeout, and every process is killed.
"""

from __future__ import annotations

import datetime
import http.cookiejar
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role
from assessments import services as assessment_services
from assessments.models import FactorRating
from demo.signin import next_code
from formulations import services as formulation_services
from formulations.models import PackExport
from tests.factories import OffenderFactory, UserFactory
from tests.formulations.factories import formulation_for

ROOT = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')

pytestmark = [
    pytest.mark.two_servers,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="two app servers share a PostgreSQL database"
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    auth = urllib.parse.quote(db["USER"] or "")
    if db.get("PASSWORD"):
        auth += ":" + urllib.parse.quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _environment(port: int | None, secret: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.update(
        DATABASE_URL=_database_url(),
        DJANGO_SETTINGS_MODULE="tests.servers_settings",
        SECRET_KEY=secret,  # one key shared by every server, as in production
        ALLOWED_HOSTS="127.0.0.1",
        ARMS_LOCAL_HTTP="1",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",
        GUNICORN_ACCESS_LOG="",
        PYTHONPATH=str(ROOT),
    )
    if port:
        env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    return env


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the server exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"no server on port {port} after {seconds} s")


@pytest.fixture
def servers(transactional_db):
    """Two gunicorn servers and a db_worker on the committed test database; killed after."""
    secret = secrets.token_urlsafe(50)
    bin_dir = Path(sys.executable).parent
    ports = [_free_port(), _free_port()]
    processes = []
    try:
        for port in ports:
            processes.append(
                subprocess.Popen(
                    [str(bin_dir / "gunicorn"), "-c", "gunicorn.conf.py"],
                    cwd=ROOT,
                    env=_environment(port, secret),
                    start_new_session=True,
                )
            )
        processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-reload"],
                cwd=ROOT,
                env=_environment(None, secret),
                start_new_session=True,
            )
        )
        for port, process in zip(ports, processes, strict=False):
            _wait_for(port, process)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            _stop(process)
        connection.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's browser: a cookie jar shared across both servers (same host, other port)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect
        )

    def open(self, url: str, form: dict | None = None):
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        try:
            with self.opener.open(url, data=data, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:  # 3xx (not followed) and 4xx answers
            return error.code, error.headers, error.read()

    def form_token(self, url: str) -> str:
        status, _h, page = self.open(url)
        assert status == 200, (url, status)
        return CSRF.search(page.decode()).group(1)

    def sign_in(self, server: str, user) -> None:
        token = self.form_token(f"{server}/login/")
        status, headers, _ = self.open(
            f"{server}/login/",
            {"csrfmiddlewaretoken": token, "username": user.username, "password": "test-password"},
        )
        assert status == 302 and headers["Location"].startswith("/login/code/"), status
        device = TOTPDevice.objects.get(user=user)
        token = self.form_token(f"{server}/login/code/")
        form = {"csrfmiddlewaretoken": token, "code": next_code(device)}
        status, headers, _ = self.open(f"{server}/login/code/", form)
        assert status == 302 and not headers["Location"].startswith("/login/"), status


@pytest.fixture
def people(team):
    people = {
        "supervisor": UserFactory(username="sup2", role=Role.SUPERVISOR, team=team),
        "first": UserFactory(username="first2", role=Role.OFFICER, team=team),
        "second": UserFactory(username="second2", role=Role.OFFICER, team=team),
    }
    for user in people.values():
        TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    return people


def test_two_app_servers_share_sessions_packs_and_locking(servers, people, team):
    one, two = servers
    supervisor, first, second = people["supervisor"], people["first"], people["second"]
    offender = OffenderFactory(team=team, responsible_officer=first, local_reference="TWO-1")
    formulation_for(offender, first)
    meeting = formulation_services.meeting_create(
        user=supervisor,
        date=datetime.date(2030, 3, 1),
        mappa_level=2,
        agencies="Police\nProbation",
        offenders=[offender],
    )
    draft, _ = assessment_services.assessment_start(user=first, offender=offender)
    rating = draft.ratings.select_related("factor").first()

    # Signed in on one server, signed in on the other: the session is in PostgreSQL.
    browser = Browser()
    browser.sign_in(one, supervisor)
    status, _h, page = browser.open(f"{two}/dashboard/")
    assert status == 200 and "Dashboard" in page.decode()

    # A pack requested on one server is built by the worker and downloads from the other.
    token = browser.form_token(f"{one}/mappa/{meeting.pk}/")
    status, _h, _ = browser.open(f"{one}/mappa/{meeting.pk}/pack/", {"csrfmiddlewaretoken": token})
    assert status == 302
    export = PackExport.objects.get(meeting=meeting)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        status, _h, body = browser.open(f"{two}/mappa/{meeting.pk}/pack/{export.pk}/status/")
        if b'"finished": true' in body:
            break
        time.sleep(0.5)
    assert b'"status": "done"' in body, body
    status, headers, pdf = browser.open(f"{two}/mappa/{meeting.pk}/pack/{export.pk}/download/")
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert pdf.startswith(b"%PDF")

    # Two officers save the same factor through different servers: the second gets the
    # optimistic-locking conflict, and the first one's words are kept.
    factor_path = f"/offenders/{offender.pk}/arms/{draft.pk}/factors/{rating.factor.code}/"
    pages = {}
    for name, user, server in (("first", first, one), ("second", second, two)):
        officer = Browser()
        officer.sign_in(server, user)
        status, _h, page = officer.open(server + factor_path)
        assert status == 200
        html = page.decode()
        pages[name] = (officer, server, CSRF.search(html).group(1), VERSION.search(html).group(1))
    assert pages["first"][3] == pages["second"][3]  # both opened the same version

    def save(name: str, evidence: str):
        officer, server, token, version = pages[name]
        form = {
            "csrfmiddlewaretoken": token,
            "version": version,
            "rating": "2",
            "evidence": evidence,
            "sources": ["home_visit"],
            "insufficient_information_note": "",
            "work_needed": "Refer to the treatment programme",
        }
        return officer.open(server + factor_path, form)

    status, _h, _ = save("first", "Seen at home by the first officer")
    assert status == 302
    status, _h, page = save("second", "Seen at home by the second officer")
    assert status == 200 and "Someone else saved this assessment" in page.decode()
    assert "Seen at home by the second officer" in page.decode()  # their text is kept on the page
    saved = FactorRating.objects.get(pk=rating.pk)
    assert saved.evidence == "Seen at home by the first officer"
