"""The secretariat's pages for bodies and organisations, included under /staff/ (namespace ``staff:bodies``)."""

from django.urls import path

from cwgcop.bodies.views import staff

app_name = "bodies"
urlpatterns = [
    path("bodies/", staff.body_list, name="body-list"),
    path("bodies/new/", staff.body_create, name="body-create"),
    path("bodies/<slug:slug>/edit/", staff.body_edit, name="body-edit"),
    path("bodies/<slug:slug>/retire/", staff.body_retire, name="body-retire"),
    path("organisations/", staff.organization_list, name="organization-list"),
    path("organisations/new/", staff.organization_create, name="organization-create"),
    path("organisations/<int:pk>/", staff.organization_edit, name="organization-edit"),
    path("organisations/<int:pk>/retire/", staff.organization_retire, name="organization-retire"),
    path("organisations/<int:pk>/merge/", staff.organization_merge, name="organization-merge"),
]
