"""Loading a new ARMS framework version from JSON, without a code change.

Format (one object)::

    {
      "number": 2,                       # a new whole number, higher than any loaded version
      "label": "Official wording 2027",  # shown next to each assessment made with it
      "notes": "Where the wording came from",          # optional
      "rating_labels": {"0": "...", "1": "...", "2": "..."},  # optional default for all factors
      "factors": [
        {"code": "sexual_preoccupation", "kind": "risk", "name": "...", "guidance": "...",
         "rating_labels": {...}},        # guidance and rating_labels optional
        ...                              # all 11 codes of the priority rule, in display order
      ]
    }

The codes must be exactly the 11 codes the priority rule (``assessments.priority``) knows, with
the same kinds: the wording can change, the rule cannot (that needs a new rule version in code).
Assessments already made keep the version they were made with; new ones use the highest number.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from audit.models import Action
from audit.services import audit_record

from ..access import can_load_framework
from ..models import DEFAULT_RATING_LABELS, Factor, FactorKind, FrameworkVersion
from ..priority import FACTOR_CODES, PROTECTIVE_FACTORS


def _labels(raw, fallback) -> dict[str, str]:
    labels = dict(fallback)
    if raw is None:
        return labels
    if not isinstance(raw, dict) or set(raw) - set(DEFAULT_RATING_LABELS):
        raise ValidationError('rating_labels must map "0", "1" and "2" to their wording')
    labels.update({key: str(value).strip() for key, value in raw.items()})
    return labels


def _validate(data) -> None:
    if not isinstance(data, dict):
        raise ValidationError("The framework file must hold one JSON object")
    number = data.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ValidationError("number must be a whole number of 1 or more")
    if FrameworkVersion.objects.filter(number__gte=number).exists():
        latest = FrameworkVersion.objects.order_by("-number").first()
        raise ValidationError(
            f"Version {number} is not newer than the loaded version {latest.number}: "
            "loaded versions are never replaced, so old assessments keep their wording"
        )
    if not str(data.get("label", "")).strip():
        raise ValidationError("Give the version a label")
    factors = data.get("factors")
    if not isinstance(factors, list) or not all(isinstance(f, dict) for f in factors):
        raise ValidationError("factors must be a list of objects")
    codes = [f.get("code") for f in factors]
    if sorted(map(str, codes)) != sorted(FACTOR_CODES) or len(set(codes)) != len(codes):
        raise ValidationError(
            "factors must list each of the 11 codes of the priority rule exactly once: "
            + ", ".join(FACTOR_CODES)
        )
    for factor in factors:
        expected = "protective" if factor["code"] in PROTECTIVE_FACTORS else "risk"
        if factor.get("kind") != expected:
            raise ValidationError(f"{factor['code']} must have kind {expected!r}")
        if not str(factor.get("name", "")).strip():
            raise ValidationError(f"{factor['code']} needs a name")


@transaction.atomic
def framework_load(*, data: dict, user=None) -> FrameworkVersion:
    """Create a new framework version from ``data`` (see the module docstring for the format).

    ``user`` None is the system itself (the shipped version); a person must be allowed to.
    """
    if user is not None and not can_load_framework(user):
        raise PermissionDenied("Only a force administrator can load a framework version.")
    _validate(data)
    default_labels = _labels(data.get("rating_labels"), DEFAULT_RATING_LABELS)
    framework = FrameworkVersion.objects.create(
        number=data["number"],
        label=data["label"].strip(),
        notes=str(data.get("notes", "")).strip(),
        loaded_by=user,
    )
    Factor.objects.bulk_create(
        Factor(
            framework=framework,
            code=raw["code"],
            kind=FactorKind(raw["kind"]),
            name=raw["name"].strip(),
            guidance=str(raw.get("guidance", "")).strip(),
            order=order,
            rating_labels=_labels(raw.get("rating_labels"), default_labels),
        )
        for order, raw in enumerate(data["factors"], start=1)
    )
    if user is not None:
        audit_record(
            actor=user,
            action=Action.CREATED,
            obj=framework,
            summary=f"ARMS framework version {framework.number} loaded",
        )
    return framework
