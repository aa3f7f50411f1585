"""Benchmark the dashboard, the lists behind it and the search on PostgreSQL, at two sizes.

Not a test: a script that prints figures. It DROPS and recreates the database ``arms_bench``
and ``arms_bench_small`` (or the ones named by ``BENCH_DATABASE_URL``), migrates them, seeds
the small and the large size with ``seed_scale``, measures both in interleaved rounds and prints
the medians, each as a multiple of a trivial signed-in view measured in the same run, and the
ratios.

Scenarios (``--scenario``):

- ``big-force`` (default): ONE force of 1,000 then 20,000 offenders in teams of 80, so the
  large force has 250 teams and 1,500 officers: the force administrator's lists at page 1 and
  page 60, the filtered dashboard lists, the offender list, the search, and the dashboard.
- ``national``: 1,000 then 70,000 offenders over 20 forces: the supervisor and force
  administrator pages as before.

    .venv/bin/python bench/bench_dashboard.py [--scenario big-force|national|both]
        [--repeat 30] [--explain] [--reuse]

The small size lives in ``<name>_small``, the large in ``<name>``; both are measured in
interleaved rounds. ``--reuse`` keeps both databases (seeded before with the same scenario). Timing is server time through Django's test Client (no network, no browser):
the median of ``--repeat`` requests after a warm-up. The machine's other load moves absolute
times; the multiples of the trivial view (``GET /``, a signed-in redirect through the whole
middleware stack) are the figures to compare between runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/arms_bench"
TARGET_MS = 150
SEARCH_TARGET_MS = 20
HTML_TARGET_BYTES = 200_000
TRIVIAL = "/"


@dataclass(frozen=True)
class Scenario:
    forces: int
    team_size: int
    small: int
    large: int
    growth: float  # the allowed large/small ratio
    pages: dict[str, list[tuple[str, str]]]  # user → [(label, url)]


LISTS = [
    ("dashboard", "/dashboard/"),
    ("dashboard list p1", "/dashboard/caseload/"),
    ("dashboard list p60", "/dashboard/caseload/?page=60"),
    ("overdue visits p1", "/dashboard/caseload/?overdue=visit"),
    ("overdue visits p60", "/dashboard/caseload/?overdue=visit&page=60"),
    ("level high p1", "/dashboard/caseload/?level=high"),
    ("level high p60", "/dashboard/caseload/?level=high&page=60"),
    ("offender list p1", "/offenders/"),
    ("offender list p60", "/offenders/?page=60"),
    ("search name", "/offenders/search/?q=ashdown"),
    ("search reference", "/offenders/search/?q=SCALE-000123"),
    ("search PNC", "/offenders/search/?q=2099/5000123"),
    # the register's compliance lists (the dashboard itself carries their counts)
    ("periodic overdue", "/dashboard/register/?figure=periodic_overdue"),
    ("periodic due", "/dashboard/register/?figure=periodic_due"),
    ("travel 14 days", "/dashboard/register/?figure=travel"),
]
COMPLIANCE = LISTS[-3:]
SCENARIOS = {
    "big-force": Scenario(
        forces=1,
        team_size=80,
        small=1000,
        large=20000,
        growth=1.5,
        pages={
            "scale.f01.admin": LISTS,
            "scale.f01.t001.sup": [LISTS[0], LISTS[1], LISTS[7], LISTS[9], *COMPLIANCE],
        },
    ),
    "national": Scenario(
        forces=20,
        team_size=300,
        small=1000,
        large=70000,
        growth=2.0,
        pages={
            "scale.f01.t001.sup": [LISTS[0], LISTS[1], LISTS[9], *COMPLIANCE],
            "scale.f01.admin": [LISTS[0], LISTS[1], LISTS[2], LISTS[9], *COMPLIANCE],
        },
    ),
}


def recreate_database(url: str) -> None:
    import psycopg2

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username,
        password=parts.password, dbname="postgres",
    )  # fmt: skip
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arms_site.settings")
    os.environ.setdefault("SECRET_KEY", os.urandom(32).hex())  # this process only
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def seed(total: int, scenario: Scenario) -> float:
    from django.core.management import call_command
    from django.db import connection

    started = time.monotonic()
    call_command(
        "seed_scale", offenders=total, forces=scenario.forces, team_size=scenario.team_size
    )
    elapsed = time.monotonic() - started
    with connection.cursor() as cursor:
        # As autovacuum leaves a database in use: statistics, the visibility map (index-only
        # scans) and the trigram indexes' pending entries merged (GIN fast update).
        cursor.execute("VACUUM ANALYZE")
    return elapsed


def signed_in_client(username: str):
    """A test Client signed in with both steps, as the sign-in pages leave a session."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.middleware import IDLE_LIMIT, LAST_SEEN, SIGNED_IN_AT
    from accounts.models import User

    user = User.objects.get(username=username)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Benchmark app", defaults={"confirmed": True}
    )
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    now = time.time()
    session.update({DEVICE_ID_SESSION_KEY: device.persistent_id, SIGNED_IN_AT: now, LAST_SEEN: now})
    session[IDLE_LIMIT] = 8 * 3600
    session.save()
    return client


