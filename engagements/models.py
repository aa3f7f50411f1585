"""Level of risk management and the timetable of engagements: facts (policies, decisions,
reactive episodes, visits, changes) written by ``engagements.services`` only, and
``OffenderSchedule``, their denormalised summary (``services.schedule``) for indexed lists."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from arms_site.lib.dates import gov_date
from arms_site.lib.model_choices import RiskCategoryChoice
from arms_site.lib.ordinal import rank_of
from assessments.combiner import Policy as CombinerPolicy
from riskmatrix.models import StaticToolChoice

# Changes of circumstances live in their own module (this one stays under 400 lines).
from .models_changes import ADVERSE_KINDS, ChangeKind, ChangeOfCircumstances  # noqa: F401

LevelChoice = RiskCategoryChoice  # generated from arms_site.lib.ordinal


# Low 0 … Very high 3; the schedule stores it so lists sort by level in the database.
level_rank = rank_of


class Policy(models.Model):
    """One version of a force's level policy. Never edited: an edit adds a new version."""

    force = models.ForeignKey(
        "accounts.Force", on_delete=models.PROTECT, related_name="level_policies"
    )
    number = models.PositiveIntegerField(help_text="1, 2, 3… within the force")
    version = models.CharField(max_length=40, help_text="The label decisions quote")
    data = models.JSONField(help_text="assessments.combiner.Policy.to_dict()")
    note = models.TextField(blank=True, help_text="Why this version was made")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["force", "-number"]
        verbose_name_plural = "policies"
        constraints = [
            models.UniqueConstraint(fields=["force", "number"], name="policy_number_unique"),
            models.UniqueConstraint(fields=["force", "version"], name="policy_version_unique"),
        ]

    def __str__(self):
        return f"{self.version} ({self.force})"

    def as_rules(self) -> CombinerPolicy:
        return CombinerPolicy.from_dict(self.data)


class DecisionStatus(models.TextChoices):
    IN_FORCE = "in_force", "In force"
    OVERRIDE_REQUESTED = "override_requested", "In force, override awaiting a supervisor"
    SUPERSEDED = "superseded", "Superseded"


class OverrideStatus(models.TextChoices):
    NONE = "none", "No override"
    REQUESTED = "requested", "Awaiting a supervisor"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


CURRENT_DECISION = ~Q(status=DecisionStatus.SUPERSEDED)


