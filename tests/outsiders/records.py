"""The offender's record in the outsider ``World``: court history, RM2000 and OSP."""

from __future__ import annotations

import datetime
from functools import cached_property

from tests.factories import CourtAppearanceFactory, OffenceFactory


class Records:
    """The court history, and the RM2000 and OSP records built on it."""

    @cached_property
    def appearance(self):
        """The court history RM2000 needs: an old theft and a sexual offence (2015, 2021)."""
        first = CourtAppearanceFactory(
            offender=self.offender, sentencing_date=datetime.date(2015, 11, 3)
        )
        OffenceFactory(
            appearance=first,
            description="Exposure",
            kind="sexual",
            contact=False,
            sexual_type="non_contact",
        )
        later = CourtAppearanceFactory(
            offender=self.offender, sentencing_date=datetime.date(2021, 6, 2)
        )
        OffenceFactory(
            appearance=later,
            description="Sexual assault",
            kind="sexual",
            sexual_type="contact_adult",
        )
        return first

    @cached_property
    def rm2000_assessed(self) -> datetime.date:
        return datetime.date(2026, 1, 15)

    def rm2000_answers(self) -> dict:
        from riskmatrix.answers import INPUT_NAMES
        from riskmatrix.prefill import propose_for_offender

        self.appearance  # noqa: B018 - RM2000 needs the court history
        proposal = propose_for_offender(self.offender, self.rm2000_assessed)
        answers = {name: proposal.value(name) for name in INPUT_NAMES}
        answers["never_married"] = False
        answers["sexual_offence_at_16"] = True
        return answers

    @cached_property
    def rm2000_record(self):
        from riskmatrix.services import rm2000_record

        return rm2000_record(
            user=self.owner,
            offender=self.offender,
            assessment_date=self.rm2000_assessed,
            answers=self.rm2000_answers(),
        )

    def osp_answers(self) -> dict:
        from riskmatrix.osp_answers import OSP_INPUT_NAMES
        from riskmatrix.osp_prefill import propose_osp_for_offender

        self.appearance  # noqa: B018 - OSP needs the court history
        proposal = propose_osp_for_offender(self.offender, self.rm2000_assessed)
        return {name: proposal.value(name) for name in OSP_INPUT_NAMES}

    @cached_property
    def osp_record(self):
        from riskmatrix.services import osp_record

        return osp_record(
            user=self.owner,
            offender=self.offender,
            assessment_date=self.rm2000_assessed,
            answers=self.osp_answers(),
        )
