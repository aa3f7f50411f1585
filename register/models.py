"""The register's records: a registration per offender, the notifications he made, civil orders
with their prohibitions and suspected breaches. Written only by ``register.services``.

``Registration`` carries denormalised columns the compliance figures read with plain indexed
queries: ``last_notified_on`` and ``next_periodic_due`` (kept by the notification service) and
the offender's force, team and responsible officer (kept by an ``offenders.hooks`` hook).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from .rules import Disposal

DISPOSAL_CHOICES = [(member.value, member.label) for member in Disposal]


class OffReason(models.TextChoices):
    PERIOD_ENDED = "period_ended", "The notification period ended"
    REVIEW_GRANTED = "review_granted", "Removed on review (indefinite notification)"
    DECEASED = "deceased", "Deceased"
    MOVED_OUT = "moved_out", "Moved out of the jurisdiction"


class Registration(models.Model):
    offender = models.OneToOneField(
        "offenders.Offender", on_delete=models.PROTECT, related_name="registration"
    )
    relevant_date = models.DateField(help_text="Conviction, caution or finding")
    disposal = models.CharField(max_length=32, choices=DISPOSAL_CHOICES)
    custody_months = models.PositiveSmallIntegerField(null=True, blank=True)
    discharge_months = models.PositiveSmallIntegerField(null=True, blank=True)
    age_on_relevant_date = models.PositiveSmallIntegerField()
    # the notification period, computed by register.rules.notification_period
    indefinite = models.BooleanField()
    period_months = models.PositiveSmallIntegerField(null=True, blank=True)
    last_day = models.DateField("On the register until", null=True, blank=True)
    period_working = models.JSONField(default=list)
    rules_version = models.CharField(max_length=20)
    first_notified_on = models.DateField("Initial notification")
    review_from = models.DateField("Review may be sought from", null=True, blank=True)
    no_fixed_abode = models.BooleanField(default=False)
    on_register = models.BooleanField(default=True)
    off_reason = models.CharField(max_length=20, choices=OffReason.choices, blank=True)
    off_on = models.DateField("Off the register from", null=True, blank=True)
    # denormalised from the notifications (register.services.notifications)
    last_notified_on = models.DateField()
    next_periodic_due = models.DateField()
    # the offender's scope, copied for the compliance counts (kept in step by register/apps.py)
    force = models.ForeignKey("accounts.Force", on_delete=models.PROTECT, related_name="+")
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="+")
    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["force", "on_register", "next_periodic_due"], name="reg_force_due"
            ),
            models.Index(fields=["team", "on_register", "next_periodic_due"], name="reg_team_due"),
            models.Index(fields=["force", "on_register", "last_day"], name="reg_force_last_day"),
            models.Index(fields=["team", "on_register", "last_day"], name="reg_team_last_day"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(on_register=True, off_reason="", off_on__isnull=True)
                | Q(on_register=False, off_on__isnull=False) & ~Q(off_reason=""),
                name="registration_off_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(indefinite=True, last_day__isnull=True)
                | Q(indefinite=False, last_day__isnull=False),
                name="registration_period_consistent",
            ),
        ]

    def __str__(self):
        return f"Registration of {self.offender}"

    def get_absolute_url(self):
        return reverse("register:detail", args=[self.offender_id])


class NotificationKind(models.TextChoices):
    INITIAL = "initial", "Initial notification"
    NAME = "name", "Change of name"
    HOME_ADDRESS = "home_address", "Change of home address"
    OTHER_ADDRESS = "other_address", "Stay of 7 days at another address"
    CHILD = "child", "Staying or living with a child"
    RELEASE = "release", "Release from custody"
    PERIODIC = "periodic", "Periodic (annual or weekly) notification"
    TRAVEL = "travel", "Foreign travel"
    RETURN = "return", "Return from foreign travel"


class Notification(models.Model):
    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    event_date = models.DateField(
        "Date of the change", null=True, blank=True, help_text="None for a periodic notification"
    )
    notified_on = models.DateField("Date notified")
    station = models.CharField("Police station", max_length=150)
    details = models.TextField(blank=True, help_text="New name, address stayed at, the child…")
    address = models.ForeignKey(
        "offenders.Address", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    departure_date = models.DateField(null=True, blank=True)
    return_date = models.DateField(null=True, blank=True)
    destinations = models.TextField(blank=True)
    carriers = models.TextField(blank=True)
    travel = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="returns"
    )
    deadline = models.DateField("Due by", null=True, blank=True)
    deadline_working = models.JSONField(default=list)
    rules_version = models.CharField(max_length=20)
    in_time = models.BooleanField()
    moves_periodic = models.BooleanField(help_text="Counts as the last notification (s.85)")
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-notified_on", "-pk"]
        indexes = [
            models.Index(fields=["kind", "departure_date"], name="notification_departure"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(return_date__isnull=True)
                | Q(departure_date__isnull=True)
                | Q(return_date__gte=models.F("departure_date")),
                name="notification_return_after_departure",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} notified {self.notified_on:%d %B %Y}"


class OrderKind(models.TextChoices):
    SHPO = "shpo", "Sexual Harm Prevention Order (SHPO)"
    INTERIM_SHPO = "interim_shpo", "Interim SHPO"
    SRO = "sro", "Sexual Risk Order (SRO)"
    INTERIM_SRO = "interim_sro", "Interim SRO"
    SOPO = "sopo", "Sexual Offences Prevention Order (SOPO)"
    ROSHO = "rosho", "Risk of Sexual Harm Order (RoSHO)"
    FTO = "fto", "Foreign Travel Order"


class CivilOrder(models.Model):
    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="civil_orders"
    )
    kind = models.CharField(max_length=20, choices=OrderKind.choices)
    court = models.CharField(max_length=150)
    made_on = models.DateField("Date made")
    end_date = models.DateField(null=True, blank=True)
    until_further_order = models.BooleanField(default=False)
    working = models.JSONField(default=list)
    rules_version = models.CharField(max_length=20)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-made_on", "-pk"]
        indexes = [models.Index(fields=["end_date"], name="order_end_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(until_further_order=True, end_date__isnull=True)
                | Q(until_further_order=False, end_date__gte=models.F("made_on")),
                name="order_end_or_until_further_order",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} made {self.made_on:%d %B %Y}"

    def in_force_on(self, day) -> bool:
        return self.made_on <= day and (self.until_further_order or self.end_date >= day)


class OrderProhibition(models.Model):
    order = models.ForeignKey(CivilOrder, on_delete=models.CASCADE, related_name="prohibitions")
    position = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["order", "position"]
        constraints = [
            models.UniqueConstraint(fields=["order", "position"], name="prohibition_position")
        ]

    def __str__(self):
        return self.text


class BreachOf(models.TextChoices):
    NOTIFICATION = "notification", "A notification duty"
    ORDER = "order", "A prohibition of a civil order"


class SuspectedBreach(models.Model):
    offender = models.ForeignKey(
        "offenders.Offender", on_delete=models.PROTECT, related_name="suspected_breaches"
    )
    breach_of = models.CharField(max_length=20, choices=BreachOf.choices)
    prohibition = models.ForeignKey(
        OrderProhibition, on_delete=models.PROTECT, null=True, blank=True, related_name="breaches"
    )
    what = models.TextField("What happened")
    found_on = models.DateField("Date found")
    action_taken = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-found_on", "-pk"]
        verbose_name_plural = "suspected breaches"
        indexes = [models.Index(fields=["closed_on"], name="breach_closed_on")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("found_on")),
                name="breach_closed_after_found",
            ),
            models.CheckConstraint(
                condition=Q(breach_of="order") | Q(prohibition__isnull=True),
                name="breach_prohibition_only_for_orders",
            ),
        ]

    def __str__(self):
        return (
            f"Suspected breach of {self.get_breach_of_display().lower()} ({self.found_on:%d %B %Y})"
        )

    @property
    def is_open(self) -> bool:
        return self.closed_on is None
