"""Load benchmark: 50 officers at once against gunicorn with the production config, on loopback.

Not a test: a script that prints figures, bounded in time, and stops everything it started.

1. The database ``arms_bench`` (or ``BENCH_DATABASE_URL``): used as it is when it holds the
   ``seed_scale`` accounts, else (or with ``--reseed``) DROPPED, migrated and seeded with one
   force of 20,000 offenders in teams of 80 (the big-force scenario of bench_dashboard.py).
2. ``collectstatic``, then ``gunicorn -c gunicorn.conf.py`` on a free 127.0.0.1 port, DEBUG off.
3. 50 accounts sign in through the real two steps: the password page, then the code page with
   the code ``manage.py demo_code`` gives for the account.
4. For ``--duration`` seconds (60) each of the 50 users runs the page mix without pause: the
   dashboard and its lists (supervisors and the force administrator), the offender list, offender
   summaries, timetables, timelines, formulations and searches in their own scope; then, for
   ``--trivial`` seconds (20), the same users request the trivial signed-in view (``GET /``).
5. Prints requests/s, p50/p95/p99 and errors of each, the mix as a share of the trivial
   throughput, and the queries each page of the mix makes.

    .venv/bin/python bench/bench_load.py [--users 50] [--duration 60] [--trivial 20] [--reseed]
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_dashboard  # noqa: E402  (the database set-up and the big-force scenario)

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/arms_bench"
PASSWORD = "scale-password-arms"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TARGETS = {"errors": 0, "p95_ms": 500, "share": 0.30}


# --- one signed-in browser: a keep-alive connection and its cookies --------------------------


class Browser:
    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = None

    def _connect(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        for attempt in (1, 2):  # a keep-alive connection the server closed: open a new one
            if self.connection is None:
                self._connect()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers, content

    def sign_in(self, username: str, code_for) -> None:
        status, _h, page = self.request("GET", "/login/")
        token = CSRF.search(page.decode()).group(1)
        status, headers, _ = self.request(
            "POST",
            "/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
        )
        assert status == 302 and "/login/code/" in headers["Location"], (username, status)
        status, _h, page = self.request("GET", "/login/code/")
        token = CSRF.search(page.decode()).group(1)
        status, headers, _ = self.request(
            "POST", "/login/code/", {"csrfmiddlewaretoken": token, "code": code_for(username)}
        )
        assert status == 302 and "/login/" not in headers["Location"], (username, status)


# --- the page mix ------------------------------------------------------------------------------


def accounts(count: int) -> list[str]:
    """The force administrator, a supervisor per team, then officers (seed_scale's names)."""
    from accounts.models import Role, User

    scale = User.objects.filter(username__startswith="scale.f01.", is_active=True)
    admin = list(scale.filter(role=Role.FORCE_ADMIN).values_list("username", flat=True))
    supervisors = list(
        scale.filter(role=Role.SUPERVISOR).order_by("username").values_list("username", flat=True)
    )
    officers = list(
        scale.filter(role=Role.OFFICER).order_by("username").values_list("username", flat=True)
    )
    chosen = admin[:1] + supervisors[: count // 3] + officers
    return chosen[:count]


def page_mix(username: str, rng: random.Random) -> list[str]:
    """The pages this user opens, in their own scope (offenders they may see)."""
    from accounts.models import User
    from engagements.selectors import caseload_schedule_rows

    user = User.objects.get(username=username)
    ids = list(caseload_schedule_rows(user).values_list("offender_id", flat=True)[:200])
    offenders = rng.sample(ids, min(len(ids), 8))
    surnames = ["ashdown", "barrow", "hallam", "jessop", "underhill", "SCALE-0001"]
    pages = ["/offenders/", "/offenders/?page=2"]
    if not user.is_officer:
        pages += [
            "/dashboard/",
            "/dashboard/caseload/",
            "/dashboard/caseload/?overdue=visit",
            f"/dashboard/caseload/?page={rng.randint(2, 60)}",
        ]
    for pk in offenders:
        pages += [
            f"/offenders/{pk}/",
            f"/offenders/{pk}/timetable/",
            f"/offenders/{pk}/timeline/",
            f"/offenders/{pk}/formulation/",
        ]
    pages += [f"/offenders/search/?q={rng.choice(surnames)}" for _ in range(3)]
    return pages


def kind(path: str) -> str:
    if path.startswith("/dashboard/caseload"):
        return "dashboard list"
    if path.startswith("/dashboard"):
        return "dashboard"
    if path.startswith("/offenders/search"):
        return "search"
    if path.startswith("/offenders/?") or path == "/offenders/":
        return "offender list"
    if path.endswith("/timetable/"):
        return "timetable"
    if path.endswith("/timeline/"):
        return "timeline"
    if path.endswith("/formulation/"):
        return "formulation"
    return "offender summary"


# --- running it --------------------------------------------------------------------------------


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: list[float] = []
        self.errors: list[str] = []

    def add(self, ms: float, error: str | None) -> None:
        with self.lock:
            self.times.append(ms)
            if error:
                self.errors.append(error)


def drive(browsers, mixes, seconds: float, trivial: bool) -> tuple[Results, float]:
    results = Results()
    deadline = time.monotonic() + seconds

    def user_loop(browser, pages):
        rng = random.Random(id(browser))
        while time.monotonic() < deadline:
            path = "/" if trivial else rng.choice(pages)
            started = time.perf_counter()
            try:
                status, _h, _body = browser.request("GET", path)
                expected = 302 if trivial else 200
                error = None if status == expected else f"{status} {path}"
            except (OSError, http.client.HTTPException) as exc:
                error = f"{type(exc).__name__} {path}"
            results.add((time.perf_counter() - started) * 1000, error)

    started = time.monotonic()
    threads = [
        threading.Thread(target=user_loop, args=(b, m), daemon=True)
        for b, m in zip(browsers, mixes, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 60)
    return results, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def summary(label: str, results: Results, elapsed: float) -> float:
    rate = len(results.times) / elapsed
    print(
        f"{label:<14}{len(results.times):>8}{rate:>10.1f}"
        f"{statistics.median(results.times) if results.times else 0:>9.0f}"
        f"{percentile(results.times, 0.95):>9.0f}{percentile(results.times, 0.99):>9.0f}"
        f"{len(results.errors):>8}"
    )
    return rate


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(url: str, port: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DATABASE_URL=url,
        SECRET_KEY=secrets.token_urlsafe(50),  # this run only, shared by the workers
        ALLOWED_HOSTS="127.0.0.1",
        ARMS_LOCAL_HTTP="1",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_ACCESS_LOG="",
    )
    return env


def start_server(env: dict, port: int) -> subprocess.Popen:
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = str(Path(python).with_name("gunicorn"))
    server = subprocess.Popen(
        [gunicorn, "-c", "gunicorn.conf.py"], cwd=ROOT, env=env, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gunicorn exited") from None
            time.sleep(0.3)
    stop_server(server)
    raise RuntimeError("gunicorn did not start within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(5)


def prepare_database(url: str, reseed: bool) -> None:
    bench_dashboard.setup_django(url)
    from django.core.management import call_command
    from django.db import connection
    from django.db.utils import OperationalError, ProgrammingError

    from accounts.models import User

    try:
        ready = User.objects.filter(username="scale.f01.admin").exists() and not reseed
    except (OperationalError, ProgrammingError):
        ready = False
    if not ready:
        connection.close()
        bench_dashboard.recreate_database(url)
        scenario = bench_dashboard.SCENARIOS["big-force"]
        call_command("migrate", verbosity=0)
        print(f"Seeding {scenario.large:,} offenders in one force …", flush=True)
        print(f"  seeded in {bench_dashboard.seed(scenario.large, scenario):.1f} s", flush=True)
    call_command("migrate", verbosity=0)


def code_for(username: str) -> str:
    """The account's current code, from ``manage.py demo_code`` (as a person would type it)."""
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("demo_code", username, stdout=out)
    return out.getvalue().strip()


def queries_per_page(mixes, usernames) -> None:
    """The queries and server time of each kind of page, in-process, for the record."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seen = {}
    for username, pages in zip(usernames[:2], mixes[:2], strict=True):
        client = bench_dashboard.signed_in_client(username)
        for path in pages:
            if (username, kind(path)) in seen:
                continue
            client.get(path, secure=True)
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                client.get(path, secure=True)
                ms = (time.perf_counter() - started) * 1000
            seen[(username, kind(path))] = (len(captured), ms)
    print("\nQueries per page (in-process, one request after a warm-up)")
    for (username, page), (count, ms) in seen.items():
        print(f"  {username:<20}{page:<18}{count:>4} queries {ms:>7.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--trivial", type=float, default=20)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    prepare_database(url, args.reseed)
    rng = random.Random(15)
    usernames = accounts(args.users)
    mixes = [page_mix(username, rng) for username in usernames]
    port = free_port()
    server = start_server(server_env(url, port), port)
    try:
        browsers = [Browser(port) for _ in usernames]
        for browser, username in zip(browsers, usernames, strict=True):
            browser.sign_in(username, code_for)
        print(f"{len(browsers)} users signed in (password, then the demo_code code)", flush=True)
        mix, mix_time = drive(browsers, mixes, args.duration, trivial=False)
        floor, floor_time = drive(browsers, mixes, args.trivial, trivial=True)
    finally:
        stop_server(server)
    workers = os.cpu_count()
    print(f"\n{len(usernames)} concurrent users, gunicorn.conf.py on {workers} cores, loopback")
    print(
        f"{'':<14}{'requests':>8}{'req/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    mix_rate = summary("page mix", mix, mix_time)
    floor_rate = summary("trivial view", floor, floor_time)
    share = mix_rate / floor_rate if floor_rate else 0
    for error in sorted(set(mix.errors + floor.errors))[:10]:
        print("  error:", error)
    p95 = percentile(mix.times, 0.95)
    met = not mix.errors and p95 <= TARGETS["p95_ms"] and share >= TARGETS["share"]
    print(
        f"\nmix throughput = {share:.0%} of the trivial view's; p95 {p95:.0f} ms; "
        f"{len(mix.errors)} errors: {'met' if met else 'MISSED'} "
        f"(0 errors, p95 ≤ {TARGETS['p95_ms']} ms, ≥ {TARGETS['share']:.0%})"
    )
    queries_per_page(mixes, usernames)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
