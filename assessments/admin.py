"""Framework versions are visible in the admin for their history, but read-only: a new version
is loaded with ``manage.py load_framework`` so that old assessments keep their wording.
Assessments themselves are not here: every change goes through assessments.services."""

from django.contrib import admin

from arms_site.lib.admin import ReadOnlyAdmin

from .models import Factor, FrameworkVersion


class FactorInline(admin.TabularInline):
    model = Factor
    fields = ["order", "code", "kind", "name", "guidance", "rating_labels"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(ReadOnlyAdmin):
    list_display = ["number", "label", "loaded_at", "loaded_by"]
    readonly_fields = ["number", "label", "loaded_at", "loaded_by", "notes"]
    inlines = [FactorInline]


@admin.register(Factor)
class FactorAdmin(ReadOnlyAdmin):
    list_display = ["framework", "order", "code", "kind", "name"]
    list_filter = ["framework", "kind"]
