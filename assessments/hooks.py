"""Explicit hooks through which higher apps take part in the assessment lifecycle.

``assessments`` must not import the apps above it. ``engagements`` registers, from its
``AppConfig.ready()``, what happens when an assessment is countersigned (a level decision),
and it runs inside the countersigning transaction, so both are saved or neither.

- ``on_countersigned(fn)``: ``fn(user=..., assessment=...)``.
"""

from __future__ import annotations

from collections.abc import Callable

Countersigned = Callable[..., object]

_countersigned: list[Countersigned] = []


def on_countersigned(fn: Countersigned) -> Countersigned:
    if fn not in _countersigned:
        _countersigned.append(fn)
    return fn


def countersigned(*, user, assessment) -> None:
    for fn in _countersigned:
        fn(user=user, assessment=assessment)
