"""Policy versions per force: the default stored on first use, and new versions.

A version is never edited: a force administrator's edit adds a version, and decisions keep the
version they were made with, so an edit never changes a decision already made.
"""

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from assessments.combiner import DEFAULT_POLICY, Level, StaticTool
from assessments.combiner import Policy as Rules
from assessments.priority import Priority
from audit.models import Action
from audit.services import audit_record

from ..access import can_manage_level_policy
from ..models import Policy
from ..selectors import policy_current

LEVEL_LABELS = {level.value: level.label for level in Level}
PRIORITY_LABELS = {p.value: p.value.capitalize() for p in Priority}
TABLES = {
    "priority_adjustment": (Priority, "ARMS priority {} adjustment"),
    "no_rm2000_level": (Priority, "Level for ARMS priority {} without RM2000/S"),
    "visit_interval_months": (Level, "Home visit interval for {}"),
    "reassessment_interval_months": (Level, "Reassessment interval for {}"),
}


STATIC_TOOL_CHOICES = [
    (StaticTool.RM2000.value, "Risk Matrix 2000: the RM2000/S category"),
    (
        StaticTool.OSP.value,
        "OSP: the higher of the OSP/DC band (after any reduction) and the OSP/IIC band",
    ),
]


def field_name(table: str, key: str) -> str:
    """The form field (and error key) for one cell of a policy table."""
    return f"{table}__{key}"


def policy_in_force(force) -> Policy:
    """The force's newest version, storing the default ``level-1`` for a force that has none.

    A write, so only services call it (a decision or a new version needs a stored row); pages
    read ``selectors.policy_current`` and show the default when it returns None.
    """
    policy = policy_current(force)
    if policy is None:
        policy, _ = Policy.objects.get_or_create(
            force=force,
            number=1,
            defaults={
                "version": DEFAULT_POLICY.version,
                "data": DEFAULT_POLICY.to_dict(),
                "note": "The provisional default shipped with ARMS",
            },
        )
    return policy


def _cell_error(table: str, key: str, value) -> str | None:
    _enum, template = TABLES[table]
    what = template.format(LEVEL_LABELS.get(key) or PRIORITY_LABELS[key]).lower()
    what = what.replace("arms", "ARMS").replace("rm2000/s", "RM2000/S")
    if value is None or value == "":
        return f"Enter the {what}"
    if table == "no_rm2000_level":
        return None if value in LEVEL_LABELS else f"Select the {what}"
    if not isinstance(value, int) or isinstance(value, bool):
        return f"The {what} must be a whole number"
    if table == "priority_adjustment":
        return None if -2 <= value <= 2 else f"The {what} must be between -2 and 2 levels"
    return None if value > 0 else f"The {what} must be at least 1 month"


def policy_errors(data: Mapping) -> dict[str, str]:
    """Field errors for a policy's tables: every level and priority present, intervals > 0."""
    errors = {}
    for table, (enum_cls, _template) in TABLES.items():
        cells = data.get(table)
        cells = cells if isinstance(cells, Mapping) else {}
        for member in enum_cls:
            message = _cell_error(table, member.value, cells.get(member.value))
            if message:
                errors[field_name(table, member.value)] = message
    if data.get("static_tool") not in {value for value, _label in STATIC_TOOL_CHOICES}:
        errors["static_tool"] = "Select the static tool that sets the starting category"
    return errors


@transaction.atomic
def policy_create_version(*, user, data: Mapping, note: str = "") -> Policy:
    """A force administrator's edit: validated, stored as the force's next version, audited."""
    if not can_manage_level_policy(user):
        raise PermissionDenied("Only a force administrator can change the level policy.")
    errors = policy_errors(data)
    if not note.strip():
        errors["note"] = "Enter why the policy is changing"
    if errors:
        raise ValidationError(errors)
    current = policy_in_force(user.force)
    number = current.number + 1
    version = f"{user.force.code.lower()}-level-{number}"
    try:
        rules = Rules.from_dict(
            {
                **{t: dict(data[t]) for t in TABLES},
                "static_tool": data["static_tool"],
                "version": version,
            }
        )
    except ValueError as error:  # the pure core has the last word
        raise ValidationError(str(error)) from None
    policy = Policy.objects.create(
        force=user.force,
        number=number,
        version=version,
        data=rules.to_dict(),
        note=note.strip(),
        created_by=user,
    )
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=policy,
        summary=f"Level policy {version} created (replaces {current.version}); static tool "
        f"{rules.static_tool.label}",
        changed_fields=[*TABLES, "static_tool"],
    )
    return policy
