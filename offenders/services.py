"""Writes to offender records. Each call is one transaction with its audit entry."""

from django.db import transaction

from audit.models import Action
from audit.services import audit_record

from . import hooks
from .access import can_add_offender, require, require_change_offender
from .models import CONTACT_TYPES, Address, Alias, CourtAppearance, Offence, Offender, Relationship

OFFENDER_FIELDS = [
    "surname",
    "forenames",
    "date_of_birth",
    "sex",
    "pnc_id",
    "local_reference",
    "status",
    "mappa_category",
    "mappa_level",
    "registration_start",
    "notification_period",
    "last_release_date",
    "community_sentence_start",
    "team",
    "responsible_officer",
]


@transaction.atomic
def offender_create(*, user, **fields) -> Offender:
    require(
        can_add_offender(user, fields.get("team")),
        "You cannot add a record to this team: it is outside your force or your role is read-only.",
    )
    offender = Offender(**fields)
    offender.full_clean()
    offender.save()
    hooks.offender_saved(offender, None)
    audit_record(
        actor=user, action=Action.CREATED, obj=offender, offender=offender, summary="Record created"
    )
    return offender


@transaction.atomic
def offender_update(*, user, offender: Offender, **fields) -> Offender:
    require_change_offender(user, offender)
    if "team" in fields and fields["team"] != offender.team:
        require(can_add_offender(user, fields["team"]), "You cannot move a record to that team.")
    changed = [name for name, value in fields.items() if getattr(offender, name) != value]
    for name, value in fields.items():
        setattr(offender, name, value)
    if not changed:
        return offender
    offender.full_clean()
    offender.save()
    hooks.offender_saved(offender, changed)
    audit_record(
        actor=user,
        action=Action.CHANGED,
        obj=offender,
        offender=offender,
        summary="Record changed",
        changed_fields=changed,
    )
    return offender


@transaction.atomic
def address_add(*, user, offender: Offender, end_previous: bool = True, **fields) -> Address:
    """Add an address; the current one (if any) ends the day the new one starts."""
    require_change_offender(user, offender)
    address = Address(offender=offender, **fields)
    address.full_clean()
    if end_previous and address.end_date is None:
        for previous in offender.addresses.filter(end_date__isnull=True):
            previous.end_date = max(previous.start_date, address.start_date)
            previous.save(update_fields=["end_date"])
    address.save()
    audit_record(
        actor=user, action=Action.CREATED, obj=address, offender=offender, summary="Address added"
    )
    return address


@transaction.atomic
def alias_add(*, user, offender: Offender, **fields) -> Alias:
    require_change_offender(user, offender)
    alias = Alias(offender=offender, **fields)
    alias.full_clean()
    alias.save()
    audit_record(
        actor=user, action=Action.CREATED, obj=alias, offender=offender, summary="Alias added"
    )
    return alias


def _offence(appearance, fields: dict) -> Offence:
    # RM2000's contact flag follows the OSP type when one is given, so the two never disagree.
    if fields.get("sexual_type"):
        fields = {**fields, "contact": fields["sexual_type"] in CONTACT_TYPES}
    offence = Offence(appearance=appearance, **fields)
    offence.full_clean()
    offence.save()
    return offence


@transaction.atomic
def relationship_add(*, user, offender: Offender, **fields) -> Relationship:
    """A marriage, civil partnership or cohabitation, with its dates (RM2000 "never married")."""
    require_change_offender(user, offender)
    relationship = Relationship(offender=offender, **fields)
    relationship.full_clean()
    relationship.save()
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=relationship,
        offender=offender,
        summary="Relationship added",
    )
    return relationship


@transaction.atomic
def court_appearance_add(
    *, user, offender: Offender, offences: list[dict] | None = None, **fields
) -> CourtAppearance:
    """Record a sentencing occasion with its offences, all or nothing."""
    require_change_offender(user, offender)
    appearance = CourtAppearance(offender=offender, **fields)
    appearance.full_clean()
    appearance.save()
    for offence_fields in offences or []:
        _offence(appearance, offence_fields)
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=appearance,
        offender=offender,
        summary=f"Court appearance added ({len(offences or [])} offences)",
    )
    return appearance


@transaction.atomic
def offence_add(*, user, appearance: CourtAppearance, **fields) -> Offence:
    require_change_offender(user, appearance.offender)
    offence = _offence(appearance, fields)
    audit_record(
        actor=user,
        action=Action.CREATED,
        obj=offence,
        offender=appearance.offender,
        summary="Offence added",
    )
    return offence
