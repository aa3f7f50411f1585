"""Visit patterns and the upcoming schedule: pure helpers, no database."""

import datetime

from engagements.patterns import visit_pattern_warnings
from engagements.timetable import upcoming_schedule


def at(day, hour):
    return datetime.datetime(2026, 3, day, hour, 0)


def test_too_few_visits_give_no_warning():
    assert visit_pattern_warnings([at(3, 10), at(10, 10)]) == []


def test_always_the_same_weekday_and_always_daytime():
    tuesdays = [at(3, 10), at(10, 11), at(17, 14), at(24, 9)]  # March 2026: Tuesdays
    warnings = visit_pattern_warnings(tuesdays)
    assert [w.code for w in warnings] == ["same_weekday", "daytime_only"]
    assert "all on a Tuesday" in warnings[0].text
    assert "never in the evening" in warnings[1].text


def test_an_evening_visit_and_varied_days_clear_the_warnings():
    varied = [at(3, 10), at(11, 19), at(19, 14), at(27, 9)]
    assert visit_pattern_warnings(varied) == []


def test_only_recent_visits_count():
    old_habit = [datetime.datetime(2020, 1, 7 + 7 * i, 10) for i in range(3)]
    recent = [at(3, 19), at(11, 20), at(19, 14), at(27, 9), at(28, 21), at(30, 8)]
    assert visit_pattern_warnings(old_habit + recent) == []


def test_upcoming_schedule_repeats_intervals_for_twelve_months():
    items = upcoming_schedule(
        level="high",
        next_visit_due=datetime.date(2026, 1, 31),
        next_reassessment_due=datetime.date(2026, 5, 31),
        today=datetime.date(2026, 1, 10),
    )
    visits = [i.due for i in items if i.kind == "visit"]
    assert visits == [
        datetime.date(2026, 1, 31),
        datetime.date(2026, 4, 30),
        datetime.date(2026, 7, 31),
        datetime.date(2026, 10, 31),
    ]
    assert [i.due for i in items if i.kind == "reassessment"] == [
        datetime.date(2026, 5, 31),
        datetime.date(2026, 11, 30),
    ]
    assert items == sorted(items, key=lambda i: i.due)


def test_upcoming_schedule_without_a_level_is_empty():
    assert (
        upcoming_schedule(
            level="",
            next_visit_due=None,
            next_reassessment_due=None,
            today=datetime.date(2026, 1, 1),
        )
        == []
    )
