"""Benchmark the dashboard and the caseload list at 1,000 and 70,000 offenders on PostgreSQL.

Not a test: a script that prints figures. It DROPS and recreates the database ``arms_bench``
(or the one named by ``BENCH_DATABASE_URL``), migrates it, seeds 1,000 offenders with
``seed_scale``, measures, tops up to 70,000, measures again and prints the medians and ratios.

    .venv/bin/python bench/bench_dashboard.py [--small 1000] [--large 70000]
        [--repeat 40] [--explain]

Timing is server time through Django's test Client (no network, no browser): the median of
``--repeat`` requests after a warm-up, for a supervisor (one team) and a force administrator.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/arms_bench"
TARGET_MS = 150
PAGES = {
    "dashboard": "/dashboard/",
    "caseload list": "/dashboard/caseload/",
    # the register's compliance lists (the dashboard itself carries their counts)
    "periodic overdue": "/dashboard/register/?figure=periodic_overdue",
    "periodic due": "/dashboard/register/?figure=periodic_due",
    "travel 14 days": "/dashboard/register/?figure=travel",
}
USERS = {"supervisor": "scale.f01.t001.sup", "force admin": "scale.f01.admin"}


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


def seed(total: int, forces: int) -> float:
    from django.core.management import call_command
    from django.db import connection

    started = time.monotonic()
    call_command("seed_scale", offenders=total, forces=forces)
    elapsed = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return elapsed


def median_ms(client, url: str, repeat: int) -> float:
    for _ in range(5):  # warm-up: connections, template loading, caches
        response = client.get(url, secure=True)
        assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times)


def measure(repeat: int) -> dict[tuple[str, str], float]:
    from django.conf import settings
    from django.test import Client, override_settings

    from accounts.models import User

    # Production settings (DEBUG off) but plain static URLs: no collectstatic manifest is built.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        return _measure(repeat, Client, User)


def _signed_in(Client, user):
    """A client past both sign-in steps (the second factor verified, as tests/conftest.py does)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.middleware import IDLE_LIMIT, LAST_SEEN, SIGNED_IN_AT

    client = Client()
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="Bench app", confirmed=True)
    session = client.session
    now = time.time()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.update({SIGNED_IN_AT: now, LAST_SEEN: now, IDLE_LIMIT: 30 * 60})
    session.save()
    return client


def _measure(repeat, Client, User) -> dict[tuple[str, str], float]:
    results = {}
    for who, username in USERS.items():
        client = _signed_in(Client, User.objects.get(username=username))
        for page, url in PAGES.items():
            results[(who, page)] = median_ms(client, url, repeat)
    return results


def explain() -> None:
    """EXPLAIN ANALYZE of the main queries for the force administrator."""
    from django.db import connection
    from django.utils import timezone

    from accounts.models import User
    from dashboard.caseload import caseload_list
    from dashboard.selectors import caseload_counts, officer_table, schedule_scope
    from register.selectors import compliance_querysets

    user, today = User.objects.get(username=USERS["force admin"]), timezone.localdate()
    per_officer = schedule_scope(user).values("responsible_officer")
    queries = {
        "per officer": per_officer.annotate(
            **caseload_counts(today, prefix="", key="offender")
        ).order_by(),
        "caseload page": caseload_list(user, today, {})[:50],
        "overdue visits page": caseload_list(user, today, {"overdue": "visit"})[:50],
        "register periodic overdue": compliance_querysets(user, today)["periodic_overdue"][:50],
    }
    for name, qs in queries.items():
        sql, params = qs.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + sql, params)
            print(f"\n--- {name}\n" + "\n".join(row[0] for row in cursor.fetchall()))
    officer_table(user, today)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=70000)
    parser.add_argument("--forces", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    recreate_database(url)
    setup_django(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    figures = {}
    for size in (args.small, args.large):
        print(f"Seeding {size:,} offenders …", flush=True)
        print(f"  seeded in {seed(size, args.forces):.1f} s", flush=True)
        figures[size] = measure(args.repeat)
    if args.explain:
        explain()
    small, large = figures[args.small], figures[args.large]
    print(f"\nMedian server time (ms), {args.repeat} requests after a warm-up, PostgreSQL")
    print(f"{'page':<18}{'user':<13}{args.small:>10,}{args.large:>10,}{'ratio':>8}  target")
    for (who, page), fast in small.items():
        slow = large[(who, page)]
        ok = slow < TARGET_MS and slow <= 2 * fast
        print(
            f"{page:<18}{who:<13}{fast:>10.1f}{slow:>10.1f}{slow / fast:>8.2f}  "
            f"{'met' if ok else 'MISSED'} (< {TARGET_MS} ms, ≤ 2×)"
        )


if __name__ == "__main__":
    main()
