"""Secretariat pages for documents and the submissions queue, included under /staff/ (namespace ``staff:documents``)."""

from django.urls import path, re_path

from cwgcop.documents.symbols import SYMBOL_URL
from cwgcop.documents.views import staff as document_staff
from cwgcop.documents.views import staff_queue as submission_queue

app_name = "documents"
SYMBOL = SYMBOL_URL
urlpatterns = [
    path("documents/new/", document_staff.document_create, name="document-create"),
    re_path(rf"^documents/{SYMBOL}/upload/$", document_staff.document_upload, name="document-upload"),
    re_path(rf"^documents/{SYMBOL}/publish/$", document_staff.document_publish, name="document-publish"),
    re_path(rf"^documents/{SYMBOL}/revise/$", document_staff.document_revise, name="document-revise"),
    re_path(rf"^documents/{SYMBOL}/withdraw/$", document_staff.document_withdraw, name="document-withdraw"),
    path("submissions/", submission_queue.queue, name="submission-queue"),
    path("submissions/<int:pk>/publish/", submission_queue.queue_publish, name="submission-publish"),
    path("submissions/<int:pk>/return/", submission_queue.queue_return, name="submission-return"),
    # Last: a symbol may hold slashes, so this pattern would also match the actions above.
    re_path(rf"^documents/{SYMBOL}/$", document_staff.document_manage, name="document-manage"),
]
