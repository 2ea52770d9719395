from django.urls import path

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
    path("<slug:body>/<int:number>/agenda/adopt/", record_views.agenda_adopt, name="agenda-adopt"),
    path("<slug:body>/<int:number>/agenda/reopen/", record_views.agenda_reopen, name="agenda-reopen"),
]
