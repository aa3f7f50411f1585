"""Query helpers shared by the apps."""

from django.db.models import QuerySet


def one_or_none(queryset: QuerySet):
    """The one row of ``queryset`` (a unique constraint allows at most one), or None.

    For such lookups instead of ``.first()``, which adds ``ORDER BY pk``: on Django 5.2,
    compiling any ORDER BY hashes every selected column, a measurable share of an offender
    page whose lookups select related rows (bench/bench_load.py). One row needs no order.
    """
    return next(iter(queryset.order_by()[:1]), None)
