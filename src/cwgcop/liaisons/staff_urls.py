"""The liaison desk and the work plan's deliverables, included under /staff/liaisons/ (namespace ``staff:liaisons``)."""

from django.urls import path

from cwgcop.liaisons.views import staff_deliverables as deliverables
from cwgcop.liaisons.views import staff_statements as statements

app_name = "liaisons"
urlpatterns = [
    path("", statements.desk, name="desk"),
    path("deadlines/", statements.deadlines, name="deadlines"),
    path("new/<slug:direction>/", statements.statement_create, name="create"),
    path("<int:pk>/", statements.statement_manage, name="manage"),
    path("<int:pk>/edit/", statements.statement_edit, name="edit"),
    path("<int:pk>/approve/", statements.statement_approve, name="approve"),
    path("<int:pk>/return/", statements.statement_return, name="return"),
    path("<int:pk>/send/", statements.statement_send, name="send"),
    path("<int:pk>/consider/", statements.statement_consider, name="consider"),
    path("<int:pk>/note/", statements.statement_note, name="note"),
    path("<int:pk>/answered/", statements.statement_answered, name="answered"),
    path("deliverables/new/", deliverables.deliverable_create, name="deliverable-create"),
    path("deliverables/<slug:slug>/", deliverables.deliverable_manage, name="deliverable"),
    path("deliverables/<slug:slug>/milestones/", deliverables.milestone_add, name="milestone-add"),
    path("deliverables/<slug:slug>/milestones/<int:pk>/", deliverables.milestone_edit, name="milestone-edit"),
]
