"""ARMS assessments, the case formulation and its plan in the outsider ``World``."""

from __future__ import annotations

import datetime
from functools import cached_property

from django.utils import timezone


class Assessments:
    """Assessments (draft, rated, submitted, countersigned), the formulation and its plan action."""

    def _countersigned(self, priority="medium", on=None):
        from assessments.models import Assessment, AssessmentStatus, FrameworkVersion

        at = timezone.make_aware(
            datetime.datetime.combine(on or timezone.localdate(), datetime.time(10))
        )
        return Assessment.objects.create(
            offender=self.offender,
            framework=FrameworkVersion.objects.order_by("-number").first(),
            status=AssessmentStatus.COUNTERSIGNED,
            created_by=self.owner,
            submitted_by=self.owner,
            submitted_at=at,
            countersigned_by=self.colleague,
            countersigned_at=at,
            derived_priority=priority,
            final_priority=priority,
            rule_version="arms-priority-1",
        )

    @cached_property
    def countersigned_undecided(self):
        """A countersigned assessment whose level has not been decided yet."""
        return self._countersigned()

    @cached_property
    def draft(self):
        """A draft ARMS assessment started by the owner (one rating row per factor)."""
        from assessments.services import assessment_start

        assessment, _ = assessment_start(user=self.owner, offender=self.offender)
        return assessment

    @cached_property
    def factor(self):
        return self.draft.ratings.select_related("factor").order_by("factor__order").first().factor

    @cached_property
    def rated_draft(self):
        from tests.assessments.factories import rate_all

        return rate_all(self.draft, self.owner)

    @cached_property
    def submitted(self):
        from assessments.services import assessment_submit

        assessment = self.rated_draft
        return assessment_submit(
            user=self.owner, assessment=assessment, expected_version=assessment.version
        )

    @cached_property
    def framework(self):
        from assessments.models import FrameworkVersion

        return FrameworkVersion.objects.order_by("-number").first()

    # --- formulation and plan ---------------------------------------------------------------

    @cached_property
    def formulation(self):
        """The draft in progress; the countersigned one (what the PDF exports) is made first."""
        from formulations.services import formulation_start

        self.countersigned_formulation  # noqa: B018
        return formulation_start(user=self.owner, assessment=self.draft)

    @cached_property
    def countersigned_formulation(self):
        from formulations.models import Formulation

        return Formulation.objects.create(
            assessment=self.countersigned_undecided,
            offending_history="Two court appearances, 2015 and 2021.",
            risk_drivers="Isolation.",
            created_by=self.owner,
            updated_by=self.owner,
        )

    @cached_property
    def action(self):
        from formulations.models import PlanAction

        return PlanAction.objects.create(
            formulation=self.formulation,
            heading="supervision",
            description="Unannounced home visit, evening.",
            owner="MOSOVO officer",
            due_date=datetime.date(2030, 1, 1),
        )
