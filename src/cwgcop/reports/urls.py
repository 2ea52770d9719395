from django.urls import path

from cwgcop.core.redirects import moved
from cwgcop.reports import views

app_name = "reports"
urlpatterns = [
    path("<int:pk>/<str:language>.<str:fmt>", views.download, name="download"),
    # Drafting moved under /staff/reports/ (staff_urls.py); old addresses keep working.
    moved("", "staff:reports:list"),
    moved("<int:pk>/", "staff:reports:detail"),
    moved("<int:pk>/edit/<str:language>/", "staff:reports:edit"),
    moved("<int:pk>/approve/", "staff:reports:approve"),
    moved("<int:pk>/publish/", "staff:reports:publish"),
]
