"""Shared cases for the register rules tests: a day to count from, and notification_period
with the usual arguments."""

import datetime

from register.rules import notification_period

d = datetime.date
DAY = d(2026, 3, 10)


def period(disposal, age=30, relevant_date=DAY, **extra):
    return notification_period(
        disposal=disposal, relevant_date=relevant_date, age_on_relevant_date=age, **extra
    )