class LevelDecision(models.Model):
    """The level of risk management decided when an ARMS assessment is countersigned."""

    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="level_decisions"
    )
    assessment = models.ForeignKey(
        "assessments.Assessment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="level_decisions",
    )
    rm2000_category = models.CharField(
        "RM2000/S category", max_length=10, choices=LevelChoice.choices, blank=True
    )
    # The static tool the policy named, the record it read (None: not scored or not applicable)
    # and the starting category it gave.
    static_tool = models.CharField(
        max_length=10, choices=StaticToolChoice.choices, default=StaticToolChoice.RM2000
    )
    static_record = models.ForeignKey(
        "riskmatrix.ActuarialRecord",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="level_decisions",
    )
    static_category = models.CharField(
        "Static category", max_length=10, choices=LevelChoice.choices, blank=True
    )
    priority = models.CharField("ARMS priority", max_length=8)
    derived_level = models.CharField(max_length=10, choices=LevelChoice.choices)
    final_level = models.CharField(max_length=10, choices=LevelChoice.choices)
    needs_review = models.BooleanField(default=False, help_text="No RM2000/S: supervisor review")
    working = models.JSONField(default=list)
    policy = models.ForeignKey(Policy, on_delete=models.PROTECT, related_name="decisions")
    policy_version = models.CharField(max_length=40)
    effective_date = models.DateField()
    status = models.CharField(
        max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.IN_FORCE
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    override_status = models.CharField(
        max_length=10, choices=OverrideStatus.choices, default=OverrideStatus.NONE
    )
    override_level = models.CharField(max_length=10, choices=LevelChoice.choices, blank=True)
    override_rationale = models.TextField(blank=True)
    override_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    override_requested_at = models.DateTimeField(null=True, blank=True)
    override_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    override_decided_at = models.DateTimeField(null=True, blank=True)
    override_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-effective_date", "-pk"]
        indexes = [models.Index(fields=["offender", "status"], name="decision_offender_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["offender"], condition=CURRENT_DECISION, name="one_current_decision"
            ),
            models.CheckConstraint(
                condition=Q(override_decided_by__isnull=True)
                | ~Q(override_decided_by=F("override_requested_by")),
                name="override_not_self_approved",
            ),
        ]

    def __str__(self):
        return f"Level {self.get_final_level_display()} from {gov_date(self.effective_date)}"

    @property
    def level_took_effect(self):
        """An approved override changes the level on the day it is approved."""
        if self.override_status == OverrideStatus.APPROVED and self.override_decided_at:
            return self.override_decided_at.date()
        return self.effective_date


class ReactiveStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed, awaiting a supervisor"
    ACTIVE = "active", "In reactive management"
    REFUSED = "refused", "Refused"
    ENDED = "ended", "Ended"


OPEN_REACTIVE = Q(status__in=[ReactiveStatus.PROPOSED, ReactiveStatus.ACTIVE])


class ReactiveManagement(models.Model):
    """An episode of reactive management: proposed, approved (or refused), later ended."""

    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="reactive_episodes"
    )
    status = models.CharField(
        max_length=10, choices=ReactiveStatus.choices, default=ReactiveStatus.PROPOSED
    )
    criteria = models.JSONField(default=list, help_text="[{code, label, passed, detail}]")
    no_civil_order = models.BooleanField(
        default=False, help_text="The officer confirmed no civil order is in force"
    )
    rationale = models.TextField()
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = models.TextField(blank=True)
    start = models.DateField(null=True, blank=True)
    end = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["offender"], condition=OPEN_REACTIVE, name="one_open_reactive"
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("proposed_by")),
                name="reactive_not_self_approved",
            ),
        ]

    def __str__(self):
        return f"Reactive management ({self.get_status_display()})"


class VisitKind(models.TextChoices):
    HOME_VISIT = "home_visit", "Home visit"
    POLICE_STATION = "police_station", "At a police station"
    OTHER = "other", "Other"


class VisitOutcome(models.TextChoices):
    SEEN = "seen", "Seen and spoken to"
    NOT_SEEN = "not_seen", "Not seen (no answer or not at home)"
    REFUSED = "refused", "Entry refused"


class Visit(models.Model):
    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="visits"
    )
    planned_for = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    kind = models.CharField(max_length=16, choices=VisitKind.choices, default=VisitKind.HOME_VISIT)
    announced = models.BooleanField(default=False)
    attended_by = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=10, choices=VisitOutcome.choices, blank=True)
    notes = models.TextField(blank=True)
    concerns_raised = models.BooleanField(default=False)
    concerns = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_at", "-planned_for", "-pk"]
        indexes = [models.Index(fields=["offender", "completed_at"], name="visit_offender_done")]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_for__isnull=False) | Q(completed_at__isnull=False),
                name="visit_planned_or_completed",
            ),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True) | ~Q(outcome=""),
                name="visit_completed_has_outcome",
            ),
        ]

    def __str__(self):
        when = self.completed_at or self.planned_for
        state = "completed" if self.completed_at else "planned"
        return f"{self.get_kind_display()} {state} {gov_date(when)}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


# The columns the dashboard's grouped counts read, carried in the scope indexes.
SCOPE_COUNTED = [
    "responsible_officer",
    "current_level",
    "next_visit_due",
    "next_reassessment_due",
    "reactive",
    "reassessment_due_now",
    "override_pending",
    "offender",
]


