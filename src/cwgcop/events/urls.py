from django.urls import path

from cwgcop.events.views import public, staff

app_name = "events"
REG = "registration/<uuid:public_id>/<str:secret>/"
urlpatterns = [
    path("", public.series_index, name="index"),
    path(REG, public.registration_manage, name="registration-manage"),
    path(REG + "confirm/", public.registration_confirm, name="registration-confirm"),
    path(REG + "cancel/", public.registration_cancel, name="registration-cancel"),
    path(REG + "erase/", public.registration_erase, name="registration-erase"),
    path("<slug:series>/", public.series_detail, name="series"),
    path("<slug:series>/<slug:event>/", public.event_detail, name="detail"),
    path("<slug:series>/<slug:event>/register/", public.register, name="register"),
    path("<slug:series>/<slug:event>/staff/", staff.registrations, name="staff-registrations"),
    path("<slug:series>/<slug:event>/staff/export.<str:fmt>", staff.export, name="staff-export"),
    path("<slug:series>/<slug:event>/staff/capacity/", staff.capacity, name="staff-capacity"),
    path("<slug:series>/<slug:event>/staff/email/", staff.email_all, name="staff-email"),
    path("<slug:series>/<slug:event>/staff/<uuid:public_id>/check-in/", staff.check_in, name="staff-check-in"),
]