def timed(client, url: str, repeat: int, warm: int = 3) -> tuple[list[float], int]:
    """The milliseconds of ``repeat`` GETs after ``warm`` unmeasured ones, and the size."""
    for _ in range(warm):  # warm-up: the connection, template loading, caches
        response = client.get(url, secure=True)
        assert response.status_code == (302 if url == TRIVIAL else 200), (url, response)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        times.append((time.perf_counter() - started) * 1000)
    return times, len(response.content)


def use(url: str) -> None:
    """Point the default connection at another benchmark database (same server)."""
    from django.db import connections

    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = urlparse(url).path.lstrip("/")


def measure(scenario: Scenario, databases: dict[int, str], repeat: int) -> dict:
    """Medians per size, measured in interleaved rounds (small, large, small, large, …) so that
    the machine's changing load falls on both sizes alike."""
    from django.conf import settings
    from django.test import override_settings

    # Production settings (DEBUG off) but plain static URLs: no collectstatic manifest is built.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    rounds = 10  # short turns: a burst of load on the machine lands on both sizes
    per_round = max(repeat // rounds, 2)
    times, sizes, clients = {}, {}, {}
    with override_settings(STORAGES=storages):
        for size, url in databases.items():
            use(url)
            for username in scenario.pages:
                clients[(size, username)] = signed_in_client(username)
        for number in range(rounds):
            for size, url in databases.items():
                use(url)
                for username, pages in scenario.pages.items():
                    client = clients[(size, username)]
                    for label, page in [("trivial view", TRIVIAL), *pages]:
                        warm = 3 if number == 0 else 1
                        _ms, sizes[(size, username, label)] = timed(client, page, per_round, warm)
                        times.setdefault((size, username, label), []).extend(_ms)
    results: dict[int, dict] = {size: {} for size in databases}
    for (size, username, label), values in times.items():
        results[size][(username, label)] = (
            statistics.median(values),
            sizes[(size, username, label)],
        )
    return results


def explain(username: str) -> None:
    """EXPLAIN ANALYZE of the deep pages' and the search's queries for ``username``."""
    from django.db import connection
    from django.utils import timezone

    from accounts.models import User
    from dashboard.caseload_pages import caseload_rows
    from engagements.selectors import caseload_schedule_rows
    from offenders.selectors import offender_search

    user, today = User.objects.get(username=username), timezone.localdate()
    ids = "offender_id"
    queries = {
        "dashboard list page 60 (schedule rows)": caseload_rows(user, today, {}).values(ids)[
            2950:3000
        ],
        "overdue visits page 60 (schedule rows)": caseload_rows(
            user, today, {"overdue": "visit"}
        ).values(ids)[2950:3000],
        "offender list page 60 (schedule rows)": caseload_schedule_rows(user).values(ids)[
            2950:3000
        ],
        "search": offender_search(user, "ashdown")[:100],
    }
    for name, qs in queries.items():
        sql, params = qs.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + sql, params)
            print(f"\n--- {name}\n" + "\n".join(row[0] for row in cursor.fetchall()))


