"""Visit patterns the guidance warns about: always the same weekday, never in the evening.

Pure (stdlib only, no Django, no clock). Callers pass the visits' local datetimes; each warning
carries the text shown to the officer, so the page never has to explain the rule itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

# Look at the most recent visits only: an old habit that has since changed is no warning.
RECENT = 6
MINIMUM = 3
# "Daytime" is 08:00 to 17:59; a visit from 18:00 (or before 08:00) counts as out of hours.
DAY_STARTS = datetime.time(8, 0)
EVENING_STARTS = datetime.time(18, 0)


@dataclass(frozen=True)
class PatternWarning:
    code: str
    text: str


def _is_daytime(moment: datetime.datetime) -> bool:
    return DAY_STARTS <= moment.time() < EVENING_STARTS


def visit_pattern_warnings(
    visits: Iterable[datetime.datetime], *, recent: int = RECENT, minimum: int = MINIMUM
) -> list[PatternWarning]:
    """Warnings about the most recent ``recent`` completed visits (none below ``minimum``)."""
    latest = sorted(visits, reverse=True)[:recent]
    if len(latest) < minimum:
        return []
    warnings = []
    weekdays = {moment.strftime("%A") for moment in latest}
    if len(weekdays) == 1:
        day = weekdays.pop()
        warnings.append(
            PatternWarning(
                "same_weekday",
                f"The last {len(latest)} visits were all on a {day}. "
                "Vary the day so visits cannot be predicted.",
            )
        )
    if all(_is_daytime(moment) for moment in latest):
        warnings.append(
            PatternWarning(
                "daytime_only",
                f"The last {len(latest)} visits were all in the daytime "
                f"({DAY_STARTS:%H:%M} to {EVENING_STARTS:%H:%M}), never in the evening. "
                "Plan some visits for the evening.",
            )
        )
    return warnings
