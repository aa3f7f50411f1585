"""The register (registration, civil order, breach) and MAPPA meetings in the outsider
``World``."""

from __future__ import annotations

import datetime
from functools import cached_property

from django.utils import timezone


class RegisterAndMeetings:
    """The registration, a civil order with its prohibition, a breach; a meeting and its pack."""

    @cached_property
    def registration(self):
        """Imprisonment for 24 months on 1 March 2024: on the register for 10 years."""
        from register.services import registration_record

        return registration_record(
            user=self.owner,
            offender=self.offender,
            relevant_date=datetime.date(2024, 3, 1),
            disposal="imprisonment",
            custody_months=24,
            first_notified_on=datetime.date(2024, 3, 4),
        )

    @cached_property
    def civil_order(self):
        """An SRO until further order with one prohibition (written directly: no side effects)."""
        from register.models import CivilOrder, OrderProhibition

        order = CivilOrder.objects.create(
            offender=self.offender,
            kind="sro",
            court="Walk Magistrates' Court",
            made_on=datetime.date(2025, 1, 6),
            until_further_order=True,
            rules_version="register-1",
            recorded_by=self.owner,
        )
        OrderProhibition.objects.create(order=order, position=1, text="No contact with children")
        return order

    @cached_property
    def prohibition(self):
        return self.civil_order.prohibitions.get()

    @cached_property
    def breach(self):
        """An open suspected breach (written directly, so no change of circumstances follows)."""
        from register.models import SuspectedBreach

        return SuspectedBreach.objects.create(
            offender=self.offender,
            breach_of="notification",
            what="Did not notify a new address",
            found_on=datetime.date(2026, 1, 5),
            recorded_by=self.owner,
        )

    # --- MAPPA meetings ---------------------------------------------------------------------

    @cached_property
    def meeting(self):
        from formulations.models import AgendaItem, MappaMeeting

        meeting = MappaMeeting.objects.create(
            force=self.force,
            date=datetime.date(2030, 2, 1),
            mappa_level=2,
            agencies="Police\nProbation",
            created_by=self.colleague,
        )
        AgendaItem.objects.create(meeting=meeting, offender=self.offender, position=1)
        return meeting

    @cached_property
    def export(self):
        """A finished pack of ``meeting`` (the PDF bytes are a stand-in)."""
        from formulations.models import PackExport

        return PackExport.objects.create(
            meeting=self.meeting,
            status="done",
            total=1,
            done_count=1,
            pdf=b"%PDF-1.4 outsider walk stand-in",
            requested_by=self.colleague,
            started_at=timezone.now(),
            finished_at=timezone.now(),
        )
