from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Force, Team, User


@admin.register(Force)
class ForceAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "force"]
    list_filter = ["force"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "force"]
    list_filter = ["role", "force"]
    fieldsets = BaseUserAdmin.fieldsets + (
        ("Organisation", {"fields": ("force", "teams", "role", "collar_number")}),
    )
