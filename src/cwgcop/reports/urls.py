from django.urls import path

from cwgcop.core.redirects import moved
from cwgcop.reports.views import reports as views
from cwgcop.reports.views import texts as text_views

app_name = "reports"
urlpatterns = [
    path("<int:pk>/<str:language>.<str:fmt>", views.download, name="download"),
    path("council/", text_views.council_reports, name="council"),
    path("history/<slug:slug>.png", text_views.history_chart, name="history_chart"),
    # Drafting moved under /staff/reports/ (staff_urls.py); old addresses keep working.
    moved("", "staff:reports:list"),
    moved("<int:pk>/", "staff:reports:detail"),
    moved("<int:pk>/edit/<str:language>/", "staff:reports:edit"),
    moved("<int:pk>/approve/", "staff:reports:approve"),
    moved("<int:pk>/publish/", "staff:reports:publish"),
]