def target(label: str, large: float, small: float | None, size: int, growth: float) -> str:
    if label == "trivial view":
        return ""
    limit = SEARCH_TARGET_MS if label.startswith("search") else TARGET_MS
    if not any(word in label for word in ("list", "overdue", "level")):
        small = None  # the growth target is the lists'; the dashboard and search have their own
    ok = large <= limit and (small is None or large <= growth * small)
    html = ""
    if label == "dashboard":
        ok = ok and size < HTML_TARGET_BYTES
        html = f", {size / 1000:.0f} KB < {HTML_TARGET_BYTES // 1000} KB"
    rule = f"≤ {limit} ms" + (f", ≤ {growth}×" if small is not None else "") + html
    return f"{'met' if ok else 'MISSED'} ({rule})"


# Page 60 does not exist in the small force (it answers the short last page): its growth is
# measured against the small force's first page, a full page like page 60 in the large one.
BASELINE = {label: label.replace("p60", "p1") for label, _url in LISTS if label.endswith("p60")}


def report(name: str, scenario: Scenario, figures: dict, repeat: int) -> None:
    small, large = figures.get(scenario.small), figures[scenario.large]
    print(f"\n{name}: median server time (ms) of {repeat} requests after a warm-up, PostgreSQL;")
    print("'×floor' is the multiple of the trivial signed-in view in the same run")
    head = f"{'user':<20}{'page':<21}"
    if small:
        head += f"{scenario.small:>8,}{'×floor':>8}"
    print(head + f"{scenario.large:>8,}{'×floor':>8}{'ratio':>7}  target")
    for (user, label), (slow, size) in large.items():
        floor_large = large[(user, "trivial view")][0]
        line = f"{user:<20}{label:<21}"
        fast = None
        if small:
            shown = small[(user, label)][0]
            line += f"{shown:>8.1f}{shown / small[(user, 'trivial view')][0]:>8.1f}"
            fast = small.get((user, BASELINE.get(label, label)), (shown,))[0]
        line += f"{slow:>8.1f}{slow / floor_large:>8.1f}"
        line += f"{slow / fast:>7.2f}" if fast else f"{'':>7}"
        print(line + "  " + target(label, slow, fast, size, scenario.growth))
    if small:
        print(f"p60 ratios are against p1 at {scenario.small:,} (page 60 does not exist there).")


def run(name: str, scenario: Scenario, args, url: str) -> None:
    """Seed the small size into ``<name>_small`` and the large one into ``<name>``, then
    measure both in turns."""
    parts = urlparse(url)
    small_url = parts._replace(path=parts.path + "_small").geturl()
    databases = {scenario.small: small_url, scenario.large: url}
    if not args.reuse:
        for database in databases.values():
            recreate_database(database)
    setup_django(url)
    from django.core.management import call_command

    for size, database in databases.items():
        use(database)
        call_command("migrate", verbosity=0)
        print(f"{name}: seeding {size:,} offenders …", flush=True)
        print(f"  seeded in {seed(size, scenario):.1f} s", flush=True)
    figures = measure(scenario, databases, args.repeat)
    if args.explain:
        explain(next(iter(scenario.pages)))
    report(name, scenario, figures, args.repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=[*SCENARIOS, "both"], default="big-force")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="Keep the seeded databases")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    names = list(SCENARIOS) if args.scenario == "both" else [args.scenario]
    for name in names:
        run(name, SCENARIOS[name], args, url)


if __name__ == "__main__":
    main()
