"""The level of risk management and the engagements (visits, reactive management) in the
outsider ``World``."""

from __future__ import annotations

import datetime
from functools import cached_property

from django.utils import timezone

LEVELS = ("low", "medium", "high", "very_high")


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class Engagements:
    """Level decisions, overrides, reactive management and visits (uses ``_countersigned``)."""

    @cached_property
    def decision(self):
        """The level decision in force (medium), from a countersigned assessment."""
        from engagements.services import level_decision_on_countersign

        assessment = self._countersigned()
        return level_decision_on_countersign(
            user=self.colleague, assessment=assessment, rm2000_category="medium"
        )

    @cached_property
    def decided_offender(self):
        """The offender with a level in force (a visit interval needs one)."""
        self.decision  # noqa: B018
        return self.offender

    def override_level(self, decision) -> str:
        rank = LEVELS.index(decision.derived_level)
        return LEVELS[rank + 1] if rank + 1 < len(LEVELS) else LEVELS[rank - 1]

    @cached_property
    def decision_requested(self):
        """The decision in force with an override requested by the owner."""
        from engagements.services import level_override_request

        decision = self.decision
        return level_override_request(
            user=self.owner,
            decision=decision,
            level=self.override_level(decision),
            rationale="Recent intelligence suggests the risk has changed",
        )

    @cached_property
    def low_for_years(self):
        """The offender Low for four years (eligible for reactive management); returns it."""
        from engagements.services import level_decision_on_countersign

        on = _years_before(timezone.localdate(), 4)
        assessment = self._countersigned(priority="low", on=on)
        level_decision_on_countersign(
            user=self.colleague, assessment=assessment, rm2000_category="low", today=on
        )
        return self.offender

    @cached_property
    def episode(self):
        """Reactive management proposed by the owner, awaiting a supervisor."""
        from engagements.models import ReactiveManagement

        return ReactiveManagement.objects.create(
            offender=self.offender,
            criteria=[],
            no_civil_order=True,
            rationale="Settled, no concerns",
            proposed_by=self.owner,
        )

    @cached_property
    def planned_visit(self):
        from engagements.services import visit_plan

        return visit_plan(
            user=self.owner,
            offender=self.offender,
            planned_for=timezone.now() + datetime.timedelta(days=7),
            kind="home_visit",
        )

    @cached_property
    def frequency(self):
        from engagements.services import visit_frequency_set

        self.decision  # noqa: B018 - an interval needs a level
        return visit_frequency_set(
            user=self.owner,
            offender=self.offender,
            interval_months=3,
            rationale="Settled at home: quarterly visits suffice",
        )
