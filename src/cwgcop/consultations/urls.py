from django.urls import path

from cwgcop.consultations.views import public, sharing
from cwgcop.core.redirects import moved

app_name = "consultations"
OLD_STAFF = "<slug:slug>/staff/"
urlpatterns = [
    path("", public.index, name="index"),
    path("help/", public.help_page, name="help"),
    path("package/<str:token>/", sharing.package, name="package"),
    path("package/<str:token>/<str:fmt>/", sharing.package, name="package-download"),
    # The staff pages moved under /staff/consultations/ (staff_urls.py); old addresses keep working.
    moved("staff/", "staff:consultations:list"),
    moved("staff/new/", "staff:consultations:create"),
    path("<slug:slug>/", public.take_part, name="detail"),
    path("<slug:slug>/answer/", public.answer, name="answer"),
    path("<slug:slug>/results/", public.results_page, name="results"),
    path("<slug:slug>/receipt/", public.receipt, name="receipt"),
    path("<slug:slug>/feedback/", public.feedback, name="feedback"),
    moved("<slug:slug>/moderation/", "staff:consultations:moderation"),
    moved("<slug:slug>/moderation/<int:pk>/", "staff:consultations:moderate"),
    moved("<slug:slug>/safeguarding/", "staff:consultations:safeguarding"),
    moved("<slug:slug>/safeguarding/<int:pk>/", "staff:consultations:act"),
    moved(OLD_STAFF, "staff:consultations:manage"),
    moved(OLD_STAFF + "edit/", "staff:consultations:edit"),
    moved(OLD_STAFF + "questions/new/", "staff:consultations:question-add"),
    moved(OLD_STAFF + "questions/<int:pk>/", "staff:consultations:question-edit"),
    moved(OLD_STAFF + "questions/<int:pk>/delete/", "staff:consultations:question-delete"),
    moved(OLD_STAFF + "publish/", "staff:consultations:publish"),
    moved(OLD_STAFF + "codes/", "staff:consultations:code-create"),
    moved(OLD_STAFF + "codes/<int:pk>/deactivate/", "staff:consultations:code-deactivate"),
    moved(OLD_STAFF + "feedback/", "staff:consultations:feedback-edit"),
    moved(OLD_STAFF + "archive/", "staff:consultations:archive"),
    moved(OLD_STAFF + "packages/", "staff:consultations:packages"),
    moved(OLD_STAFF + "metrics/", "staff:consultations:metrics"),
]
