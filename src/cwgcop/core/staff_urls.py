from django.urls import path, re_path

from cwgcop.core import staff_views
from cwgcop.documents.views import staff as document_staff
from cwgcop.meetings import staff_views as meeting_staff

app_name = "staff"
SYMBOL = r"(?P<symbol>[A-Za-z0-9][A-Za-z0-9.\-/]*?)"
urlpatterns = [
    path("", staff_views.dashboard, name="dashboard"),
    path("meetings/new/", meeting_staff.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/edit/", meeting_staff.meeting_edit, name="meeting-edit"),
    path("documents/new/", document_staff.document_create, name="document-create"),
    re_path(rf"^documents/{SYMBOL}/$", document_staff.document_manage, name="document-manage"),
    re_path(rf"^documents/{SYMBOL}/upload/$", document_staff.document_upload, name="document-upload"),
    re_path(rf"^documents/{SYMBOL}/publish/$", document_staff.document_publish, name="document-publish"),
    re_path(rf"^documents/{SYMBOL}/revise/$", document_staff.document_revise, name="document-revise"),
    re_path(rf"^documents/{SYMBOL}/withdraw/$", document_staff.document_withdraw, name="document-withdraw"),
]
