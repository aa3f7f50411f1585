"""What "nothing written" means: every row of the project's tables before and after a call."""

from __future__ import annotations

from django.apps import apps

APP_LABELS = (
    "accounts",
    "offenders",
    "riskmatrix",
    "assessments",
    "engagements",
    "formulations",
    "register",
    "audit",
    "dashboard",
)


def _plain(value):
    return bytes(value) if isinstance(value, memoryview) else value


def snapshot() -> dict[str, dict]:
    """Every row of the project's tables, by model label and primary key."""
    rows = {}
    for label in APP_LABELS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models(include_auto_created=True):
            rows[model._meta.label] = {
                row["pk"] if "pk" in row else row[model._meta.pk.attname]: {
                    key: _plain(value) for key, value in row.items()
                }
                for row in model._base_manager.order_by("pk").values()
            }
    return rows


def differences(before: dict, after: dict) -> list[str]:
    lines = []
    for label in sorted(set(before) | set(after)):
        old, new = before.get(label, {}), after.get(label, {})
        added = len(set(new) - set(old))
        removed = len(set(old) - set(new))
        changed = sum(1 for pk in set(old) & set(new) if old[pk] != new[pk])
        parts = [
            f"{n} {what}"
            for n, what in ((added, "new"), (changed, "changed"), (removed, "deleted"))
            if n
        ]
        if parts:
            lines.append(f"{label}: {', '.join(parts)}")
    return lines
