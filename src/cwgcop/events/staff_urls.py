"""Secretariat pages for an event, included under /staff/events/ (namespace ``staff:events``)."""

from django.urls import path

from cwgcop.events.views import staff

app_name = "events"
EVENT = "<slug:series>/<slug:event>/"
urlpatterns = [
    path(EVENT, staff.registrations, name="registrations"),
    path(EVENT + "export.<str:fmt>", staff.export, name="export"),
    path(EVENT + "capacity/", staff.capacity, name="capacity"),
    path(EVENT + "email/", staff.email_all, name="email"),
    path(EVENT + "<uuid:public_id>/check-in/", staff.check_in, name="check-in"),
]
