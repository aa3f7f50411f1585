"""Case formulation, its risk management plan, MAPPA meetings and their PDF packs.

A formulation belongs to one ARMS assessment: it is edited while that assessment is editable and
locked with it when countersigned (the services refuse changes; the views only hide the links).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from arms_site.lib.dates import gov_date
from offenders.models import MappaLevel


class Formulation(models.Model):
    assessment = models.OneToOneField(
        "assessments.Assessment", on_delete=models.PROTECT, related_name="formulation"
    )
    offending_history = models.TextField(
        "Offending history summary",
        blank=True,
        help_text="Pre-filled from the court appearances; edit it into a short narrative.",
    )
    # The narrative headings are ours (provisional): the official ARMS headings are not public.
    risk_drivers = models.TextField("What drives the risk", blank=True)
    risk_raisers = models.TextField("What would raise the risk", blank=True)
    risk_reducers = models.TextField("What would lower the risk", blank=True)
    # Optimistic locking: every save bumps it; a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Case formulation for {self.assessment}"

    def get_absolute_url(self):
        """The countersigned one is the formulation page; one in progress is the draft page."""
        name = "formulations:detail" if self.is_locked else "formulations:draft"
        return reverse(name, args=[self.assessment.offender_id])

    @property
    def offender(self):
        return self.assessment.offender

    @property
    def is_editable(self) -> bool:
        return self.assessment.is_editable

    @property
    def is_locked(self) -> bool:
        return self.assessment.is_locked


class PlanHeading(models.TextChoices):
    """The MAPPA risk management plan headings, in their usual order."""

    SUPERVISION = "supervision", "Supervision"
    MONITORING = "monitoring", "Monitoring and control"
    INTERVENTIONS = "interventions", "Interventions and treatment"
    VICTIM_SAFETY = "victim_safety", "Victim safety"
    CONTINGENCY = "contingency", "Contingency"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class PlanAction(models.Model):
    formulation = models.ForeignKey(Formulation, on_delete=models.CASCADE, related_name="actions")
    heading = models.CharField(max_length=20, choices=PlanHeading.choices)
    description = models.TextField()
    owner = models.CharField(
        max_length=150, help_text="A person or agency, for example 'PC Smith' or 'Probation'"
    )
    due_date = models.DateField()
    status = models.CharField(
        max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    factors = models.ManyToManyField(
        "assessments.Factor", related_name="+", blank=True, verbose_name="Factors addressed"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["status", "due_date"], name="planaction_status_due")]

    def __str__(self):
        return f"{self.get_heading_display()}: {self.description[:60]}"

    def is_overdue(self, today) -> bool:
        return self.status == ActionStatus.OPEN and self.due_date < today


class MappaMeeting(models.Model):
    force = models.ForeignKey("accounts.Force", on_delete=models.PROTECT, related_name="+")
    date = models.DateField("Meeting date")
    mappa_level = models.PositiveSmallIntegerField("MAPPA level", choices=MappaLevel.choices)
    agencies = models.TextField(
        "Attendees' agencies",
        help_text="The agencies receiving the pack, one per line",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    offenders = models.ManyToManyField(
        "offenders.Offender", through="AgendaItem", related_name="mappa_meetings"
    )

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"MAPPA level {self.mappa_level} meeting, {gov_date(self.date)}"

    def get_absolute_url(self):
        return reverse("formulations:meeting", args=[self.pk])

    @property
    def agency_list(self) -> list[str]:
        return [line.strip() for line in self.agencies.splitlines() if line.strip()]

    @property
    def recipients(self) -> str:
        """The disclosure's recipients as the audit log records them."""
        return f"{self}: " + "; ".join(self.agency_list)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(MappaMeeting, on_delete=models.CASCADE, related_name="agenda")
    offender = models.ForeignKey("offenders.Offender", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "offender"], name="agenda_offender_once"),
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_position_unique"),
        ]

    def __str__(self):
        return f"{self.position}. {self.offender}"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being built"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class PackExport(models.Model):
    """One build of a meeting pack. The PDF lives in the row: it survives restarts, needs no
    shared disk between the web server and the worker, and is deleted with the row."""

    meeting = models.ForeignKey(MappaMeeting, on_delete=models.CASCADE, related_name="exports")
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    total = models.PositiveSmallIntegerField(default=0)
    done_count = models.PositiveSmallIntegerField(default=0)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    error = models.CharField(max_length=255, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(pdf__isnull=False), name="pack_done_has_pdf"
            ),
        ]

    def __str__(self):
        return f"Pack for {self.meeting} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)

    @property
    def percent(self) -> int:
        return int(100 * self.done_count / self.total) if self.total else 0
