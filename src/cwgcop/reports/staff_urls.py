"""Drafting, editing, approving and publishing council reports, under /staff/reports/ (namespace ``staff:reports``)."""

from django.urls import path

from cwgcop.reports.views import reports as views
from cwgcop.reports.views import texts as text_views

app_name = "reports"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/edit/<str:language>/", views.report_edit, name="edit"),
    path("<int:pk>/approve/", views.report_approve, name="approve"),
    path("<int:pk>/publish/", views.report_publish, name="publish"),
    path("<int:pk>/publish/retry/", views.report_retry_publication, name="retry_publication"),
    path("<int:pk>/particulars/", text_views.report_particulars, name="particulars"),
    path("<int:pk>/v<int:number>/<str:language>.<str:fmt>", text_views.report_preview, name="preview"),
    path("governing-texts/<slug:slug>/", text_views.governing_texts, name="governing_texts"),
    path("governing-texts/edit/<int:pk>/", text_views.governing_text_edit, name="governing_text_edit"),
]
