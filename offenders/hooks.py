"""Explicit hooks through which higher apps take part in offender pages and writes.

``offenders`` sits below the feature apps and must not import them. Where an offender write or
page needs a higher app (the schedule follows the record; the summary shows a formulation's
overdue actions), that app registers a function here from its ``AppConfig.ready()``. The
registries are plain lists, filled once at start-up and read in order of registration:

- ``on_offender_saved(fn)``: ``fn(offender, changed_fields)`` runs inside the service's
  transaction after an offender is created (``changed_fields`` is None) or changed. Used by
  ``engagements`` to keep the dashboard's read model in step.
- ``summary_panel(template, context_fn)``: the offender summary includes ``template`` in its
  side column with ``context_fn(user, offender, today)`` as its context.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

OffenderSaved = Callable[[object, "frozenset[str] | None"], None]
PanelContext = Callable[[object, object, datetime.date], dict]

_saved: list[OffenderSaved] = []
_panels: list[SummaryPanel] = []


@dataclass(frozen=True)
class SummaryPanel:
    template: str
    context: PanelContext


def on_offender_saved(fn: OffenderSaved) -> OffenderSaved:
    if fn not in _saved:
        _saved.append(fn)
    return fn


def summary_panel(template: str, context: PanelContext) -> None:
    if all(panel.template != template for panel in _panels):
        _panels.append(SummaryPanel(template, context))


def offender_saved(offender, changed_fields: Iterable[str] | None) -> None:
    changed = None if changed_fields is None else frozenset(changed_fields)
    for fn in _saved:
        fn(offender, changed)


def summary_panels(user, offender, today: datetime.date) -> list[tuple[str, dict]]:
    return [(panel.template, panel.context(user, offender, today)) for panel in _panels]
