"""Every staff page, under /<lang>/staff/ (namespace ``staff``): one app's pages per nested namespace.

``accounts.middleware.StaffAccessMiddleware`` asks for sign-in, a staff role and two-factor authentication before
any view under this namespace runs; ``tests/accounts/test_staff_access.py`` proves it for every pattern.
"""

from django.urls import include, path

from cwgcop.site.views import staff as site_staff

app_name = "staff"
urlpatterns = [
    path("", site_staff.dashboard, name="dashboard"),
    path("", include("cwgcop.meetings.staff_urls")),
    path("", include("cwgcop.documents.staff_urls")),
    path("", include("cwgcop.accounts.staff_urls")),
    path("", include("cwgcop.bodies.staff_urls")),
    path("liaisons/", include("cwgcop.liaisons.staff_urls")),
    path("events/", include("cwgcop.events.staff_urls")),
    path("consultations/", include("cwgcop.consultations.staff_urls")),
    path("reports/", include("cwgcop.reports.staff_urls")),
    path("imports/", include("cwgcop.history.staff_urls")),
]
