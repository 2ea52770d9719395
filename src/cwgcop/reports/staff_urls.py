"""Drafting, editing, approving and publishing council reports, under /staff/reports/ (namespace ``staff:reports``)."""

from django.urls import path

from cwgcop.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/edit/<str:language>/", views.report_edit, name="edit"),
    path("<int:pk>/approve/", views.report_approve, name="approve"),
    path("<int:pk>/publish/", views.report_publish, name="publish"),
]