class VisitFrequency(models.Model):
    """An officer's own home-visit interval for one offender, replacing the policy's default.

    History is kept: a new setting ends the one in force, and "return to the policy default"
    ends it without a successor. At most one row per offender is in force (``ended_at`` empty).
    """

    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="visit_frequencies"
    )
    interval_months = models.PositiveSmallIntegerField(
        "Visit at least every (months)", help_text="1 to 24 months"
    )
    rationale = models.TextField(help_text="Why this interval suits this offender")
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    end_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["offender", "-set_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(interval_months__gte=1, interval_months__lte=24),
                name="visit_frequency_interval_1_24",
            ),
            models.UniqueConstraint(
                fields=["offender"],
                condition=Q(ended_at__isnull=True),
                name="visit_frequency_one_in_force",
            ),
        ]

    def __str__(self):
        return f"Every {self.interval_months} month(s) for {self.offender_id}"

    @property
    def in_force(self) -> bool:
        return self.ended_at is None


class OffenderSchedule(models.Model):
    """Denormalised: written only by ``services.schedule_refresh``; read by lists at scale.

    Every offender has one (``offender_create`` makes it), so it is also the dashboard's read model.
    """

    offender = models.OneToOneField(
        "offenders.Offender", on_delete=models.CASCADE, primary_key=True, related_name="schedule"
    )
    decision = models.ForeignKey(
        LevelDecision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    current_level = models.CharField(max_length=10, choices=LevelChoice.choices, blank=True)
    level_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    level_effective_date = models.DateField(null=True, blank=True)
    needs_review = models.BooleanField(default=False)
    override_pending = models.BooleanField(default=False)
    reactive = models.BooleanField(default=False)
    reactive_pending = models.BooleanField(default=False)
    last_visit_at = models.DateTimeField(null=True, blank=True)
    last_assessment_on = models.DateField(null=True, blank=True)
    next_visit_due = models.DateField(null=True, blank=True)
    next_reassessment_due = models.DateField(null=True, blank=True)
    # The earlier of the two due dates: one column to sort "most overdue first".
    next_due = models.DateField(null=True, blank=True)
    reassessment_due_now = models.BooleanField(default=False)
    reassessment_reason = models.CharField(max_length=200, blank=True)
    # The home-visit interval that applies and where it comes from (the officer's or the policy's).
    visit_interval_months = models.PositiveSmallIntegerField(null=True, blank=True)
    visit_interval_note = models.CharField(max_length=300, blank=True)
    # An officer's own interval is in force (VisitFrequency): the timetable reads this, not the
    # table, to know whether to offer "Return to the policy default".
    visit_interval_by_officer = models.BooleanField(default=False)
    # The offender's scope, copied by ``schedule_refresh`` (and refreshed by the offender
    # services whenever team, officer or status change) so that the dashboard counts a force's
    # or a team's caseload from this table alone, with an index-only scan and no join.
    team = models.ForeignKey(
        "accounts.Team", on_delete=models.PROTECT, null=True, related_name="+", db_index=False
    )
    force = models.ForeignKey(
        "accounts.Force", on_delete=models.PROTECT, null=True, related_name="+", db_index=False
    )
    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    on_register = models.BooleanField(default=False, help_text="Status active, custody or reactive")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            # Scope first, then every column the dashboard counts: an index-only aggregate.
            models.Index(
                fields=["force", "on_register", *SCOPE_COUNTED], name="schedule_force_scope"
            ),
            models.Index(
                fields=["team", "on_register", *SCOPE_COUNTED], name="schedule_team_scope"
            ),
            models.Index(fields=["current_level", "next_visit_due"], name="schedule_level_visit"),
            models.Index(fields=["next_reassessment_due"], name="schedule_reassessment"),
            models.Index(fields=["-level_rank", "next_due"], name="schedule_rank_due"),
        ]

    def __str__(self):
        return f"Schedule of {self.offender_id}"

    def get_absolute_url(self):
        return reverse("engagements:timetable", args=[self.offender_id])
