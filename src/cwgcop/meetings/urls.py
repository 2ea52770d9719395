from django.urls import path

from cwgcop.core.redirects import moved
from cwgcop.meetings import record_views, registration_views, views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("actions/", record_views.action_register, name="actions"),
    path("actions.csv", record_views.action_register_csv, name="actions-csv"),
    path("actions/<int:pk>/", record_views.action_detail, name="action"),
    path("registrations/<int:pk>/", registration_views.registration_detail, name="registration"),
    path("registrations/<int:pk>/cancel/", registration_views.registration_cancel, name="registration-cancel"),
    path("<slug:body>/<int:number>/", views.meeting_detail, name="detail"),
    path("<slug:body>/<int:number>/register/", registration_views.register, name="register"),
    # Adopting and reopening an agenda moved under /staff/meetings/ (staff_urls.py); old addresses keep working.
    moved("<slug:body>/<int:number>/agenda/adopt/", "staff:meetings:agenda-adopt"),
    moved("<slug:body>/<int:number>/agenda/reopen/", "staff:meetings:agenda-reopen"),
]
