"""The root URL configuration (``ROOT_URLCONF``): every app's pages, the API, the feeds and the downloads."""

from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from cwgcop.core import health
from cwgcop.core.api.errors import api_not_found
from cwgcop.documents import urls as document_urls
from cwgcop.documents.symbols import SYMBOL_URL
from cwgcop.documents.views import public as document_views
from cwgcop.documents.views.feeds import DocumentsFeed
from cwgcop.events.views import public as event_views
from cwgcop.liaisons.views.feeds import LiaisonsFeed
from cwgcop.meetings.views import public as meeting_views
from cwgcop.site.api import api
from cwgcop.site.views import public as site_views

SYMBOL = SYMBOL_URL
LANG = r"(?P<language>ar|zh-hans|en|fr|ru|es)"

# The pages of the bodies gather their meetings and documents, so they live here at the top.
body_urlpatterns = [
    path("", site_views.body_list, name="list"),
    path("<slug:slug>/", site_views.body_detail, name="detail"),
]

urlpatterns = [
    # For load balancers and monitoring (docs/deployment.md, "Health checks").
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<rest>.*)$", api_not_found, name="api-not-found"),
    path("feeds/documents.atom", DocumentsFeed(), name="feeds-documents"),
    path("feeds/liaisons.atom", LiaisonsFeed(), name="feeds-liaisons"),
    path("meetings.ics", meeting_views.meetings_ics, name="meetings-ics"),
    path("events/<slug:series>.ics", event_views.series_ics, name="events-series-ics"),
    re_path(rf"^files/{SYMBOL}/rev(?P<revision>\d+)/{LANG}/$", document_views.download, name="download"),
    re_path(rf"^files/{SYMBOL}/{LANG}/$", document_views.download_latest, name="download-latest"),
    path("admin/", admin.site.urls),
]

# The admin signs people in through allauth too, so its login has the same e-mail check and two factors.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns += i18n_patterns(
    path("", site_views.home, name="home"),
    path("meetings/", include("cwgcop.meetings.urls")),
    path("documents/", include("cwgcop.documents.urls")),
    path("submissions/", include((document_urls.submission_urlpatterns, "submissions"))),
    path("bodies/", include((body_urlpatterns, "bodies"))),
    path("events/", include("cwgcop.events.urls")),
    path("reports/", include("cwgcop.reports.urls")),
    path("search/", include("cwgcop.search.urls")),
    path("consult/", include("cwgcop.consultations.urls")),
    path("", include("cwgcop.liaisons.urls")),
    path("staff/", include("cwgcop.site.staff_urls")),
    # Sign-up, sign-in, e-mail verification, password reset and two-factor authentication (allauth),
    # then the account's own pages (profile, API tokens).
    path("account/", include("allauth.urls")),
    path("account/", include("cwgcop.accounts.urls")),
    # The old sign-in address keeps working for bookmarks.
    path("login/", RedirectView.as_view(pattern_name="account_login", query_string=True, permanent=True), name="login"),
    prefix_default_language=True,
)

handler404 = "cwgcop.core.views.page_not_found"
handler500 = "cwgcop.core.views.server_error"
# allauth answers its rate limits (sign-in, sign-up, password reset) with this view.
handler429 = "cwgcop.core.views.too_many_requests"
