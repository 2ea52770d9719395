"""Secretariat, moderation and safeguarding pages, under /staff/consultations/ (``staff:consultations``)."""

from django.urls import path

from cwgcop.consultations.views import secretariat, staff

app_name = "consultations"
ONE = "<slug:slug>/"
urlpatterns = [
    path("", secretariat.consultation_list, name="list"),
    # Before the consultation's own pages: "new" is a reserved short name.
    path("new/", secretariat.consultation_create, name="create"),
    path(ONE, secretariat.manage, name="manage"),
    path(ONE + "edit/", secretariat.consultation_edit, name="edit"),
    path(ONE + "questions/new/", secretariat.question_add, name="question-add"),
    path(ONE + "questions/<int:pk>/", secretariat.question_edit, name="question-edit"),
    path(ONE + "questions/<int:pk>/delete/", secretariat.question_delete, name="question-delete"),
    path(ONE + "publish/", secretariat.publish, name="publish"),
    path(ONE + "codes/", secretariat.group_code_create, name="code-create"),
    path(ONE + "codes/<int:pk>/deactivate/", secretariat.group_code_deactivate, name="code-deactivate"),
    path(ONE + "feedback/", secretariat.feedback_edit, name="feedback-edit"),
    path(ONE + "archive/", secretariat.archive, name="archive"),
    path(ONE + "packages/", secretariat.packages, name="packages"),
    path(ONE + "packages/<int:pk>/revoke/", secretariat.package_revoke, name="package-revoke"),
    path(ONE + "metrics/", secretariat.metrics_page, name="metrics"),
    path(ONE + "moderation/", staff.moderation, name="moderation"),
    path(ONE + "moderation/<int:pk>/", staff.moderate, name="moderate"),
    path(ONE + "moderation/<int:pk>/remove/", staff.remove_span, name="remove_span"),
    path(ONE + "moderation/<int:pk>/remove-words/", staff.remove_words, name="remove_words"),
    path(ONE + "moderation/<int:pk>/escalate/", staff.escalate, name="escalate"),
    path(ONE + "safeguarding/", staff.safeguarding, name="safeguarding"),
    path(ONE + "safeguarding/<int:pk>/", staff.act, name="act"),
]
