from django.contrib import admin

from cwgcop.accounts.models import ApiToken, Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin[Profile]):
    list_display = ["user", "full_name", "organization", "country", "language"]
    search_fields = ["user__username", "user__email", "full_name"]
    autocomplete_fields = ["organization"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Read-only: tokens are issued and revoked by their owners (the key is never stored)."""

    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["user", "name", "prefix", "key_hash", "created_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request: object) -> bool:
        return False
