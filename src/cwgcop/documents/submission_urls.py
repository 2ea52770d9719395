from django.urls import path

from cwgcop.documents.views import submissions

app_name = "submissions"
urlpatterns = [
    path("", submissions.my_submissions, name="mine"),
    path("new/", submissions.submission_new, name="new"),
    path("<int:pk>/", submissions.submission_detail, name="detail"),
    path("<int:pk>/upload/", submissions.submission_upload, name="upload"),
    path("<int:pk>/submit-again/", submissions.submission_resubmit, name="resubmit"),
    path("<int:pk>/files/<str:language>/", submissions.submission_file, name="file"),
]
