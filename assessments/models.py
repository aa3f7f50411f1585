"""ARMS assessments: the versioned framework (factors as data) and the assessments made with it.

The framework is data, not code: a force administrator can load a new version (for example the
official wording) and every assessment keeps the version it was made with.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from arms_site.lib.dates import gov_date


class FrameworkVersion(models.Model):
    number = models.PositiveIntegerField(unique=True)
    label = models.CharField(max_length=120)
    loaded_at = models.DateTimeField(auto_now_add=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"Version {self.number}: {self.label}"


class FactorKind(models.TextChoices):
    RISK = "risk", "Risk factor"
    PROTECTIVE = "protective", "Protective factor"


class Factor(models.Model):
    framework = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="factors"
    )
    code = models.SlugField(max_length=60)
    kind = models.CharField(max_length=12, choices=FactorKind.choices)
    name = models.CharField(max_length=120)
    guidance = models.TextField(blank=True, help_text="Short help in our own words")
    order = models.PositiveSmallIntegerField()
    # {"0": "Not present", "1": "Some evidence", "2": "Strong evidence"}: a force may reword them.
    rating_labels = models.JSONField(default=dict)

    class Meta:
        ordering = ["framework", "order"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="factor_code_unique"),
            models.UniqueConstraint(fields=["framework", "order"], name="factor_order_unique"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_risk(self) -> bool:
        return self.kind == FactorKind.RISK

    def rating_label(self, rating) -> str:
        if rating is None:
            return "Insufficient information"
        return self.rating_labels.get(str(rating)) or DEFAULT_RATING_LABELS[str(rating)]


DEFAULT_RATING_LABELS = {"0": "Not present", "1": "Some evidence", "2": "Strong evidence"}


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Awaiting countersignature"
    COUNTERSIGNED = "countersigned", "Countersigned"
    RETURNED = "returned", "Returned for changes"


EDITABLE_STATUSES = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


class OverrideStatus(models.TextChoices):
    NONE = "none", "No override"
    REQUESTED = "requested", "Override awaiting supervisor"
    APPROVED = "approved", "Override approved"
    REFUSED = "refused", "Override refused"


class PriorityChoice(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


class Assessment(models.Model):
    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="arms_assessments"
    )
    framework = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    # Optimistic locking: every save bumps it; a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The countersigned assessment this one was pre-filled from",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Everyone who wrote any part: started it, saved a factor, wrote its formulation, submitted
    # it. None of them may countersign it (a second pair of eyes is a second person).
    contributors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    countersigned_at = models.DateTimeField(null=True, blank=True)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    return_comment = models.TextField(blank=True)
    derived_priority = models.CharField(max_length=8, choices=PriorityChoice.choices, blank=True)
    final_priority = models.CharField(max_length=8, choices=PriorityChoice.choices, blank=True)
    override_priority = models.CharField(max_length=8, choices=PriorityChoice.choices, blank=True)
    override_rationale = models.TextField(blank=True)
    override_status = models.CharField(
        max_length=10, choices=OverrideStatus.choices, default=OverrideStatus.NONE
    )
    override_comment = models.TextField(blank=True, help_text="The supervisor's reply")
    priority_working = models.JSONField(default=dict, blank=True)
    rule_version = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["offender", "status", "countersigned_at"], name="arms_offender_status"
            ),
            models.Index(fields=["status", "submitted_at"], name="arms_status_submitted"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="countersigned") | Q(countersigned_at__isnull=False),
                name="arms_countersigned_has_date",
            ),
        ]

    def __str__(self):
        return f"ARMS assessment of {gov_date(self.created_at)} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("assessments:tasks", args=[self.offender_id, self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def is_locked(self) -> bool:
        return self.status == AssessmentStatus.COUNTERSIGNED


class InformationSource(models.TextChoices):
    OFFENDER = "offender", "The offender"
    HOME_VISIT = "home_visit", "Home visit"
    AGENCIES = "agencies", "Other agencies"
    THIRD_PARTY = "third_party", "Third parties"


class FactorRating(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    factor = models.ForeignKey(Factor, on_delete=models.PROTECT, related_name="+")
    # None with ``rated`` False = not answered yet; None with ``rated`` True = insufficient info.
    rated = models.BooleanField(default=False)
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    sources = models.JSONField(default=list, blank=True)
    insufficient_information_note = models.TextField(blank=True)
    work_needed = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["factor__order"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "factor"], name="rating_factor_unique"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__in=[0, 1, 2]),
                name="rating_is_0_1_2",
            ),
            models.CheckConstraint(
                condition=Q(rated=True) | Q(rating__isnull=True), name="rating_only_when_rated"
            ),
        ]

    def __str__(self):
        return f"{self.factor}: {self.rating_label}"

    @property
    def is_insufficient(self) -> bool:
        return self.rated and self.rating is None

    @property
    def rating_label(self) -> str:
        if not self.rated:
            return "Not rated"
        return self.factor.rating_label(self.rating)

    @property
    def source_labels(self) -> list[str]:
        labels = dict(InformationSource.choices)
        return [labels.get(code, code) for code in self.sources]

    @property
    def is_complete(self) -> bool:
        """Ready for submission: rated and evidenced; insufficient information needs a note."""
        if not self.rated or not self.evidence.strip():
            return False
        return not self.is_insufficient or bool(self.insufficient_information_note.strip())

    @property
    def is_started(self) -> bool:
        return self.rated or bool(self.evidence.strip() or self.work_needed.strip())


class AssessmentTransition(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=16, choices=AssessmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=AssessmentStatus.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.from_status or 'new'} → {self.to_status}"
