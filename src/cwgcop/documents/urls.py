from django.urls import path, re_path

from cwgcop.documents.symbols import SYMBOL_URL
from cwgcop.documents.views import public, submissions

app_name = "documents"
urlpatterns = [
    path("", public.archive, name="archive"),
    re_path(rf"^{SYMBOL_URL}/$", public.document_detail, name="detail"),
]

# Mounted at /submissions/ in the namespace "submissions" (the root URL configuration includes it so).
submission_urlpatterns = [
    path("", submissions.my_submissions, name="mine"),
    path("new/", submissions.submission_new, name="new"),
    path("<int:pk>/", submissions.submission_detail, name="detail"),
    path("<int:pk>/upload/", submissions.submission_upload, name="upload"),
    path("<int:pk>/submit-again/", submissions.submission_resubmit, name="resubmit"),
    path("<int:pk>/files/<str:language>/", submissions.submission_file, name="file"),
]
