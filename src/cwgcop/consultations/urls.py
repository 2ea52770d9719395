from django.urls import path

from cwgcop.consultations.views import public, secretariat, sharing, staff

app_name = "consultations"
STAFF = "<slug:slug>/staff/"
urlpatterns = [
    path("", public.index, name="index"),
    path("help/", public.help_page, name="help"),
    path("package/<str:token>/", sharing.package, name="package"),
    path("package/<str:token>/<str:fmt>/", sharing.package, name="package-download"),
    path("staff/", secretariat.consultation_list, name="staff-list"),
    path("staff/new/", secretariat.consultation_create, name="create"),
    path("<slug:slug>/", public.take_part, name="detail"),
    path("<slug:slug>/answer/", public.answer, name="answer"),
    path("<slug:slug>/results/", public.results_page, name="results"),
    path("<slug:slug>/receipt/", public.receipt, name="receipt"),
    path("<slug:slug>/feedback/", public.feedback, name="feedback"),
    path("<slug:slug>/moderation/", staff.moderation, name="moderation"),
    path("<slug:slug>/moderation/<int:pk>/", staff.moderate, name="moderate"),
    path("<slug:slug>/moderation/<int:pk>/escalate/", staff.escalate, name="escalate"),
    path("<slug:slug>/safeguarding/", staff.safeguarding, name="safeguarding"),
    path("<slug:slug>/safeguarding/<int:pk>/", staff.act, name="act"),
    path(STAFF, secretariat.manage, name="manage"),
    path(STAFF + "edit/", secretariat.consultation_edit, name="edit"),
    path(STAFF + "questions/new/", secretariat.question_add, name="question-add"),
    path(STAFF + "questions/<int:pk>/", secretariat.question_edit, name="question-edit"),
    path(STAFF + "questions/<int:pk>/delete/", secretariat.question_delete, name="question-delete"),
    path(STAFF + "publish/", secretariat.publish, name="publish"),
    path(STAFF + "codes/", secretariat.group_code_create, name="code-create"),
    path(STAFF + "codes/<int:pk>/deactivate/", secretariat.group_code_deactivate, name="code-deactivate"),
    path(STAFF + "feedback/", secretariat.feedback_edit, name="feedback-edit"),
    path(STAFF + "archive/", secretariat.archive, name="archive"),
    path(STAFF + "packages/", secretariat.packages, name="packages"),
    path(STAFF + "metrics/", secretariat.metrics_page, name="metrics"),
]
