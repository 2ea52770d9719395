"""Secretariat and chair pages for meetings, included under /staff/ (namespace ``staff:meetings``)."""

from django.urls import path

from cwgcop.meetings.views import staff as meeting_staff
from cwgcop.meetings.views import staff_officers as officers
from cwgcop.meetings.views import staff_participation as participation
from cwgcop.meetings.views import staff_record as record

app_name = "meetings"
urlpatterns = [
    path("meetings/new/", meeting_staff.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/edit/", meeting_staff.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/", participation.meeting_manage, name="meeting-manage"),
    path("meetings/<int:pk>/officers/", officers.meeting_officers, name="meeting-officers"),
    path("meetings/<int:pk>/status/", officers.meeting_status, name="meeting-status"),
    path("meetings/<int:pk>/attendance/", participation.attendance, name="meeting-attendance"),
    path("meetings/<int:pk>/attendance/import/", participation.attendance_import, name="meeting-attendance-import"),
    path("meetings/<int:pk>/carry-forward/", participation.carry_forward, name="meeting-carry-forward"),
    path("attendance/<int:pk>/remove/", participation.attendance_remove, name="attendance-remove"),
    path("meetings/<int:pk>/agenda/", record.agenda, name="meeting-agenda"),
    path("meetings/<slug:body>/<int:number>/agenda/adopt/", record.agenda_adopt, name="agenda-adopt"),
    path("meetings/<slug:body>/<int:number>/agenda/reopen/", record.agenda_reopen, name="agenda-reopen"),
    path("agenda-items/<int:pk>/", record.agenda_item_edit, name="agenda-item-edit"),
    path("agenda-items/<int:pk>/move/", record.agenda_item_move, name="agenda-item-move"),
    path("agenda-items/<int:pk>/remove/", record.agenda_item_remove, name="agenda-item-remove"),
    path("meetings/<int:pk>/outcomes/", record.outcomes, name="meeting-outcomes"),
    path("outcomes/<int:pk>/", record.outcome_edit, name="outcome-edit"),
    path("outcomes/<int:pk>/move/", record.outcome_move, name="outcome-move"),
    path("outcomes/<int:pk>/remove/", record.outcome_remove, name="outcome-remove"),
    path("outcomes/<int:pk>/actions/new/", record.action_create, name="action-create"),
    path("actions/<int:pk>/", record.action_edit, name="action-edit"),
    path("actions/<int:pk>/close/", record.action_close, name="action-close"),
    path("actions/<int:pk>/reopen/", record.action_reopen, name="action-reopen"),
]
