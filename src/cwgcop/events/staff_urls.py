"""Secretariat pages for event series and events, included under /staff/events/ (namespace ``staff:events``)."""

from django.urls import path

from cwgcop.events.views import staff, staff_schedule

app_name = "events"
SERIES = "<slug:series>/"
EVENT = "<slug:series>/<slug:event>/"
urlpatterns = [
    path("", staff_schedule.index, name="index"),
    path("new/", staff_schedule.series_create, name="series-create"),
    # Before EVENT, which would read "edit" as an event's short name (the services refuse such short names).
    path(SERIES + "edit/", staff_schedule.series_edit, name="series-edit"),
    path(SERIES + "retire/", staff_schedule.series_retire, name="series-retire"),
    path(SERIES + "new/", staff_schedule.event_create, name="event-create"),
    path(EVENT, staff.registrations, name="registrations"),
    path(EVENT + "edit/", staff_schedule.event_edit, name="event-edit"),
    path(EVENT + "postpone/", staff_schedule.event_postpone, name="event-postpone"),
    path(EVENT + "cancel/", staff_schedule.event_cancel, name="event-cancel"),
    path(EVENT + "export.<str:fmt>", staff.export, name="export"),
    path(EVENT + "capacity/", staff.capacity, name="capacity"),
    path(EVENT + "email/", staff.email_all, name="email"),
    path(EVENT + "<uuid:public_id>/check-in/", staff.check_in, name="check-in"),
]
