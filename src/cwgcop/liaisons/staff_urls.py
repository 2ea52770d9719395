from django.urls import path

from cwgcop.accounts.middleware import requires_mfa
from cwgcop.liaisons.views import staff_deliverables as deliverables
from cwgcop.liaisons.views import staff_statements as statements

# Every page here is a staff page: a staff role must have set up two-factor authentication first.
app_name = "liaisons_staff"
urlpatterns = [
    path("", requires_mfa(statements.desk), name="desk"),
    path("deadlines/", requires_mfa(statements.deadlines), name="deadlines"),
    path("new/<slug:direction>/", requires_mfa(statements.statement_create), name="create"),
    path("<int:pk>/", requires_mfa(statements.statement_manage), name="manage"),
    path("<int:pk>/edit/", requires_mfa(statements.statement_edit), name="edit"),
    path("<int:pk>/approve/", requires_mfa(statements.statement_approve), name="approve"),
    path("<int:pk>/return/", requires_mfa(statements.statement_return), name="return"),
    path("<int:pk>/send/", requires_mfa(statements.statement_send), name="send"),
    path("<int:pk>/consider/", requires_mfa(statements.statement_consider), name="consider"),
    path("<int:pk>/note/", requires_mfa(statements.statement_note), name="note"),
    path("<int:pk>/answered/", requires_mfa(statements.statement_answered), name="answered"),
    path("deliverables/new/", requires_mfa(deliverables.deliverable_create), name="deliverable-create"),
    path("deliverables/<slug:slug>/", requires_mfa(deliverables.deliverable_manage), name="deliverable"),
    path("deliverables/<slug:slug>/milestones/", requires_mfa(deliverables.milestone_add), name="milestone-add"),
    path(
        "deliverables/<slug:slug>/milestones/<int:pk>/",
        requires_mfa(deliverables.milestone_edit),
        name="milestone-edit",
    ),
]
