"""The production server configuration: `gunicorn -c gunicorn.conf.py` (`make serve`).

Gthread workers: one process per core does the CPU work of rendering (Python runs one thread
at a time per process), and each process runs 4 threads so that a request waiting on
PostgreSQL does not hold a core idle. Measured with bench/bench_load.py on 2 cores and 50 users
(4 December 2026): 2 processes × 4 threads served 174-175 requests/s, × 8 threads 161-162
(more threads only queue for the same interpreter lock, and switching between them costs
CPU), × 2 or × 3 threads 166-171.
Every setting can be changed from the environment without editing this file:

- ``GUNICORN_WORKERS`` (default: the CPU count), ``GUNICORN_THREADS`` (default 4);
- ``GUNICORN_BIND`` (default ``127.0.0.1:8000``: behind a reverse proxy on the same machine);
- ``GUNICORN_TIMEOUT`` (default 30 s; the PDF pack is built by ``db_worker``, not here);
- ``GUNICORN_ACCESS_LOG`` (default ``-``, stdout; empty for none).

Each thread holds at most one database connection (``CONN_MAX_AGE``, see the README's
"Running on more than one machine"), so one server opens up to workers × threads connections.
The access log never records a query string or a referrer: search words name people.
"""

import gc
import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name, "") or default)


wsgi_app = "arms_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

worker_class = "gthread"
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count())
threads = _int("GUNICORN_THREADS", 4)
# Load Django once in the master, then fork: workers share its memory and start at once, and a
# broken configuration fails before any worker starts.
preload_app = True

timeout = _int("GUNICORN_TIMEOUT", 30)  # a worker silent this long is killed and replaced
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (jittered so they do not all restart together), but rarely: a
# worker that restarts drops its keep-alive connections, and their clients reconnect to the
# workers still running, which then serve more than their share until connections turn over
# (at 5,000 a busy 2-core server restarted each worker every 20-60 s, and bench_load.py measured
# the mix's p95 at 425-552 ms instead of 352-437, and the trivial view at half its throughput).
max_requests = 50_000
max_requests_jitter = 5_000
# Refuse oversized request lines and headers early.
limit_request_line = 8190
limit_request_fields = 100

# %(U)s is the path without its query string; no referrer, no user agent, no cookies.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The real client address from a proxy on this machine only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


# A page allocates tens of thousands of objects, so the default threshold (700 net
# allocations) runs the collector many times a request; 50,000 runs it far less often, for
# 3-4% less CPU per page (measured in-process on bench/bench_load.py's offender pages).
GC_THRESHOLD = (50_000, 20, 100)


def pre_fork(server, worker):
    """Move everything the master loaded (Django, the apps, the templates) out of the
    collector's reach: workers never scan it, and pages of it stay shared after the fork."""
    gc.freeze()


def post_fork(server, worker):
    """Connections must not be shared across a fork: close any the master opened while
    preloading, so each worker opens its own."""
    from django.db import connections

    connections.close_all()
    gc.set_threshold(*GC_THRESHOLD)
