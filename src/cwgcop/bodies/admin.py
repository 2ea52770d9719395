from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from cwgcop.bodies.models import Body, Organization, Role


@admin.register(Body)
class BodyAdmin(TranslationAdmin[Body]):
    list_display = ("acronym", "name", "kind", "parent")
    prepopulated_fields = {"slug": ("acronym",)}
    search_fields = ("acronym", "name")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin[Organization]):
    list_display = ("name", "country", "region", "stakeholder_kind")
    list_filter = ("region", "stakeholder_kind")
    search_fields = ("name", "short_name")


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin[Role]):
    list_display = ("user", "body", "kind")
    list_filter = ("body", "kind")
