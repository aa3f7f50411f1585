from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: nobody adds, changes or deletes audit entries, not even a superuser."""

    list_display = ["at", "actor", "action", "object_type", "object_id", "offender", "summary"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_id", "summary", "actor__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
