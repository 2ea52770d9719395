from django.urls import path

from cwgcop.core.redirects import moved
from cwgcop.events.views import public

app_name = "events"
REG = "registration/<uuid:public_id>/<str:secret>/"
OLD_STAFF = "<slug:series>/<slug:event>/staff/"
urlpatterns = [
    path("", public.series_index, name="index"),
    path(REG, public.registration_manage, name="registration-manage"),
    path(REG + "confirm/", public.registration_confirm, name="registration-confirm"),
    path(REG + "cancel/", public.registration_cancel, name="registration-cancel"),
    path(REG + "erase/", public.registration_erase, name="registration-erase"),
    path("<slug:series>/", public.series_detail, name="series"),
    path("<slug:series>/<slug:event>/", public.event_detail, name="detail"),
    path("<slug:series>/<slug:event>/register/", public.register, name="register"),
    # The staff pages moved under /staff/events/ (staff_urls.py); old addresses keep working.
    moved(OLD_STAFF, "staff:events:registrations"),
    moved(OLD_STAFF + "export.<str:fmt>", "staff:events:export"),
    moved(OLD_STAFF + "capacity/", "staff:events:capacity"),
    moved(OLD_STAFF + "email/", "staff:events:email"),
    moved(OLD_STAFF + "<uuid:public_id>/check-in/", "staff:events:check-in"),
]
