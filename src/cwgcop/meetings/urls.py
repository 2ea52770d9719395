from django.urls import path

from cwgcop.core.redirects import moved
from cwgcop.meetings.views import public, record, registration

app_name = "meetings"
urlpatterns = [
    path("", public.meeting_list, name="list"),
    path("actions/", record.action_register, name="actions"),
    path("actions.csv", record.action_register_csv, name="actions-csv"),
    path("actions/<int:pk>/", record.action_detail, name="action"),
    path("registrations/<int:pk>/", registration.registration_detail, name="registration"),
    path("registrations/<int:pk>/cancel/", registration.registration_cancel, name="registration-cancel"),
    path("<slug:body>/<int:number>/", public.meeting_detail, name="detail"),
    path("<slug:body>/<int:number>/register/", registration.register, name="register"),
    # Adopting and reopening an agenda moved under /staff/meetings/ (staff_urls.py); old addresses keep working.
    moved("<slug:body>/<int:number>/agenda/adopt/", "staff:meetings:agenda-adopt"),
    moved("<slug:body>/<int:number>/agenda/reopen/", "staff:meetings:agenda-reopen"),
]
