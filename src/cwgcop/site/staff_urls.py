from django.urls import include, path, re_path

from cwgcop.accounts.views import staff as account_staff
from cwgcop.documents.views import staff as document_staff
from cwgcop.documents.views import staff_queue as submission_queue
from cwgcop.meetings.views import staff as meeting_staff
from cwgcop.site.views import staff as site_staff

app_name = "staff"
SYMBOL = r"(?P<symbol>[A-Za-z0-9][A-Za-z0-9.\-/]*?)"
urlpatterns = [
    path("", site_staff.dashboard, name="dashboard"),
    path("meetings/new/", meeting_staff.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/edit/", meeting_staff.meeting_edit, name="meeting-edit"),
    path("", include("cwgcop.meetings.staff_urls")),
    path("documents/new/", document_staff.document_create, name="document-create"),
    re_path(rf"^documents/{SYMBOL}/upload/$", document_staff.document_upload, name="document-upload"),
    re_path(rf"^documents/{SYMBOL}/publish/$", document_staff.document_publish, name="document-publish"),
    re_path(rf"^documents/{SYMBOL}/revise/$", document_staff.document_revise, name="document-revise"),
    re_path(rf"^documents/{SYMBOL}/withdraw/$", document_staff.document_withdraw, name="document-withdraw"),
    path("submissions/", submission_queue.queue, name="submission-queue"),
    path("submissions/<int:pk>/publish/", submission_queue.queue_publish, name="submission-publish"),
    path("submissions/<int:pk>/return/", submission_queue.queue_return, name="submission-return"),
    path("bodies/<slug:slug>/roles/", account_staff.roles, name="body-roles"),
    path("bodies/<slug:slug>/roles/grant/", account_staff.role_grant, name="body-role-grant"),
    path("bodies/<slug:slug>/roles/<int:pk>/revoke/", account_staff.role_revoke, name="body-role-revoke"),
    path("history/<str:object_type>/<str:object_id>/", account_staff.history, name="history"),
    # Last: a symbol may hold slashes, so this pattern would also match the actions above.
    re_path(rf"^documents/{SYMBOL}/$", document_staff.document_manage, name="document-manage"),
]
