"""Read-only admin: every change goes through engagements.services (audited, versioned).

The level policy is edited on its own page (/level-policy/), which adds a new version; the admin
never edits a version in place, so past decisions keep the rules they were made with.
"""

from django.contrib import admin

from arms_site.lib.admin import ReadOnlyAdmin

from .models import (
    ChangeOfCircumstances,
    LevelDecision,
    OffenderSchedule,
    Policy,
    ReactiveManagement,
    Visit,
    VisitFrequency,
)


@admin.register(Policy)
class PolicyAdmin(ReadOnlyAdmin):
    list_display = ["version", "force", "number", "created_by", "created_at"]
    list_filter = ["force"]


@admin.register(LevelDecision)
class LevelDecisionAdmin(ReadOnlyAdmin):
    list_display = ["offender", "final_level", "derived_level", "effective_date", "status"]
    list_filter = ["status", "final_level"]


@admin.register(ReactiveManagement)
class ReactiveManagementAdmin(ReadOnlyAdmin):
    list_display = ["offender", "status", "start", "end"]


@admin.register(Visit)
class VisitAdmin(ReadOnlyAdmin):
    list_display = ["offender", "kind", "planned_for", "completed_at", "outcome"]


@admin.register(ChangeOfCircumstances)
class ChangeOfCircumstancesAdmin(ReadOnlyAdmin):
    list_display = ["offender", "kind", "occurred_on", "recorded_at"]


@admin.register(OffenderSchedule)
class OffenderScheduleAdmin(ReadOnlyAdmin):
    list_display = ["offender", "current_level", "next_visit_due", "next_reassessment_due"]


@admin.register(VisitFrequency)
class VisitFrequencyAdmin(ReadOnlyAdmin):
    list_display = ["offender", "interval_months", "set_by", "set_at", "ended_at"]
